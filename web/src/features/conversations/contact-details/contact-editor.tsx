import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/text-field';
import { describeApiError } from '../../../lib/api-form-errors';
import { useCurrentAccount } from '../../accounts/current-account';
import { conversationKeys } from '../conversation-keys';
import type { ContactSummary } from '../conversation-types';
import { updateContact, type AttributeDefinition } from './contact-api';
import { changesFromForm, formFromContact, type ContactForm } from './contact-form';

const FIELDS = ['name', 'email', 'phone_number'] as const;
const selectClasses = 'w-full rounded-lg border border-line bg-surface px-3 py-2 text-sm text-ink focus:border-brand focus:outline-none';

/** "Informações do Cliente" in edit mode: the contact's fields and custom attributes, saved together. */
export function ContactEditor({ contact, definitions, onDone }: { contact: ContactSummary; definitions: AttributeDefinition[]; onDone(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { account } = useCurrentAccount();
  const [form, setForm] = useState<ContactForm>(() => formFromContact(contact, definitions));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const { fieldErrors, formError } = describeApiError(error, FIELDS, t);

  // A changed field no longer carries the last save's complaint.
  const set = (change: Partial<ContactForm>) => {
    setForm((current) => ({ ...current, ...change }));
    setError(null);
  };
  const setCustom = (key: string, value: string | boolean) => {
    setForm((current) => ({ ...current, custom: { ...current.custom, [key]: value } }));
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const { payload } = await updateContact(account.id, contact.id, changesFromForm(form, definitions));
      client.setQueryData(conversationKeys.contact(account.id, contact.id), { payload });
      // Cards and headers show the contact's name: the lists and open conversations learn it.
      void client.invalidateQueries({ queryKey: conversationKeys.all(account.id) });
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-2.5" aria-label={t('workspace.contactEdit.form')} noValidate>
      <TextField label={t('workspace.contactEdit.name')} value={form.name} onValueChange={(name) => set({ name })} error={fieldErrors.name} maxLength={255} />
      <TextField label={t('fields.email')} type="email" value={form.email} onValueChange={(email) => set({ email })} error={fieldErrors.email} />
      <TextField label={t('workspace.details.phone')} type="tel" value={form.phone_number} onValueChange={(phone_number) => set({ phone_number })} error={fieldErrors.phone_number && t('workspace.contactEdit.phoneInvalid')} hint={t('workspace.contactEdit.phoneHint')} />
      <TextField label={t('workspace.details.company')} value={form.company_name} onValueChange={(company_name) => set({ company_name })} />
      <TextField label={t('workspace.contactEdit.city')} value={form.city} onValueChange={(city) => set({ city })} />
      {definitions.map((definition) => {
        const value = form.custom[definition.attribute_key];
        const label = definition.attribute_display_name;
        if (definition.attribute_display_type === 'checkbox') {
          return (
            <label key={definition.id} className="flex items-center gap-2 text-sm text-ink">
              <input type="checkbox" className="size-4 accent-brand" checked={value === true} onChange={(e) => setCustom(definition.attribute_key, e.target.checked)} />
              {label}
            </label>
          );
        }
        if (definition.attribute_display_type === 'list') {
          return (
            <label key={definition.id} className="flex flex-col gap-1.5 text-sm font-medium text-ink">
              {label}
              <select className={selectClasses} value={String(value ?? '')} onChange={(e) => setCustom(definition.attribute_key, e.target.value)}>
                <option value="">{t('workspace.details.notGiven')}</option>
                {definition.attribute_values.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            </label>
          );
        }
        const type = { number: 'number', currency: 'number', percent: 'number', date: 'date', link: 'url', text: 'text' }[definition.attribute_display_type];
        return <TextField key={definition.id} label={label} type={type} value={String(value ?? '')} onValueChange={(v) => setCustom(definition.attribute_key, v)} />;
      })}
      {formError && (
        <p role="alert" className="text-xs text-danger">
          {formError}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onDone} className="rounded-lg px-3 py-1.5 text-sm text-muted hover:bg-subtle">
          {t('common.cancel')}
        </button>
        <button type="submit" disabled={saving} className="rounded-lg bg-brand px-4 py-1.5 text-sm font-medium text-on-brand hover:bg-brand-strong disabled:opacity-50">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
