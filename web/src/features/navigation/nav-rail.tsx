import { Tooltip } from 'radix-ui';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { RocketHubMark } from '../../components/rockethub-logo';
import { useCurrentAccount } from '../accounts/current-account';
import { accountBasePath, isNavItemActive, type NavItem } from './nav-items';
import { NotificationBadge } from './notification-badge';
import { ProfileMenu } from './profile-menu';
import { useUnreadNotificationCount } from './use-unread-notification-count';
import { useVisibleNavItems } from './use-visible-nav-items';

/** The narrow icon bar on the left of the dashboard (wide screens). */
export function NavRail() {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const items = useVisibleNavItems();
  const base = accountBasePath(account.id);

  return (
    <nav
      aria-label={t('nav.label')}
      className="hidden w-16 shrink-0 flex-col items-center border-r border-line bg-rail py-3 md:flex"
    >
      <RailTooltip label={t('nav.home')}>
        <Link to={`${base}/dashboard`} aria-label={t('nav.home')} className="rounded-lg">
          <RocketHubMark />
        </Link>
      </RailTooltip>
      <ul className="mt-5 flex flex-1 flex-col items-center gap-1.5">
        {items.map((item) => (
          <li key={item.key} className={item.key === 'notifications' ? 'mt-auto' : undefined}>
            <RailLink item={item} />
          </li>
        ))}
      </ul>
      <div className="mt-3">
        <ProfileMenu side="right" />
      </div>
    </nav>
  );
}

function RailLink({ item }: { item: NavItem }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { account } = useCurrentAccount();
  const unread = useUnreadNotificationCount();
  const active = isNavItemActive(item, account.id, pathname);
  const label = t(`nav.items.${item.key}`);
  const showBadge = item.key === 'notifications' && unread > 0;
  const accessibleName = showBadge ? t('nav.notificationsUnread', { count: unread }) : label;
  const Icon = item.icon;

  return (
    <RailTooltip label={label}>
      <Link
        to={`${accountBasePath(account.id)}/${item.path}`}
        aria-label={accessibleName}
        aria-current={active ? 'page' : undefined}
        className={`relative flex size-10 items-center justify-center rounded-lg transition-colors ${
          active ? 'bg-brand-soft text-brand' : 'text-muted hover:bg-subtle hover:text-ink'
        }`}
      >
        <Icon className="size-5" aria-hidden="true" strokeWidth={1.8} />
        {showBadge && <NotificationBadge count={unread} className="absolute -top-0.5 -right-0.5" />}
      </Link>
    </RailTooltip>
  );
}

function RailTooltip({ label, children }: { label: string; children: ReactElement }) {
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content
          side="right"
          sideOffset={8}
          className="z-50 rounded-md bg-ink px-2 py-1 text-xs font-medium text-canvas shadow-md"
        >
          {label}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}
