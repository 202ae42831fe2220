// Benchmark data generator: a whole RocketHub installation written straight into the database with
// set-based SQL (INSERT ... SELECT over generate_series), after the app's own migrations.
//
//   node bench/generate.mjs --scale 1 --database-url postgres://postgres@127.0.0.1:5432/rockethub_bench_s1
//   node bench/generate.mjs --scale 0.05 --data-dir /tmp/rh-bench        (embedded PGlite, small scales)
//
// Scale 1 = 100k conversations, ~1M messages, 50k contacts (scale 10 = 1M / ~10M / 500k), always
// 50 inboxes, 200 agents + 1 administrator, 30 labels per account. One large account holds 97% of
// the rows (the worst case for per-account queries); three small accounts hold 1% each.
//
// Randomness is a hash of (row id, purpose, --seed): the same seed gives the same data whatever
// order PostgreSQL evaluates rows in. Options: --seed N (default 42), --now ISO-TIME ("now" of the
// data; default the current hour), --force (wipe a non-empty installation first).
//
// Everything is one transaction: the secondary indexes and foreign keys of the four large tables
// are dropped first and recreated at the end (the foreign keys validated then), so a failed run
// leaves the database as it was.
import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { appEnv, commandLine, describeTarget, ensureDatabase, migrate, openDb, parseOptions } from './db.mjs';
import { machine } from './lib.mjs';
import { seededRandom } from './measure.mjs';
import * as V from './vocabulary.mjs';

const options = parseOptions(process.argv.slice(2));
const scale = Number(options.scale ?? 1);
const seed = Number(options.seed ?? 42);
const force = options.force === 'true';
const target = { databaseUrl: options['database-url'], dataDir: options['data-dir'] };
if (!(scale > 0) || !Number.isInteger(seed)) throw new Error('--scale must be a positive number and --seed an integer');
appEnv(target); // validates that a target was given

const PASSWORD = 'Bench-password-1';
const ADMIN_EMAIL = 'admin@bench.rockethub.test';

/** Accounts: the large one first. Totals: 50 inboxes, 200 agents. */
const PLAN = [
  { name: 'Loja Exemplo', share: 0.97, inboxes: 44, agents: 185, teams: 8 },
  { name: 'Padaria Pão de Mel', share: 0.01, inboxes: 2, agents: 5, teams: 2 },
  { name: 'Clínica Sorriso', share: 0.01, inboxes: 2, agents: 5, teams: 2 },
  { name: 'Escola Aprender', share: 0.01, inboxes: 2, agents: 5, teams: 2 },
];
const TOTAL_CONVERSATIONS = Math.round(100_000 * scale);
const TOTAL_CONTACTS = Math.round(50_000 * scale);
/** Mean of the exponential part of a conversation's length: ~10 messages per conversation overall. */
const MESSAGE_MEAN = 8.8;

// ---------------------------------------------------------------------------------------------
// Small helpers that write SQL text.

/** @param {string} s */
const q = (s) => `'${s.replace(/'/g, "''")}'`;
/** A text[] constant. @param {readonly string[]} list */
const arr = (list) => `ARRAY[${list.map(q).join(',')}]::text[]`;
/** An element of a constant list chosen by r in [0,1) (skew > 1 favours the first entries). */
const pick = (/** @type {readonly string[]} */ list, /** @type {string} */ r, skew = 1) =>
  `(${arr(list)})[1 + floor(${skew === 1 ? r : `power(${r}, ${skew}::float8)`} * ${list.length})::int]`;
/** Uniform [0,1) from a row key and a purpose number. @param {string} key @param {number} salt */
const r = (key, salt) => `pg_temp.r(${key}, ${salt})`;

const rand = seededRandom(seed);
/** @template T @param {readonly T[]} list @returns {T} */
const choose = (list) => /** @type {T} */ (list[Math.floor(rand() * list.length)]);
/** @param {number} bytes */
const token = (bytes) => randomBytes(bytes).toString('base64url');
/** @param {number} length */
function alnum(length) {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return Array.from(randomBytes(length), (b) => chars[b % chars.length]).join('');
}

// ---------------------------------------------------------------------------------------------
// The plan in numbers: id ranges per account (ids are explicit so that rows can point at each
// other arithmetically; sequences are moved past them at the end).

/** Rows per small account, and the large account gets the rest. @param {number} total */
const split = (total) => {
  const small = PLAN.slice(1).map((p) => Math.max(1, Math.round(total * p.share)));
  return [Math.max(1, total - small.reduce((sum, n) => sum + n, 0)), ...small];
};
const convCounts = split(TOTAL_CONVERSATIONS);
const contactCounts = split(TOTAL_CONTACTS);
const offset = (/** @type {number[]} */ list, /** @type {number} */ i) => list.slice(0, i).reduce((sum, n) => sum + n, 0);
const accounts = PLAN.map((p, i) => ({
  id: i + 1,
  name: p.name,
  convBase: offset(convCounts, i),
  convCount: convCounts[i] ?? 1,
  contactBase: offset(contactCounts, i),
  contactCount: contactCounts[i] ?? 1,
  inboxBase: offset(PLAN.map((x) => x.inboxes), i),
  inboxCount: p.inboxes,
  agentBase: 1 + offset(PLAN.map((x) => x.agents), i), // user 1 is the administrator
  agentCount: p.agents,
  teamBase: offset(PLAN.map((x) => x.teams), i),
  teamCount: p.teams,
}));
const USER_COUNT = 1 + PLAN.reduce((sum, p) => sum + p.agents, 0);

