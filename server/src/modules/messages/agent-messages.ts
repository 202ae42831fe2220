import type { AppContext } from '../../context';
import { invalidField, notFound } from '../../platform/errors';
import { type AttachmentUpload, removeAttachmentsOf } from '../attachments/service';
import { presentOne } from '../conversations/service';
import * as conversations from '../conversations/service';
import type { Member } from '../conversations/member';
import { MESSAGE_TYPE_NUMBER } from './presenter';
import { postMessage } from './post-message';
import * as messages from './service';

export const PAGE_SIZE = 20;

/** A page of the conversation's history for an agent: the newest, or before/after a message id. */
export async function listForAgent(
  ctx: AppContext,
  member: Member,
  displayId: number,
  cursor: { before?: number | undefined; after?: number | undefined },
) {
  const conversation = await conversations.findForMember(ctx.db, member, displayId);
  const [rows, json, contactInbox] = await Promise.all([
    messages.listMessageRows(ctx.db, conversation.id, cursor, PAGE_SIZE),
    presentOne(ctx.db, conversation),
    conversations.contactInboxOf(ctx.db, conversation),
  ]);
  return {
    meta: {
      labels: json.labels,
      additional_attributes: json.additional_attributes,
      contact: json.meta.sender,
      assignee: json.meta.assignee,
      agent_last_seen_at: json.agent_last_seen_at,
      assignee_last_seen_at: json.assignee_last_seen_at,
    },
    payload: await messages.presentMessages(ctx.db, conversation, contactInbox?.sourceId ?? null, rows),
  };
}

export type AgentMessageInput = {
  content: string | null;
  private: boolean;
  messageType?: 'incoming' | 'outgoing' | 'template' | undefined;
  contentType?: string | undefined;
  contentAttributes?: Record<string, unknown> | undefined;
  sourceId?: string | undefined;
  attachments?: AttachmentUpload[] | undefined;
};

/**
 * An agent's reply or private note. Integrations on API inboxes may also post the contact's
 * messages (`message_type: incoming`), as with Chatwoot.
 */
export async function postAgentMessage(ctx: AppContext, member: Member, displayId: number, input: AgentMessageInput) {
  return ctx.transaction(async (tx) => {
    const conversation = await conversations.findForMember(tx, member, displayId, { lock: true });
    const messageType = input.messageType ?? 'outgoing';
    if (messageType === 'incoming') {
      const inbox = await conversations.inboxOf(tx, conversation);
      if (inbox?.channelType !== 'api') throw invalidField('message_type', 'can be incoming only in API inboxes', 'invalid');
      if (input.private) throw invalidField('private', 'cannot be true for an incoming message', 'invalid');
    }
    const { json } = await postMessage(ctx, tx, conversation, {
      content: input.content,
      messageType,
      private: input.private,
      contentType: input.contentType,
      contentAttributes: input.contentAttributes,
      sourceId: input.sourceId,
      attachments: input.attachments,
      sender: messageType === 'incoming' ? { type: 'contact', id: conversation.contactId } : { type: 'user', id: member.userId },
    });
    return json;
  });
}

/** Only what an agent sent can be deleted: its text and attachments go, a "deleted" placeholder stays. */
export async function deleteAgentMessage(ctx: AppContext, member: Member, displayId: number, messageId: number) {
  return ctx.transaction(async (tx) => {
    const conversation = await conversations.findForMember(tx, member, displayId, { lock: true });
    const message = await messages.findMessage(tx, conversation.id, messageId, true);
    if (!message) throw notFound('Message');
    if (message.senderType !== 'user' || message.messageType === MESSAGE_TYPE_NUMBER.activity) {
      throw invalidField('message_id', 'is not a message sent by an agent', 'not_deletable');
    }
    if (message.deletedAt) return (await presentFor(tx, conversation, message))!;
    const deleted = await messages.updateMessage(tx, message.id, {
      content: null,
      deletedAt: new Date(),
      contentAttributes: { ...message.contentAttributes, deleted: true },
    });
    await removeAttachmentsOf(ctx, tx, [message.id]);
    const json = (await presentFor(tx, conversation, deleted))!;
    if (conversation.lastMessage && conversation.lastMessage.id === message.id) {
      const { conversation: _ignored, ...preview } = json;
      await conversations.replaceLastMessage(tx, conversation, preview);
    }
    await recordUpdated(ctx, tx, conversation, json);
    return json;
  });
}

