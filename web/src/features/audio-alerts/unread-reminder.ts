/** How often "a cada 30s" reminds of unread assigned conversations. */
export const REMINDER_INTERVAL_MS = 30_000;

export type UnreadReminder = {
  intervalMs: number;
  /** Whether a reminder should sound with this many unread assigned conversations (settings, window state). */
  shouldRemind: (unreadAssigned: number) => boolean;
  /** How many conversations assigned to the user have unread messages. */
  countUnreadAssigned: () => Promise<number>;
  play: () => void;
};

/**
 * Every `intervalMs`, plays once while assigned conversations are unread, and stops asking as soon
 * as they are read. The count is only asked for when a reminder could sound at all (not while the
 * window is in front and the user wants alerts only in the background); a failed request waits for
 * the next tick. Returns the function that stops it.
 */
export function startUnreadReminder({ intervalMs, shouldRemind, countUnreadAssigned, play }: UnreadReminder): () => void {
  let stopped = false;
  let asking = false;
  const tick = async () => {
    if (asking || !shouldRemind(1)) return;
    asking = true;
    try {
      const unread = await countUnreadAssigned();
      if (!stopped && shouldRemind(unread)) play();
    } catch {
      // Offline or signed out: the next tick asks again.
    } finally {
      asking = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
