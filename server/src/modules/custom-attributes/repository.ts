import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { type AttributeModel, customAttributeDefinitions } from '../../db/schema';

export type DefinitionRow = typeof customAttributeDefinitions.$inferSelect;
export type NewDefinition = typeof customAttributeDefinitions.$inferInsert;
const t = customAttributeDefinitions;

export async function listDefinitions(db: Executor, accountId: number, model?: AttributeModel): Promise<DefinitionRow[]> {
  return db
    .select()
    .from(t)
    .where(and(eq(t.accountId, accountId), model ? eq(t.attributeModel, model) : undefined))
    .orderBy(asc(t.id));
}

export async function findDefinition(db: Executor, accountId: number, id: number, lock = false): Promise<DefinitionRow | undefined> {
  const query = db
    .select()
    .from(t)
    .where(and(eq(t.accountId, accountId), eq(t.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function keyTaken(db: Executor, accountId: number, model: AttributeModel, key: string, exceptId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.accountId, accountId), eq(t.attributeModel, model), eq(t.attributeKey, key), exceptId ? ne(t.id, exceptId) : undefined));
  return row !== undefined;
}

export async function insertDefinition(db: Executor, values: NewDefinition): Promise<DefinitionRow> {
  const [row] = await db.insert(t).values(values).returning();
  if (!row) throw new Error('insert custom_attribute_definitions returned nothing');
  return row;
}

export async function updateDefinition(db: Executor, accountId: number, id: number, patch: Partial<NewDefinition>): Promise<DefinitionRow | undefined> {
  const [row] = await db
    .update(t)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(t.accountId, accountId), eq(t.id, id)))
    .returning();
  return row;
}

export async function deleteDefinition(db: Executor, accountId: number, id: number): Promise<boolean> {
  const rows = await db
    .delete(t)
    .where(and(eq(t.accountId, accountId), eq(t.id, id)))
    .returning({ id: t.id });
  return rows.length > 0;
}
