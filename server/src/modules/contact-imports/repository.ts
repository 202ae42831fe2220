import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { contactImportRejections, contactImports } from '../../db/schema';

export type ImportRow = typeof contactImports.$inferSelect;
export type NewImport = typeof contactImports.$inferInsert;
/** An import without its file: what each batch reads. */
export type ImportProgress = Omit<ImportRow, 'source'>;
export type RejectionRow = typeof contactImportRejections.$inferSelect;

export async function insertImport(db: Executor, values: NewImport): Promise<ImportRow> {
  const [row] = await db.insert(contactImports).values(values).returning();
  if (!row) throw new Error('insert contact_imports returned nothing');
  return row;
}

export async function findImport(db: Executor, accountId: number, id: number): Promise<ImportRow | undefined> {
  const [row] = await db
    .select()
    .from(contactImports)
    .where(and(eq(contactImports.accountId, accountId), eq(contactImports.id, id)));
  return row;
}

/** The import by id only (the job), locked when asked: one batch of it commits at a time. */
export async function findImportById(db: Executor, id: number, lock = false): Promise<ImportRow | undefined> {
  const query = db.select().from(contactImports).where(eq(contactImports.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

const { source: _source, ...progressColumns } = getTableColumns(contactImports);

/**
 * The import without its file, locked: one batch of it commits at a time. (The file is read once
 * by the job; reading megabytes of it again under every batch's lock was a third of a batch.)
 */
export async function lockImportProgress(db: Executor, id: number): Promise<ImportProgress | undefined> {
  const [row] = await db.select(progressColumns).from(contactImports).where(eq(contactImports.id, id)).for('update');
  return row;
}

export async function listImports(db: Executor, accountId: number, limit = 50): Promise<ImportRow[]> {
  return db.select().from(contactImports).where(eq(contactImports.accountId, accountId)).orderBy(desc(contactImports.id)).limit(limit);
}

export async function updateImport(db: Executor, id: number, patch: Partial<NewImport>): Promise<void> {
  await db
    .update(contactImports)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(contactImports.id, id));
}

export async function insertRejections(db: Executor, rows: (typeof contactImportRejections.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(contactImportRejections).values(rows).onConflictDoNothing();
}

export async function listRejections(db: Executor, importId: number, afterRow: number, limit: number): Promise<RejectionRow[]> {
  return db
    .select()
    .from(contactImportRejections)
    .where(and(eq(contactImportRejections.importId, importId), sql`${contactImportRejections.rowNumber} > ${afterRow}`))
    .orderBy(asc(contactImportRejections.rowNumber))
    .limit(limit);
}
