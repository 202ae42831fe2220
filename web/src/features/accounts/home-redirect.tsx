import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { FullPageSpinner } from '../../components/full-page-spinner';
import { dashboardPath } from '../auth/auth-paths';
import { useSignOut } from '../auth/use-sign-out';
import { useProfile } from '../profile/profile-api';

/** `/app/`: the default account's dashboard when signed in, otherwise sign in. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const profile = useProfile();
  const signOut = useSignOut();

  if (profile.isPending) return <FullPageSpinner />;
  if (profile.isError) return <Navigate to="/login" replace />;

  const accountId = profile.data.account_id ?? profile.data.accounts[0]?.id;
  if (accountId !== undefined) return <Navigate to={dashboardPath(accountId)} replace />;
  return (
    <main className="flex h-full flex-col items-center justify-center gap-4 p-6 text-center">
      <h1 className="text-xl font-semibold">{t('dashboard.noAccountTitle')}</h1>
      <p className="max-w-sm text-sm text-muted">{t('dashboard.noAccountDescription')}</p>
      <button type="button" onClick={() => signOut.mutate()} className="text-sm font-medium text-brand hover:underline">
        {t('profileMenu.signOut')}
      </button>
    </main>
  );
}