/** Agents' names (index = user id; 1 is the administrator). */
const userFirst = [''];
const userName = [''];
for (let id = 1; id <= USER_COUNT; id++) {
  const pt = rand() < 0.8;
  const first = id === 1 ? 'Administrador' : choose(pt ? V.FIRST_NAMES_PT : V.FIRST_NAMES_EN);
  const last = id === 1 ? 'Bench' : choose(pt ? V.LAST_NAMES_PT : V.LAST_NAMES_EN);
  userFirst.push(first);
  userName.push(`${first} ${last}`);
}

const BIG_TABLES = ['messages', 'conversations', 'contacts', 'contact_inboxes'];

// ---------------------------------------------------------------------------------------------

/** @type {{ step: string, rows: number, ms: number }[]} */
const timings = [];
const started = performance.now();

/**
 * Runs one timed step.
 * @param {string} step
 * @param {() => Promise<number | void>} fn
 */
async function timed(step, fn) {
  const t0 = performance.now();
  const rows = (await fn()) ?? 0;
  const ms = performance.now() - t0;
  timings.push({ step, rows, ms });
  console.log(`  ${step.padEnd(44)} ${rows ? `${String(rows).padStart(10)} rows` : ''.padStart(15)} ${(ms / 1000).toFixed(1).padStart(7)} s`);
}

console.log(`rockethub bench generator — scale ${scale}, seed ${seed}, ${describeTarget(target)}`);
console.log(`machine: ${machine()}`);
console.log(`command: ${commandLine()}`);

if (target.databaseUrl && (await ensureDatabase(target.databaseUrl))) console.log('  created the database');
await timed('migrations (rockethub migrate)', async () => migrate(target));
const passwordHash = await hash(PASSWORD, { algorithm: 2 });

const db = await openDb(target);
/** @param {string} sql @param {unknown[]} [params] */
const run = (sql, params) => db.query(sql, params);
/** Rows in a table (what a step wrote). @param {string} table */
const count = async (table) => Number((await db.query(`SELECT count(*)::bigint AS n FROM ${table}`))[0]?.n ?? 0);

const [present] = await db.query('SELECT (EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM users)) AS present');
if (present?.present && !force) {
  await db.close();
  console.error('This installation already has accounts or users. Use --force to wipe it and generate again.');
  process.exit(1);
}

