import { useEffect, useRef } from 'react';
import { api } from '../../lib/api-client';
import { onLiveEvent } from '../../lib/live-events';
import { useCurrentAccount } from '../accounts/current-account';
import { readAudioSettings, shouldAlertFor, shouldRemind } from './audio-settings';
import { playTone } from './tones';
import { REMINDER_INTERVAL_MS, startUnreadReminder } from './unread-reminder';

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
    return startUnreadReminder({
      intervalMs: REMINDER_INTERVAL_MS,
      shouldRemind: (unread) => shouldRemind(latest.current, unread, windowActive()),
      countUnreadAssigned: () => unreadAssignedCount(account.id),
      play: () => void playTone(latest.current.tone),
    });
  }, [remind, account.id]);

  return null;
}
