import { useCallback, useSyncExternalStore } from 'react';
import type { AssigneeTab, SortKey, StatusFilter } from './conversation-types';

export type ListPreferences = { tab: AssigneeTab; status: StatusFilter; sort: SortKey };

const STORAGE_KEY = 'rockethub.conversationList';
const DEFAULTS: ListPreferences = { tab: 'me', status: 'open', sort: 'last_activity_at_desc' };
const listeners = new Set<() => void>();
let cached: ListPreferences | null = null;

function read(): ListPreferences {
  if (cached) return cached;
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<ListPreferences>;
    cached = { ...DEFAULTS, ...stored };
  } catch {
    cached = DEFAULTS;
  }
  return cached;
}

/** The list's tab, status filter and order, kept across views and reloads. */
export function useListPreferences(): [ListPreferences, (change: Partial<ListPreferences>) => void] {
  const preferences = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
  );
  const update = useCallback((change: Partial<ListPreferences>) => {
    cached = { ...read(), ...change };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(cached));
    for (const listener of listeners) listener();
  }, []);
  return [preferences, update];
}
