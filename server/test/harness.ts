import type { DomainEvent } from '../src/platform/outbox/types';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { type Config, loadConfig } from '../src/config';
import type { AppContext } from '../src/context';
import { type Database, openDatabase } from '../src/db/client';
import { startRocketHub } from '../src/server';
import { TEST_DATABASE_URL, TEST_REDIS_URL, withDatabase } from './database-target';

let copies = 0;

/** A fresh copy of the migrated template database (see global-setup). */
export async function openTestDatabase(): Promise<Database> {
  if (TEST_DATABASE_URL) {
    const name = `${inject('templateDatabase').replace(/_tpl$/, '')}_${process.pid}_${++copies}`;
    const admin = new pg.Client({ connectionString: withDatabase(TEST_DATABASE_URL, 'postgres') });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('templateDatabase')}"`);
    } finally {
      await admin.end();
    }
    return openDatabase({ kind: 'postgres', url: withDatabase(TEST_DATABASE_URL, name), poolSize: 5 });
  }
  const tarball = readFileSync(inject('templateTarball'));
  return openDatabase({ kind: 'memory', loadDataDir: new Blob([tarball]) });
}

/** Every test app gets its own data directory (files, upload spool), removed when it closes. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({
    DATA_DIR: overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'rockethub-test-data-')),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    FRONTEND_URL: 'http://rockethub.test',
    SECRET_KEY_BASE: 'test-secret-key-base',
    ...(TEST_REDIS_URL ? { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: `rht:${inject('runId')}:${process.pid}:${++copies}:` } : {}),
  });
  return { ...base, ...overrides };
}

export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  /** `http://127.0.0.1:<port>` when started with `listen: true` (websocket tests); empty otherwise. */
  url: string;
  request(options: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

/** `startTestApp` that also pushes into `live` every event its commits announce (as realtime hears them). */
export async function startTestAppHearing(live: DomainEvent[], overrides: Partial<Config> = {}): Promise<TestApp> {
  const t = await startTestApp(overrides);
  t.ctx.outbox.onCommitted((events) => live.push(...events));
  return t;
}

/** The real app on a fresh database, served through `inject` (no port), or on a free port with `listen`. */
export async function startTestApp(overrides: Partial<Config> = {}, options: { listen?: boolean } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const node = await startRocketHub(testConfig(overrides), {
    database,
    listen: options.listen ?? false,
    serveWeb: false,
    outbox: { pollIntervalMs: 100 },
  });
  const app = node.app;
  if (!app) throw new Error('test app has no web role');
  const address = options.listen ? app.server.address() : null;
  return {
    app,
    ctx: node.ctx,
    database,
    url: address && typeof address === 'object' ? `http://127.0.0.1:${address.port}` : '',
    request({ token, headers, ...options }) {
      return app.inject({ ...options, headers: { ...(token ? { api_access_token: token } : {}), ...headers } });
    },
    async close() {
      await node.close();
      await database.close();
      if (!overrides.dataDir) rmSync(node.ctx.config.dataDir, { recursive: true, force: true });
    },
  };
}
