import WebSocket from 'ws';
import { waitFor } from './wait';

/** A frame the server sent over `/cable`. */
export type CableFrame = { type?: string; identifier?: string; message?: unknown };
/** What `{identifier, message}` frames carry: Chatwoot's `{event, data}`. */
export type CableEvent = { event: string; data: Record<string, unknown> };

/** `{"channel":"RoomChannel",...}` as Chatwoot's dashboard (agent) or widget (contact) sends it. */
export function roomIdentifier(params: { pubsubToken: string; accountId?: number; userId?: number }): string {
  return JSON.stringify({
    channel: 'RoomChannel',
    pubsub_token: params.pubsubToken,
    ...(params.accountId !== undefined ? { account_id: params.accountId } : {}),
    ...(params.userId !== undefined ? { user_id: params.userId } : {}),
  });
}

/** An ActionCable client over a real websocket, recording every frame it receives. */
export class CableClient {
  readonly frames: CableFrame[] = [];
  closed = false;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => this.frames.push(JSON.parse(String(data)) as CableFrame));
    socket.on('close', () => (this.closed = true));
  }

  /** Opens `<url>/cable` (with Chatwoot's sub-protocols unless told otherwise) and waits for the welcome. */
  static async connect(baseUrl: string, protocols: string[] = ['actioncable-v1-json', 'actioncable-unsupported']): Promise<CableClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/cable`, protocols);
    const client = new CableClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    await client.waitForFrame((f) => f.type === 'welcome');
    return client;
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Subscribes and resolves with the answer: `confirm_subscription` or `reject_subscription`. */
  async subscribe(identifier: string): Promise<string | undefined> {
    const from = this.frames.length;
    this.send({ command: 'subscribe', identifier });
    const answer = await this.waitForFrame(
      (f) => f.identifier === identifier && (f.type === 'confirm_subscription' || f.type === 'reject_subscription'),
      10_000,
      from,
    );
    return answer.type;
  }

  perform(identifier: string, data: Record<string, unknown>): void {
    this.send({ command: 'message', identifier, data: JSON.stringify(data) });
  }

  /** The events received so far, optionally of one name. */
  events(name?: string): CableEvent[] {
    return this.frames
      .filter((f) => f.identifier !== undefined && f.message !== undefined)
      .map((f) => f.message as CableEvent)
      .filter((m) => name === undefined || m.event === name);
  }

  async waitForFrame(match: (frame: CableFrame) => boolean, timeoutMs = 10_000, from = 0): Promise<CableFrame> {
    return waitFor(() => this.frames.slice(from).find(match), timeoutMs, 10);
  }

  async waitForEvent(name: string, match: (data: Record<string, unknown>) => boolean = () => true, timeoutMs = 10_000): Promise<CableEvent> {
    return waitFor(() => this.events(name).find((e) => match(e.data)), timeoutMs, 10);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    const closed = new Promise((resolve) => this.socket.once('close', resolve));
    this.socket.close();
    await closed;
  }
}
