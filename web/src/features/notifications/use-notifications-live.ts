import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onLiveEvent } from '../../lib/live-events';
import { notificationKeys } from './notifications-api';

type CountPayload = { unread_count?: unknown; account_id?: unknown };

/**
 * Keeps the badge and the list current: every `notification.*` event carries the new unread count
 * (set at once, no round trip), and the list reloads in the background.
 */
export function useNotificationsLive(accountId: number): void {
  const client = useQueryClient();
  useEffect(
    () =>
      onLiveEvent(({ event, data }) => {
        if (!event.startsWith('notification.')) return;
        const payload = data as CountPayload | null;
        if (typeof payload?.account_id === 'number' && payload.account_id !== accountId) return;
        const count = payload?.unread_count;
        if (typeof count === 'number') client.setQueryData(notificationKeys.unread(accountId), count);
        else void client.invalidateQueries({ queryKey: notificationKeys.unread(accountId) });
        void client.invalidateQueries({ queryKey: notificationKeys.list(accountId) });
      }),
    [client, accountId],
  );
}
