import { Tooltip } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useParams } from 'react-router';
import { Button } from '../../components/button';
import { FullPageSpinner } from '../../components/full-page-spinner';
import { isUnauthorized } from '../../lib/api-client';
import { CurrentAccountProvider } from '../accounts/current-account';
import { dashboardPath, loginPath } from '../auth/auth-paths';
import { useRecheckSessionOnUnauthorized } from '../auth/use-recheck-session-on-unauthorized';
import { useProfile } from '../profile/profile-api';
import { CommandPalette } from '../conversations/command-palette';
import { AudioAlerts } from '../audio-alerts/audio-alerts';
import { LiveUpdates } from '../conversations/live-updates';
import { MobileNav } from './mobile-nav';
import { isConversationsArea } from './nav-items';
import { NavRail } from './nav-rail';
import { SecondaryMenu } from './secondary-menu';

/** The signed-in frame: navigation bar, the conversations' secondary menu, and the page. */
export function DashboardLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const { accountId } = useParams();
  const profile = useProfile();
  useRecheckSessionOnUnauthorized();

  if (isUnauthorized(profile.error)) {
    return <Navigate to={loginPath(`${location.pathname}${location.search}`)} replace />;
  }
  if (profile.isPending) return <FullPageSpinner />;
  if (profile.isError) {
    return (
      <main className="flex h-full flex-col items-center justify-center gap-4 p-6 text-center">
        <h1 className="text-xl font-semibold">{t('dashboard.loadErrorTitle')}</h1>
        <p className="max-w-sm text-sm text-muted">{t('dashboard.loadErrorDescription')}</p>
        <Button onClick={() => void profile.refetch()} busy={profile.isFetching}>
          {t('common.tryAgain')}
        </Button>
      </main>
    );
  }

  const user = profile.data;
  const account = user.accounts.find((membership) => String(membership.id) === accountId);
  if (!account) {
    const fallback = user.account_id ?? user.accounts[0]?.id;
    return (
      <main className="flex h-full flex-col items-center justify-center gap-4 p-6 text-center">
        <h1 className="text-xl font-semibold">{t('dashboard.accountNotFoundTitle')}</h1>
        <p className="max-w-sm text-sm text-muted">{t('dashboard.accountNotFoundDescription')}</p>
        {fallback !== undefined && (
          <Link to={dashboardPath(fallback)} className="font-medium text-brand hover:underline">
            {t('dashboard.goToMyAccount')}
          </Link>
        )}
      </main>
    );
  }

  const showSecondaryMenu = isConversationsArea(account.id, location.pathname);

  return (
    <CurrentAccountProvider value={{ user, account }}>
      <Tooltip.Provider delayDuration={250}>
        <LiveUpdates />
        <AudioAlerts />
        <CommandPalette />
        <div className="flex h-full">
          <NavRail />
          <div className="flex min-w-0 flex-1 flex-col">
            <MobileNav />
            <div className="flex min-h-0 flex-1">
              {showSecondaryMenu && (
                <aside className="hidden w-60 shrink-0 border-r border-line bg-surface md:block">
                  <SecondaryMenu />
                </aside>
              )}
              <main className={`min-w-0 flex-1 ${showSecondaryMenu ? 'overflow-hidden' : 'overflow-y-auto'}`}>
                <Outlet />
              </main>
            </div>
          </div>
        </div>
      </Tooltip.Provider>
    </CurrentAccountProvider>
  );
}
