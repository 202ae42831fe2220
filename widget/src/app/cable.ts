// A minimal ActionCable client: one RoomChannel subscription with the visitor's pubsub token,
// reconnecting with backoff when the connection drops or the server stops pinging.
export type CableEvent = { event: string; data: Record<string, unknown> };

export function connectCable(pubsubToken: string, onEvent: (event: CableEvent) => void, onState: (connected: boolean) => void) {
  const identifier = JSON.stringify({ channel: 'RoomChannel', pubsub_token: pubsubToken });
  let socket: WebSocket | undefined;
  let closed = false;
  let attempts = 0;
  let watchdog: ReturnType<typeof setTimeout> | undefined;

  const alive = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => socket?.close(), 12_000);
  };
  const open = () => {
    if (closed) return;
    socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/cable`, ['actioncable-v1-json']);
    socket.onmessage = (e) => {
      alive();
      const frame = JSON.parse(String(e.data)) as { type?: string; identifier?: string; message?: CableEvent };
      if (frame.type === 'welcome') socket?.send(JSON.stringify({ command: 'subscribe', identifier }));
      else if (frame.type === 'confirm_subscription') {
        attempts = 0;
        onState(true);
      } else if (!frame.type && frame.message?.event) onEvent(frame.message);
    };
    socket.onclose = () => {
      clearTimeout(watchdog);
      onState(false);
      if (!closed) setTimeout(open, Math.min(30_000, 500 * 2 ** attempts++));
    };
  };
  open();
  return () => {
    closed = true;
    clearTimeout(watchdog);
    socket?.close();
  };
}
