/**
 * Unread notifications for the badge on "Notificações". The server has no notifications module yet
 * (SPEC §7); when it does, this hook fetches the count and nothing else in the shell changes.
 */
export function useUnreadNotificationCount(): number {
  return 0;
}
