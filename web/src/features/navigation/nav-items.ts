import { BookOpen, ChartColumn, Contact, Megaphone, MessagesSquare, Bell, Settings, type LucideIcon } from 'lucide-react';
import type { Permission } from '../accounts/account-permissions';

export type NavItemKey = 'conversations' | 'contacts' | 'reports' | 'campaigns' | 'helpCenter' | 'settings' | 'notifications';

export type NavItem = {
  key: NavItemKey;
  /** Relative to the account's base path. */
  path: string;
  icon: LucideIcon;
  /** Hidden from members without this permission. */
  permission?: Permission;
};

/** The navigation bar, in the guide's order (chapter 2, "Menu de Funções"). */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'conversations', path: 'conversations', icon: MessagesSquare },
  { key: 'contacts', path: 'contacts', icon: Contact },
  { key: 'reports', path: 'reports', icon: ChartColumn, permission: 'reports.read' },
  { key: 'campaigns', path: 'campaigns', icon: Megaphone, permission: 'campaigns.manage' },
  { key: 'helpCenter', path: 'help-center', icon: BookOpen, permission: 'help_center.manage' },
  { key: 'settings', path: 'settings', icon: Settings },
  { key: 'notifications', path: 'notifications', icon: Bell },
];

export const accountBasePath = (accountId: number) => `/accounts/${accountId}`;

const isAtOrUnder = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`);

/** The conversation list is also the home page ("dashboard"), so both belong to the conversations area. */
export function isConversationsArea(accountId: number, pathname: string): boolean {
  const base = accountBasePath(accountId);
  return ['dashboard', 'conversations', 'inbox', 'label', 'team', 'custom_view'].some((area) => isAtOrUnder(pathname, `${base}/${area}`));
}

export function isNavItemActive(item: NavItem, accountId: number, pathname: string): boolean {
  if (item.key === 'conversations') return isConversationsArea(accountId, pathname);
  return isAtOrUnder(pathname, `${accountBasePath(accountId)}/${item.path}`);
}
