import { useQueryClient } from '@tanstack/react-query';
import { Trash } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form-alert';
import { FullPageSpinner } from '../../../components/full-page-spinner';
import { apiErrorMessage } from '../../../lib/api-form-errors';
import { useCurrentAccount } from '../../accounts/current-account';
import { SettingsSubpageHeader } from '../settings-subpage-header';
import { DeleteDialog } from '../shared/delete-dialog';
import { settingsKeys } from '../shared/settings-keys';
import { TabList } from '../shared/tab-list';
import { BusinessHoursTab } from './business-hours-tab';
import { deleteInbox, isWebsite, useSettingsInbox } from './inboxes-api';
import { InboxGeneralTab } from './inbox-general-tab';
import { InboxMembersTab } from './inbox-members-tab';
import { InboxCredentials } from './new-inbox-page';

const TABS = ['settings', 'members', 'businessHours', 'configuration'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => (TABS as readonly string[]).includes(value ?? '');

/** One inbox's settings, in tabs; the tab is in the address so it can be linked to. */
export function InboxSettingsPage() {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const inboxId = Number(useParams().inboxId);
  const inbox = useSettingsInbox(account.id, inboxId);
  const [params, setParams] = useSearchParams();
  const tab: Tab = isTab(params.get('tab')) ? (params.get('tab') as Tab) : 'settings';
  const [deleting, setDeleting] = useState(false);

  return (
    <>
      <SettingsSubpageHeader
        title={inbox.data?.name ?? t('settings.sections.inboxes.title')}
        description={inbox.data ? t(`inboxes.channels.${isWebsite(inbox.data) ? 'web_widget' : 'api'}.title`) : undefined}
        actions={
          inbox.data && (
            <Button variant="secondary" onClick={() => setDeleting(true)}>
              <Trash className="size-4" aria-hidden="true" />
              {t('inboxes.delete.open')}
            </Button>
          )
        }
      />
      <div className="flex flex-col gap-2 px-4 pt-4 md:px-8">
        {inbox.isPending && <FullPageSpinner />}
        {inbox.isError && <FormAlert>{apiErrorMessage(inbox.error, t)}</FormAlert>}
        {inbox.data && (
          <>
            <TabList
              label={t('inboxes.settings.tabsLabel')}
              value={tab}
              options={TABS.map((value) => ({ value, label: t(`inboxes.settings.tabs.${value}`) }))}
              onValueChange={(value) => setParams(value === 'settings' ? {} : { tab: value }, { replace: true })}
            />
            <div className="max-w-3xl py-4">
              {tab === 'settings' && <InboxGeneralTab key={inbox.data.id} inbox={inbox.data} />}
              {tab === 'members' && <InboxMembersTab key={inbox.data.id} inbox={inbox.data} />}
              {tab === 'businessHours' && <BusinessHoursTab key={inbox.data.id} inbox={inbox.data} />}
              {tab === 'configuration' && <InboxCredentials inbox={inbox.data} />}
            </div>
          </>
        )}
      </div>
      {deleting && inbox.data && (
        <DeleteDialog
          title={t('inboxes.delete.title')}
          description={t('inboxes.delete.description', { name: inbox.data.name })}
          remove={() => deleteInbox(account.id, inboxId)}
          onDeleted={async () => {
            // Leave first: refreshing while this page shows would ask for the deleted inbox again.
            await navigate('..', { relative: 'path' });
            queryClient.removeQueries({ queryKey: settingsKeys.inbox(account.id, inboxId) });
            await Promise.all([
              queryClient.invalidateQueries({ queryKey: settingsKeys.inboxes(account.id), exact: true }),
              queryClient.invalidateQueries({ queryKey: ['accounts', account.id, 'inboxes'] }),
            ]);
          }}
          onClose={() => setDeleting(false)}
        />
      )}
    </>
  );
}
