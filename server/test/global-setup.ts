import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client';
import { migrateDatabase } from '../src/db/migrate';
import { Jobs } from '../src/platform/jobs/jobs';
import { createLogger } from '../src/platform/logger';
import { baseName, TEST_DATABASE_URL, withDatabase } from './database-target';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Embedded mode: path of the migrated template data directory (a tarball). */
    templateTarball: string;
    /** PostgreSQL mode: name of the migrated template database. */
    templateDatabase: string;
    /** Unique per run: prefixes per-file databases and Redis keys. */
    runId: string;
  }
}

/** Builds one migrated database (with the job queue's schema) that every test file copies. */
export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString('hex');
  project.provide('runId', runId);
  const log = createLogger('silent');

  const databaseUrl = TEST_DATABASE_URL;
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: withDatabase(databaseUrl, 'postgres') });
    await admin.connect();
    const template = `${baseName(databaseUrl)}_${runId}_tpl`;
    await admin.query(`CREATE DATABASE "${template}"`);
    const database = await openDatabase({ kind: 'postgres', url: withDatabase(databaseUrl, template), poolSize: 2 });
    await migrateDatabase(database);
    const jobs = await Jobs.start(database, log, { maintenance: false });
    await jobs.stop();
    await database.close();
    project.provide('templateDatabase', template);
    project.provide('templateTarball', '');
    return async () => {
      const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
        `${baseName(databaseUrl)}_${runId}_%`,
      ]);
      for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
      await admin.end();
    };
  }

  const database = await openDatabase({ kind: 'memory' });
  await migrateDatabase(database);
  const jobs = await Jobs.start(database, log, { maintenance: false });
  await jobs.stop();
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const dir = mkdtempSync(join(tmpdir(), 'rockethub-test-'));
  const tarball = join(dir, 'template.tar');
  writeFileSync(tarball, Buffer.from(await dump.arrayBuffer()));
  project.provide('templateTarball', tarball);
  project.provide('templateDatabase', '');
  return () => rmSync(dir, { recursive: true, force: true });
}
