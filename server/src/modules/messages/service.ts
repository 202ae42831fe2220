import { eq, inArray } from 'drizzle-orm';
import { type Executor, runQueries } from '../../db/client';
import { contacts, users } from '../../db/schema';
import { presentContactSender, presentUserSender } from '../conversations/presenter';
import type { ConversationRow } from '../conversations/repository';
import { type MessageContext, presentMessage } from './presenter';
import * as repository from './repository';
import type { AttachmentRow, MessageRow } from './repository';

export type { MessageRow, NewMessage } from './repository';
export const insertMessage = repository.insertMessage;
export const insertContactTexts = repository.insertContactTexts;
export const findMessage = repository.findMessage;
export const findBySourceId = repository.findBySourceId;
export const updateMessage = repository.updateMessage;
export const listMessageRows = repository.listMessages;
export const findLastNonActivity = repository.findLastNonActivity;
export const findLatestOfContentType = repository.findLatestOfContentType;
export const listAttachments = repository.listAttachments;

/** How attachments are shown; the attachments module provides the real one (signed URLs). */
export type AttachmentPresenter = (row: AttachmentRow) => Record<string, unknown>;

let attachmentPresenter: AttachmentPresenter = (row) => ({
  id: row.id,
  message_id: row.messageId,
  account_id: row.accountId,
  file_type: row.fileType,
  extension: row.fileName?.split('.').pop() ?? null,
  data_url: row.externalUrl,
  thumb_url: null,
  file_size: row.byteSize,
  width: row.width,
  height: row.height,
});

/** Lets the attachments module present attachments with their signed URLs. */
export function useAttachmentPresenter(present: AttachmentPresenter): void {
  attachmentPresenter = present;
}

/** The sender of a message as messages show it (one query). */
export async function presentSender(db: Executor, senderType: MessageRow['senderType'], senderId: number | null) {
  if (senderId === null) return null;
  if (senderType === 'user') {
    const [user] = await db.select().from(users).where(eq(users.id, senderId));
    return user ? presentUserSender(user) : null;
  }
  if (senderType === 'contact') {
    const [contact] = await db.select().from(contacts).where(eq(contacts.id, senderId));
    return contact ? presentContactSender(contact) : null;
  }
  return null;
}

export function presentAttachmentRows(rows: AttachmentRow[]) {
  return rows.map((row) => attachmentPresenter(row));
}

type PresentedConversation = Pick<ConversationRow, 'id' | 'displayId' | 'assigneeId' | 'unreadCount' | 'lastActivityAt'>;

/** Presents messages of one conversation, loading their senders and attachments in one query each. */
export async function presentMessages(
  db: Executor,
  conversation: Omit<PresentedConversation, 'id'>,
  sourceId: string | null,
  rows: MessageRow[],
) {
  const presented = await presentMessagesOf(db, rows, () => ({ ...conversation, sourceId }));
  return presented.filter((m) => m !== undefined);
}

/**
 * Presents messages of several conversations (search results) with one query per table: rows
 * whose conversation is not given are left out.
 */
export async function presentMessagesAcross(db: Executor, rows: MessageRow[], conversations: Map<number, PresentedConversation>) {
  const presented = await presentMessagesOf(db, rows, (row) => {
    const conversation = conversations.get(row.conversationId);
    return conversation ? { ...conversation, sourceId: null } : undefined;
  });
  return presented.filter((m) => m !== undefined);
}

async function presentMessagesOf(
  db: Executor,
  rows: MessageRow[],
  conversationOf: (row: MessageRow) => (Omit<PresentedConversation, 'id'> & { sourceId: string | null }) | undefined,
) {
  const userIds = [...new Set(rows.filter((m) => m.senderType === 'user' && m.senderId !== null).map((m) => m.senderId!))];
  const contactIds = [...new Set(rows.filter((m) => m.senderType === 'contact' && m.senderId !== null).map((m) => m.senderId!))];
  const [userRows, contactRows, attachmentRows] = await runQueries(db, [
    async () => (userIds.length ? db.select().from(users).where(inArray(users.id, userIds)) : []),
    async () => (contactIds.length ? db.select().from(contacts).where(inArray(contacts.id, contactIds)) : []),
    () =>
      repository.listAttachments(
        db,
        rows.map((m) => m.id),
      ),
  ] as const);
  const usersById = new Map(userRows.map((u) => [u.id, presentUserSender(u)]));
  const contactsById = new Map(contactRows.map((c) => [c.id, presentContactSender(c)]));
  return rows.map((message) => {
    const conversation = conversationOf(message);
    if (!conversation) return undefined;
    const conversationPart: MessageContext['conversation'] = {
      displayId: conversation.displayId,
      assigneeId: conversation.assigneeId,
      unreadCount: conversation.unreadCount,
      lastActivityAt: conversation.lastActivityAt,
      sourceId: conversation.sourceId,
    };
    const sender =
      message.senderId === null
        ? null
        : message.senderType === 'user'
          ? (usersById.get(message.senderId) ?? null)
          : message.senderType === 'contact'
            ? (contactsById.get(message.senderId) ?? null)
            : null;
    const attachments = message.deletedAt
      ? []
      : attachmentRows.filter((a) => a.messageId === message.id).map((a) => attachmentPresenter(a));
    return presentMessage(message, { conversation: conversationPart, sender, attachments });
  });
}
