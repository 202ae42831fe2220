import { useTranslation } from 'react-i18next';
import { useCurrentAccount } from '../accounts/current-account';
import type { Conversation } from './conversation-types';
import { setLabels, useLabels } from './conversations-api';
import { DetailsSection } from './details-section';
import { LabelSetEditor } from './label-set-editor';
import { useConversationAction } from './use-conversation-action';

/** "Marcadores": the conversation's labels, added and removed from the account's. */
export function LabelsSection({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const labels = useLabels(account.id);
  const change = useConversationAction(conversation.id, (accountId, id, next: string[]) => setLabels(accountId, id, next));
  const toggle = (title: string) =>
    change.mutate(conversation.labels.includes(title) ? conversation.labels.filter((l) => l !== title) : [...conversation.labels, title]);

  return (
    <DetailsSection title={t('workspace.details.labels')}>
      <LabelSetEditor
        label={t('workspace.details.labels')}
        chosen={conversation.labels}
        labels={labels.data ?? []}
        onToggle={toggle}
        texts={{ add: t('workspace.details.addLabel'), remove: (label) => t('workspace.details.removeLabel', { label }), noAccountLabels: t('secondaryMenu.empty.labels') }}
      />
    </DetailsSection>
  );
}
