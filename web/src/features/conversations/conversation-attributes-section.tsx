import { useTranslation } from 'react-i18next';
import type { Conversation } from './conversation-types';
import { DetailsSection } from './details-section';

const KNOWN = ['browser', 'referer', 'initiated_at'] as const;

const show = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.browser_name === 'string') return [v.browser_name, v.browser_version, v.platform_name].filter(Boolean).join(' · ');
    if (typeof v.timestamp === 'string') return v.timestamp;
    return JSON.stringify(value);
  }
  return String(value);
};

/** "Atributos da conversa": browser, referrer, when it began, and custom attributes. */
export function ConversationAttributesSection({ conversation }: { conversation: Conversation }) {
  const { t, i18n } = useTranslation();
  const rows: [string, string][] = [];
  for (const key of KNOWN) {
    const value = show(conversation.additional_attributes[key]);
    if (value) rows.push([t(`workspace.details.attributes.${key}`), value]);
  }
  if (conversation.created_at) rows.push([t('workspace.details.attributes.created'), new Date(conversation.created_at * 1000).toLocaleString(i18n.language)]);
  for (const [key, value] of Object.entries(conversation.custom_attributes)) rows.push([key, show(value)]);

  return (
    <DetailsSection title={t('workspace.details.attributesTitle')}>
      <dl className="flex flex-col gap-1 text-sm">
        <div className="flex gap-2">
          <dt className="text-muted">{t('workspace.details.attributes.id')}</dt>
          <dd className="text-ink">#{conversation.id}</dd>
        </div>
        {rows.map(([label, value]) => (
          <div key={label} className="flex gap-2">
            <dt className="shrink-0 text-muted">{label}</dt>
            <dd className="min-w-0 truncate text-ink" title={value}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </DetailsSection>
  );
}
