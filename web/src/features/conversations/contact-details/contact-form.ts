import type { ContactSummary } from '../conversation-types';
import type { AttributeDefinition, ContactChanges } from './contact-api';

/** The editor's fields as typed: text for everything, `true`/`false` for checkboxes. */
export type ContactForm = {
  name: string;
  email: string;
  phone_number: string;
  company_name: string;
  city: string;
  custom: Record<string, string | boolean>;
};

const asText = (value: unknown) => (value === null || value === undefined ? '' : String(value));

export function formFromContact(contact: ContactSummary, definitions: AttributeDefinition[]): ContactForm {
  const extra = contact.additional_attributes ?? {};
  const stored = contact.custom_attributes ?? {};
  const custom: ContactForm['custom'] = {};
  for (const definition of definitions) {
    const value = stored[definition.attribute_key];
    custom[definition.attribute_key] = definition.attribute_display_type === 'checkbox' ? value === true : asText(value);
  }
  return {
    name: contact.name ?? '',
    email: contact.email ?? '',
    phone_number: contact.phone_number ?? '',
    company_name: asText(extra.company_name),
    city: asText(extra.city),
    custom,
  };
}

/** An attribute typed as it is defined: numbers as numbers, a cleared field as null (the server merges key by key). */
function customValue(definition: AttributeDefinition, raw: string | boolean): unknown {
  if (definition.attribute_display_type === 'checkbox') return raw === true;
  const text = String(raw).trim();
  if (!text) return null;
  if (['number', 'currency', 'percent'].includes(definition.attribute_display_type)) {
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

/** What the update sends: every field of the form (cleared ones as null, so they really clear). */
export function changesFromForm(form: ContactForm, definitions: AttributeDefinition[]): ContactChanges {
  const blankToNull = (value: string) => value.trim() || null;
  return {
    name: form.name.trim(),
    email: blankToNull(form.email),
    phone_number: blankToNull(form.phone_number),
    additional_attributes: { company_name: blankToNull(form.company_name), city: blankToNull(form.city) },
    custom_attributes: Object.fromEntries(definitions.map((d) => [d.attribute_key, customValue(d, form.custom[d.attribute_key] ?? '')])),
  };
}
