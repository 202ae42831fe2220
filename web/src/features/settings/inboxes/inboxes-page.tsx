import { ChevronRight, Code, Globe, Inbox, Plus } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClasses } from '../../../components/button';
import { useCurrentAccount } from '../../accounts/current-account';
import { SettingsSubpageHeader } from '../settings-subpage-header';
import { ListStates } from '../shared/list-states';
import { isWebsite, useSettingsInboxes } from './inboxes-api';

/** "Caixas de Entrada": the channels customers write in through. */
export function InboxesPage() {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const inboxes = useSettingsInboxes(account.id);
  return (
    <>
      <SettingsSubpageHeader
        title={t('settings.sections.inboxes.title')}
        description={t('inboxes.description')}
        actions={
          <Link to="new" className={buttonClasses('primary')}>
            <Plus className="size-4" aria-hidden="true" />
            {t('inboxes.create.open')}
          </Link>
        }
      />
      <div className="p-4 md:p-8">
        <ListStates query={inboxes} emptyIcon={Inbox} emptyTitle={t('inboxes.empty')} listLabel={t('inboxes.listLabel')}>
          {(items) =>
            items.map((inbox) => {
              const website = isWebsite(inbox);
              const Icon = website ? Globe : Code;
              return (
                <li key={inbox.id}>
                  <Link to={String(inbox.id)} className="group flex items-center gap-3 px-4 py-3 hover:bg-subtle">
                    <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-brand-soft text-brand">
                      <Icon className="size-4" aria-hidden="true" />
                    </span>
                    <span className="min-w-0 flex-1">
                      <span className="block truncate text-sm font-medium text-ink">{inbox.name}</span>
                      <span className="block truncate text-sm text-muted">
                        {website ? t('inboxes.channels.web_widget.title') : t('inboxes.channels.api.title')}
                        {website && inbox.website_url ? ` · ${inbox.website_url}` : ''}
                      </span>
                    </span>
                    {inbox.enable_auto_assignment && (
                      <span className="hidden rounded-full bg-success-soft px-2 py-0.5 text-xs font-medium text-success sm:inline">
                        {t('inboxes.autoAssignmentBadge')}
                      </span>
                    )}
                    <ChevronRight className="size-4 text-muted group-hover:text-brand" aria-hidden="true" />
                  </Link>
                </li>
              );
            })
          }
        </ListStates>
      </div>
    </>
  );
}
