import { existsSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
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

/**
 * Runs independent queries: at once on the pool, one after another inside a transaction (a
 * transaction is one connection, which runs one query at a time).
 */
export async function runQueries<T extends readonly unknown[]>(
  db: Executor,
  queries: { [K in keyof T]: () => PromiseLike<T[K]> },
): Promise<T> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(queries.map((query) => query()))) as unknown as T;
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as unknown as T;
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

/**
 * PGlite runs one backend in this process: PostgreSQL's defaults (128 MB shared buffers, shared
 * memory for 100 connections) would double a node's resident memory for nothing. The OS page cache
 * still caches the data files.
 */
const PGLITE_SETTINGS = ['shared_buffers=16MB', 'max_connections=4'];

/** The contrib extensions the migrations enable (PostgreSQL ships them in its contrib package). */
const EXTENSIONS = { pg_trgm, unaccent, btree_gin };

/**
 * PGlite is PostgreSQL compiled to WebAssembly. V8's optimising tier roughly doubles the memory of
 * its compiled code (~100 MB more resident) for mixed gains on this workload (see
 * docs/BENCHMARKS.md), so the embedded database runs on the baseline compiler. Process-wide; it
 * must be set before the module is compiled, and changes nothing for PostgreSQL mode.
 */
function useBaselineWasmCompiler() {
  v8.setFlagsFromString('--liftoff-only');
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const poolSize = target.poolSize ?? 10;
    const pool = new pg.Pool({ connectionString: target.url, max: poolSize });
    // An idle client that loses its server must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { kind: 'postgres', db, url: target.url, close: () => pool.end() };
  }

  useBaselineWasmCompiler();
  let lock: DataDirLock | undefined;
  let pglite: PGlite;
  if (target.kind === 'embedded') {
    lock = acquireDataDirLock(target.dataDir);
    try {
      const isNew = !existsSync(join(target.dataDir, 'PG_VERSION'));
      pglite = await PGlite.create(target.dataDir, { extensions: EXTENSIONS, postgresqlconf: PGLITE_SETTINGS });
      if (isNew) {
        // initdb grows the WebAssembly memory to ~700 MB, which is never given back: reopen.
        await pglite.close();
        pglite = await PGlite.create(target.dataDir, { extensions: EXTENSIONS, postgresqlconf: PGLITE_SETTINGS });
      }
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    pglite = await PGlite.create({ extensions: EXTENSIONS, loadDataDir: target.loadDataDir, postgresqlconf: PGLITE_SETTINGS });
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
