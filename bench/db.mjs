// Database access for the benchmark scripts: PostgreSQL (`--database-url`) or an embedded PGlite
// data directory (`--data-dir`, the app's DATA_DIR), and the look-ups that find the generated
// installation's credentials and ids (so no state file is needed between generate and benchmarks).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { mainJs, root } from './lib.mjs';

/**
 * @typedef {{ databaseUrl?: string | undefined, dataDir?: string | undefined }} Target
 * @typedef {{
 *   kind: 'postgres' | 'pglite',
 *   query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>,
 *   exec(sql: string): Promise<void>,
 *   close(): Promise<void>,
 * }} Db
 */

/** The app's environment for a target. @param {Target} target @returns {Record<string, string>} */
export function appEnv(target) {
  if (target.databaseUrl) return { DATABASE_URL: target.databaseUrl };
  if (target.dataDir) return { DATA_DIR: target.dataDir };
  throw new Error('give --database-url URL or --data-dir DIR');
}

/**
 * The app's Redis settings for `--redis-url` (services mode), under a key prefix of this run's own;
 * none without it. @param {Record<string, string>} options @returns {Record<string, string>}
 */
export function redisEnv(options) {
  return options['redis-url'] ? { REDIS_URL: options['redis-url'], REDIS_KEY_PREFIX: `rh_bench_${process.pid}:` } : {};
}

/** A readable name of the target for reports (no credentials). @param {Target} target */
export function describeTarget(target) {
  if (target.databaseUrl) {
    const url = new URL(target.databaseUrl);
    return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return `PGlite ${target.dataDir}`;
}

/** Creates the PostgreSQL database of the URL when it does not exist. @param {string} databaseUrl */
export async function ensureDatabase(databaseUrl) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      return true;
    }
    return false;
  } finally {
    await client.end();
  }
}

/** Drops the PostgreSQL database of the URL (if any), creates it anew and migrates it. @param {string} databaseUrl */
export async function freshDatabase(databaseUrl) {
  const admin = new URL(databaseUrl);
  const name = decodeURIComponent(admin.pathname.slice(1));
  if (!/bench/.test(name)) throw new Error(`refusing to drop ${name}: give a database whose name says bench`);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
  await ensureDatabase(databaseUrl);
  migrate({ databaseUrl });
}

/** Applies the app's migrations by running the built CLI once (`rockethub migrate`). @param {Target} target */
export function migrate(target) {
  if (!existsSync(mainJs)) throw new Error('server/dist/main.js is missing: run `npm run build` first');
  const result = spawnSync(process.execPath, [mainJs, 'migrate'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...appEnv(target) },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`rockethub migrate failed (${result.status}):\n${result.stderr}${result.stdout}`);
}

/**
 * Opens the database. For PGlite, takes the app's lock file (DATA_DIR/db.lock) so that a node
 * cannot open the directory at the same time.
 * @param {Target} target
 * @returns {Promise<Db>}
 */
export async function openDb(target) {
  if (target.databaseUrl) {
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    return {
      kind: 'postgres',
      async query(sql, params) {
        const result = await client.query(sql, /** @type {unknown[]} */ (params ?? []));
        return result.rows;
      },
      async exec(sql) {
        await client.query(sql);
      },
      close: () => client.end(),
    };
  }
  if (!target.dataDir) throw new Error('give --database-url URL or --data-dir DIR');
  const dbDir = join(target.dataDir, 'db');
  const lockFile = `${dbDir}.lock`;
  takeLock(lockFile);
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { btree_gin } = await import('@electric-sql/pglite/contrib/btree_gin');
  const pglite = await PGlite.create(dbDir, { extensions: { pg_trgm, unaccent, btree_gin } });
  return {
    kind: 'pglite',
    async query(sql, params) {
      const result = await pglite.query(sql, params ?? []);
      return /** @type {any[]} */ (result.rows);
    },
    async exec(sql) {
      await pglite.exec(sql);
    },
    async close() {
      await pglite.close();
      rmSync(lockFile, { force: true });
    },
  };
}

