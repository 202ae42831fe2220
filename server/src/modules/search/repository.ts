import { and, desc, eq, gt, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { contacts, conversations, messages } from '../../db/schema';

/** Contacts whose name, email, phone or identifier contain the text (trigram index; needs 3+ characters to use it). */
export async function searchContacts(db: Executor, accountId: number, pattern: string, limit: number, offset = 0) {
  return db
    .select()
    .from(contacts)
    .where(
      and(
        eq(contacts.accountId, accountId),
        sql`${contacts.searchText} LIKE public.rh_fold(${pattern})`,
      ),
    )
    .orderBy(desc(contacts.lastActivityAt), desc(contacts.id))
    .limit(limit)
    .offset(offset);
}

/**
 * When the account's `count`-th newest message was written (none when it has fewer): where the
 * newest-first part of a message search stops. An index-only walk of (account_id, created_at):
 * unlike the primary key, it never passes other accounts' newer messages.
 */
export async function messageTimeBack(db: Executor, accountId: number, count: number): Promise<Date | undefined> {
  const [row] = await db
    .select({ createdAt: messages.createdAt })
    .from(messages)
    .where(eq(messages.accountId, accountId))
    .orderBy(desc(messages.createdAt))
    .offset(count - 1)
    .limit(1);
  return row?.createdAt;
}

/** How a message search reads the table (see searchMessagesBetween). */
export type MessageScan = 'newest-first' | 'text-index';

/**
 * Messages of the account matching a tsquery, newest first, written in (after, upTo] (either
 * bound may be left out). The plan is chosen here, not left to the planner's guess at how common
 * the words are (which can send it walking millions of rows for an absent word):
 * - `newest-first` walks the account's messages backwards on (account_id, created_at), testing each row's
 *   stored vector: cheap per row, quick when the words are frequent (a page fills at once);
 * - `text-index` reads the GIN index's matches and sorts them: quick when the words are rare.
 */
export async function searchMessagesBetween(
  db: Db,
  accountId: number,
  tsquery: string,
  window: { after?: Date | undefined; upTo?: Date | undefined },
  limit: number,
  inboxIds: number[] | undefined,
  scan: MessageScan,
) {
  const conditions: SQL[] = [
    eq(messages.accountId, accountId),
    sql`search_vector @@ to_tsquery('simple', public.rh_fold(${tsquery}))`,
    sql`${messages.messageType} IN (0, 1)`,
    sql`${messages.deletedAt} IS NULL`,
  ];
  if (window.after) conditions.push(gt(messages.createdAt, window.after));
  if (window.upTo) conditions.push(lte(messages.createdAt, window.upTo));
  if (inboxIds) conditions.push(inboxIds.length > 0 ? inArray(messages.inboxId, inboxIds) : sql`false`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    if (scan === 'newest-first') {
      await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
    } else {
      await tx.execute(sql`SET LOCAL enable_indexscan = off`);
      // Exact (not lossy) bitmaps: a lossy page makes every row on it be re-tested.
      await tx.execute(sql`SET LOCAL work_mem = '32MB'`);
    }
    return tx
      .select()
      .from(messages)
      .where(and(...conditions))
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(limit);
  });
}

/** Conversations by display id or of the given contacts, most recently active first. */
export async function conversationsOf(
  db: Executor,
  accountId: number,
  match: { displayId?: number | undefined; contactIds: number[]; conversationIds?: number[] },
  inboxIds: number[] | undefined,
  limit: number,
  offset: number,
) {
  const alternatives: SQL[] = [];
  if (match.displayId !== undefined) alternatives.push(eq(conversations.displayId, match.displayId));
  if (match.contactIds.length > 0) alternatives.push(inArray(conversations.contactId, match.contactIds));
  if (match.conversationIds && match.conversationIds.length > 0) alternatives.push(inArray(conversations.id, match.conversationIds));
  if (alternatives.length === 0) return [];
  const conditions: SQL[] = [eq(conversations.accountId, accountId), sql`(${sql.join(alternatives, sql` OR `)})`];
  if (inboxIds) conditions.push(inboxIds.length > 0 ? inArray(conversations.inboxId, inboxIds) : sql`false`);
  return db
    .select()
    .from(conversations)
    .where(and(...conditions))
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(limit)
    .offset(offset);
}

export async function conversationsByIds(db: Executor, ids: number[]) {
  return ids.length === 0 ? [] : db.select().from(conversations).where(inArray(conversations.id, ids));
}
