import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { FormDialog } from '../../components/form-dialog';
import { apiErrorMessage } from '../../lib/api-form-errors';
import { useCurrentAccount } from '../accounts/current-account';
import type { FilterItem } from './contact-types';
import { exportContacts, useContactAttributeDefinitions } from './contacts-api';

/** The export's columns, as `POST /contacts/export` names them. */
export const EXPORT_COLUMNS = ['name', 'email', 'phone_number', 'identifier', 'company_name', 'city', 'country', 'country_code', 'labels', 'blocked', 'created_at', 'last_activity_at', 'id'] as const;
const DEFAULT_COLUMNS = new Set<string>(['name', 'email', 'phone_number', 'identifier', 'company_name', 'city']);

const columnLabelKey = (column: string) => `contacts.fields.${column === 'company_name' ? 'company' : column}`;

/** "Exportar contatos": the contacts of the current filter (or all), with the chosen columns, as CSV. */
export function ExportContactsDialog({ conditions, onClose }: { conditions: FilterItem[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const [columns, setColumns] = useState<Set<string>>(DEFAULT_COLUMNS);
  const definitions = (useContactAttributeDefinitions(account.id).data ?? []).filter((d) => d.attribute_model === 'contact_attribute');
  const available: { column: string; label: string }[] = [
    ...EXPORT_COLUMNS.map((column) => ({ column, label: t(columnLabelKey(column)) })),
    ...definitions.map((d) => ({ column: `custom_attributes.${d.attribute_key}`, label: d.attribute_display_name })),
  ];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await exportContacts(account.id, available.map((a) => a.column).filter((c) => columns.has(c)), conditions);
      onClose();
    } catch (e) {
      setError(apiErrorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t('contacts.export.title')}
      description={conditions.length > 0 ? t('contacts.export.filtered', { count: conditions.length }) : t('contacts.export.all')}
    >
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-medium text-ink">{t('contacts.export.columns')}</legend>
        <div className="grid grid-cols-2 gap-2">
          {available.map(({ column, label }) => (
            <label key={column} className="flex items-center gap-2 text-sm text-ink">
              <input
                type="checkbox"
                checked={columns.has(column)}
                onChange={(e) =>
                  setColumns((current) => {
                    const next = new Set(current);
                    if (e.target.checked) next.add(column);
                    else next.delete(column);
                    return next;
                  })
                }
                className="size-4 accent-brand"
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      {error && <div className="mt-3"><FormAlert>{error}</FormAlert></div>}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>{t('common.cancel')}</Button>
        <Button busy={busy} disabled={columns.size === 0} onClick={() => void run()}>{t('contacts.export.run')}</Button>
      </div>
    </FormDialog>
  );
}
