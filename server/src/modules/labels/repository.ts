import { and, arrayContains, asc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { contacts, conversations, labels } from '../../db/schema';

export type LabelRow = typeof labels.$inferSelect;
export type NewLabel = typeof labels.$inferInsert;

export async function insertLabel(db: Executor, values: NewLabel): Promise<LabelRow> {
  const [row] = await db.insert(labels).values(values).returning();
  if (!row) throw new Error('insert labels returned nothing');
  return row;
}

export async function findLabel(db: Executor, accountId: number, id: number): Promise<LabelRow | undefined> {
  const [row] = await db
    .select()
    .from(labels)
    .where(and(eq(labels.accountId, accountId), eq(labels.id, id)));
  return row;
}

/** The label row, locked until the transaction ends (two renames of one label run one at a time). */
export async function lockLabel(db: Executor, accountId: number, id: number): Promise<LabelRow | undefined> {
  const [row] = await db
    .select()
    .from(labels)
    .where(and(eq(labels.accountId, accountId), eq(labels.id, id)))
    .for('update');
  return row;
}

export async function titleTaken(db: Executor, accountId: number, title: string, exceptId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: labels.id })
    .from(labels)
    .where(and(eq(labels.accountId, accountId), eq(labels.title, title), exceptId ? ne(labels.id, exceptId) : undefined));
  return row !== undefined;
}

export async function listLabels(db: Executor, accountId: number): Promise<LabelRow[]> {
  return db.select().from(labels).where(eq(labels.accountId, accountId)).orderBy(asc(labels.title));
}

export async function updateLabel(db: Executor, accountId: number, id: number, patch: Partial<NewLabel>): Promise<LabelRow | undefined> {
  const [row] = await db
    .update(labels)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(labels.accountId, accountId), eq(labels.id, id)))
    .returning();
  return row;
}

export async function deleteLabel(db: Executor, accountId: number, id: number): Promise<boolean> {
  const rows = await db
    .delete(labels)
    .where(and(eq(labels.accountId, accountId), eq(labels.id, id)))
    .returning({ id: labels.id });
  return rows.length > 0;
}

/**
 * Contacts and conversations keep label titles in a `labels` array: rename a title there. Only the
 * rows holding it are touched (found through the (account_id, labels) GIN index); a row that
 * somehow holds both titles keeps one.
 */
export async function renameOnRecords(db: Executor, accountId: number, from: string, to: string): Promise<void> {
  for (const table of [contacts, conversations]) {
    await db
      .update(table)
      .set({ labels: sql`array_replace(array_remove(${table.labels}, ${to}::text), ${from}::text, ${to}::text)`, updatedAt: sql`now()` })
      .where(and(eq(table.accountId, accountId), arrayContains(table.labels, [from])));
  }
}

/** Takes a title off every contact and conversation of the account that holds it. */
export async function removeFromRecords(db: Executor, accountId: number, title: string): Promise<void> {
  for (const table of [contacts, conversations]) {
    await db
      .update(table)
      .set({ labels: sql`array_remove(${table.labels}, ${title}::text)`, updatedAt: sql`now()` })
      .where(and(eq(table.accountId, accountId), arrayContains(table.labels, [title])));
  }
}
