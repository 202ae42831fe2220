import { Menu, X } from 'lucide-react';
import { Dialog } from 'radix-ui';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { RocketHubMark } from '../../components/rockethub-logo';
import { useCurrentAccount } from '../accounts/current-account';
import { accountBasePath, isNavItemActive } from './nav-items';
import { NotificationBadge } from './notification-badge';
import { ProfileMenu } from './profile-menu';
import { SecondaryMenu } from './secondary-menu';
import { useUnreadNotificationCount } from './use-unread-notification-count';
import { useVisibleNavItems } from './use-visible-nav-items';

/** On small screens the navigation bar becomes a top bar with a drawer holding both menus. */
export function MobileNav() {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const [open, setOpen] = useState(false);

  // Following any link in the drawer closes it.
  const closeOnLinkClick = (event: MouseEvent<HTMLElement>) => {
    if (event.target instanceof Element && event.target.closest('a')) setOpen(false);
  };

  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b border-line bg-rail px-3 md:hidden">
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger aria-label={t('nav.openMenu')} className="rounded-lg p-2 text-ink hover:bg-subtle">
          <Menu className="size-5" aria-hidden="true" />
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
          <Dialog.Content
            aria-describedby={undefined}
            onClick={closeOnLinkClick}
            className="fixed inset-y-0 left-0 z-50 flex w-[min(20rem,85vw)] flex-col overflow-y-auto border-r border-line bg-surface shadow-xl"
          >
            <div className="flex items-center justify-between border-b border-line px-4 py-3">
              <Dialog.Title className="text-base font-semibold text-ink">{t('nav.menuTitle')}</Dialog.Title>
              <Dialog.Close aria-label={t('nav.closeMenu')} className="rounded-lg p-1.5 text-muted hover:bg-subtle">
                <X className="size-5" aria-hidden="true" />
              </Dialog.Close>
            </div>
            <DrawerNavList />
            <div className="border-t border-line">
              <SecondaryMenu />
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      <Link to={`${accountBasePath(account.id)}/dashboard`} aria-label={t('nav.home')} className="rounded-lg">
        <RocketHubMark className="size-8" />
      </Link>
      <span className="min-w-0 flex-1 truncate text-sm font-semibold text-ink">{account.name}</span>
      <ProfileMenu side="bottom" />
    </header>
  );
}

function DrawerNavList() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { account } = useCurrentAccount();
  const items = useVisibleNavItems();
  const unread = useUnreadNotificationCount();

  return (
    <nav aria-label={t('nav.label')} className="px-3 py-3">
      <ul className="flex flex-col gap-0.5">
        {items.map((item) => {
          const active = isNavItemActive(item, account.id, pathname);
          const Icon = item.icon;
          return (
            <li key={item.key}>
              <Link
                to={`${accountBasePath(account.id)}/${item.path}`}
                aria-current={active ? 'page' : undefined}
                className={`flex items-center gap-3 rounded-lg px-3 py-2 text-sm ${
                  active ? 'bg-brand-soft font-medium text-brand' : 'text-ink hover:bg-subtle'
                }`}
              >
                <Icon className="size-5" aria-hidden="true" strokeWidth={1.8} />
                <span className="flex-1">{t(`nav.items.${item.key}`)}</span>
                {item.key === 'notifications' && <NotificationBadge count={unread} />}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
