import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../components/form-alert';
import { FormDialog, FormDialogActions } from '../../components/form-dialog';
import { inputClasses, TextField } from '../../components/text-field';
import { describeApiError } from '../../lib/api-form-errors';
import { useCurrentAccount } from '../accounts/current-account';
import type { Contact, CustomAttributeDefinition } from './contact-types';
import { accountBasePath } from '../navigation/nav-items';
import { contactKeys, createContact, updateContact, useContactAttributeDefinitions, refreshContacts } from './contacts-api';

const STANDARD = ['name', 'email', 'phone_number', 'identifier'] as const;
const ADDITIONAL = ['company_name', 'city', 'country', 'description'] as const;
type Standard = (typeof STANDARD)[number];
type Additional = (typeof ADDITIONAL)[number];
const FIELDS = [...STANDARD, ...ADDITIONAL] as const;

const asText = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** The custom attribute's value as the API stores it: numbers as numbers, checkboxes as booleans, "" as null. */
export function customValue(definition: CustomAttributeDefinition, input: string): unknown {
  if (input.trim() === '') return null;
  switch (definition.attribute_display_type) {
    case 'number':
    case 'currency':
    case 'percent':
      return Number.isFinite(Number(input)) ? Number(input) : input;
    case 'checkbox':
      return input === 'true';
    default:
      return input.trim();
  }
}

/** "Editar contato" (or "Novo contato" without a contact): its fields and custom attributes. */
export function EditContactDialog({ contact, onClose }: { contact?: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const definitions = (useContactAttributeDefinitions(account.id).data ?? []).filter((d) => d.attribute_model === 'contact_attribute');
  const [standard, setStandard] = useState<Record<Standard, string>>({
    name: contact?.name ?? '',
    email: contact?.email ?? '',
    phone_number: contact?.phone_number ?? '',
    identifier: contact?.identifier ?? '',
  });
  const [additional, setAdditional] = useState<Record<Additional, string>>(
    Object.fromEntries(ADDITIONAL.map((k) => [k, asText(contact?.additional_attributes[k])])) as Record<Additional, string>,
  );
  const [custom, setCustom] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(contact?.custom_attributes ?? {}).map(([k, v]) => [k, asText(v)])),
  );

  const mutation = useMutation({
    mutationFn: () => {
      const changes = {
        name: standard.name.trim(),
        email: standard.email.trim() || null,
        phone_number: standard.phone_number.trim() || null,
        identifier: standard.identifier.trim() || null,
        additional_attributes: Object.fromEntries(ADDITIONAL.filter((k) => contact || additional[k].trim() !== '').map((k) => [k, additional[k].trim()])),
        custom_attributes: Object.fromEntries(
          definitions.filter((d) => contact || (custom[d.attribute_key] ?? '') !== '').map((d) => [d.attribute_key, customValue(d, custom[d.attribute_key] ?? '')]),
        ),
      };
      return contact ? updateContact(account.id, contact.id, changes) : createContact(account.id, changes);
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(contactKeys.detail(account.id, saved.id), { payload: saved });
      await refreshContacts(queryClient, account.id);
      onClose();
      if (!contact) void navigate(`${accountBasePath(account.id)}/contacts/${saved.id}`);
    },
  });
  const { fieldErrors, formError } = describeApiError(mutation.error, [...FIELDS, ...definitions.map((d) => d.attribute_key)], t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <FormDialog open onOpenChange={(open) => !open && onClose()} title={contact ? t('contacts.edit.title') : t('contacts.create.title')}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {formError && <FormAlert>{formError}</FormAlert>}
        <div className="grid gap-4 sm:grid-cols-2">
          {STANDARD.map((field) => (
            <TextField
              key={field}
              label={t(`contacts.fields.${field}`)}
              value={standard[field]}
              onValueChange={(value) => setStandard((s) => ({ ...s, [field]: value }))}
              error={fieldErrors[field]}
              type={field === 'email' ? 'email' : field === 'phone_number' ? 'tel' : 'text'}
              hint={field === 'phone_number' ? t('contacts.edit.phoneHint') : undefined}
            />
          ))}
          {ADDITIONAL.map((field) => (
            <TextField
              key={field}
              label={t(`contacts.fields.${field === 'company_name' ? 'company' : field}`)}
              value={additional[field]}
              onValueChange={(value) => setAdditional((s) => ({ ...s, [field]: value }))}
              error={fieldErrors[field]}
            />
          ))}
        </div>
        {definitions.length > 0 && (
          <fieldset className="grid gap-4 border-t border-line pt-4 sm:grid-cols-2">
            <legend className="sr-only">{t('contacts.sections.customAttributes')}</legend>
            {definitions.map((definition) => (
              <CustomField
                key={definition.id}
                definition={definition}
                value={custom[definition.attribute_key] ?? ''}
                error={fieldErrors[definition.attribute_key]}
                onChange={(value) => setCustom((c) => ({ ...c, [definition.attribute_key]: value }))}
              />
            ))}
          </fieldset>
        )}
        <FormDialogActions onCancel={onClose} busy={mutation.isPending} submitLabel={t('common.save')} />
      </form>
    </FormDialog>
  );
}

type CustomFieldProps = { definition: CustomAttributeDefinition; value: string; error: string | undefined; onChange: (value: string) => void };

function CustomField({ definition, value, error, onChange }: CustomFieldProps) {
  const { t } = useTranslation();
  const label = definition.attribute_display_name;
  const type = definition.attribute_display_type;
  if (type === 'checkbox' || type === 'list') {
    const options = type === 'checkbox' ? [['true', t('contacts.filter.yes')], ['false', t('contacts.filter.no')]] : (definition.attribute_values ?? []).map((v) => [v, v]);
    return (
      <label className="flex flex-col gap-1.5 text-sm font-medium text-ink">
        {label}
        <select value={value} onChange={(e) => onChange(e.target.value)} className={`${inputClasses} ${error ? 'border-danger' : 'border-line'}`}>
          <option value="">—</option>
          {options.map(([v, text]) => (
            <option key={v} value={v}>{text}</option>
          ))}
        </select>
        {error && <span className="text-xs font-normal text-danger">{error}</span>}
      </label>
    );
  }
  const inputType = type === 'number' || type === 'currency' || type === 'percent' ? 'number' : type === 'date' ? 'date' : type === 'link' ? 'url' : 'text';
  return <TextField label={label} value={value} onValueChange={onChange} error={error} type={inputType} />;
}
