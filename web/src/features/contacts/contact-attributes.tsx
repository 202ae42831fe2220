import { useTranslation } from 'react-i18next';
import { useCurrentAccount } from '../accounts/current-account';
import { ContactCard } from './contact-card';
import type { Contact, CustomAttributeDefinition } from './contact-types';
import { useContactAttributeDefinitions } from './contacts-api';

const ADDITIONAL = ['company_name', 'city', 'country', 'description'] as const;

export function displayValue(value: unknown, type: CustomAttributeDefinition['attribute_display_type'] | undefined, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (type === 'checkbox' || typeof value === 'boolean') return value === true || value === 'true' ? yes : no;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** "Atributos" and "Atributos personalizados" of the contact. */
export function ContactAttributes({ contact }: { contact: Contact }) {
  const { t, i18n } = useTranslation();
  const { account } = useCurrentAccount();
  const definitions = useContactAttributeDefinitions(account.id);
  const rows: [string, string][] = [
    [t('contacts.fields.email'), contact.email ?? ''],
    [t('contacts.fields.phone_number'), contact.phone_number ?? ''],
    [t('contacts.fields.identifier'), contact.identifier ?? ''],
    ...ADDITIONAL.map((key): [string, string] => [t(`contacts.fields.${key === 'company_name' ? 'company' : key}`), displayValue(contact.additional_attributes[key], 'text', '', '')]),
    [t('contacts.fields.created_at'), new Date(contact.created_at * 1000).toLocaleString(i18n.language)],
    [t('contacts.fields.last_activity_at'), contact.last_activity_at ? new Date(contact.last_activity_at * 1000).toLocaleString(i18n.language) : ''],
  ];
  const known = (definitions.data ?? []).filter((d) => d.attribute_model === 'contact_attribute');
  const customKeys = [...new Set([...known.map((d) => d.attribute_key), ...Object.keys(contact.custom_attributes)])];
  return (
    <>
      <ContactCard title={t('contacts.sections.attributes')}>
        <AttributeList rows={rows} empty={t('contacts.empty')} />
      </ContactCard>
      <ContactCard title={t('contacts.sections.customAttributes')}>
        {customKeys.length === 0 ? (
          <p className="text-sm text-muted">{t('contacts.noCustomAttributes')}</p>
        ) : (
          <AttributeList
            empty={t('contacts.empty')}
            rows={customKeys.map((key) => {
              const definition = known.find((d) => d.attribute_key === key);
              return [definition?.attribute_display_name ?? key, displayValue(contact.custom_attributes[key], definition?.attribute_display_type, t('contacts.filter.yes'), t('contacts.filter.no'))];
            })}
          />
        )}
      </ContactCard>
    </>
  );
}

function AttributeList({ rows, empty }: { rows: [string, string][]; empty: string }) {
  return (
    <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-2 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted">{label}</dt>
          <dd className={`min-w-0 break-words ${value ? 'text-ink' : 'text-muted'}`}>{value || empty}</dd>
        </div>
      ))}
    </dl>
  );
}
