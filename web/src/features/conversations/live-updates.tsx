import { useLiveUpdates } from './use-live-updates';

/** Mounted once in the signed-in frame: keeps the conversation caches live. */
export function LiveUpdates() {
  const { connected } = useLiveUpdates();
  return <span data-live={connected ? 'connected' : 'disconnected'} hidden />;
}