/** @param {string} file */
function takeLock(file) {
  if (existsSync(file)) {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    let alive = false;
    try {
      if (pid > 0) {
        process.kill(pid, 0);
        alive = true;
      }
    } catch {
      alive = false;
    }
    if (alive) throw new Error(`${file}: the data directory is open in process ${pid}; stop it first`);
    rmSync(file, { force: true });
  }
  const fd = openSync(file, 'wx');
  writeSync(fd, String(process.pid));
  closeSync(fd);
}

/**
 * What the benchmarks need from a generated installation: the large account, the administrator's
 * token, agents with tokens (and their inboxes), API inboxes.
 * @param {Db} db
 */
export async function loadDataset(db) {
  const [account] = await db.query(
    `SELECT s.account_id::int AS id, s.last_conversation_display_id::int AS conversations
       FROM account_sequences s ORDER BY s.last_conversation_display_id DESC LIMIT 1`,
  );
  if (!account) throw new Error('no generated installation here: run bench/generate.mjs first');
  const accountId = Number(account.id);
  const [admin] = await db.query(
    `SELECT u.id::int AS id, u.pubsub_token, t.token FROM users u
       JOIN access_tokens t ON t.owner_type = 'user' AND t.owner_id = u.id
      WHERE u.type = 'SuperAdmin' ORDER BY u.id LIMIT 1`,
  );
  if (!admin) throw new Error('no administrator with an access token: was this database made by bench/generate.mjs?');
  const agents = await db.query(
    `SELECT u.id::int AS id, u.name, u.pubsub_token, t.token,
            array(SELECT m.inbox_id::int FROM inbox_members m WHERE m.user_id = u.id AND m.account_id = au.account_id ORDER BY 1) AS inbox_ids,
            (SELECT count(*)::int FROM conversations c WHERE c.account_id = au.account_id AND c.assignee_id = u.id AND c.status = 'open') AS open_assigned
       FROM account_users au JOIN users u ON u.id = au.user_id
       JOIN access_tokens t ON t.owner_type = 'user' AND t.owner_id = u.id
      WHERE au.account_id = $1 AND au.role = 'agent' ORDER BY u.id`,
    [accountId],
  );
  const apiInboxes = await db.query(
    `SELECT id::int AS id, name, channel_identifier FROM inboxes
      WHERE account_id = $1 AND channel_type = 'api' ORDER BY id`,
    [accountId],
  );
  return {
    accountId,
    conversations: Number(account.conversations),
    admin: { id: Number(admin.id), token: String(admin.token), pubsubToken: String(admin.pubsub_token) },
    agents: agents.map((a) => ({
      id: Number(a.id),
      name: String(a.name),
      token: String(a.token),
      pubsubToken: String(a.pubsub_token),
      inboxIds: /** @type {number[]} */ (a.inbox_ids),
      openAssigned: Number(a.open_assigned),
    })),
    apiInboxes: apiInboxes.map((i) => ({ id: Number(i.id), name: String(i.name), identifier: String(i.channel_identifier) })),
  };
}

/**
 * `--name value` options of a command line (and bare `--flag`s as 'true').
 * @param {string[]} argv
 * @returns {Record<string, string>}
 */
export function parseOptions(argv) {
  /** @type {Record<string, string>} */
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!name) throw new Error(`unexpected argument ${arg}`);
    if (inline !== undefined) options[name] = inline;
    else if (i + 1 < argv.length && !(argv[i + 1] ?? '').startsWith('--')) options[name] = argv[++i] ?? '';
    else options[name] = 'true';
  }
  return options;
}

/** The command line as typed, for the reports. */
export function commandLine() {
  const script = (process.argv[1] ?? '').replace(`${root}/`, '');
  return ['node', script, ...process.argv.slice(2)].map((a) => (/[\s'"]/.test(a) ? `'${a}'` : a)).join(' ');
}
