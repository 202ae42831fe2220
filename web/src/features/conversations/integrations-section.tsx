import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../accounts/account-permissions';
import { useCurrentAccount } from '../accounts/current-account';
import { appContextMessage, canEmbed } from '../dashboard-apps/app-context';
import { DashboardAppFrame } from '../dashboard-apps/dashboard-app-frame';
import { frameUrl, useDashboardApps } from '../dashboard-apps/dashboard-apps-api';
import type { Conversation } from './conversation-types';
import { useContact } from './conversations-api';
import { DetailsSection } from './details-section';

/**
 * "Integrações": the account's dashboard apps, one tab each, the chosen one embedded and told the
 * open conversation, its contact and the agent (see `DashboardAppFrame`).
 */
export function IntegrationsSection({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { account, user } = useCurrentAccount();
  const apps = useDashboardApps(account.id);
  const contact = useContact(account.id, conversation.meta.sender?.id);
  const [chosenId, setChosenId] = useState<number | undefined>();
  const contactData = contact.data ?? conversation.meta.sender;
  const context = useMemo(
    () => appContextMessage(conversation, contactData, { id: user.id, name: user.name, email: user.email }),
    [conversation, contactData, user.id, user.name, user.email],
  );

  const list = apps.data ?? [];
  const chosen = list.find((app) => app.id === chosenId) ?? list[0];
  const url = chosen ? frameUrl(chosen) : undefined;

  return (
    <DetailsSection title={t('dashboardApps.panel.title')}>
      {apps.isError && <p className="text-sm text-danger">{t('dashboardApps.panel.loadFailed')}</p>}
      {apps.isSuccess && list.length === 0 && (
        <p className="text-sm text-muted">
          {t('dashboardApps.panel.empty')} {hasPermission(account, 'dashboard_apps.manage') && t('dashboardApps.panel.emptyAdmin')}
        </p>
      )}
      {list.length > 1 && (
        <div role="tablist" aria-label={t('dashboardApps.panel.tabs')} className="mb-2 flex flex-wrap gap-1">
          {list.map((app) => (
            <button
              key={app.id}
              type="button"
              role="tab"
              aria-selected={app.id === chosen?.id}
              onClick={() => setChosenId(app.id)}
              className={`rounded-md px-2 py-1 text-xs font-medium ${app.id === chosen?.id ? 'bg-brand-soft text-brand' : 'text-muted hover:bg-subtle'}`}
            >
              {app.title}
            </button>
          ))}
        </div>
      )}
      {chosen && url && canEmbed(url, window.location.origin) && (
        <DashboardAppFrame key={chosen.id} url={url} title={t('dashboardApps.panel.frameTitle', { title: chosen.title })} context={context} />
      )}
      {chosen && url && !canEmbed(url, window.location.origin) && <p className="text-sm text-muted">{t('dashboardApps.panel.sameOrigin')}</p>}
    </DetailsSection>
  );
}
