/**
 * A small ActionCable client for `/cable`: one RoomChannel subscription, presence pings, and
 * reconnection with back-off when the server stops pinging or the socket closes.
 */

export type CableEvent = { event: string; data: unknown };

export type CableHandlers = {
  onEvent(event: CableEvent): void;
  /** Subscribed; `resumed` is true after a lost connection came back (time to resync). */
  onSubscribed(resumed: boolean): void;
  onStateChange?(connected: boolean): void;
};

const PRESENCE_INTERVAL_MS = 20_000;
/** The server pings every 3 s; this long without one means the connection is gone. */
const STALE_AFTER_MS = 10_000;
const MAX_BACKOFF_MS = 15_000;

export class CableConnection {
  private socket: WebSocket | null = null;
  private stopped = false;
  private attempts = 0;
  private everSubscribed = false;
  private lastSeen = 0;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private presence: ReturnType<typeof setInterval> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private readonly identifier: string;

  constructor(
    private readonly url: string,
    identifier: Record<string, unknown>,
    private readonly handlers: CableHandlers,
  ) {
    this.identifier = JSON.stringify(identifier);
  }

  start(): void {
    this.stopped = false;
    this.open();
    this.watchdog = setInterval(() => {
      if (this.socket && Date.now() - this.lastSeen > STALE_AFTER_MS) this.reconnect();
    }, 2_000);
    window.addEventListener('online', this.onOnline);
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    if (this.watchdog) clearInterval(this.watchdog);
    if (this.retry) clearTimeout(this.retry);
    this.stopPresence();
    this.socket?.close();
    this.socket = null;
  }

  private readonly onOnline = () => {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) this.reconnect();
  };

  private open(): void {
    const socket = new WebSocket(this.url, ['actioncable-v1-json', 'actioncable-unsupported']);
    this.socket = socket;
    this.lastSeen = Date.now();
    socket.onmessage = (message) => {
      if (this.socket !== socket) return;
      this.lastSeen = Date.now();
      this.receive(String(message.data));
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.handlers.onStateChange?.(false);
      this.stopPresence();
      this.scheduleRetry();
    };
  }

  private reconnect(): void {
    const old = this.socket;
    this.socket = null;
    old?.close();
    this.handlers.onStateChange?.(false);
    this.stopPresence();
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retry) return;
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempts);
    this.attempts += 1;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.stopped) this.open();
    }, delay);
  }

  private receive(raw: string): void {
    let frame: { type?: string; identifier?: string; message?: unknown };
    try {
      frame = JSON.parse(raw) as typeof frame;
    } catch {
      return;
    }
    if (frame.type === 'welcome') {
      this.send({ command: 'subscribe', identifier: this.identifier });
      return;
    }
    if (frame.type === 'confirm_subscription') {
      const resumed = this.everSubscribed;
      this.everSubscribed = true;
      this.attempts = 0;
      this.handlers.onStateChange?.(true);
      this.handlers.onSubscribed(resumed);
      this.startPresence();
      return;
    }
    if (frame.type === 'ping' || frame.type || !frame.message) return;
    const message = frame.message as Partial<CableEvent>;
    if (typeof message.event === 'string') this.handlers.onEvent({ event: message.event, data: message.data });
  }

  private startPresence(): void {
    this.stopPresence();
    this.sendPresence();
    this.presence = setInterval(() => this.sendPresence(), PRESENCE_INTERVAL_MS);
  }

  private stopPresence(): void {
    if (this.presence) clearInterval(this.presence);
    this.presence = null;
  }

  private sendPresence(): void {
    this.send({ command: 'message', identifier: this.identifier, data: JSON.stringify({ action: 'update_presence' }) });
  }

  private send(frame: Record<string, unknown>): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }
}

export const cableUrl = () => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/cable`;
