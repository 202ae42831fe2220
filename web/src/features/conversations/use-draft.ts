import { useCallback, useState } from 'react';

const keyOf = (accountId: number, conversationId: number, mode: string) => `rockethub.draft.${accountId}.${conversationId}.${mode}`;

/** A draft per conversation and tab, kept in localStorage across navigation and reloads. */
export function useDraft(accountId: number, conversationId: number, mode: 'reply' | 'private'): [string, (text: string) => void] {
  const key = keyOf(accountId, conversationId, mode);
  const [state, setState] = useState(() => ({ key, text: localStorage.getItem(key) ?? '' }));
  // Switching tab or conversation reads that draft (state derived during render, no effect needed).
  const current = state.key === key ? state : { key, text: localStorage.getItem(key) ?? '' };
  if (current !== state) setState(current);
  const setText = useCallback(
    (text: string) => {
      if (text) localStorage.setItem(key, text);
      else localStorage.removeItem(key);
      setState({ key, text });
    },
    [key],
  );
  return [current.text, setText];
}
