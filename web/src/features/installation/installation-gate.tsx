import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Button } from '../../components/button';
import { FullPageSpinner } from '../../components/full-page-spinner';
import { useInstallation } from './installation-api';

export const ONBOARDING_PATH = '/onboarding';

/**
 * Until the first account exists every page leads to onboarding. (Once it exists, the onboarding
 * page itself sends visitors to sign in.)
 */
export function InstallationGate() {
  const { t } = useTranslation();
  const location = useLocation();
  const installation = useInstallation();

  if (installation.isPending) return <FullPageSpinner />;
  if (installation.isError) {
    return (
      <main className="flex h-full flex-col items-center justify-center gap-4 p-6 text-center">
        <h1 className="text-xl font-semibold">{t('installation.unreachableTitle')}</h1>
        <p className="max-w-sm text-sm text-muted">{t('installation.unreachableDescription')}</p>
        <Button onClick={() => void installation.refetch()} busy={installation.isFetching}>
          {t('common.tryAgain')}
        </Button>
      </main>
    );
  }

  if (installation.data.needs_onboarding && location.pathname !== ONBOARDING_PATH) {
    return <Navigate to={ONBOARDING_PATH} replace />;
  }
  return <Outlet />;
}
