import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { migrationsFolder } from '../paths';
import { type Database, type Db, queryRows } from './client';
import * as schema from './schema';

/** Any fixed number: every RocketHub node uses it to take turns applying migrations. */
const MIGRATION_LOCK_KEY = 7_267_001;

type Migrator = {
  dialect: { migrate(migrations: MigrationMeta[], session: unknown, config: { migrationsFolder: string }): Promise<void> };
  session: unknown;
};

let cachedMigrations: MigrationMeta[] | undefined;
function migrations(): MigrationMeta[] {
  cachedMigrations ??= readMigrationFiles({ migrationsFolder });
  return cachedMigrations;
}

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so several nodes starting at once
 * apply each migration once. Returns how many were applied.
 */
export async function migrateDatabase(database: Database): Promise<number> {
  if (database.kind === 'postgres') {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const db = drizzlePg(client, { schema }) as unknown as Db;
      return await applyMigrations(db);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
      await client.end();
    }
  }
  // One process owns a PGlite directory (lock file); its single connection needs no advisory lock.
  return applyMigrations(database.db);
}

async function applyMigrations(db: Db): Promise<number> {
  const before = (await pendingMigrations(db)).length;
  const migrator = db as unknown as Migrator;
  await migrator.dialect.migrate(migrations(), migrator.session, { migrationsFolder });
  return before;
}

/** Migrations in the folder that the database has not applied yet. */
export async function pendingMigrations(db: Db): Promise<MigrationMeta[]> {
  const [exists] = await queryRows<{ present: boolean }>(
    db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  if (!exists?.present) return migrations();
  const [last] = await queryRows<{ created_at: string | number | null }>(
    db,
    sql`SELECT max(created_at) AS created_at FROM drizzle.__drizzle_migrations`,
  );
  const lastApplied = Number(last?.created_at ?? 0);
  return migrations().filter((m) => m.folderMillis > lastApplied);
}
