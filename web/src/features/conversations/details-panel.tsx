import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { AssignmentSection } from './assignment-section';
import { ContactNotesSection } from './contact-details/contact-notes-section';
import { ContactInfoSection } from './contact-info-section';
import { ConversationAttributesSection } from './conversation-attributes-section';
import type { Conversation } from './conversation-types';
import { IntegrationsSection } from './integrations-section';
import { LabelsSection } from './labels-section';
import { ParticipantsSection } from './participants-section';
import { PreviousConversationsSection } from './previous-conversations-section';
import { PrioritySection } from './priority-section';

/** Guide chapter 5, "Mais detalhes": the customer and their notes, assignment, status and priority, labels, history, attributes, participants, integrations (dashboard apps). */
export function DetailsPanel({ conversation, onClose }: { conversation: Conversation; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <aside
      aria-label={t('workspace.details.label')}
      className="fixed inset-0 z-30 flex flex-col overflow-y-auto bg-surface md:inset-auto md:top-0 md:right-0 md:bottom-0 md:w-80 md:border-l md:border-line md:shadow-xl 2xl:static 2xl:z-auto 2xl:shrink-0 2xl:shadow-none"
    >
      <div className="flex items-center justify-between border-b border-line px-4 py-3">
        <h2 className="text-sm font-semibold text-ink">{t('workspace.details.title')}</h2>
        <button type="button" onClick={onClose} className="rounded-md p-1 text-muted hover:bg-subtle" aria-label={t('common.close')}>
          <X className="size-4" aria-hidden="true" />
        </button>
      </div>
      <ContactInfoSection conversation={conversation} />
      {conversation.meta.sender && <ContactNotesSection contactId={conversation.meta.sender.id} />}
      <AssignmentSection conversation={conversation} />
      <PrioritySection conversation={conversation} />
      <LabelsSection conversation={conversation} />
      <ConversationAttributesSection conversation={conversation} />
      <PreviousConversationsSection conversation={conversation} />
      <ParticipantsSection conversation={conversation} />
      <IntegrationsSection conversation={conversation} />
    </aside>
  );
}
