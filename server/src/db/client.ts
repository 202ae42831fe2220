import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; repositories accept either this or the Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

/** Rows of a raw SQL query (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Where the database lives: a PostgreSQL URL, a PGlite data directory, or an in-memory PGlite. */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'memory'; loadDataDir?: Blob };

export type Database = {
  kind: 'postgres' | 'embedded';
  db: Db;
  /** The PGlite instance in embedded/memory mode (the job queue shares its single connection). */
  pglite?: PGlite;
  /** The connection string in postgres mode (the job queue opens its own small pool). */
  url?: string;
  close(): Promise<void>;
};

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { kind: 'postgres', db, url: target.url, close: () => pool.end() };
  }

  let lock: DataDirLock | undefined;
  let pglite: PGlite;
  if (target.kind === 'embedded') {
    lock = acquireDataDirLock(target.dataDir);
    try {
      pglite = await PGlite.create(target.dataDir, { extensions: { pg_trgm } });
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    pglite = await PGlite.create({ extensions: { pg_trgm }, loadDataDir: target.loadDataDir });
  }
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    kind: 'embedded',
    db,
    pglite,
    async close() {
      await pglite.close();
      lock?.release();
    },
  };
}
