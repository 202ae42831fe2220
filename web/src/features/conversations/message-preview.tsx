import { Lock, Paperclip, Reply } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from './conversation-types';
import { markdownToPlain } from './markdown-plain';

/** The last message's first words, as plain text (never rendered as HTML). */
export function MessagePreview({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const message = conversation.last_non_activity_message ?? conversation.messages[0];
  if (!message) return <p className="min-w-0 flex-1 truncate text-sm text-muted italic">{t('workspace.card.noMessages')}</p>;
  const text = message.content_attributes.deleted
    ? t('workspace.message.deleted')
    : markdownToPlain(message.content ?? '') ||
      (message.attachments.length > 0 ? t('workspace.card.attachment') : '');
  return (
    <p className="flex min-w-0 flex-1 items-center gap-1 text-sm text-muted">
      {message.private && <Lock className="size-3 shrink-0" aria-label={t('workspace.card.privateNote')} />}
      {message.message_type === 1 && !message.private && <Reply className="size-3 shrink-0" aria-label={t('workspace.card.outgoing')} />}
      {message.attachments.length > 0 && <Paperclip className="size-3 shrink-0" aria-hidden="true" />}
      <span className="truncate">{text}</span>
    </p>
  );
}
