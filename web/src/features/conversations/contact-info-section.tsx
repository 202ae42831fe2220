import { Building2, Mail, MapPin, Phone } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { UserAvatar } from '../../components/user-avatar';
import { useCurrentAccount } from '../accounts/current-account';
import type { Conversation } from './conversation-types';
import { useContact } from './conversations-api';
import { DetailsSection } from './details-section';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

/** "Informações do Cliente": who the customer is, and their custom attributes. */
export function ContactInfoSection({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const contact = useContact(account.id, conversation.meta.sender?.id);
  const data = contact.data ?? conversation.meta.sender;
  if (!data) return null;
  const extra = data.additional_attributes ?? {};
  const location = [text(extra.city), text(extra.country)].filter(Boolean).join(', ');
  const rows = [
    { icon: Mail, label: t('fields.email'), value: data.email ?? undefined },
    { icon: Phone, label: t('workspace.details.phone'), value: data.phone_number ?? undefined },
    { icon: Building2, label: t('workspace.details.company'), value: text(extra.company_name) },
    { icon: MapPin, label: t('workspace.details.location'), value: location || undefined },
  ];
  const custom = Object.entries(data.custom_attributes ?? {});

  return (
    <DetailsSection title={t('workspace.details.contact')}>
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
            <dt className="shrink-0 text-muted">{key}</dt>
            <dd className="min-w-0 truncate text-ink">{String(value)}</dd>
          </div>
        ))}
      </dl>
    </DetailsSection>
  );
}
