import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation, ConversationPriority } from './conversation-types';
import { setPriority } from './conversations-api';
import { DetailsSection } from './details-section';
import { useConversationAction } from './use-conversation-action';

const PRIORITIES = ['none', 'low', 'medium', 'high', 'urgent'] as const;

/** "Status" and priority. */
export function PrioritySection({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const id = useId();
  const change = useConversationAction(conversation.id, (accountId, cid, priority: ConversationPriority | 'none') => setPriority(accountId, cid, priority));
  return (
    <DetailsSection title={t('workspace.details.statusAndPriority')}>
      <p className="mb-2 text-sm text-ink">
        {t('workspace.details.status')}: <span className="font-medium">{t(`workspace.statusName.${conversation.status}`)}</span>
      </p>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-muted">
        {t('workspace.details.priority')}
      </label>
      <select
        id={id}
        value={conversation.priority ?? 'none'}
        onChange={(e) => change.mutate(e.target.value as ConversationPriority | 'none')}
        className="w-full rounded-lg border border-line bg-surface px-2 py-1.5 text-sm text-ink"
      >
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`workspace.priority.${p}`)}
          </option>
        ))}
      </select>
    </DetailsSection>
  );
}
