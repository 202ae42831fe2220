import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CableConnection, type CableEvent } from './cable-connection';

/** A stand-in for the browser's WebSocket that the test drives frame by frame. */
class FakeSocket {
  static all: FakeSocket[] = [];
  static readonly OPEN = 1;
  readyState = 1;
  sent: Record<string, unknown>[] = [];
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.all.push(this);
  }
  send(frame: string) {
    this.sent.push(JSON.parse(frame) as Record<string, unknown>);
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  receive(frame: Record<string, unknown>) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

const IDENTIFIER = { channel: 'RoomChannel', pubsub_token: 'tok', account_id: 1, user_id: 2 };

describe('CableConnection', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
    vi.stubGlobal('WebSocket', FakeSocket);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  function connect() {
    const events: CableEvent[] = [];
    const subscribed: boolean[] = [];
    const connection = new CableConnection('ws://host/cable', IDENTIFIER, {
      onEvent: (event) => events.push(event),
      onSubscribed: (resumed) => subscribed.push(resumed),
    });
    connection.start();
    return { connection, events, subscribed };
  }

  function subscribe(socket: FakeSocket) {
    socket.receive({ type: 'welcome' });
    socket.receive({ identifier: JSON.stringify(IDENTIFIER), type: 'confirm_subscription' });
  }

  it('subscribes to RoomChannel with the pubsub token and passes events on', () => {
    const { connection, events, subscribed } = connect();
    const socket = FakeSocket.all[0]!;
    expect(socket.protocols).toContain('actioncable-v1-json');
    subscribe(socket);
    expect(socket.sent[0]).toEqual({ command: 'subscribe', identifier: JSON.stringify(IDENTIFIER) });
    expect(socket.sent[1]).toMatchObject({ command: 'message', data: JSON.stringify({ action: 'update_presence' }) });
    expect(subscribed).toEqual([false]);

    socket.receive({ type: 'ping', message: 1 });
    socket.receive({ identifier: JSON.stringify(IDENTIFIER), message: { event: 'message.created', data: { id: 5 } } });
    expect(events).toEqual([{ event: 'message.created', data: { id: 5 } }]);
    connection.stop();
  });

  it('reconnects after the socket closes and says the subscription resumed (time to resync)', () => {
    const { connection, subscribed } = connect();
    subscribe(FakeSocket.all[0]!);
    FakeSocket.all[0]!.close();
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(600);
    expect(FakeSocket.all).toHaveLength(2);
    subscribe(FakeSocket.all[1]!);
    expect(subscribed).toEqual([false, true]);
    connection.stop();
  });

  it('gives up on a socket that stops receiving pings and opens a new one', () => {
    const { connection } = connect();
    subscribe(FakeSocket.all[0]!);
    vi.advanceTimersByTime(13_000);
    expect(FakeSocket.all.length).toBeGreaterThanOrEqual(2);
    expect(FakeSocket.all[0]!.readyState).toBe(3);
    connection.stop();
  });
});