// Timestamps are relative to this hour (--now to pin it, for byte-identical data across runs).
const ref = new Date(options.now ?? Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
const REF = `${q(ref)}::timestamptz`;
const pg = db.kind === 'postgres';

try {
  await db.exec(`SET temp_buffers = '${pg ? '1GB' : '64MB'}'`);
  await db.exec(`SET work_mem = '${pg ? '256MB' : '32MB'}'`);
  await db.exec(`SET maintenance_work_mem = '${pg ? '1GB' : '128MB'}'`);
  if (pg) await db.exec('SET synchronous_commit = off');
  await db.exec('BEGIN');

  if (present?.present) {
    await timed('wipe (--force)', async () => {
      const tables = await db.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'installation_configs'`,
      );
      await db.exec(`TRUNCATE ${tables.map((t) => `public."${t.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
    });
  }

  // Drop secondary indexes and foreign keys of the large tables; recreated at the end.
  const indexes = await db.query(
    `SELECT c.relname AS tbl, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1) AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [BIG_TABLES],
  );
  const foreignKeys = await db.query(
    `SELECT c.relname AS tbl, k.conname AS name, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
      WHERE k.contype = 'f' AND c.relnamespace = 'public'::regnamespace AND c.relname = ANY($1)`,
    [BIG_TABLES],
  );
  await timed(`drop ${indexes.length} indexes, ${foreignKeys.length} foreign keys`, async () => {
    for (const k of foreignKeys) await db.exec(`ALTER TABLE public."${k.tbl}" DROP CONSTRAINT "${k.name}"`);
    for (const i of indexes) await db.exec(`DROP INDEX public."${i.name}"`);
  });

  // Uniform [0,1) from (key, purpose): a hash, so independent of evaluation order. Inlined by the planner.
  await db.exec(`CREATE FUNCTION pg_temp.r(k bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (hashint8extended(k, salt::bigint * 1000003 + ${seed}) & 281474976710655)::float8 / 281474976710656::float8 $$`);

  await db.exec(`CREATE TEMP TABLE g_accounts (account_id bigint, conv_base bigint, conv_count int, contact_base bigint,
    contact_count int, inbox_base bigint, inbox_count int, agent_base bigint, agent_count int, team_base bigint, team_count int)`);
  for (const a of accounts) {
    await run(`INSERT INTO g_accounts VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`, [
      a.id, a.convBase, a.convCount, a.contactBase, a.contactCount, a.inboxBase, a.inboxCount, a.agentBase, a.agentCount, a.teamBase, a.teamCount,
    ]);
  }

  // --- installation-level rows ---------------------------------------------------------------
  await timed('accounts', async () => {
    for (const a of accounts) {
      await run(
        `INSERT INTO accounts (id, name, locale, support_email, created_at, updated_at)
         VALUES ($1, $2, 'pt_BR', $3, ${REF} - interval '731 days', ${REF} - interval '731 days')`,
        [a.id, a.name, `suporte${a.id}@bench.rockethub.test`],
      );
    }
    return accounts.length;
  });

  const userTokens = Array.from({ length: USER_COUNT }, () => token(24));
  await timed('users', async () => {
    await run(
      `INSERT INTO users (id, name, email, password_hash, confirmed_at, pubsub_token, type, locale, created_at, updated_at)
       SELECT u.id, u.name, CASE WHEN u.id = 1 THEN $3 ELSE 'agent' || lpad((u.id - 1)::text, 3, '0') || '@bench.rockethub.test' END,
              $4, ${REF} - interval '730 days', u.pubsub, CASE WHEN u.id = 1 THEN 'SuperAdmin' END,
              CASE WHEN u.id % 5 = 0 THEN 'en' ELSE 'pt_BR' END, ${REF} - interval '730 days', ${REF} - interval '730 days'
         FROM unnest($1::bigint[], $2::text[], $5::text[]) AS u(id, name, pubsub)`,
      [Array.from({ length: USER_COUNT }, (_, i) => i + 1), userName.slice(1), ADMIN_EMAIL, passwordHash, userTokens],
    );
    return USER_COUNT;
  });

  await timed('account_users', async () => {
    // The administrator administers every account; each small account's first agent administers it too.
    await run(
      `INSERT INTO account_users (account_id, user_id, role, availability, active_at, created_at, updated_at)
       SELECT a.account_id, 1, 'administrator', 'online', ${REF}, ${REF} - interval '730 days', ${REF} - interval '730 days' FROM g_accounts a
       UNION ALL
       SELECT a.account_id, a.agent_base + i + 1, CASE WHEN a.account_id > 1 AND i = 0 THEN 'administrator' ELSE 'agent' END,
              CASE WHEN ${r('a.agent_base + i + 1', 60)} < 0.6 THEN 'online' WHEN ${r('a.agent_base + i + 1', 60)} < 0.7 THEN 'busy' ELSE 'offline' END,
              ${REF} - ${r('a.agent_base + i + 1', 61)} * interval '3 days', ${REF} - interval '700 days', ${REF} - interval '700 days'
         FROM g_accounts a, generate_series(0, a.agent_count - 1) i`,
    );
    return count('account_users');
  });

  // Tokens: the administrator, the first 10 agents of the large account, the first agent of each small one.
  const tokenOwners = [1];
  for (const a of accounts) for (let i = 0; i < (a.id === 1 ? 10 : 1); i++) tokenOwners.push(a.agentBase + i + 1);
  const accessTokens = tokenOwners.map(() => token(24));
  await timed('access_tokens', async () => {
    await run(
      `INSERT INTO access_tokens (owner_type, owner_id, token, created_at) SELECT 'user', o, t, ${REF} FROM unnest($1::bigint[], $2::text[]) AS x(o, t)`,
      [tokenOwners, accessTokens],
    );
    return tokenOwners.length;
  });

  await timed('inboxes', async () => {
    const ids = [];
    const accountIds = [];
    const names = [];
    const types = [];
    const identifiers = [];
    const hmacs = [];
    for (const a of accounts) {
      for (let i = 0; i < a.inboxCount; i++) {
        const web = i % 2 === 0;
        const list = web ? V.INBOX_NAMES_WEB : V.INBOX_NAMES_API;
        ids.push(a.inboxBase + i + 1);
        accountIds.push(a.id);
        names.push(`${list[Math.floor(i / 2) % list.length]}${i >= list.length * 2 ? ` ${Math.floor(i / (list.length * 2)) + 1}` : ''}`);
        types.push(web ? 'web_widget' : 'api');
        identifiers.push(alnum(24));
        hmacs.push(alnum(24));
      }
    }
    await run(
      `INSERT INTO inboxes (id, account_id, name, channel_type, channel_identifier, hmac_token, channel_config, created_at, updated_at)
       SELECT x.id, x.account_id, x.name, x.type, x.ident, x.hmac,
              CASE WHEN x.type = 'web_widget'
                THEN jsonb_build_object('website_url', 'https://loja' || x.id || '.exemplo.com.br', 'widget_color', '#1f93ff',
                       'welcome_title', 'Olá! 👋', 'welcome_tagline', 'Respondemos em poucos minutos.', 'reply_time', 'in_a_few_minutes',
                       'hmac_mandatory', false, 'pre_chat_form_enabled', false)
                ELSE jsonb_build_object('webhook_url', null, 'hmac_mandatory', false) END,
              ${REF} - interval '729 days', ${REF} - interval '729 days'
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(id, account_id, name, type, ident, hmac)`,
      [ids, accountIds, names, types, identifiers, hmacs],
    );
    return ids.length;
  });

  await timed('inbox_members', async () => {
    // About 5 inboxes per agent in the large account (all of them in small ones); every inbox has members.
    await run(
      `INSERT INTO inbox_members (account_id, inbox_id, user_id, created_at)
       SELECT a.account_id, a.inbox_base + j + 1, a.agent_base + i + 1, ${REF} - interval '700 days'
         FROM g_accounts a, generate_series(0, a.agent_count - 1) i, generate_series(0, a.inbox_count - 1) j
        WHERE ${r('(a.agent_base + i + 1) * 1000 + j', 62)} < least(1, 4.5 / a.inbox_count)
           OR j = i % a.inbox_count OR i = j % a.agent_count`,
    );
    return count('inbox_members');
  });

  await timed('teams, team_members', async () => {
    await run(
      `INSERT INTO teams (id, account_id, name, description, created_at, updated_at)
       SELECT a.team_base + i + 1, a.account_id, (${arr(V.TEAMS)})[i + 1], 'Equipe ' || (${arr(V.TEAMS)})[i + 1],
              ${REF} - interval '700 days', ${REF} - interval '700 days'
         FROM g_accounts a, generate_series(0, a.team_count - 1) i`,
    );
    await run(
      `INSERT INTO team_members (account_id, team_id, user_id, created_at)
       SELECT a.account_id, a.team_base + t + 1, a.agent_base + i + 1, ${REF} - interval '700 days'
         FROM g_accounts a, generate_series(0, a.agent_count - 1) i, generate_series(0, a.team_count - 1) t
        WHERE t = i % a.team_count OR (t = (i + 1) % a.team_count AND ${r('a.agent_base + i + 1', 63)} < 0.2)`,
    );
    return (await count('teams')) + (await count('team_members'));
  });

  await timed('labels', async () => {
    await run(
      `INSERT INTO labels (account_id, title, description, color, show_on_sidebar, created_at, updated_at)
       SELECT a.account_id, (${arr(V.LABELS)})[i + 1], 'Rótulo ' || (${arr(V.LABELS)})[i + 1], (${arr(V.LABEL_COLORS)})[1 + i % ${V.LABEL_COLORS.length}],
              i < 12, ${REF} - interval '700 days', ${REF} - interval '700 days'
         FROM g_accounts a, generate_series(0, ${V.LABELS.length - 1}) i`,
    );
    return count('labels');
  });

  await db.exec(`CREATE TEMP TABLE im AS
    SELECT inbox_id, user_id, (row_number() OVER (PARTITION BY inbox_id ORDER BY user_id) - 1)::int AS idx FROM inbox_members`);
  await db.exec(`CREATE TEMP TABLE icnt AS SELECT inbox_id, count(*)::int AS cnt FROM inbox_members GROUP BY inbox_id`);
  await db.exec('ANALYZE im; ANALYZE icnt; ANALYZE g_accounts');

  // --- the conversation plan -------------------------------------------------------------------
  // Home inbox of a contact (its one contact_inbox): busier inboxes first.
  const homeInbox = (contact = 'contact_id') => `a.inbox_base + 1 + floor(a.inbox_count * power(${r(contact, 102)}, 1.4::float8))::int`;
  const contactPt = (contact = 'contact_id') => `(${r(contact, 101)} < 0.65)`;
  await timed('plan of conversations (temp)', async () => {
    await db.exec(`CREATE TEMP TABLE c_stage AS
      SELECT s.*, (sum(s.n) OVER (ORDER BY s.id) - s.n)::bigint AS msg_before,
             s.created_at + (s.n - s.unread_k - 0.25) * s.gap * interval '1 second' AS agent_seen
        FROM (
          SELECT t.*, m.user_id AS replier_id,
                 CASE WHEN ${r('t.id', 9)} < CASE t.status WHEN 'open' THEN 0.70 WHEN 'pending' THEN 0.60 WHEN 'snoozed' THEN 0.90 ELSE 0.92 END
                      THEN m.user_id END AS assignee_id,
                 CASE WHEN ${r('t.id', 11)} < 0.4 THEN t.team_base + 1 + floor(t.team_count * ${r('t.id', 12)})::int END AS team_id,
                 least(t.n - 1, CASE WHEN t.status = 'resolved' THEN 0 ELSE floor(4 * ${r('t.id', 20)})::int END) AS unread_k,
                 least(exp(ln(30::float8) + ${r('t.id', 8)} * (ln(14400::float8) - ln(30::float8))),
                       greatest(1, extract(epoch FROM ${REF} - t.created_at)::float8 / (t.n + 1))) AS gap
            FROM (
              SELECT b.*,
                     CASE WHEN b.noreply THEN 1 + floor(3 * ${r('b.id', 7)})::int
                          ELSE least(80, 2 + floor(-ln(1 - ${r('b.id', 7)}) * ${MESSAGE_MEAN}::float8)::int) END AS n
                FROM (
                  SELECT x.*,
                         ${r('x.id', 6)} < CASE WHEN x.status = 'resolved' THEN 0.02 ELSE 0.15 END AS noreply
                    FROM (
                      SELECT a.account_id, a.conv_base + d AS id, d AS display_id, a.team_base, a.team_count,
                             c.contact_id, ${homeInbox()} AS inbox_id,
                             (${homeInbox()} - a.inbox_base - 1) % 2 = 0 AS web,
                             ${contactPt()} AS pt,
                             CASE WHEN u < pnr * 8 / 12 THEN 'open' WHEN u < pnr * 11 / 12 THEN 'pending' WHEN u < pnr THEN 'snoozed' ELSE 'resolved' END AS status,
                             ${REF} - (1 - d::float8 / a.conv_count) * 730 * 86400 * interval '1 second'
                                    - ${r('a.conv_base + d', 4)} * (730 * 86400 / a.conv_count::float8) * interval '1 second' - interval '1 minute' AS created_at
                        FROM g_accounts a, generate_series(1, a.conv_count) d,
                             LATERAL (SELECT a.contact_base + 1 + floor(a.contact_count * power(${r('a.conv_base + d', 1)}, 1.5::float8))::bigint AS contact_id,
                                             ${r('a.conv_base + d', 5)} AS u,
                                             CASE WHEN d::float8 / a.conv_count > 0.75 THEN 0.40::float8 ELSE 0.0267::float8 END AS pnr) c
                    ) x
                ) b
            ) t
            JOIN icnt ON icnt.inbox_id = t.inbox_id
            JOIN im m ON m.inbox_id = t.inbox_id AND m.idx = floor(icnt.cnt * ${r('t.id', 10)})::int
        ) s`);
    await db.exec('ANALYZE c_stage');
    return count('c_stage');
  });

  // --- messages --------------------------------------------------------------------------------
  const mid = 'm.mid';
  const dias = `(2 + floor(13 * ${r(mid, 41)})::int)::text`;
  const colleague = `(${arr(userFirst.slice(2))})[1 + floor(${r(mid, 44)} * ${userFirst.length - 2})::int]`;
  /** Fills a template's slots. @param {string} tpl */
  const fill = (tpl) =>
    [
      ['{produto}', 'm.product'],
      ['{pedido}', 'm.order_no'],
      ['{cidade}', 'm.city'],
      ['{pagamento}', 'm.payment'],
      ['{problema}', 'm.problem'],
      ['{dias}', dias],
      ['{cliente}', 'm.client_first'],
      ['{agente}', 'm.agent_first'],
      ['{colega}', colleague],
    ].reduce((sql, [slot, value]) => `replace(${sql}, '${slot}', ${value})`, tpl);
  const extra = (/** @type {string[]} */ list) => `CASE WHEN ${r(mid, 43)} < 0.3 THEN ' ' || ${pick(list, r(mid, 45))} ELSE '' END`;
  const content = `CASE
      WHEN m.kind = 8 THEN replace(${q(V.PT_RESOLVED_ACTIVITY)}, '{agente}', m.agent_name)
      WHEN m.kind = 7 THEN replace(replace(replace(replace(${pick(V.PT_ACTIVITY, r(mid, 42))},
             '{agente}', m.agent_name), '{rotulo}', ${pick(V.LABELS, r(mid, 46))}), '{equipe}', ${pick(V.TEAMS, r(mid, 47))}),
             '{prioridade}', ${pick(V.PT_PRIORITIES, r(mid, 48))})
      WHEN m.kind = 6 THEN ${fill(pick(V.PT_NOTES, r(mid, 40)))}
      WHEN m.pt THEN ${fill(`CASE m.kind WHEN 0 THEN ${pick(V.PT_OPENING, r(mid, 40))} || ${extra(V.PT_EXTRA)}
                                 WHEN 1 THEN ${pick(V.PT_FOLLOWUP, r(mid, 40))} || ${extra(V.PT_EXTRA)}
                                 WHEN 2 THEN ${pick(V.PT_THANKS, r(mid, 40))}
                                 WHEN 3 THEN ${pick(V.PT_AGENT_FIRST, r(mid, 40))}
                                 WHEN 4 THEN ${pick(V.PT_AGENT_MID, r(mid, 40))}
                                 ELSE ${pick(V.PT_AGENT_CLOSING, r(mid, 40))} END`)}
      ELSE ${fill(`CASE m.kind WHEN 0 THEN ${pick(V.EN_OPENING, r(mid, 40))} || ${extra(V.EN_EXTRA)}
                          WHEN 1 THEN ${pick(V.EN_FOLLOWUP, r(mid, 40))} || ${extra(V.EN_EXTRA)}
                          WHEN 2 THEN ${pick(V.EN_THANKS, r(mid, 40))}
                          WHEN 3 THEN ${pick(V.EN_AGENT_FIRST, r(mid, 40))}
                          WHEN 4 THEN ${pick(V.EN_AGENT_MID, r(mid, 40))}
                          ELSE ${pick(V.EN_AGENT_CLOSING, r(mid, 40))} END`)}
    END`;
  // Conversation-level words: one product, order, city, payment and problem per conversation.
  const cw = (/** @type {string[]} */ pt, /** @type {string[]} */ en, /** @type {number} */ salt, skew = 2) =>
    `CASE WHEN c.pt THEN ${pick(pt, r('c.id', salt), skew)} ELSE ${pick(en, r('c.id', salt), skew)} END`;
  const clientFirst = `CASE WHEN c.pt THEN ${pick(V.FIRST_NAMES_PT, r('c.contact_id', 103))} ELSE ${pick(V.FIRST_NAMES_EN, r('c.contact_id', 103))} END`;

  await timed('messages', async () => {
    await db.exec(`INSERT INTO messages (id, account_id, conversation_id, inbox_id, message_type, content, content_type, private, status,
                                        sender_type, sender_id, created_at, updated_at)
      SELECT m.mid, m.account_id, m.cid, m.inbox_id,
             CASE WHEN m.kind <= 2 THEN 0 WHEN m.kind <= 6 THEN 1 ELSE 2 END,
             ${content}, 'text', m.kind = 6,
             CASE WHEN m.kind BETWEEN 3 AND 5 THEN 'delivered' ELSE 'sent' END,
             CASE WHEN m.kind <= 2 THEN 'contact' WHEN m.kind <= 6 THEN 'user' END,
             CASE WHEN m.kind <= 2 THEN m.contact_id WHEN m.kind <= 6 THEN m.replier_id END,
             m.at, m.at
        FROM (
          SELECT c.id AS cid, c.account_id, c.inbox_id, c.contact_id, c.replier_id, c.pt, w.*, k, c.msg_before + k + 1 AS mid,
                 CASE WHEN k = 0 THEN 0
                      WHEN c.noreply THEN 1
                      WHEN c.status = 'resolved' AND k = c.n - 1 AND c.n >= 3 AND ${r('c.msg_before + k + 1', 30)} < 0.8 THEN 8
                      WHEN k >= 2 AND k < c.n - 1 AND ${r('c.msg_before + k + 1', 31)} < 0.05 THEN 7
                      WHEN k >= 2 AND ${r('c.msg_before + k + 1', 31)} < 0.11 THEN 6
                      WHEN k % 2 = 1 THEN CASE WHEN k = 1 THEN 3 WHEN c.status = 'resolved' AND k >= c.n - 3 THEN 5 ELSE 4 END
                      ELSE CASE WHEN c.status = 'resolved' AND k >= c.n - 3 THEN 2 ELSE 1 END
                 END AS kind,
                 c.created_at + (k + 0.5 * ${r('c.msg_before + k + 1', 32)}) * c.gap * interval '1 second' AS at
            FROM c_stage c
            CROSS JOIN LATERAL (
              SELECT ${cw(V.PRODUCTS_PT, V.PRODUCTS_EN, 33)} AS product,
                     ${cw(V.CITIES_PT, V.CITIES_EN, 34)} AS city,
                     ${cw(V.PAYMENTS_PT, V.PAYMENTS_EN, 35, 1.5)} AS payment,
                     ${cw(V.PROBLEMS_PT, V.PROBLEMS_EN, 36, 1.5)} AS problem,
                     (100000 + (c.id * 7919) % 900000)::text AS order_no,
                     ${clientFirst} AS client_first,
                     (${arr(userFirst.slice(1))})[c.replier_id::int] AS agent_first,
                     (${arr(userName.slice(1))})[c.replier_id::int] AS agent_name
              OFFSET 0) w
            CROSS JOIN LATERAL generate_series(0, c.n - 1) k
          OFFSET 0
        ) m`);
    await db.exec('ANALYZE messages');
    return count('messages');
  });

  await timed('per-conversation summary of messages (temp)', async () => {
    await db.exec(`CREATE TEMP TABLE m_agg AS
      SELECT m.conversation_id AS id,
             max(m.id) FILTER (WHERE m.message_type <> 2 AND NOT m.private) AS last_id,
             max(m.created_at) FILTER (WHERE m.message_type <> 2) AS last_at,
             max(m.created_at) AS touched_at,
             min(m.created_at) FILTER (WHERE m.message_type = 1 AND NOT m.private) AS first_reply_at,
             max(m.id) FILTER (WHERE m.message_type = 1 AND NOT m.private) AS last_out_id,
             max(m.created_at) FILTER (WHERE m.message_type = 0) AS last_in_at,
             count(*) FILTER (WHERE m.message_type = 0 AND m.created_at > c.agent_seen)::int AS unread
        FROM messages m JOIN c_stage c ON c.id = m.conversation_id
       GROUP BY m.conversation_id`);
    await db.exec('ANALYZE m_agg');
    // Customer waiting: the first incoming message after the last public agent reply, in unresolved conversations.
    await db.exec(`CREATE TEMP TABLE w_agg AS
      SELECT c.id, min(m.created_at) AS waiting_since
        FROM c_stage c JOIN m_agg a ON a.id = c.id
        JOIN messages m ON m.id > coalesce(a.last_out_id, c.msg_before) AND m.id <= c.msg_before + c.n
       WHERE c.status <> 'resolved' AND m.message_type = 0
       GROUP BY c.id`);
    await db.exec('ANALYZE w_agg');
    return count('m_agg');
  });

  // --- contacts and their contact inboxes -------------------------------------------------------
  await timed('contacts', async () => {
    await db.exec(`CREATE TEMP TABLE k_agg AS
      SELECT c.contact_id, min(c.created_at) AS first_at, max(a.last_at) AS last_at
        FROM c_stage c JOIN m_agg a ON a.id = c.id GROUP BY c.contact_id`);
    await db.exec('ANALYZE k_agg');
    const first = `CASE WHEN x.pt THEN ${pick(V.FIRST_NAMES_PT, r('x.id', 103))} ELSE ${pick(V.FIRST_NAMES_EN, r('x.id', 103))} END`;
    const last = `CASE WHEN x.pt THEN ${pick(V.LAST_NAMES_PT, r('x.id', 104))} ELSE ${pick(V.LAST_NAMES_EN, r('x.id', 104))} END`;
    const slug = (/** @type {string} */ s) => `regexp_replace(rh_fold(${s}), '[^a-z0-9]', '', 'g')`;
    await db.exec(`INSERT INTO contacts (id, account_id, name, email, phone_number, identifier, contact_type, additional_attributes,
                     custom_attributes, labels, last_activity_at, created_at, updated_at)
      SELECT x.id, x.account_id, y.first || ' ' || y.last,
             CASE WHEN NOT x.visitor AND ${r('x.id', 106)} < 0.92
                  THEN ${slug('y.first')} || '.' || ${slug('y.last')} || x.j || '@' || ${pick(V.COMPANY_DOMAINS, r('x.id', 107), 1.6)} END,
             CASE WHEN NOT x.visitor AND ${r('x.id', 108)} < 0.75 THEN
                    CASE WHEN x.pt THEN '+55' || ${pick(V.DDD, r('x.id', 109), 1.8)} || '9' || lpad(((x.j::bigint * 7919) % 100000000)::text, 8, '0')
                         ELSE '+1' || ${pick(V.AREA_CODES, r('x.id', 109))} || (2 + x.j % 8)::text || lpad(((x.j::bigint * 7919) % 1000000)::text, 6, '0') END END,
             CASE WHEN NOT x.visitor AND ${r('x.id', 110)} < 0.45 THEN 'CRM-' || (100000 + x.j) END,
             CASE WHEN x.visitor THEN 'visitor' WHEN ${r('x.id', 105)} < 0.62 THEN 'customer' ELSE 'lead' END,
             jsonb_build_object('city', CASE WHEN x.pt THEN ${pick(V.CITIES_PT, r('x.id', 111), 2)} ELSE ${pick(V.CITIES_EN, r('x.id', 111), 2)} END,
                                'country', CASE WHEN x.pt THEN 'Brasil' ELSE 'United States' END,
                                'country_code', CASE WHEN x.pt THEN 'BR' ELSE 'US' END)
               || CASE WHEN ${r('x.id', 112)} < 0.25 THEN jsonb_build_object('company_name',
                    ${pick(['Padaria Pão Quente', 'Mercadinho São José', 'Acme Corp', 'Construtora Horizonte', 'Café & Companhia', 'Tech Solutions', 'Farmácia Saúde', 'Auto Peças Irmãos'], r('x.id', 113))})
                  ELSE '{}'::jsonb END,
             CASE WHEN ${r('x.id', 114)} < 0.3 THEN jsonb_build_object('plano', ${pick(['básico', 'pro', 'empresarial'], r('x.id', 115), 1.5)},
                                                                      'cliente_desde', 2015 + floor(10 * ${r('x.id', 116)})::int)
                  ELSE '{}'::jsonb END,
             CASE WHEN ${r('x.id', 117)} < 0.15 THEN ARRAY[${pick(['vip', 'b2b', 'lead', 'churn-risk', 'elogio', 'reclamacao'], r('x.id', 118), 1.5)}]
                  ELSE '{}'::text[] END,
             coalesce(k.last_at, x.created_at), x.created_at, coalesce(k.last_at, x.created_at)
        FROM (
          SELECT s.*, coalesce(k0.first_at - ${r('s.id', 119)} * interval '3 days',
                               ${REF} - ${r('s.id', 119)} * interval '730 days') AS created_at
            FROM (SELECT a.account_id, a.contact_base + j AS id, j, ${contactPt('a.contact_base + j')} AS pt,
                         ${r('a.contact_base + j', 105)} >= 0.85 AS visitor
                    FROM g_accounts a, generate_series(1, a.contact_count) j) s
            LEFT JOIN k_agg k0 ON k0.contact_id = s.id
        ) x
        LEFT JOIN k_agg k ON k.contact_id = x.id
        CROSS JOIN LATERAL (SELECT ${first} AS first, ${last} AS last OFFSET 0) y
       ORDER BY x.id`);
    return count('contacts');
  });

  await timed('contact_inboxes', async () => {
    await db.exec(`INSERT INTO contact_inboxes (id, account_id, contact_id, inbox_id, source_id, pubsub_token, created_at, updated_at)
      SELECT k.id, k.account_id, k.id, ${homeInbox('k.id')},
             md5('source:${seed}:' || k.id)::uuid::text, substr(md5('pubsub:${seed}:' || k.id), 1, 24), k.created_at, k.created_at
        FROM contacts k JOIN g_accounts a ON a.account_id = k.account_id ORDER BY k.id`);
    return count('contact_inboxes');
  });

  // --- conversations ---------------------------------------------------------------------------
  const labelIdx = (salt = 15) => `floor(30 * power(${r('c.id', salt)}, 1.7::float8))::int`;
  await timed('conversations', async () => {
    await db.exec(`INSERT INTO conversations (id, account_id, display_id, uuid, inbox_id, contact_id, contact_inbox_id, assignee_id, team_id,
                     status, priority, snoozed_until, muted, labels, additional_attributes, custom_attributes, last_activity_at,
                     first_reply_created_at, waiting_since, contact_last_seen_at, agent_last_seen_at, assignee_last_seen_at,
                     unread_count, last_message, created_at, updated_at)
      SELECT c.id, c.account_id, c.display_id, md5('conversation:${seed}:' || c.id)::uuid, c.inbox_id, c.contact_id, c.contact_id,
             c.assignee_id, c.team_id, c.status,
             CASE WHEN ${r('c.id', 13)} < 0.70 THEN NULL WHEN ${r('c.id', 13)} < 0.78 THEN 1 WHEN ${r('c.id', 13)} < 0.90 THEN 2
                  WHEN ${r('c.id', 13)} < 0.97 THEN 3 ELSE 4 END,
             CASE WHEN c.status = 'snoozed' AND ${r('c.id', 18)} < 0.7 THEN ${REF} + (1 + 13 * ${r('c.id', 19)}) * interval '1 day' END,
             ${r('c.id', 21)} < 0.01,
             CASE WHEN ${r('c.id', 14)} < 0.50 THEN '{}'::text[]
                  WHEN ${r('c.id', 14)} < 0.85 THEN ARRAY[(${arr(V.LABELS)})[1 + l.a]]
                  WHEN ${r('c.id', 14)} < 0.97 THEN ARRAY[(${arr(V.LABELS)})[1 + l.a], (${arr(V.LABELS)})[1 + l.b]]
                  ELSE ARRAY[(${arr(V.LABELS)})[1 + l.a], (${arr(V.LABELS)})[1 + l.b], (${arr(V.LABELS)})[1 + l.c]] END,
             CASE WHEN c.web THEN jsonb_build_object(
                    'browser', jsonb_build_object('browser_name', ${pick(['Chrome', 'Safari', 'Firefox', 'Edge', 'Samsung Internet'], r('c.id', 22), 1.5)},
                                                  'platform_name', ${pick(['Android', 'Windows', 'iOS', 'macOS', 'Linux'], r('c.id', 23), 1.5)}),
                    'referer', 'https://loja' || c.inbox_id || '.exemplo.com.br/' || ${pick(['', 'produtos', 'carrinho', 'checkout', 'ajuda', 'minha-conta'], r('c.id', 24))},
                    'initiated_at', jsonb_build_object('timestamp', c.created_at::text))
                  ELSE '{}'::jsonb END,
             CASE WHEN ${r('c.id', 25)} < 0.2 THEN jsonb_build_object('order_id', 100000 + (c.id * 7919) % 900000) ELSE '{}'::jsonb END,
             a.last_at, a.first_reply_at, w.waiting_since, coalesce(a.last_in_at, a.last_at), c.agent_seen,
             CASE WHEN c.assignee_id IS NOT NULL THEN c.agent_seen END,
             a.unread,
             -- The newest public non-activity message as the API presents it (messages/presenter.ts, without \`conversation\`).
             jsonb_build_object('id', lm.id, 'content', lm.content, 'account_id', lm.account_id, 'inbox_id', lm.inbox_id,
               'conversation_id', c.display_id, 'message_type', lm.message_type, 'content_type', lm.content_type,
               'content_attributes', lm.content_attributes, 'additional_attributes', lm.additional_attributes,
               'external_source_ids', lm.external_source_ids, 'processed_message_content', lm.content, 'sentiment', '{}'::jsonb,
               'private', lm.private, 'status', lm.status, 'source_id', lm.source_id,
               'sender_type', CASE lm.sender_type WHEN 'user' THEN 'User' WHEN 'contact' THEN 'Contact' END, 'sender_id', lm.sender_id,
               'sender', CASE lm.sender_type
                 WHEN 'contact' THEN jsonb_build_object('id', k.id, 'name', k.name, 'email', k.email, 'phone_number', k.phone_number,
                   'identifier', k.identifier, 'thumbnail', '', 'blocked', k.blocked, 'additional_attributes', k.additional_attributes,
                   'custom_attributes', k.custom_attributes, 'last_activity_at', extract(epoch FROM k.last_activity_at)::bigint,
                   'created_at', extract(epoch FROM k.created_at)::bigint, 'availability_status', 'offline', 'type', 'contact')
                 WHEN 'user' THEN jsonb_build_object('id', u.id, 'name', u.name, 'available_name', coalesce(nullif(trim(u.display_name), ''), u.name),
                   'avatar_url', '', 'thumbnail', '', 'availability_status', 'offline', 'type', 'user') END,
               'reactions', lm.reactions, 'attachments', '[]'::jsonb,
               'created_at', extract(epoch FROM lm.created_at)::bigint, 'updated_at', extract(epoch FROM lm.updated_at)::bigint),
             c.created_at, a.touched_at
        FROM c_stage c
        JOIN m_agg a ON a.id = c.id
        JOIN messages lm ON lm.id = a.last_id
        JOIN contacts k ON k.id = c.contact_id
        LEFT JOIN users u ON u.id = lm.sender_id AND lm.sender_type = 'user'
        LEFT JOIN w_agg w ON w.id = c.id
        CROSS JOIN LATERAL (SELECT ${labelIdx()} AS a, (${labelIdx()} + 1 + floor(14 * ${r('c.id', 16)})::int) % 30 AS b,
                                   (${labelIdx()} + 15 + floor(14 * ${r('c.id', 17)})::int) % 30 AS c) l
       ORDER BY c.id`);
    return count('conversations');
  });

  await timed('conversation_participants', async () => {
    // The app makes the assignee and every agent who replies a participant.
    await db.exec(`INSERT INTO conversation_participants (account_id, conversation_id, user_id, created_at)
      SELECT c.account_id, c.id, c.replier_id, c.created_at FROM c_stage c
       WHERE NOT c.noreply OR c.assignee_id IS NOT NULL ORDER BY c.id`);
    return count('conversation_participants');
  });

  await timed('account_sequences', async () => {
    await db.exec(`INSERT INTO account_sequences (account_id, last_conversation_display_id) SELECT account_id, conv_count FROM g_accounts`);
    return accounts.length;
  });

  await timed(`recreate ${indexes.length} indexes`, async () => {
    for (const i of indexes) {
      const t0 = performance.now();
      await db.exec(String(i.def));
      console.log(`      ${String(i.name).padEnd(42)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(7)} s`);
    }
  });
  await timed(`add and validate ${foreignKeys.length} foreign keys`, async () => {
    for (const k of foreignKeys) await db.exec(`ALTER TABLE public."${k.tbl}" ADD CONSTRAINT "${k.name}" ${k.def}`);
  });

  await timed('move identity sequences past explicit ids', async () => {
    for (const table of ['accounts', 'users', 'inboxes', 'teams', ...BIG_TABLES]) {
      await db.query(
        `SELECT setval(pg_get_serial_sequence($1, 'id'), greatest(1, (SELECT coalesce(max(id), 0) FROM ${table})))`,
        [`public.${table}`],
      );
    }
  });

  await timed('commit', async () => {
    await db.exec('COMMIT');
  });
} catch (error) {
  await db.exec('ROLLBACK').catch(() => {});
  await db.close();
  throw error;
}

await timed('vacuum analyze', async () => {
  await db.exec('VACUUM (ANALYZE)');
});

// --- report -------------------------------------------------------------------------------------
const tables = ['accounts', 'users', 'account_users', 'access_tokens', 'inboxes', 'inbox_members', 'teams', 'team_members', 'labels', 'contacts', 'contact_inboxes', 'conversations', 'conversation_participants', 'messages'];
console.log('\nrows and sizes:');
for (const table of tables) {
  const [row] = await db.query(`SELECT count(*)::bigint AS n, pg_total_relation_size($1) AS bytes FROM ${table}`, [`public.${table}`]);
  console.log(`  ${table.padEnd(16)} ${String(row?.n).padStart(10)}  ${(Number(row?.bytes ?? 0) / 2 ** 20).toFixed(0).padStart(7)} MB`);
}
const [size] = await db.query('SELECT pg_database_size(current_database()) AS bytes');
const [dist] = await db.query(
  `SELECT count(*) FILTER (WHERE status = 'open')::int AS open, count(*) FILTER (WHERE status = 'pending')::int AS pending,
          count(*) FILTER (WHERE status = 'snoozed')::int AS snoozed, count(*) FILTER (WHERE status = 'resolved')::int AS resolved,
          count(*) FILTER (WHERE status = 'open' AND assignee_id IS NULL)::int AS open_unassigned,
          count(*) FILTER (WHERE first_reply_created_at IS NULL)::int AS unattended,
          count(*) FILTER (WHERE waiting_since IS NOT NULL)::int AS waiting
     FROM conversations WHERE account_id = 1`,
);
console.log(`  database size    ${(Number(size?.bytes ?? 0) / 2 ** 30).toFixed(2)} GiB`);
console.log(`\nlarge account #1 "${accounts[0]?.name}": ${JSON.stringify(dist)}`);
const total = (performance.now() - started) / 1000;
console.log(`total ${total.toFixed(1)} s (${(total / 60).toFixed(1)} min)`);

const [admin] = await db.query(`SELECT t.token FROM access_tokens t WHERE t.owner_type = 'user' AND t.owner_id = 1`);
const agentTokens = await db.query(
  `SELECT u.email, t.token FROM access_tokens t JOIN users u ON u.id = t.owner_id WHERE t.owner_type = 'user' AND u.id > 1 ORDER BY u.id LIMIT 3`,
);
await db.close();

console.log('\ncredentials (every user\'s password is the same):');
console.log(`  administrator ${ADMIN_EMAIL} / ${PASSWORD}, api_access_token ${admin?.token}`);
for (const a of agentTokens) console.log(`  agent ${a.email} / ${PASSWORD}, api_access_token ${a.token}`);
console.log(`  large account id 1; agents agent001..agent${String(USER_COUNT - 1).padStart(3, '0')}@bench.rockethub.test`);
