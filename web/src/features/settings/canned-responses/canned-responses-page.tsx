import { useQueryClient } from '@tanstack/react-query';
import { MessageSquareReply, Plus, Search } from 'lucide-react';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import { inputClasses } from '../../../components/text-field';
import { useCurrentAccount } from '../../accounts/current-account';
import { SettingsSubpageHeader } from '../settings-subpage-header';
import { DeleteDialog } from '../shared/delete-dialog';
import { ListStates } from '../shared/list-states';
import { RowActions } from '../shared/row-actions';
import { settingsKeys } from '../shared/settings-keys';
import { CannedResponseDialog } from './canned-response-dialog';
import { deleteCannedResponse, useSettingsCannedResponses, type CannedResponse } from './canned-responses-api';

type Pending = { kind: 'create' } | { kind: 'edit' | 'delete'; cannedResponse: CannedResponse } | null;

/** "Respostas Prontas": texts agents insert with "/" while replying. Every member may manage them. */
export function CannedResponsesPage() {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim());
  const responses = useSettingsCannedResponses(account.id, deferredSearch);
  const [pending, setPending] = useState<Pending>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: settingsKeys.allCannedResponses(account.id) }),
      queryClient.invalidateQueries({ queryKey: ['accounts', account.id, 'canned-responses'] }),
    ]);

  return (
    <>
      <SettingsSubpageHeader
        title={t('settings.sections.cannedResponses.title')}
        description={t('cannedResponses.description')}
        actions={
          <Button onClick={() => setPending({ kind: 'create' })}>
            <Plus className="size-4" aria-hidden="true" />
            {t('cannedResponses.create.open')}
          </Button>
        }
      />
      <div className="flex flex-col gap-4 p-4 md:p-8">
        <div className="relative max-w-md">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted" aria-hidden="true" />
          <input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t('cannedResponses.searchPlaceholder')}
            aria-label={t('cannedResponses.search')}
            className={`${inputClasses} border-line pl-9`}
          />
        </div>
        <ListStates
          query={responses}
          emptyIcon={MessageSquareReply}
          emptyTitle={deferredSearch ? t('cannedResponses.noMatches') : t('cannedResponses.empty')}
          listLabel={t('cannedResponses.listLabel')}
        >
          {(items) =>
            items.map((response) => (
              <li key={response.id} className="flex items-start gap-4 px-4 py-3">
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-semibold text-ink">/{response.short_code}</p>
                  <p className="mt-0.5 line-clamp-2 text-sm whitespace-pre-line text-muted">{response.content}</p>
                </div>
                <RowActions
                  editLabel={t('cannedResponses.edit.open', { shortCode: response.short_code })}
                  removeLabel={t('cannedResponses.delete.open', { shortCode: response.short_code })}
                  onEdit={() => setPending({ kind: 'edit', cannedResponse: response })}
                  onRemove={() => setPending({ kind: 'delete', cannedResponse: response })}
                />
              </li>
            ))
          }
        </ListStates>
      </div>
      {(pending?.kind === 'create' || pending?.kind === 'edit') && (
        <CannedResponseDialog
          accountId={account.id}
          cannedResponse={pending.kind === 'edit' ? pending.cannedResponse : null}
          onSaved={refresh}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'delete' && (
        <DeleteDialog
          title={t('cannedResponses.delete.title')}
          description={t('cannedResponses.delete.description', { shortCode: pending.cannedResponse.short_code })}
          remove={() => deleteCannedResponse(account.id, pending.cannedResponse.id)}
          onDeleted={refresh}
          onClose={() => setPending(null)}
        />
      )}
    </>
  );
}
