import { useQueryClient } from '@tanstack/react-query';
import { LayoutPanelLeft, Plus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import { useCurrentAccount } from '../../accounts/current-account';
import { dashboardAppKeys, deleteDashboardApp, frameUrl, useDashboardApps, type DashboardApp } from '../../dashboard-apps/dashboard-apps-api';
import { SettingsSubpageHeader } from '../settings-subpage-header';
import { DeleteDialog } from '../shared/delete-dialog';
import { ListStates } from '../shared/list-states';
import { RowActions } from '../shared/row-actions';
import { DashboardAppDialog } from './dashboard-app-dialog';

type Pending = { kind: 'create' } | { kind: 'edit' | 'delete'; app: DashboardApp } | null;

/** "Aplicativos do painel": external pages shown in the conversation details panel. */
export function DashboardAppsPage() {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const apps = useDashboardApps(account.id);
  const [pending, setPending] = useState<Pending>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: dashboardAppKeys.all(account.id) });

  return (
    <>
      <SettingsSubpageHeader
        title={t('dashboardApps.title')}
        description={t('dashboardApps.description')}
        actions={
          <Button onClick={() => setPending({ kind: 'create' })}>
            <Plus className="size-4" aria-hidden="true" />
            {t('dashboardApps.create.open')}
          </Button>
        }
      />
      <div className="p-4 md:p-8">
        <ListStates
          query={apps}
          emptyIcon={LayoutPanelLeft}
          emptyTitle={t('dashboardApps.empty')}
          emptyDescription={t('dashboardApps.emptyDescription')}
          listLabel={t('dashboardApps.listLabel')}
        >
          {(items) =>
            items.map((app) => (
              <li key={app.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
                <div className="min-w-0 flex-1 basis-48">
                  <p className="truncate text-sm font-medium text-ink">{app.title}</p>
                  <p className="truncate font-mono text-xs text-muted">{frameUrl(app)}</p>
                </div>
                <RowActions
                  editLabel={t('dashboardApps.edit.open', { title: app.title })}
                  removeLabel={t('dashboardApps.delete.open', { title: app.title })}
                  onEdit={() => setPending({ kind: 'edit', app })}
                  onRemove={() => setPending({ kind: 'delete', app })}
                />
              </li>
            ))
          }
        </ListStates>
      </div>
      {(pending?.kind === 'create' || pending?.kind === 'edit') && (
        <DashboardAppDialog
          accountId={account.id}
          app={pending.kind === 'edit' ? pending.app : null}
          onSaved={refresh}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'delete' && (
        <DeleteDialog
          title={t('dashboardApps.delete.title')}
          description={t('dashboardApps.delete.description', { title: pending.app.title })}
          remove={() => deleteDashboardApp(account.id, pending.app.id)}
          onDeleted={refresh}
          onClose={() => setPending(null)}
        />
      )}
    </>
  );
}