/** Delivery status reported by an integration on an API inbox (delivered, read, failed with a reason). */
export async function updateMessageStatus(
  ctx: AppContext,
  member: Member,
  displayId: number,
  messageId: number,
  input: { status: 'sent' | 'delivered' | 'read' | 'failed'; externalError?: string | undefined },
) {
  return ctx.transaction(async (tx) => {
    const conversation = await conversations.findForMember(tx, member, displayId, { lock: true });
    const message = await messages.findMessage(tx, conversation.id, messageId, true);
    if (!message) throw notFound('Message');
    const inbox = await conversations.inboxOf(tx, conversation);
    if (inbox?.channelType !== 'api') throw invalidField('status', 'can be set only on messages of API inboxes', 'invalid');
    const updated = await messages.updateMessage(tx, message.id, {
      status: input.status,
      contentAttributes:
        input.status === 'failed'
          ? { ...message.contentAttributes, external_error: input.externalError ?? null }
          : message.contentAttributes,
    });
    const json = (await presentFor(tx, conversation, updated))!;
    await recordUpdated(ctx, tx, conversation, json);
    return json;
  });
}

/**
 * "Tentar novamente" on a reply whose delivery failed: it goes back to "sent" without the error, and
 * the update reaches the channel's integration (API inbox webhook) and every open dashboard, as in
 * Chatwoot. Only agents' outgoing replies that failed can be retried.
 */
export async function retryMessage(ctx: AppContext, member: Member, displayId: number, messageId: number) {
  return ctx.transaction(async (tx) => {
    const conversation = await conversations.findForMember(tx, member, displayId, { lock: true });
    const message = await messages.findMessage(tx, conversation.id, messageId, true);
    if (!message || message.deletedAt) throw notFound('Message');
    if (message.messageType !== MESSAGE_TYPE_NUMBER.outgoing || message.private || message.status !== 'failed') {
      throw invalidField('message_id', 'must be a reply whose delivery failed', 'invalid');
    }
    const attributes = { ...message.contentAttributes };
    delete attributes.external_error;
    const updated = await messages.updateMessage(tx, message.id, { status: 'sent', contentAttributes: attributes });
    const json = (await presentFor(tx, conversation, updated))!;
    await recordUpdated(ctx, tx, conversation, json);
    return json;
  });
}

const EMOJI = /^(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\u200d|\ufe0f)+$/u;

/** Adds or removes the agent's emoji reaction to a message. */
export async function reactToMessage(ctx: AppContext, member: Member, displayId: number, messageId: number, emoji: string, on: boolean) {
  if (!EMOJI.test(emoji) || emoji.length > 32) throw invalidField('emoji', 'must be an emoji', 'invalid');
  return ctx.transaction(async (tx) => {
    const conversation = await conversations.findForMember(tx, member, displayId, { lock: true });
    const message = await messages.findMessage(tx, conversation.id, messageId, true);
    if (!message || message.messageType === MESSAGE_TYPE_NUMBER.activity || message.deletedAt) throw notFound('Message');
    const others = message.reactions.filter((r) => !(r.sender_type === 'user' && r.sender_id === member.userId && r.emoji === emoji));
    const reactions = on
      ? [...others, { emoji, sender_type: 'user', sender_id: member.userId, created_at: Math.floor(Date.now() / 1000) }]
      : others;
    const updated = await messages.updateMessage(tx, message.id, { reactions });
    const json = (await presentFor(tx, conversation, updated))!;
    await recordUpdated(ctx, tx, conversation, json);
    return json;
  });
}

async function presentFor(tx: Parameters<typeof messages.presentMessages>[0], conversation: conversations.ConversationRow, row: messages.MessageRow) {
  const contactInbox = await conversations.contactInboxOf(tx, conversation);
  return (await messages.presentMessages(tx, conversation, contactInbox?.sourceId ?? null, [row]))[0];
}

async function recordUpdated(
  ctx: AppContext,
  tx: Parameters<typeof messages.presentMessages>[0],
  conversation: conversations.ConversationRow,
  json: Awaited<ReturnType<typeof messages.presentMessages>>[number],
) {
  const contactInbox = await conversations.contactInboxOf(tx, conversation);
  await ctx.outbox.record(tx, {
    name: 'message.updated',
    accountId: conversation.accountId,
    payload: json,
    realtime: {
      inboxId: conversation.inboxId,
      contactPubsubToken: contactInbox?.pubsubToken ?? null,
      private: json.private || json.message_type === MESSAGE_TYPE_NUMBER.activity,
    },
  });
}
