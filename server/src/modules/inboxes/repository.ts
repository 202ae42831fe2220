import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { inboxes, inboxMembers } from '../../db/schema';

export type InboxRow = typeof inboxes.$inferSelect;
export type NewInbox = typeof inboxes.$inferInsert;

export async function listMemberInboxIds(db: Executor, accountId: number, userId: number): Promise<number[]> {
  const rows = await db
    .select({ inboxId: inboxMembers.inboxId })
    .from(inboxMembers)
    .where(and(eq(inboxMembers.accountId, accountId), eq(inboxMembers.userId, userId)));
  return rows.map((r) => r.inboxId);
}

export async function insertInbox(db: Executor, values: NewInbox): Promise<InboxRow> {
  const [row] = await db.insert(inboxes).values(values).returning();
  if (!row) throw new Error('insert inboxes returned nothing');
  return row;
}

export async function findInbox(db: Executor, accountId: number, id: number): Promise<InboxRow | undefined> {
  const [row] = await db
    .select()
    .from(inboxes)
    .where(and(eq(inboxes.accountId, accountId), eq(inboxes.id, id)));
  return row;
}

/** The inbox row, locked until the transaction ends (changes to an inbox and its members run one at a time). */
export async function lockInbox(db: Executor, accountId: number, id: number): Promise<InboxRow | undefined> {
  const [row] = await db
    .select()
    .from(inboxes)
    .where(and(eq(inboxes.accountId, accountId), eq(inboxes.id, id)))
    .for('update');
  return row;
}

/** The account's inboxes by name, as Chatwoot lists them; `ids` narrows them to those (an agent's own). */
export async function listInboxes(db: Executor, accountId: number, ids?: number[]): Promise<InboxRow[]> {
  if (ids?.length === 0) return [];
  return db
    .select()
    .from(inboxes)
    .where(and(eq(inboxes.accountId, accountId), ids ? inArray(inboxes.id, ids) : undefined))
    .orderBy(asc(sql`lower(${inboxes.name})`), asc(inboxes.id));
}

export async function updateInbox(db: Executor, accountId: number, id: number, patch: Partial<NewInbox>): Promise<InboxRow | undefined> {
  const [row] = await db
    .update(inboxes)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(inboxes.accountId, accountId), eq(inboxes.id, id)))
    .returning();
  return row;
}

/** Deletes the inbox; its members, contact inboxes, conversations and messages go with it (foreign keys cascade). */
export async function deleteInbox(db: Executor, accountId: number, id: number): Promise<boolean> {
  const rows = await db
    .delete(inboxes)
    .where(and(eq(inboxes.accountId, accountId), eq(inboxes.id, id)))
    .returning({ id: inboxes.id });
  return rows.length > 0;
}

export async function listInboxMemberIds(db: Executor, inboxId: number): Promise<number[]> {
  const rows = await db
    .select({ userId: inboxMembers.userId })
    .from(inboxMembers)
    .where(eq(inboxMembers.inboxId, inboxId))
    .orderBy(asc(inboxMembers.id));
  return rows.map((r) => r.userId);
}

export async function addInboxMembers(db: Executor, accountId: number, inboxId: number, userIds: number[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insert(inboxMembers)
    .values(userIds.map((userId) => ({ accountId, inboxId, userId })))
    .onConflictDoNothing({ target: [inboxMembers.inboxId, inboxMembers.userId] });
}

export async function removeInboxMembers(db: Executor, inboxId: number, userIds: number[]): Promise<void> {
  if (userIds.length === 0) return;
  await db.delete(inboxMembers).where(and(eq(inboxMembers.inboxId, inboxId), inArray(inboxMembers.userId, userIds)));
}

/** Keeps only `userIds` among the inbox's members. */
export async function removeInboxMembersExcept(db: Executor, inboxId: number, userIds: number[]): Promise<void> {
  await db
    .delete(inboxMembers)
    .where(and(eq(inboxMembers.inboxId, inboxId), userIds.length > 0 ? notInArray(inboxMembers.userId, userIds) : undefined));
}

/** Someone who leaves the account leaves all its inboxes too. */
export async function deleteMembershipsOfUser(db: Executor, accountId: number, userId: number): Promise<void> {
  await db.delete(inboxMembers).where(and(eq(inboxMembers.accountId, accountId), eq(inboxMembers.userId, userId)));
}

/** An inbox by the name the outside world uses for it (website token, API inbox identifier). */
export async function findByChannelIdentifier(db: Executor, channelIdentifier: string): Promise<InboxRow | undefined> {
  const [row] = await db.select().from(inboxes).where(eq(inboxes.channelIdentifier, channelIdentifier));
  return row;
}
