import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export type NotificationType =
  | 'conversation_creation'
  | 'conversation_assignment'
  | 'conversation_mention'
  | 'assigned_conversation_new_message'
  | 'participating_conversation_new_message'
  | 'sla_missed_first_response'
  | 'sla_missed_next_response'
  | 'sla_missed_resolution';

/** The eight events, in the guide's order ("Preferências de Notificação"). */
export const NOTIFICATION_TYPES: readonly NotificationType[] = [
  'conversation_creation',
  'conversation_assignment',
  'conversation_mention',
  'assigned_conversation_new_message',
  'participating_conversation_new_message',
  'sla_missed_first_response',
  'sla_missed_next_response',
  'sla_missed_resolution',
];

export type AppNotification = {
  id: number;
  notification_type: NotificationType;
  push_message_title: string;
  push_message_body: string;
  primary_actor_id: number;
  read_at: string | null;
  snoozed_until: string | null;
  created_at: number;
  last_activity_at: number;
};

export type NotificationPage = {
  data: { meta: { unread_count: number; count: number; current_page: number }; payload: AppNotification[] };
};

export type NotificationSettings = {
  selected_email_flags: string[];
  selected_push_flags: string[];
};

export const notificationKeys = {
  all: (accountId: number) => ['accounts', accountId, 'notifications'] as const,
  list: (accountId: number) => ['accounts', accountId, 'notifications', 'list'] as const,
  unread: (accountId: number) => ['accounts', accountId, 'notifications', 'unread'] as const,
  settings: (accountId: number) => ['accounts', accountId, 'notification-settings'] as const,
};

const base = (accountId: number) => `/api/v1/accounts/${accountId}/notifications`;

/** Everything but snoozed ones (they come back by themselves), newest first; up to `pages` pages. */
export async function fetchNotifications(accountId: number, pages: number): Promise<{ items: AppNotification[]; total: number; unread: number }> {
  const items: AppNotification[] = [];
  let total = 0;
  let unread = 0;
  for (let page = 1; page <= pages; page += 1) {
    const { data } = await api.get<NotificationPage>(`${base(accountId)}?page=${page}`);
    items.push(...data.payload);
    total = data.meta.count;
    unread = data.meta.unread_count;
    if (data.payload.length === 0 || items.length >= total) break;
  }
  return { items, total, unread };
}

export const fetchUnreadCount = (accountId: number) => api.get<number>(`${base(accountId)}/unread_count`);

export const useUnreadCount = (accountId: number) =>
  useQuery({ queryKey: notificationKeys.unread(accountId), queryFn: () => fetchUnreadCount(accountId), staleTime: 60_000 });

export const markRead = (accountId: number, id: number) => api.patch<AppNotification>(`${base(accountId)}/${id}`, {});
export const markUnread = (accountId: number, id: number) => api.post<AppNotification>(`${base(accountId)}/${id}/unread`, {});
export const markAllRead = (accountId: number) => api.post<{ success: true }>(`${base(accountId)}/read_all`, {});
export const snoozeNotification = (accountId: number, id: number, until: Date) =>
  api.post<AppNotification>(`${base(accountId)}/${id}/snooze`, { snoozed_until: until.toISOString() });
export const deleteNotification = (accountId: number, id: number) => api.delete<{ success: true }>(`${base(accountId)}/${id}`);
export const deleteAllNotifications = (accountId: number) => api.post<{ success: true }>(`${base(accountId)}/destroy_all`, { type: 'all' });

export const fetchNotificationSettings = (accountId: number) => api.get<NotificationSettings>(`/api/v1/accounts/${accountId}/notification_settings`);
export const updateNotificationSettings = (accountId: number, body: NotificationSettings) =>
  api.patch<NotificationSettings>(`/api/v1/accounts/${accountId}/notification_settings`, { notification_settings: body });
