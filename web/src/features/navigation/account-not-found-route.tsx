import { useCurrentAccount } from '../accounts/current-account';
import { accountBasePath } from './nav-items';
import { NotFoundPage } from './not-found-page';

export function AccountNotFoundRoute() {
  const { account } = useCurrentAccount();
  return <NotFoundPage homePath={`${accountBasePath(account.id)}/dashboard`} />;
}
