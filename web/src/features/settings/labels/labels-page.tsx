import { useQueryClient } from '@tanstack/react-query';
import { Plus, Tag } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import { useCurrentAccount } from '../../accounts/current-account';
import { SettingsSubpageHeader } from '../settings-subpage-header';
import { DeleteDialog } from '../shared/delete-dialog';
import { ListStates } from '../shared/list-states';
import { RowActions } from '../shared/row-actions';
import { settingsKeys } from '../shared/settings-keys';
import { LabelDialog } from './label-dialog';
import { deleteLabel, useSettingsLabels, type Label } from './labels-api';

type Pending = { kind: 'create' } | { kind: 'edit' | 'delete'; label: Label } | null;

/** "Marcadores": colored labels for conversations and contacts. */
export function LabelsPage() {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const labels = useSettingsLabels(account.id);
  const [pending, setPending] = useState<Pending>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: settingsKeys.labels(account.id) }),
      queryClient.invalidateQueries({ queryKey: ['accounts', account.id, 'labels'] }),
    ]);

  return (
    <>
      <SettingsSubpageHeader
        title={t('settings.sections.labels.title')}
        description={t('labels.description')}
        actions={
          <Button onClick={() => setPending({ kind: 'create' })}>
            <Plus className="size-4" aria-hidden="true" />
            {t('labels.create.open')}
          </Button>
        }
      />
      <div className="p-4 md:p-8">
        <ListStates query={labels} emptyIcon={Tag} emptyTitle={t('labels.empty')} listLabel={t('labels.listLabel')}>
          {(items) =>
            items.map((label) => (
              <li key={label.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
                <span className="size-3.5 shrink-0 rounded-full" style={{ backgroundColor: label.color }} aria-hidden="true" />
                <div className="min-w-0 flex-1 basis-48">
                  <p className="truncate text-sm font-medium text-ink">{label.title}</p>
                  {label.description && <p className="truncate text-sm text-muted">{label.description}</p>}
                </div>
                <span className="font-mono text-xs text-muted">{label.color}</span>
                <span className="w-36 text-xs text-muted">{label.show_on_sidebar ? t('labels.onSidebar') : t('labels.notOnSidebar')}</span>
                <RowActions
                  editLabel={t('labels.edit.open', { title: label.title })}
                  removeLabel={t('labels.delete.open', { title: label.title })}
                  onEdit={() => setPending({ kind: 'edit', label })}
                  onRemove={() => setPending({ kind: 'delete', label })}
                />
              </li>
            ))
          }
        </ListStates>
      </div>
      {(pending?.kind === 'create' || pending?.kind === 'edit') && (
        <LabelDialog
          accountId={account.id}
          label={pending.kind === 'edit' ? pending.label : null}
          onSaved={refresh}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'delete' && (
        <DeleteDialog
          title={t('labels.delete.title')}
          description={t('labels.delete.description', { title: pending.label.title })}
          remove={() => deleteLabel(account.id, pending.label.id)}
          onDeleted={refresh}
          onClose={() => setPending(null)}
        />
      )}
    </>
  );
}
