import { useQueryClient } from '@tanstack/react-query';
import { ListChecks, Plus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import { useCurrentAccount } from '../../accounts/current-account';
import { SettingsSubpageHeader } from '../settings-subpage-header';
import { DeleteDialog } from '../shared/delete-dialog';
import { ListStates } from '../shared/list-states';
import { RowActions } from '../shared/row-actions';
import { settingsKeys } from '../shared/settings-keys';
import { TabList } from '../shared/tab-list';
import { AttributeDialog } from './attribute-dialog';
import { ATTRIBUTE_MODELS, deleteAttributeDefinition, useAttributeDefinitions, type AttributeDefinition, type AttributeModel } from './custom-attributes-api';

type Pending = { kind: 'create' } | { kind: 'edit' | 'delete'; definition: AttributeDefinition } | null;

/** "Atributos Personalizados": extra fields of conversations and contacts. */
export function CustomAttributesPage() {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const definitions = useAttributeDefinitions(account.id);
  const [model, setModel] = useState<AttributeModel>('conversation_attribute');
  const [pending, setPending] = useState<Pending>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: settingsKeys.customAttributes(account.id) });
  const shown = { ...definitions, data: definitions.data?.filter((d) => d.attribute_model === model) };

  return (
    <>
      <SettingsSubpageHeader
        title={t('settings.sections.customAttributes.title')}
        description={t('customAttributes.description')}
        actions={
          <Button onClick={() => setPending({ kind: 'create' })}>
            <Plus className="size-4" aria-hidden="true" />
            {t('customAttributes.create.open')}
          </Button>
        }
      />
      <div className="flex flex-col gap-4 p-4 md:p-8">
        <TabList
          label={t('customAttributes.fields.model')}
          value={model}
          options={ATTRIBUTE_MODELS.map((value) => ({ value, label: t(`customAttributes.models.${value}`) }))}
          onValueChange={setModel}
        />
        <ListStates query={shown} emptyIcon={ListChecks} emptyTitle={t('customAttributes.empty')} listLabel={t('customAttributes.listLabel')}>
          {(items) =>
            items.map((definition) => (
              <li key={definition.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
                <div className="min-w-0 flex-1 basis-48">
                  <p className="truncate text-sm font-medium text-ink">{definition.attribute_display_name}</p>
                  <p className="truncate text-sm text-muted">{definition.attribute_description ?? ''}</p>
                </div>
                <code className="truncate rounded bg-subtle px-1.5 py-0.5 text-xs text-ink">{definition.attribute_key}</code>
                <span className="w-28 text-sm text-ink">{t(`customAttributes.types.${definition.attribute_display_type}`)}</span>
                <RowActions
                  editLabel={t('customAttributes.edit.open', { name: definition.attribute_display_name })}
                  removeLabel={t('customAttributes.delete.open', { name: definition.attribute_display_name })}
                  onEdit={() => setPending({ kind: 'edit', definition })}
                  onRemove={() => setPending({ kind: 'delete', definition })}
                />
              </li>
            ))
          }
        </ListStates>
      </div>
      {(pending?.kind === 'create' || pending?.kind === 'edit') && (
        <AttributeDialog
          accountId={account.id}
          definition={pending.kind === 'edit' ? pending.definition : null}
          model={model}
          onSaved={refresh}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'delete' && (
        <DeleteDialog
          title={t('customAttributes.delete.title')}
          description={t('customAttributes.delete.description', { name: pending.definition.attribute_display_name })}
          remove={() => deleteAttributeDefinition(account.id, pending.definition.id)}
          onDeleted={refresh}
          onClose={() => setPending(null)}
        />
      )}
    </>
  );
}
