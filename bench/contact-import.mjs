// CSV contact import, rows per second from the upload to the background job's end, through the
// built app: the real upload API (`POST /contacts/import`, multipart) and the queued job.
//
//   node bench/contact-import.mjs [--database-url postgres://postgres@127.0.0.1:5432/rockethub_bench_import]
//        [--redis-url redis://127.0.0.1:6379] [--rows 100000] [--existing 30000]
//
// Services mode (the issue's goal, ≥ 5,000 rows/s) is PostgreSQL + Redis; without --redis-url the node
// runs on PostgreSQL alone. The database is recreated each run (dropped if it exists). Before the
// import, `--existing` contacts are created directly in SQL; the file then holds, in a shuffled order:
//   - 60 % new contacts (email, phone, identifier, name, company, city),
//   - 30 % rows matching an existing contact (a third each by identifier, by email, by phone),
//   - 10 % invalid rows (bad email, bad phone, no email/phone/identifier).
import pg from 'pg';
import { appEnv, commandLine, describeTarget, freshDatabase, parseOptions, redisEnv } from './db.mjs';
import { machine, startNode } from './lib.mjs';
import { load, saveResults, seededRandom, shuffle } from './measure.mjs';
import * as V from './vocabulary.mjs';

const options = parseOptions(process.argv.slice(2));
const databaseUrl = options['database-url'] ?? 'postgres://postgres@127.0.0.1:5432/rockethub_bench_import';
const ROWS = Number(options.rows ?? 100_000);
const EXISTING = Number(options.existing ?? 30_000);
const GOAL = 5000;
const EMAIL = 'admin@import-bench.rockethub.test';
const PASSWORD = 'Bench-password-1';
const random = seededRandom(5);

console.log(`machine: ${machine()}`);
console.log(`command: ${commandLine()}`);
console.log(`database: ${describeTarget({ databaseUrl })}${options['redis-url'] ? ' + Redis' : ''}`);

// A fresh database each run.
await freshDatabase(databaseUrl);

