// Contact list, search and filter at 500k contacts, through the built app over HTTP.
//
//   node bench/contacts.mjs [--database-url postgres://postgres@127.0.0.1:5432/rockethub_bench_contacts]
//        [--contacts 500000] [--repeat 30] [--warmup 3] [--regenerate] [--redis-url redis://127.0.0.1:6379]
//
// The database is the benchmark's own: created, migrated (`rockethub migrate`), given one account
// (signed up through the API) and then N contacts written with one INSERT ... SELECT over
// generate_series (the contacts table's secondary indexes are dropped first and rebuilt after, as a
// bulk load would). A database that already holds the account and N contacts is reused.
//
// Measured, one client, sequential requests in a shuffled order each round:
//   - GET /contacts, first page, default order and each of the 7 sorts (both directions)
//   - GET /contacts/search?q= for a name prefix, an email, a phone number, an identifier, a common
//     term and a rare term
//   - POST /contacts/filter with typical filters
import { appEnv, commandLine, describeTarget, ensureDatabase, migrate, openDb, parseOptions, redisEnv } from './db.mjs';
import { machine, startNode } from './lib.mjs';
import { header, line, load, saveResults, seededRandom, shuffle, summarize } from './measure.mjs';
import * as V from './vocabulary.mjs';

const options = parseOptions(process.argv.slice(2));
const target = { databaseUrl: options['database-url'] ?? 'postgres://postgres@127.0.0.1:5432/rockethub_bench_contacts' };
const CONTACTS = Number(options.contacts ?? 500_000);
const REPEAT = Number(options.repeat ?? 30);
const WARMUP = Number(options.warmup ?? 3);
const GOAL_P95_MS = 30;
const EMAIL = 'admin@contacts-bench.rockethub.test';
const PASSWORD = 'Bench-password-1';
const random = seededRandom(11);

// --- the dataset -----------------------------------------------------------------------------------

/** @param {string} s */
const q = (s) => `'${s.replace(/'/g, "''")}'`;
/** @param {readonly string[]} list */
const arr = (list) => `ARRAY[${list.map(q).join(',')}]::text[]`;
/** An element of a constant list (skew > 1 favours the first entries). @param {readonly string[]} list @param {string} r @param {number} [skew] */
const pick = (list, r, skew = 1) => `(${arr(list)})[1 + floor(${skew === 1 ? r : `power(${r}, ${skew}::float8)`} * ${list.length})::int]`;
const COMPANIES = [
  'Padaria Pão Quente', 'Mercadinho São José', 'Acme Corp', 'Construtora Horizonte', 'Café & Companhia', 'Tech Solutions',
  'Farmácia Saúde', 'Auto Peças Irmãos', 'Livraria Cultura Viva', 'Globex', 'Initech', 'Ótica Visão Clara', 'Pet Shop Amigo Fiel',
];

console.log(`machine: ${machine()}`);
console.log(`command: ${commandLine()}`);
console.log(`database: ${describeTarget(target)}`);

if (await ensureDatabase(target.databaseUrl)) console.log('  created the database');
migrate(target);
let db = await openDb(target);
let [account] = await db.query(
  `SELECT a.id::int AS id FROM accounts a JOIN account_users au ON au.account_id = a.id JOIN users u ON u.id = au.user_id WHERE u.email = $1`,
  [EMAIL],
);
await db.close();

