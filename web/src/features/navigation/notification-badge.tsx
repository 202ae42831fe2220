/** The unread count on "Notificações"; the link's accessible name carries the number, so this is decorative. */
export function NotificationBadge({ count, className = '' }: { count: number; className?: string }) {
  if (count <= 0) return null;
  return (
    <span
      aria-hidden="true"
      className={`flex min-w-4.5 items-center justify-center rounded-full bg-danger px-1 text-[10px] leading-4.5 font-semibold text-white ${className}`}
    >
      {count > 99 ? '99+' : count}
    </span>
  );
}
