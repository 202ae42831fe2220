import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { cannedResponses } from '../../db/schema';

export type CannedResponseRow = typeof cannedResponses.$inferSelect;
export type NewCannedResponse = typeof cannedResponses.$inferInsert;

export async function insertCannedResponse(db: Executor, values: NewCannedResponse): Promise<CannedResponseRow> {
  const [row] = await db.insert(cannedResponses).values(values).returning();
  if (!row) throw new Error('insert canned_responses returned nothing');
  return row;
}

export async function findCannedResponse(db: Executor, accountId: number, id: number): Promise<CannedResponseRow | undefined> {
  const [row] = await db
    .select()
    .from(cannedResponses)
    .where(and(eq(cannedResponses.accountId, accountId), eq(cannedResponses.id, id)));
  return row;
}

/** Whether another canned response of the account has this short code, ignoring case. */
export async function shortCodeTaken(db: Executor, accountId: number, shortCode: string, exceptId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: cannedResponses.id })
    .from(cannedResponses)
    .where(
      and(
        eq(cannedResponses.accountId, accountId),
        sql`lower(${cannedResponses.shortCode}) = lower(${shortCode})`,
        exceptId ? ne(cannedResponses.id, exceptId) : undefined,
      ),
    );
  return row !== undefined;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The account's canned responses by short code; with `search`, those whose short code or content
 * contains it (case- and accent-insensitive), short-code prefix matches first, then other
 * short-code matches, then content matches.
 */
export async function listCannedResponses(db: Executor, accountId: number, search?: string): Promise<CannedResponseRow[]> {
  const byCode = [asc(sql`lower(${cannedResponses.shortCode})`), asc(cannedResponses.id)];
  if (!search) return db.select().from(cannedResponses).where(eq(cannedResponses.accountId, accountId)).orderBy(...byCode);
  const term = escapeLike(search);
  const code = sql`rh_fold(${cannedResponses.shortCode})`;
  const inCode = sql`${code} LIKE '%' || rh_fold(${term}) || '%'`;
  return db
    .select()
    .from(cannedResponses)
    .where(and(eq(cannedResponses.accountId, accountId), sql`(${inCode} OR rh_fold(${cannedResponses.content}) LIKE '%' || rh_fold(${term}) || '%')`))
    .orderBy(sql`CASE WHEN ${code} LIKE rh_fold(${term}) || '%' THEN 0 WHEN ${inCode} THEN 1 ELSE 2 END`, ...byCode);
}

export async function updateCannedResponse(
  db: Executor,
  accountId: number,
  id: number,
  patch: Partial<NewCannedResponse>,
): Promise<CannedResponseRow | undefined> {
  const [row] = await db
    .update(cannedResponses)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(cannedResponses.accountId, accountId), eq(cannedResponses.id, id)))
    .returning();
  return row;
}

export async function deleteCannedResponse(db: Executor, accountId: number, id: number): Promise<boolean> {
  const rows = await db
    .delete(cannedResponses)
    .where(and(eq(cannedResponses.accountId, accountId), eq(cannedResponses.id, id)))
    .returning({ id: cannedResponses.id });
  return rows.length > 0;
}
