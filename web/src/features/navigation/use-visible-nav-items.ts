import { hasPermission } from '../accounts/account-permissions';
import { useCurrentAccount } from '../accounts/current-account';
import { NAV_ITEMS } from './nav-items';

export function useVisibleNavItems() {
  const { account } = useCurrentAccount();
  return NAV_ITEMS.filter((item) => !item.permission || hasPermission(account, item.permission));
}
