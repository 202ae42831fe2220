import { unixSeconds as unix } from '../../platform/time';
import type { AttachmentRow, MessageRow } from './repository';

/** Chatwoot numbers message types. */
export const MESSAGE_TYPE_NUMBER = { incoming: 0, outgoing: 1, activity: 2, template: 3 } as const;
export const MESSAGE_TYPE_NAME = ['incoming', 'outgoing', 'activity', 'template'] as const;

/** Chatwoot's sender types are its class names. */
export const SENDER_TYPE_NAME = { user: 'User', contact: 'Contact', agent_bot: 'AgentBot' } as const;



export type SenderJson = Record<string, unknown> | null;

export type MessageContext = {
  /** The conversation's public id and the bits clients update from a message. */
  conversation: {
    displayId: number;
    assigneeId: number | null;
    unreadCount: number;
    lastActivityAt: Date;
    sourceId: string | null;
  };
  sender: SenderJson;
  attachments: Record<string, unknown>[];
};

/** A message as Chatwoot's API and realtime events show it ("push event data"). */
export function presentMessage(message: MessageRow, context: MessageContext) {
  const deleted = message.deletedAt !== null;
  return {
    id: message.id,
    content: message.content,
    account_id: message.accountId,
    inbox_id: message.inboxId,
    conversation_id: context.conversation.displayId,
    message_type: message.messageType,
    content_type: message.contentType,
    content_attributes: deleted ? { ...message.contentAttributes, deleted: true } : message.contentAttributes,
    additional_attributes: message.additionalAttributes,
    external_source_ids: message.externalSourceIds,
    processed_message_content: message.content,
    sentiment: {},
    private: message.private,
    status: message.status,
    source_id: message.sourceId,
    sender_type: message.senderType ? SENDER_TYPE_NAME[message.senderType] : null,
    sender_id: message.senderId,
    sender: context.sender,
    reactions: message.reactions,
    attachments: context.attachments,
    created_at: Math.floor(message.createdAt.getTime() / 1000),
    updated_at: Math.floor(message.updatedAt.getTime() / 1000),
    conversation: {
      assignee_id: context.conversation.assigneeId,
      unread_count: context.conversation.unreadCount,
      last_activity_at: unix(context.conversation.lastActivityAt),
      contact_inbox: { source_id: context.conversation.sourceId },
    },
  };
}
export type MessageJson = ReturnType<typeof presentMessage>;

export type PresentAttachment = (row: AttachmentRow) => Record<string, unknown>;
