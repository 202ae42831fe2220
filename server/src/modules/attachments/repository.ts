import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { attachments, conversations, messages } from '../../db/schema';

export type AttachmentRow = typeof attachments.$inferSelect;
export type NewAttachment = typeof attachments.$inferInsert;

export async function insertAttachments(tx: Executor, rows: NewAttachment[]): Promise<AttachmentRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(attachments).values(rows).returning();
}

export async function findAttachment(db: Executor, id: number): Promise<AttachmentRow | undefined> {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  return row;
}

/** Deletes the attachments of these messages; returns where their bytes were, per account. */
export async function deleteAttachmentsOfMessages(tx: Executor, messageIds: number[]) {
  if (messageIds.length === 0) return [];
  return tx
    .delete(attachments)
    .where(inArray(attachments.messageId, messageIds))
    .returning({ accountId: attachments.accountId, storageKey: attachments.storageKey, thumbnailKey: attachments.thumbnailKey });
}

/** What an attachment's rows are deleted with: an account, one inbox, one contact, or conversations. */
export type AttachmentScope =
  | { accountId: number }
  | { accountId: number; inboxId: number }
  | { accountId: number; contactId: number }
  | { accountId: number; conversationIds: number[] };

function scopeCondition(scope: AttachmentScope) {
  const byMessage = (condition: ReturnType<typeof sql>) =>
    sql`${attachments.messageId} IN (SELECT m.id FROM ${messages} m WHERE m.account_id = ${scope.accountId} AND ${condition})`;
  if ('inboxId' in scope) return and(eq(attachments.accountId, scope.accountId), byMessage(sql`m.inbox_id = ${scope.inboxId}`));
  if ('contactId' in scope) {
    return and(
      eq(attachments.accountId, scope.accountId),
      byMessage(sql`m.conversation_id IN (SELECT c.id FROM ${conversations} c WHERE c.contact_id = ${scope.contactId})`),
    );
  }
  if ('conversationIds' in scope) return and(eq(attachments.accountId, scope.accountId), byMessage(sql`m.conversation_id = ANY(${sql.param(scope.conversationIds)}::bigint[])`));
  return eq(attachments.accountId, scope.accountId);
}

/** Deletes a batch of the scope's attachment rows, answering their stored keys (empty when none is left). */
export async function deleteAttachmentBatch(tx: Executor, scope: AttachmentScope, limit: number) {
  const batch = tx
    .select({ id: attachments.id })
    .from(attachments)
    .where(scopeCondition(scope))
    .limit(limit);
  return tx
    .delete(attachments)
    .where(inArray(attachments.id, batch))
    .returning({ accountId: attachments.accountId, storageKey: attachments.storageKey, thumbnailKey: attachments.thumbnailKey });
}
