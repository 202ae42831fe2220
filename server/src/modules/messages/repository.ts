import { and, asc, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { attachments, messages } from '../../db/schema';

export type MessageRow = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
export type AttachmentRow = typeof attachments.$inferSelect;

export async function insertMessage(tx: Executor, values: NewMessage): Promise<MessageRow> {
  const [row] = await tx.insert(messages).values(values).returning();
  if (!row) throw new Error('insert messages returned nothing');
  return row;
}

/** A contact's text message, as `insertContactTexts` writes it. */
export type ContactText = { accountId: number; conversationId: number; inboxId: number; content: string; senderId: number };

/**
 * Contacts' text messages in one statement, stored (and answered) in the order given. The rows
 * travel as one JSON document and only the ids and the time come back: building a multi-row
 * insert with a parameter per value costs more than the insert for a batch of messages.
 */
export async function insertContactTexts(tx: Executor, texts: ContactText[]): Promise<MessageRow[]> {
  if (texts.length === 0) return [];
  const rows = JSON.stringify(texts.map((t) => ({ account_id: t.accountId, conversation_id: t.conversationId, inbox_id: t.inboxId, content: t.content, sender_id: t.senderId })));
  const inserted = await queryRows<{ id: number | string; created_ms: number | string }>(
    tx,
    sql`INSERT INTO ${messages} (account_id, conversation_id, inbox_id, message_type, content, content_type, private, status, sender_type, sender_id)
        SELECT account_id, conversation_id, inbox_id, 0, content, 'text', false, 'sent', 'contact', sender_id
          FROM jsonb_to_recordset(${rows}::jsonb) AS m(account_id bigint, conversation_id bigint, inbox_id bigint, content text, sender_id bigint)
        RETURNING id, (extract(epoch FROM created_at) * 1000)::float8 AS created_ms`,
  );
  if (inserted.length !== texts.length) throw new Error(`insert of ${texts.length} messages returned ${inserted.length}`);
  const ids = inserted.map((r) => ({ id: Number(r.id), createdAt: new Date(Number(r.created_ms)) })).sort((a, b) => a.id - b.id);
  return texts.map((t, i) => ({
    id: ids[i]!.id,
    accountId: t.accountId,
    conversationId: t.conversationId,
    inboxId: t.inboxId,
    messageType: 0,
    content: t.content,
    contentType: 'text',
    contentAttributes: {},
    additionalAttributes: {},
    externalSourceIds: {},
    private: false,
    status: 'sent',
    sourceId: null,
    senderType: 'contact',
    senderId: t.senderId,
    reactions: [],
    deletedAt: null,
    createdAt: ids[i]!.createdAt,
    updatedAt: ids[i]!.createdAt,
  }));
}

export async function findMessage(db: Executor, conversationId: number, id: number, lock = false) {
  const query = db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** A page of a conversation's messages, oldest first: the newest page, or the page before/after an id. */
export async function listMessages(
  db: Executor,
  conversationId: number,
  cursor: { before?: number | undefined; after?: number | undefined },
  limit: number,
  options: { includePrivate: boolean; includeActivity: boolean } = { includePrivate: true, includeActivity: true },
): Promise<MessageRow[]> {
  const conditions = [eq(messages.conversationId, conversationId)];
  if (cursor.before !== undefined) conditions.push(lt(messages.id, cursor.before));
  if (cursor.after !== undefined) conditions.push(gt(messages.id, cursor.after));
  if (!options.includePrivate) conditions.push(eq(messages.private, false));
  if (!options.includeActivity) conditions.push(sql`${messages.messageType} <> 2`);
  if (cursor.after !== undefined) {
    return db
      .select()
      .from(messages)
      .where(and(...conditions))
      .orderBy(asc(messages.id))
      .limit(limit);
  }
  const rows = await db
    .select()
    .from(messages)
    .where(and(...conditions))
    .orderBy(desc(messages.id))
    .limit(limit);
  return rows.reverse();
}

export async function updateMessage(tx: Executor, id: number, patch: Partial<NewMessage>): Promise<MessageRow> {
  const [row] = await tx
    .update(messages)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(messages.id, id))
    .returning();
  if (!row) throw new Error(`message ${id} vanished`);
  return row;
}

/** The newest messages of a conversation that are not activity lines (for the list preview after a delete). */
export async function findLastNonActivity(db: Executor, conversationId: number) {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), sql`${messages.messageType} <> 2`))
    .orderBy(desc(messages.id))
    .limit(1);
  return row;
}

/** The conversation's latest public message of a content type (e.g. its CSAT survey), locked when asked. */
export async function findLatestOfContentType(db: Executor, conversationId: number, contentType: string, lock = false) {
  const query = db
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.contentType, contentType), eq(messages.private, false)))
    .orderBy(desc(messages.id))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function listAttachments(db: Executor, messageIds: number[]): Promise<AttachmentRow[]> {
  if (messageIds.length === 0) return [];
  return db.select().from(attachments).where(inArray(attachments.messageId, messageIds)).orderBy(asc(attachments.id));
}

export async function findBySourceId(db: Executor, inboxId: number, sourceId: string) {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.inboxId, inboxId), eq(messages.sourceId, sourceId)));
  return row;
}

