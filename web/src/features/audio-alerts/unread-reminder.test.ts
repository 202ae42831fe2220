import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REMINDER_INTERVAL_MS, startUnreadReminder } from './unread-reminder';

describe('the 30-second reminder of unread assigned conversations', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A reminder over a changeable unread count and window state; records plays and requests. */
  function reminder(options: { unread: number; inFront?: boolean }) {
    const state = { unread: options.unread, inFront: options.inFront ?? false, plays: 0, asked: 0, failing: false };
    const stop = startUnreadReminder({
      intervalMs: REMINDER_INTERVAL_MS,
      shouldRemind: (unread) => !state.inFront && unread > 0,
      countUnreadAssigned: () => {
        state.asked += 1;
        return state.failing ? Promise.reject(new Error('offline')) : Promise.resolve(state.unread);
      },
      play: () => {
        state.plays += 1;
      },
    });
    return { state, stop };
  }

  it('sounds once every 30 s while a conversation is unread, and not before', async () => {
    const { state, stop } = reminder({ unread: 2 });
    await vi.advanceTimersByTimeAsync(29_999);
    expect(state.plays).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.plays).toBe(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(state.plays).toBe(2);
    stop();
  });

  it('stops sounding once the conversations are read, and starts again when one is unread', async () => {
    const { state, stop } = reminder({ unread: 1 });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(state.plays).toBe(1);
    state.unread = 0;
    await vi.advanceTimersByTimeAsync(90_000);
    expect(state.plays).toBe(1);
    state.unread = 1;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(state.plays).toBe(2);
    stop();
  });

  it('neither asks nor sounds while the window is in front (alerts only in the background)', async () => {
    const { state, stop } = reminder({ unread: 3, inFront: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(state).toMatchObject({ plays: 0, asked: 0 });
    state.inFront = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(state).toMatchObject({ plays: 1, asked: 1 });
    stop();
  });

  it('keeps going after a failed request, and is silent once stopped', async () => {
    const { state, stop } = reminder({ unread: 1 });
    state.failing = true;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(state).toMatchObject({ plays: 0, asked: 1 });
    state.failing = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(state.plays).toBe(1);
    stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(state).toMatchObject({ plays: 1, asked: 2 });
  });
});
