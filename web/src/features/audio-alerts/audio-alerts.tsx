import { useEffect, useRef } from 'react';
import { api } from '../../lib/api-client';
import { onLiveEvent } from '../../lib/live-events';
import { useCurrentAccount } from '../accounts/current-account';
import { readAudioSettings, shouldAlertFor, shouldRemind } from './audio-settings';
import { playTone } from './tones';

/** How often "a cada 30s" reminds of unread assigned conversations. */
export const REMINDER_INTERVAL_MS = 30_000;

const windowActive = () => document.visibilityState === 'visible' && document.hasFocus();

type ConversationList = { data: { payload: { unread_count: number }[] } };

async function unreadAssignedCount(accountId: number): Promise<number> {
  const { data } = await api.get<ConversationList>(`/api/v1/accounts/${accountId}/conversations?assignee_type=me&status=open&page=1`);
  return data.payload.filter((c) => c.unread_count > 0).length;
}

/** Mounted once in the signed-in frame: sounds the chosen tone per "Notificações de Áudio". */
export function AudioAlerts() {
  const { user, account } = useCurrentAccount();
  const settings = readAudioSettings(user.ui_settings);
  const latest = useRef(settings);
  useEffect(() => {
    latest.current = settings;
  });

  useEffect(
    () =>
      onLiveEvent(({ event, data }) => {
        if (event !== 'message.created') return;
        const message = data as Parameters<typeof shouldAlertFor>[0] & { account_id?: unknown };
        if (message.account_id !== undefined && message.account_id !== account.id) return;
        if (shouldAlertFor(message, latest.current, user.id, windowActive())) void playTone(latest.current.tone);
      }),
    [account.id, user.id],
  );

  const remind = settings.repeatUntilRead && settings.events !== 'none';
  useEffect(() => {
    if (!remind) return;
    const timer = window.setInterval(() => {
      const current = latest.current;
      if (!shouldRemind(current, 1, windowActive())) return;
      unreadAssignedCount(account.id)
        .then((count) => {
          if (shouldRemind(latest.current, count, windowActive())) void playTone(latest.current.tone);
        })
        .catch(() => undefined);
    }, REMINDER_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [remind, account.id]);

  return null;
}
