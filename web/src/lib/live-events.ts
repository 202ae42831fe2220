/** An event from `/cable` as the live connection received it. */
export type LiveEvent = { event: string; data: unknown };

type Listener = (event: LiveEvent) => void;

const listeners = new Set<Listener>();

/**
 * Lets features react to live events (notifications, audio alerts) without owning the connection:
 * the one connection of the signed-in frame publishes here, each feature listens to what it needs.
 */
export function onLiveEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function publishLiveEvent(event: LiveEvent): void {
  for (const listener of listeners) listener(event);
}
