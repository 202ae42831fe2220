import { useCallback, useEffect, useRef } from 'react';
import { sendTyping } from './conversations-api';

const IDLE_MS = 3_000;

/** Tells colleagues (and, for replies, the customer) that the agent is typing: on once, off after a pause. */
export function useTypingSignal(accountId: number, conversationId: number, isPrivate: boolean) {
  const on = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stop = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!on.current) return;
    on.current = false;
    void sendTyping(accountId, conversationId, false, isPrivate).catch(() => undefined);
  }, [accountId, conversationId, isPrivate]);

  const typed = useCallback(() => {
    if (!on.current) {
      on.current = true;
      void sendTyping(accountId, conversationId, true, isPrivate).catch(() => undefined);
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(stop, IDLE_MS);
  }, [accountId, conversationId, isPrivate, stop]);

  useEffect(() => stop, [stop]);
  return { typed, stop };
}