/** @type {Record<string, string>} */
const env = { ...appEnv(target), ...redisEnv(options) };
let node = await startNode(env);
const json = { 'content-type': 'application/json' };
if (!account) {
  const res = await fetch(`${node.url}/api/v1/accounts`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ account_name: 'Contatos Bench', user_full_name: 'Administradora Bench', email: EMAIL, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
}
const signIn = await fetch(`${node.url}/auth/sign_in`, { method: 'POST', headers: json, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
const session = /** @type {{ data: { access_token: string, account_id: number } }} */ (await signIn.json());
const accountId = session.data.account_id;
const headers = { api_access_token: session.data.access_token };

db = await openDb(target);
const [existing] = await db.query('SELECT count(*)::int AS n FROM contacts WHERE account_id = $1', [accountId]);
if (Number(existing?.n) !== CONTACTS || options.regenerate === 'true') {
  await node.stop();
  const started = performance.now();
  console.log(`generating ${CONTACTS} contacts...`);
  await db.exec('BEGIN');
  await db.query('DELETE FROM contacts WHERE account_id = $1', [accountId]);
  const indexes = await db.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.tablename = 'contacts' AND i.schemaname = current_schema()
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const index of indexes) await db.exec(`DROP INDEX ${String(index.indexname)}`);
  await db.exec('SELECT setseed(0.2026)');
  const first = `CASE WHEN x.pt THEN ${pick(V.FIRST_NAMES_PT, 'x.r1')} ELSE ${pick(V.FIRST_NAMES_EN, 'x.r1')} END`;
  const last = `CASE WHEN x.pt THEN ${pick(V.LAST_NAMES_PT, 'x.r2', 1.4)} ELSE ${pick(V.LAST_NAMES_EN, 'x.r2', 1.4)} END`;
  const slug = (/** @type {string} */ s) => `regexp_replace(rh_fold(${s}), '[^a-z0-9]', '', 'g')`;
  await db.query(
    `INSERT INTO contacts (account_id, name, email, phone_number, identifier, contact_type, additional_attributes, custom_attributes,
                           labels, last_activity_at, created_at, updated_at)
     SELECT $1, y.first || ' ' || y.last,
            CASE WHEN x.r3 < 0.9 THEN ${slug('y.first')} || '.' || ${slug('y.last')} || x.j || '@' || ${pick(V.COMPANY_DOMAINS, 'x.r4', 1.6)} END,
            CASE WHEN x.r5 < 0.75 OR x.r3 >= 0.9 THEN
                   CASE WHEN x.pt THEN '+55' || ${pick(V.DDD, 'x.r6', 1.8)} || '9' || lpad(((x.j::bigint * 7919) % 100000000)::text, 8, '0')
                        ELSE '+1' || ${pick(V.AREA_CODES, 'x.r6')} || lpad(((x.j::bigint * 7919) % 10000000)::text, 7, '0') END END,
            CASE WHEN x.r7 < 0.45 THEN 'CRM-' || (100000 + x.j) END,
            CASE WHEN x.r8 < 0.62 THEN 'customer' ELSE 'lead' END,
            jsonb_build_object('city', CASE WHEN x.pt THEN ${pick(V.CITIES_PT, 'x.r9', 2)} ELSE ${pick(V.CITIES_EN, 'x.r9', 2)} END,
                               'country', CASE WHEN x.pt THEN 'Brasil' ELSE 'United States' END,
                               'country_code', CASE WHEN x.pt THEN 'BR' ELSE 'US' END)
              || CASE WHEN x.r10 < 0.3 THEN jsonb_build_object('company_name', ${pick(COMPANIES, 'x.r11', 1.5)}) ELSE '{}'::jsonb END,
            CASE WHEN x.r12 < 0.3 THEN jsonb_build_object('plano', ${pick(['básico', 'pro', 'empresarial'], 'x.r13', 1.5)}) ELSE '{}'::jsonb END,
            CASE WHEN x.r14 < 0.15 THEN ARRAY[${pick(['vip', 'b2b', 'lead', 'churn-risk', 'elogio', 'reclamacao'], 'x.r15', 1.5)}] ELSE '{}'::text[] END,
            CASE WHEN x.r16 < 0.8 THEN now() - x.r17 * interval '365 days' END,
            now() - interval '2 years' + x.j * (interval '2 years' / $2::int), now()
       FROM (SELECT j, random() < 0.8 AS pt, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6,
                    random() AS r7, random() AS r8, random() AS r9, random() AS r10, random() AS r11, random() AS r12, random() AS r13,
                    random() AS r14, random() AS r15, random() AS r16, random() AS r17
               FROM generate_series(1, $2::int) j) x
       CROSS JOIN LATERAL (SELECT ${first} AS first, ${last} AS last OFFSET 0) y`,
    [accountId, CONTACTS],
  );
  console.log(`  rows written in ${((performance.now() - started) / 1000).toFixed(1)} s; rebuilding ${indexes.length} indexes`);
  await db.exec('SET maintenance_work_mem = \'256MB\'');
  for (const index of indexes) await db.exec(String(index.indexdef));
  await db.exec('COMMIT');
  await db.exec('VACUUM ANALYZE contacts');
  console.log(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  node = await startNode(env);
}
const [sample] = await db.query(
  `SELECT email, phone_number, identifier, name FROM contacts
    WHERE account_id = $1 AND email IS NOT NULL AND phone_number IS NOT NULL AND identifier IS NOT NULL
    ORDER BY id OFFSET 123457 % (SELECT count(*) FROM contacts WHERE account_id = $1) LIMIT 1`,
  [accountId],
);
const [sizes] = await db.query(
  `SELECT count(*)::int AS contacts, pg_size_pretty(pg_total_relation_size('contacts')) AS size FROM contacts WHERE account_id = $1`,
  [accountId],
);
await db.close();
const base = node.url;
const accountApi = `${base}/api/v1/accounts/${accountId}`;

console.log(`account #${accountId}: ${sizes?.contacts} contacts (table with indexes ${sizes?.size})`);
console.log(`repeat ${REPEAT} (after ${WARMUP} warm-up rounds), one client, sequential; load average ${load()}`);
const loadBefore = load();

// --- the cases --------------------------------------------------------------------------------------

const SORTS = ['name', 'email', 'phone_number', 'company_name', 'city', 'last_activity_at', 'created_at'];
/** @typedef {{ name: string, group: string, method: 'GET' | 'POST', url: string, body?: unknown }} Case */
/** @type {Case[]} */
const cases = [
  { name: 'list, default order (last activity)', group: 'list', method: 'GET', url: `${accountApi}/contacts` },
  ...SORTS.flatMap((sort) => [
    { name: `list sort=${sort}`, group: 'list', method: /** @type {const} */ ('GET'), url: `${accountApi}/contacts?sort=${sort}` },
    { name: `list sort=-${sort}`, group: 'list', method: /** @type {const} */ ('GET'), url: `${accountApi}/contacts?sort=-${sort}` },
  ]),
  { name: 'list page 20', group: 'list', method: 'GET', url: `${accountApi}/contacts?page=20` },
  { name: 'list labels[]=vip', group: 'list', method: 'GET', url: `${accountApi}/contacts?labels[]=vip` },
];
const SEARCHES = [
  ['name prefix "Mar"', 'Mar'],
  ['full name', String(sample?.name ?? 'Maria Silva')],
  ['email', String(sample?.email ?? 'maria')],
  ['email prefix', String(sample?.email ?? 'maria.silva').split('@')[0] ?? 'maria'],
  ['phone number', String(sample?.phone_number ?? '+5511')],
  ['phone digits (last 8)', String(sample?.phone_number ?? '+551199').slice(-8)],
  ['identifier', String(sample?.identifier ?? 'CRM-100001')],
  ['common term "silva"', 'silva'],
  ['common term "gmail"', 'gmail'],
  ['accent-folded "conceicao"', 'conceicao'],
  ['rare term "zoë"', 'zoë'],
  ['no match', 'zzyzxqw'],
];
for (const [label, term] of SEARCHES) {
  cases.push({ name: `search ${label}`, group: 'search', method: 'GET', url: `${accountApi}/contacts/search?q=${encodeURIComponent(String(term))}` });
}
/** @param {string} key @param {string} operator @param {unknown[]} values @param {string} [join] */
const cond = (key, operator, values, join = 'and') => ({ attribute_key: key, filter_operator: operator, values, query_operator: join });
const FILTERS = [
  ['city = São Paulo', [cond('city', 'equal_to', ['São Paulo'])]],
  ['city = São Paulo AND label vip', [cond('city', 'equal_to', ['São Paulo']), cond('labels', 'equal_to', ['vip'])]],
  ['name contains "souza"', [cond('name', 'contains', ['souza'])]],
  ['company present AND country BR', [cond('company', 'is_present', []), cond('country_code', 'equal_to', ['BR'])]],
  ['email contains "hotmail" OR city = Recife', [cond('email', 'contains', ['hotmail'], 'or'), cond('city', 'equal_to', ['Recife'])]],
];
for (const [label, payload] of FILTERS) {
  cases.push({ name: `filter ${label}`, group: 'filter', method: 'POST', url: `${accountApi}/contacts/filter`, body: { payload } });
}

/** @param {Case} c */
async function timed(c) {
  const started = performance.now();
  const res = await fetch(c.url, {
    method: c.method,
    headers: c.body ? { ...headers, ...json } : headers,
    ...(c.body ? { body: JSON.stringify(c.body) } : {}),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${c.method} ${c.url} answered ${res.status}: ${text.slice(0, 300)}`);
  return { ms, body: JSON.parse(text) };
}

/** @type {Map<string, number[]>} */
const times = new Map(cases.map((c) => [c.name, []]));
/** @type {Map<string, number>} */
const counts = new Map();
try {
  for (let round = 0; round < WARMUP; round++) {
    for (const c of shuffle(cases, random)) counts.set(c.name, Number((await timed(c)).body?.meta?.count));
  }
  for (let round = 0; round < REPEAT; round++) {
    for (const c of shuffle(cases, random)) times.get(c.name)?.push((await timed(c)).ms);
  }
} finally {
  await node.stop();
}

/** @type {Record<string, unknown>} */
const results = { machine: machine(), command: commandLine(), contacts: sizes?.contacts, repeat: REPEAT, goalP95Ms: GOAL_P95_MS, groups: {} };
const WIDTH = 58;
for (const group of ['list', 'search', 'filter']) {
  const inGroup = cases.filter((c) => c.group === group);
  const all = inGroup.flatMap((c) => times.get(c.name) ?? []);
  console.log(header(`${group} (meta.count shown after the name)`, WIDTH));
  console.log(line(`all ${group} requests`, summarize(all), WIDTH));
  for (const c of inGroup) console.log(line(`  ${c.name} [${counts.get(c.name)}]`.slice(0, WIDTH), summarize(times.get(c.name) ?? []), WIDTH));
  /** @type {Record<string, unknown>} */ (results.groups)[group] = {
    all: summarize(all),
    cases: Object.fromEntries(inGroup.map((c) => [c.name, { ...summarize(times.get(c.name) ?? []), count: counts.get(c.name) }])),
  };
}
const slowest = cases.map((c) => ({ name: c.name, ...summarize(times.get(c.name) ?? []) })).sort((a, b) => b.p95 - a.p95);
console.log(`\ngoal: p95 ≤ ${GOAL_P95_MS} ms for every case; over it: ${slowest.filter((c) => c.p95 > GOAL_P95_MS).map((c) => `${c.name} (${c.p95.toFixed(1)} ms)`).join(', ') || 'none'}`);
console.log(`load average before / after: ${loadBefore} / ${load()}`);
console.log(`results: ${saveResults('contacts', results)}`);
