import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness';
import { TEST_DATABASE_URL, withDatabase } from '../../test/database-target';
import { type Database, openDatabase, queryRows } from './client';
import { migrateDatabase, pendingMigrations } from './migrate';
import pg from 'pg';

describe('database schema', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('has every migration applied and nothing pending', async () => {
    expect(await pendingMigrations(database.db)).toEqual([]);
    expect(await migrateDatabase(database)).toBe(0);
  });

  it('has pg_trgm enabled', async () => {
    const [row] = await queryRows<{ score: number }>(database.db, sql`SELECT similarity('Fernanda', 'Fernando') AS score`);
    expect(row?.score).toBeGreaterThan(0.5);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('migrations on PostgreSQL', () => {
  it('apply once when several nodes start at the same time (advisory lock)', async () => {
    const name = `rockethub_migrate_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: withDatabase(TEST_DATABASE_URL!, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const nodes = await Promise.all([1, 2, 3].map(() => openDatabase({ kind: 'postgres', url: withDatabase(TEST_DATABASE_URL!, name) })));
      const applied = await Promise.all(nodes.map((node) => migrateDatabase(node)));
      // Whichever node got the lock first applied everything; the others found nothing to do.
      expect([...applied].sort((a, b) => b - a)).toEqual([applied.reduce((a, b) => a + b, 0), 0, 0]);
      expect(await pendingMigrations(nodes[0]!.db)).toEqual([]);
      await Promise.all(nodes.map((node) => node.close()));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
