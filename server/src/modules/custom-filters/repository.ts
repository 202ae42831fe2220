import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { type CustomFilterType, customFilters } from '../../db/schema';

export type CustomFilterRow = typeof customFilters.$inferSelect;
export type NewCustomFilter = typeof customFilters.$inferInsert;
const t = customFilters;

type Owner = { accountId: number; userId: number };

export async function listFilters(db: Executor, owner: Owner, type: CustomFilterType): Promise<CustomFilterRow[]> {
  return db
    .select()
    .from(t)
    .where(and(eq(t.accountId, owner.accountId), eq(t.userId, owner.userId), eq(t.filterType, type)))
    .orderBy(asc(t.id));
}

export async function countFilters(db: Executor, owner: Owner): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(t)
    .where(and(eq(t.accountId, owner.accountId), eq(t.userId, owner.userId)));
  return Number(row?.n ?? 0);
}

export async function findFilter(db: Executor, owner: Owner, id: number, lock = false): Promise<CustomFilterRow | undefined> {
  const query = db
    .select()
    .from(t)
    .where(and(eq(t.accountId, owner.accountId), eq(t.userId, owner.userId), eq(t.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertFilter(db: Executor, values: NewCustomFilter): Promise<CustomFilterRow> {
  const [row] = await db.insert(t).values(values).returning();
  if (!row) throw new Error('insert custom_filters returned nothing');
  return row;
}

export async function updateFilter(db: Executor, owner: Owner, id: number, patch: Partial<NewCustomFilter>): Promise<CustomFilterRow | undefined> {
  const [row] = await db
    .update(t)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(t.accountId, owner.accountId), eq(t.userId, owner.userId), eq(t.id, id)))
    .returning();
  return row;
}

export async function deleteFilter(db: Executor, owner: Owner, id: number): Promise<boolean> {
  const rows = await db
    .delete(t)
    .where(and(eq(t.accountId, owner.accountId), eq(t.userId, owner.userId), eq(t.id, id)))
    .returning({ id: t.id });
  return rows.length > 0;
}
