import { and, desc, eq, gt, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
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

export async function maxMessageId(db: Executor, accountId: number): Promise<number> {
  const [row] = await db
    .select({ id: sql<number>`coalesce(max(${messages.id}), 0)`.mapWith(Number) })
    .from(messages)
    .where(eq(messages.accountId, accountId));
  return row?.id ?? 0;
}

/**
 * Messages matching a tsquery, newest first, among ids in (low, high]. Callers widen the window
 * until they have enough: the GIN index finds matches, the id range keeps each step small.
 */
export async function searchMessagesBetween(
  db: Executor,
  accountId: number,
  tsquery: string,
  window: { low: number; high: number },
  limit: number,
  inboxIds: number[] | undefined,
) {
  const conditions: SQL[] = [
    eq(messages.accountId, accountId),
    sql`rh_search_vector(${messages.content}) @@ to_tsquery('simple', public.rh_fold(${tsquery}))`,
    gt(messages.id, window.low),
    lte(messages.id, window.high),
    sql`${messages.messageType} IN (0, 1)`,
    sql`${messages.deletedAt} IS NULL`,
  ];
  if (inboxIds) conditions.push(inboxIds.length > 0 ? inArray(messages.inboxId, inboxIds) : sql`false`);
  return db
    .select()
    .from(messages)
    .where(and(...conditions))
    .orderBy(desc(messages.id))
    .limit(limit);
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