/** @type {Record<string, string>} */
const env = { ...appEnv({ databaseUrl }), ...redisEnv(options) };
const node = await startNode(env);
const json = { 'content-type': 'application/json' };
try {
  const signUp = await fetch(`${node.url}/api/v1/accounts`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ account_name: 'Importação Bench', user_full_name: 'Administradora Bench', email: EMAIL, password: PASSWORD }),
  });
  if (signUp.status !== 200) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const signIn = await fetch(`${node.url}/auth/sign_in`, { method: 'POST', headers: json, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  const session = /** @type {{ data: { access_token: string, account_id: number } }} */ (await signIn.json());
  const accountId = session.data.account_id;
  const headers = { api_access_token: session.data.access_token };
  const api = `${node.url}/api/v1/accounts/${accountId}`;

  /** @template T @param {readonly T[]} list @returns {T} */
  const choose = (list) => /** @type {T} */ (list[Math.floor(random() * list.length)]);
  const person = (/** @type {number} */ i) => {
    const pt = random() < 0.8;
    const first = choose(pt ? V.FIRST_NAMES_PT : V.FIRST_NAMES_EN);
    const last = choose(pt ? V.LAST_NAMES_PT : V.LAST_NAMES_EN);
    const slug = (/** @type {string} */ s) => s.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase();
    return {
      name: `${first} ${last}`,
      email: `${slug(first)}.${slug(last)}${i}@${choose(V.COMPANY_DOMAINS)}`,
      phone: pt ? `+55${choose(V.DDD)}9${String((i * 7919) % 100_000_000).padStart(8, '0')}` : `+1${choose(V.AREA_CODES)}${String((i * 7919) % 10_000_000).padStart(7, '0')}`,
      identifier: `CRM-${1_000_000 + i}`,
      city: choose(pt ? V.CITIES_PT : V.CITIES_EN),
      company: random() < 0.3 ? choose(['Acme Corp', 'Padaria Pão Quente', 'Tech Solutions', 'Globex']) : '',
    };
  };

  // Existing contacts: people 1..EXISTING, written straight into the database.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const existing = Array.from({ length: EXISTING }, (_, k) => person(k + 1));
  for (let k = 0; k < existing.length; k += 5000) {
    const chunk = existing.slice(k, k + 5000);
    await db.query(
      `INSERT INTO contacts (account_id, name, email, phone_number, identifier)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[])`,
      [accountId, chunk.map((p) => p.name), chunk.map((p) => p.email), chunk.map((p) => p.phone), chunk.map((p) => p.identifier)],
    );
  }

  // The file.
  /** @type {string[][]} */
  const rows = [];
  const matching = Math.round(ROWS * 0.3);
  const invalid = Math.round(ROWS * 0.1);
  for (let k = 0; k < matching; k++) {
    const p = /** @type {ReturnType<typeof person>} */ (existing[k % existing.length]);
    const by = k % 3;
    // Matched by one key only (the others left empty), with a changed city and company.
    rows.push([p.name, by === 1 ? p.email : '', by === 2 ? p.phone : '', by === 0 ? p.identifier : '', 'Acme Corp', choose(V.CITIES_PT)]);
  }
  for (let k = 0; k < invalid; k++) {
    const p = person(EXISTING + ROWS + k + 1);
    const kind = k % 3;
    if (kind === 0) rows.push([p.name, 'not-an-email', '', '', '', p.city]);
    else if (kind === 1) rows.push([p.name, '', '12', '', '', p.city]);
    else rows.push([p.name, '', '', '', p.company, p.city]);
  }
  for (let k = rows.length; k < ROWS; k++) {
    const p = person(EXISTING + k + 1);
    rows.push([p.name, p.email, p.phone, p.identifier, p.company, p.city]);
  }
  const quote = (/** @type {string} */ v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const csv = ['name,email,phone_number,identifier,company_name,city', ...shuffle(rows, random).map((r) => r.map(quote).join(','))].join('\n');
  console.log(`file: ${ROWS} rows (${matching} matching existing contacts, ${invalid} invalid), ${(csv.length / 2 ** 20).toFixed(1)} MiB; ${EXISTING} contacts before`);
  console.log(`load average ${load()}`);
  const loadBefore = load();

  const form = new FormData();
  form.set('import_file', new Blob([csv], { type: 'text/csv' }), 'contatos.csv');
  const started = performance.now();
  const upload = await fetch(`${api}/contacts/import`, { method: 'POST', headers, body: form });
  const uploadMs = performance.now() - started;
  if (upload.status !== 200) throw new Error(`upload answered ${upload.status}: ${await upload.text()}`);
  const imp = /** @type {{ id: number }} */ (await upload.json());
  /** @type {any} */
  let state;
  let firstProgressMs = 0;
  for (;;) {
    const res = await fetch(`${api}/contacts/imports/${imp.id}`, { headers });
    state = await res.json();
    if (!firstProgressMs && state.processed_rows > 0) firstProgressMs = performance.now() - started;
    if (state.status === 'completed' || state.status === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const totalMs = performance.now() - started;
  await db.end();
  const rate = ROWS / (totalMs / 1000);
  console.log(`\nstatus ${state.status}: ${state.created_count} created, ${state.updated_count} updated, ${state.rejected_count} rejected${state.error ? ` (${state.error})` : ''}`);
  console.log(`upload answered in ${uploadMs.toFixed(0)} ms; first batch committed after ${firstProgressMs.toFixed(0)} ms; finished after ${(totalMs / 1000).toFixed(2)} s`);
  console.log(`rows per second (upload to finished): ${rate.toFixed(0)}   goal ≥ ${GOAL}`);
  console.log(`load average before / after: ${loadBefore} / ${load()}`);
  const results = { machine: machine(), command: commandLine(), rows: ROWS, existing: EXISTING, redis: !!options['redis-url'], uploadMs, totalMs, rowsPerSecond: rate, final: state };
  console.log(`results: ${saveResults('contact-import', results)}`);
} finally {
  await node.stop();
}
