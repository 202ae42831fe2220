import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import { invalidField } from '../../platform/errors';
import { type AttachmentUpload, insertAttachments } from '../attachments/service';
import * as conversations from '../conversations/service';
import type { ConversationRow } from '../conversations/service';
import type { DomainEvent } from '../../platform/outbox/types';
import { MESSAGE_TYPE_NUMBER, type MessageJson, presentMessage, type SenderJson } from './presenter';
import * as messages from './service';

export const MAX_CONTENT_LENGTH = 150_000;

export type MessageSender = { type: 'user'; id: number } | { type: 'contact'; id: number } | { type: 'agent_bot'; id: number };

export type PostMessageInput = {
  content: string | null;
  messageType: 'incoming' | 'outgoing' | 'template';
  private: boolean;
  contentType?: string | undefined;
  contentAttributes?: Record<string, unknown> | undefined;
  additionalAttributes?: Record<string, unknown> | undefined;
  /** The channel's id of the message: a repeat with the same id returns the first message. */
  sourceId?: string | undefined;
  /** null: a message of the inbox itself, with no sender (surveys, auto-resolve, greetings). */
  sender: MessageSender | null;
  /** Files already stored (attachments' `readUploads`); their rows are written with the message. */
  attachments?: AttachmentUpload[] | undefined;
  /** What the caller already knows, saving queries on the ingest path. */
  known?: { contactInbox?: { sourceId: string; pubsubToken: string } | undefined; sender?: SenderJson | undefined } | undefined;
};

/**
 * Adds a message to a conversation, in the caller's transaction, with the conversation row locked
 * by the caller: stores it, updates the conversation (last activity, unread, waiting time,
 * reopening), records mentions of a private note, and the events everyone else needs.
 */
export async function postMessage(ctx: AppContext, tx: Executor, conversation: ConversationRow, input: PostMessageInput) {
  if (input.sourceId !== undefined) {
    const repeated = await messages.findBySourceId(tx, conversation.inboxId, input.sourceId);
    if (repeated && repeated.conversationId === conversation.id) {
      return { message: repeated, json: (await messages.presentMessages(tx, conversation, null, [repeated]))[0]!, conversation };
    }
    if (repeated) throw invalidField('source_id', 'is already used by a message of this inbox', 'taken');
  }
  const inReplyTo = input.contentAttributes?.in_reply_to;
  if (inReplyTo !== undefined && inReplyTo !== null) {
    const quoted = typeof inReplyTo === 'number' || typeof inReplyTo === 'string' ? Number(inReplyTo) : NaN;
    if (!Number.isSafeInteger(quoted) || !(await messages.findMessage(tx, conversation.id, quoted))) {
      throw invalidField('content_attributes.in_reply_to', 'is not a message of this conversation', 'not_found');
    }
  }
  const row = await messages.insertMessage(tx, {
    accountId: conversation.accountId,
    conversationId: conversation.id,
    inboxId: conversation.inboxId,
    messageType: MESSAGE_TYPE_NUMBER[input.messageType],
    content: input.content,
    contentType: input.contentType ?? 'text',
    contentAttributes: input.contentAttributes ?? {},
    additionalAttributes: input.additionalAttributes ?? {},
    private: input.private,
    sourceId: input.sourceId ?? null,
    senderType: input.sender?.type ?? null,
    senderId: input.sender?.id ?? null,
  });
  const attachmentRows = input.attachments && input.attachments.length > 0 ? await insertAttachments(tx, row.accountId, row.id, input.attachments) : [];
  const contactInbox = input.known?.contactInbox ?? (await conversations.contactInboxOf(tx, conversation));
  const sender = input.known?.sender !== undefined ? input.known.sender : await messages.presentSender(tx, row.senderType, row.senderId);
  const json = presentMessage(row, {
    conversation: conversationContext(conversation, contactInbox?.sourceId ?? null),
    sender,
    attachments: messages.presentAttachmentRows(attachmentRows),
  });
  const updated = await conversations.applyMessage(ctx, tx, conversation, row, previewOf(json));
  const finalJson = withConversationAfter(json, updated);
  if (input.private && input.content && input.sender?.type === 'user') {
    await conversations.recordMentionsIn(ctx, tx, updated, input.content, input.sender.id, row.id);
  }
  await ctx.outbox.record(tx, messageCreated(conversation, finalJson, contactInbox?.pubsubToken ?? null, input.private));
  return { message: row, json: finalJson, conversation: updated };
}

/** What a message's JSON says of its conversation, as it was before the message. */
const conversationContext = (conversation: ConversationRow, sourceId: string | null) => ({
  displayId: conversation.displayId,
  assigneeId: conversation.assigneeId,
  unreadCount: conversation.unreadCount,
  lastActivityAt: conversation.lastActivityAt,
  sourceId,
});

/** The conversation's preview of its last message: the message without its conversation part. */
const previewOf = ({ conversation: _conversation, ...preview }: MessageJson) => preview;

/** The message's JSON with the conversation's counters as the message left them. */
const withConversationAfter = (json: MessageJson, after: ConversationRow) => ({
  ...json,
  conversation: { ...json.conversation, unread_count: after.unreadCount, last_activity_at: json.created_at },
});

/** `message.created`: to the inbox's agents and, unless private, the contact holding `contactPubsubToken`. */
const messageCreated = (conversation: ConversationRow, json: MessageJson, contactPubsubToken: string | null, isPrivate: boolean): DomainEvent => ({
  name: 'message.created',
  accountId: conversation.accountId,
  payload: json,
  realtime: { inboxId: conversation.inboxId, contactPubsubToken, private: isPrivate },
});

/** A contact's plain message: text only (no files, no channel id, no quote). */
export type IncomingMessage = {
  conversation: ConversationRow;
  content: string;
  contactId: number;
  sender: SenderJson;
  contactInbox: { sourceId: string; pubsubToken: string };
};

/**
 * `postMessage` for many contacts' plain messages at once, in the caller's transaction, with
 * their conversations locked by the caller: one insert for the messages, one update for their
 * conversations, one insert for the events. Each conversation must keep its status
 * (`conversations.incomingKeepsStatus`); messages of one conversation are stored in the order given.
 * Answers each message as `postMessage` would, in the same order.
 */
export async function postIncomingMessages(ctx: AppContext, tx: Executor, entries: IncomingMessage[]) {
  const rows = await messages.insertContactTexts(
    tx,
    entries.map((e) => ({ accountId: e.conversation.accountId, conversationId: e.conversation.id, inboxId: e.conversation.inboxId, content: e.content, senderId: e.contactId })),
  );
  const current = new Map<number, ConversationRow>();
  const answers = entries.map((entry, i) => {
    const row = rows[i]!;
    const before = current.get(entry.conversation.id) ?? entry.conversation;
    const json = presentMessage(row, { conversation: conversationContext(before, entry.contactInbox.sourceId), sender: entry.sender, attachments: [] });
    const after = conversations.withIncomingMessage(before, row.createdAt, previewOf(json));
    current.set(after.id, after);
    return withConversationAfter(json, after);
  });
  await conversations.saveAfterMessages(tx, [...current.values()]);
  await ctx.outbox.record(tx, ...answers.map((json, i) => messageCreated(entries[i]!.conversation, json, entries[i]!.contactInbox.pubsubToken, false)));
  return answers;
}
