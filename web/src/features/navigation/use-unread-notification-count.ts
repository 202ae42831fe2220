import { useCurrentAccount } from '../accounts/current-account';
import { useNotificationsLive } from '../notifications/use-notifications-live';
import { useUnreadCount } from '../notifications/notifications-api';

/** Unread notifications for the badge on "Notificações", kept live by `notification.*` events. */
export function useUnreadNotificationCount(): number {
  const { account } = useCurrentAccount();
  useNotificationsLive(account.id);
  return useUnreadCount(account.id).data ?? 0;
}
