import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { attachments } from '../../db/schema';

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
