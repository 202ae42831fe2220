import { Building2, Mail, MapPin, Pencil, Phone } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContactAttributeDefinitions } from './contact-details/contact-api';
import { ContactEditor } from './contact-details/contact-editor';
import { UserAvatar } from '../../components/user-avatar';
import { useCurrentAccount } from '../accounts/current-account';
import type { Conversation } from './conversation-types';
import { useContact } from './conversations-api';
import { DetailsSection } from './details-section';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

/** "Informações do Cliente": who the customer is, and their custom attributes; "Editar" changes them. */
export function ContactInfoSection({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const contact = useContact(account.id, conversation.meta.sender?.id);
  const definitions = useContactAttributeDefinitions(account.id);
  const [editing, setEditing] = useState(false);
  const data = contact.data ?? conversation.meta.sender;
  if (!data) return null;
  const title = t('workspace.details.contact');
  if (editing && contact.data && definitions.data) {
    return (
      <DetailsSection title={title}>
        <ContactEditor contact={contact.data} definitions={definitions.data} onDone={() => setEditing(false)} />
      </DetailsSection>
    );
  }
  const displayName = (key: string) => definitions.data?.find((d) => d.attribute_key === key)?.attribute_display_name ?? key;
  const extra = data.additional_attributes ?? {};
  const location = [text(extra.city), text(extra.country)].filter(Boolean).join(', ');
  const rows = [
    { icon: Mail, label: t('fields.email'), value: data.email ?? undefined },
    { icon: Phone, label: t('workspace.details.phone'), value: data.phone_number ?? undefined },
    { icon: Building2, label: t('workspace.details.company'), value: text(extra.company_name) },
    { icon: MapPin, label: t('workspace.details.location'), value: location || undefined },
  ];
  const custom = Object.entries(data.custom_attributes ?? {}).filter(([, value]) => value !== null && value !== '');

  return (
    <DetailsSection
      title={title}
      action={
        contact.data && definitions.data ? (
          <button type="button" onClick={() => setEditing(true)} className="flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs text-brand hover:bg-brand-soft">
            <Pencil className="size-3" aria-hidden="true" />
            {t('workspace.contactEdit.edit')}
          </button>
        ) : undefined
      }
    >
      <div className="mb-2 flex items-center gap-2.5">
        <UserAvatar name={data.name || '?'} imageUrl={data.thumbnail || null} />
        <p className="min-w-0 truncate text-sm font-semibold text-ink">{data.name || t('workspace.unknownContact')}</p>
      </div>
      <dl className="flex flex-col gap-1.5 text-sm">
        {rows.map(({ icon: Icon, label, value }) => (
          <div key={label} className="flex items-center gap-2">
            <dt className="shrink-0">
              <Icon className="size-3.5 text-muted" aria-label={label} />
            </dt>
            <dd className={`min-w-0 truncate ${value ? 'text-ink' : 'text-muted'}`}>{value ?? t('workspace.details.notGiven')}</dd>
          </div>
        ))}
        {custom.map(([key, value]) => (
          <div key={key} className="flex gap-2">
            <dt className="shrink-0 text-muted">{displayName(key)}</dt>
            <dd className="min-w-0 truncate text-ink">{value === true ? t('workspace.contactEdit.yes') : value === false ? t('workspace.contactEdit.no') : String(value)}</dd>
          </div>
        ))}
      </dl>
    </DetailsSection>
  );
}
