import { useQueryClient } from '@tanstack/react-query';
import { UserRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UserAvatar } from '../../components/user-avatar';
import { ChannelIcon } from './channel-icon';
import { conversationPath } from './conversation-scope';
import type { Conversation, ListScope } from './conversation-types';
import { prefetchConversation, useInboxes, useLabels } from './conversations-api';
import { LabelChip } from './label-chip';
import { MessagePreview } from './message-preview';
import { PriorityMarker } from './priority-marker';
import { shortTime } from './time-format';

type Props = {
  accountId: number;
  scope: ListScope;
  conversation: Conversation;
  active: boolean;
  /** Bulk selection: the checkbox over the avatar shows on hover, and always once something is selected. */
  selection?: { selected: boolean; selecting: boolean; onToggle(id: number): void };
};

/** One conversation in the list: who, where from, who answers, when, labels, last words, unread, priority. */
export function ConversationCard({ accountId, scope, conversation, active, selection }: Props) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const inboxes = useInboxes(accountId);
  const labels = useLabels(accountId);
  const contact = conversation.meta.sender;
  const name = contact?.name || t('workspace.unknownContact');
  const inbox = inboxes.data?.find((i) => i.id === conversation.inbox_id);
  const assignee = conversation.meta.assignee;
  const unread = conversation.unread_count;

  return (
    <div className="group relative">
      {selection && (
        <input
          type="checkbox"
          checked={selection.selected}
          onChange={() => selection.onToggle(conversation.id)}
          aria-label={t('workspace.bulk.select', { name })}
          className={`absolute top-5 left-6 z-10 size-4 accent-brand ${selection.selecting ? '' : 'opacity-0 group-hover:opacity-100 focus:opacity-100'}`}
        />
      )}
      <Link
        to={conversationPath(accountId, scope, conversation.id)}
        // The press starts the requests; the click that follows opens a panel already on its way.
        onPointerDown={() => prefetchConversation(client, accountId, conversation.id)}
        aria-current={active ? 'page' : undefined}
        className={`flex gap-3 border-b border-line px-4 py-3 transition-colors ${selection?.selected ? 'bg-brand-soft/40' : active ? 'bg-brand-soft/60' : 'hover:bg-subtle'}`}
      >
        <span className={selection?.selecting || selection?.selected ? 'invisible' : 'group-hover:invisible'}>
          <UserAvatar name={name} imageUrl={contact?.thumbnail || null} />
        </span>
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <div className="flex items-center gap-1.5 text-xs text-muted">
            <ChannelIcon channel={conversation.meta.channel ?? inbox?.channel_type} />
            <span className="truncate">{inbox?.name}</span>
            {assignee && (
              <span className="flex min-w-0 items-center gap-0.5 truncate" title={t('workspace.card.assignee', { name: assignee.available_name ?? assignee.name })}>
                <UserRound className="size-3 shrink-0" aria-hidden="true" />
                <span className="truncate">{assignee.available_name ?? assignee.name}</span>
              </span>
            )}
            <span className="ml-auto shrink-0 tabular-nums">{shortTime(conversation.last_activity_at ?? conversation.timestamp, i18n.language)}</span>
          </div>
          <div className="flex items-center gap-1.5">
            <p className={`min-w-0 flex-1 truncate text-sm ${unread > 0 ? 'font-semibold' : 'font-medium'} text-ink`}>{name}</p>
            <PriorityMarker priority={conversation.priority} />
          </div>
          <div className="flex items-center gap-2">
            <MessagePreview conversation={conversation} />
            {unread > 0 && (
              <span
                className="ml-auto flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full bg-brand px-1.5 text-[11px] font-semibold text-on-brand"
                aria-label={t('workspace.card.unread', { count: unread })}
              >
                {unread > 99 ? '99+' : unread}
              </span>
            )}
          </div>
          {conversation.labels.length > 0 && (
            <div className="flex flex-wrap gap-1 overflow-hidden" style={{ maxHeight: '1.25rem' }}>
              {conversation.labels.map((title) => (
                <LabelChip key={title} title={title} color={labels.data?.find((l) => l.title === title)?.color} />
              ))}
            </div>
          )}
        </div>
      </Link>
    </div>
  );
}
