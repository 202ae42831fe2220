import { AlertCircle, Check, CheckCheck, Lock } from 'lucide-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentView } from './attachment-view';
import type { Conversation, Message } from './conversation-types';
import { MessageActions } from './message-actions';
import { MessageContent } from './message-content';
import { RetryDelivery } from './retry-delivery';
import { clockTime } from './time-format';

/**
 * A line scrolled out of view is neither laid out nor painted (its last size is kept), so a history
 * of many loaded pages scrolls and grows as cheaply as a short one. The padding keeps the bubble's
 * shadow inside the line, which clips what it paints.
 */
const LINE_OUT_OF_VIEW = '[contain-intrinsic-size:auto_5rem] [content-visibility:auto]';

type Props = { message: Message; conversation: Conversation; quoted: Message | undefined; onReply(message: Message): void };

/**
 * One line of the history: incoming (left), outgoing (right), private note (yellow), or activity
 * (centred). Memoised: when an older page arrives, the lines already drawn are not drawn again.
 */
export const MessageItem = memo(function MessageItem({ message, conversation, quoted, onReply }: Props) {
  const { t, i18n } = useTranslation();
  if (message.message_type === 2) {
    return (
      <li className="my-1 flex justify-center [contain-intrinsic-size:auto_1.75rem] [content-visibility:auto]" data-message-id={message.id}>
        <p className="max-w-md rounded-full bg-subtle px-3 py-1 text-center text-xs text-muted">
          {message.content} · <time dateTime={new Date(message.created_at * 1000).toISOString()}>{clockTime(message.created_at, i18n.language)}</time>
        </p>
      </li>
    );
  }
  const incoming = message.message_type === 0;
  const deleted = message.content_attributes.deleted === true;
  const senderName = message.sender?.available_name ?? message.sender?.name ?? (incoming ? conversation.meta.sender?.name : undefined) ?? '';
  const bubble = message.private
    ? 'bg-warning-soft border border-warning/30'
    : incoming
      ? 'bg-surface border border-line'
      : 'bg-brand-soft border border-brand/20';
  const kind = message.private ? t('workspace.message.private') : incoming ? t('workspace.message.incoming') : t('workspace.message.outgoing');

  return (
    <li className={`group flex py-0.5 ${LINE_OUT_OF_VIEW} ${incoming ? 'justify-start' : 'justify-end'}`} aria-label={`${kind}: ${senderName}`} data-message-id={message.id}>
      <div className={`flex max-w-[85%] items-start gap-1 md:max-w-[70%] ${incoming ? 'flex-row' : 'flex-row-reverse'}`}>
        <article className={`min-w-0 rounded-xl px-3 py-2 shadow-sm ${bubble}`}>
          <p className="mb-0.5 flex items-center gap-1 text-xs font-medium text-muted">
            {message.private && <Lock className="size-3" aria-hidden="true" />}
            {message.private ? `${t('workspace.message.private')} · ${senderName}` : senderName}
          </p>
          {quoted && (
            <blockquote className="mb-1 border-l-2 border-brand/50 pl-2 text-xs text-muted">
              <span className="line-clamp-2">{quoted.content_attributes.deleted ? t('workspace.message.deleted') : quoted.content}</span>
            </blockquote>
          )}
          {deleted ? (
            <p className="text-sm text-muted italic">{t('workspace.message.deleted')}</p>
          ) : (
            <>
              {message.content && <MessageContent content={message.content} />}
              {message.attachments.length > 0 && (
                <div className="mt-1 flex flex-col gap-1.5">
                  {message.attachments.map((a) => (
                    <AttachmentView key={a.id} attachment={a} />
                  ))}
                </div>
              )}
            </>
          )}
          <p className="mt-1 flex items-center justify-end gap-1 text-[11px] text-muted">
            <time dateTime={new Date(message.created_at * 1000).toISOString()}>{clockTime(message.created_at, i18n.language)}</time>
            {!incoming && !message.private && <DeliveryStatus message={message} />}
          </p>
          {message.message_type === 1 && !message.private && message.status === 'failed' && !deleted && <RetryDelivery message={message} />}
          {message.reactions.length > 0 && (
            <p className="mt-1 flex flex-wrap gap-1" aria-label={t('workspace.message.reactions')}>
              {groupReactions(message).map(([emoji, count]) => (
                <span key={emoji} className="rounded-full border border-line bg-surface px-1.5 text-xs">
                  {emoji} {count > 1 ? count : ''}
                </span>
              ))}
            </p>
          )}
        </article>
        {!deleted && <MessageActions message={message} conversationId={conversation.id} onReply={onReply} />}
      </div>
    </li>
  );
});

function DeliveryStatus({ message }: { message: Message }) {
  const { t } = useTranslation();
  if (message.status === 'failed') {
    const reason = typeof message.content_attributes.external_error === 'string' ? message.content_attributes.external_error : '';
    return <AlertCircle className="size-3.5 text-danger" role="img" aria-label={`${t('workspace.delivery.failed')} ${reason}`.trim()} />;
  }
  if (message.status === 'read') return <CheckCheck className="size-3.5 text-brand" role="img" aria-label={t('workspace.delivery.read')} />;
  if (message.status === 'delivered') return <CheckCheck className="size-3.5" role="img" aria-label={t('workspace.delivery.delivered')} />;
  return <Check className="size-3.5" role="img" aria-label={t('workspace.delivery.sent')} />;
}

function groupReactions(message: Message): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of message.reactions) counts.set(r.emoji, (counts.get(r.emoji) ?? 0) + 1);
  return [...counts.entries()];
}
