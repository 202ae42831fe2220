// Auto-assignment: how long from a conversation's creation to its assignment, through the built app.
//
//   node bench/auto-assignment.mjs [--database-url postgres://postgres@127.0.0.1:5432/rockethub_bench_assign]
//        [--redis-url redis://127.0.0.1:6379] [--agents 20] [--capacity 120] [--conversations 2000] [--concurrency 4]
//
// A fresh database each run: an account (signed up through the API), --agents agents invited and set
// "online" with auto-offline off (so they count as online without a socket), an API inbox with all
// of them as members, auto-assignment on and a capacity per agent. Then --conversations conversations
// are created through `POST /conversations` (--concurrency requests at a time) and the script waits
// until every one is assigned.
//
// What is measured:
//   - the decision time: the node times each call of the assigner (`autoAssign`: peek, lock the
//     inbox and the conversation, candidates, presence, choice, assignment, commit) and logs it at
//     debug level ("auto-assignment decision"); this script runs the node with LOG_LEVEL=debug and
//     reads those lines;
//   - created → assigned (from the database afterwards): the auto-assignment activity message's time (the start of the assigning
//     transaction) minus the conversation's creation time (the start of its transaction). It holds the
//     outbox delivery to the handler plus the decision itself (locks, candidates, presence, choice) —
//     an upper bound of the decision time; the wall time of the whole run is given beside it.
//   - fairness: conversations per agent (round-robin: max − min should be ≤ 1 when all are free).
import pg from 'pg';
import { appEnv, commandLine, describeTarget, freshDatabase, parseOptions, redisEnv } from './db.mjs';
import { machine, startNode } from './lib.mjs';
import { header, line, load, saveResults, summarize } from './measure.mjs';

const options = parseOptions(process.argv.slice(2));
const databaseUrl = options['database-url'] ?? 'postgres://postgres@127.0.0.1:5432/rockethub_bench_assign';
const AGENTS = Number(options.agents ?? 20);
const CAPACITY = Number(options.capacity ?? 120);
const CONVERSATIONS = Number(options.conversations ?? 2000);
const CONCURRENCY = Number(options.concurrency ?? 4);
const EMAIL = 'admin@assign-bench.rockethub.test';
const PASSWORD = 'Bench-password-1';

console.log(`machine: ${machine()}`);
console.log(`command: ${commandLine()}`);
console.log(`database: ${describeTarget({ databaseUrl })}${options['redis-url'] ? ' + Redis' : ''}`);

// A fresh database each run.
await freshDatabase(databaseUrl);

/** @type {Record<string, string>} */
const env = { ...appEnv({ databaseUrl }), ...redisEnv(options) };
/** Decision times the node logs (`auto-assignment decision`, debug level), by outcome. */
/** @type {Map<string, number[]>} */
const decisions = new Map();
const node = await startNode({ ...env, LOG_LEVEL: 'debug' }, {
  onStdout: (text) => {
    if (!text.includes('auto-assignment decision')) return;
    try {
      const entry = JSON.parse(text);
      decisions.set(entry.outcome, [...(decisions.get(entry.outcome) ?? []), Number(entry.decisionMs)]);
    } catch {
      // not a JSON log line
    }
  },
});
const json = { 'content-type': 'application/json' };
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
try {
  const signUp = await fetch(`${node.url}/api/v1/accounts`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ account_name: 'Atribuição Bench', user_full_name: 'Administradora Bench', email: EMAIL, password: PASSWORD }),
  });
  if (signUp.status !== 200) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const signIn = await fetch(`${node.url}/auth/sign_in`, { method: 'POST', headers: json, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  const session = /** @type {{ data: { access_token: string, account_id: number } }} */ (await signIn.json());
  const accountId = session.data.account_id;
  const headers = { api_access_token: session.data.access_token, ...json };
  const api = `${node.url}/api/v1/accounts/${accountId}`;
  /** @param {string} method @param {string} path @param {unknown} [body] */
  const call = async (method, path, body) => {
    const res = await fetch(`${api}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };

  /** @type {number[]} */
  const agentIds = [];
  for (let i = 1; i <= AGENTS; i++) {
    const agent = await call('POST', '/agents', { name: `Agente ${i}`, email: `agente${i}@assign-bench.rockethub.test`, role: 'agent', availability_status: 'online', auto_offline: false });
    agentIds.push(agent.id);
  }
  const inbox = await call('POST', '/inboxes', { name: 'Atendimento (API)', channel: { type: 'api' } });
  await call('POST', '/inbox_members', { inbox_id: inbox.id, user_ids: agentIds });
  await call('PATCH', `/inboxes/${inbox.id}`, { enable_auto_assignment: true, auto_assignment_config: { max_assignment_limit: CAPACITY } });
  // Contacts, one per conversation, written in SQL (not what is measured).
  const contactIds = (
    await db.query(
      `INSERT INTO contacts (account_id, name, email) SELECT $1, 'Cliente ' || j, 'cliente' || j || '@assign-bench.test'
         FROM generate_series(1, $2::int) j RETURNING id`,
      [accountId, CONVERSATIONS],
    )
  ).rows.map((r) => Number(r.id));

  console.log(`${AGENTS} agents online (auto-offline off), capacity ${CAPACITY} each; ${CONVERSATIONS} conversations, ${CONCURRENCY} requests at a time`);
  console.log(`load average ${load()}`);
  const loadBefore = load();
  const started = performance.now();
  /** @type {number[]} */
  const createMs = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < contactIds.length) {
        const contactId = contactIds[next++];
        const t0 = performance.now();
        await call('POST', '/conversations', { inbox_id: inbox.id, contact_id: contactId });
        createMs.push(performance.now() - t0);
      }
    }),
  );
  const createdAllMs = performance.now() - started;
  for (;;) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM conversations WHERE account_id = $1 AND assignee_id IS NULL`, [accountId]);
    if (rows[0].n === 0) break;
    if (performance.now() - started > 600_000) throw new Error(`${rows[0].n} conversations still unassigned after 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const assignedAllMs = performance.now() - started;

  const { rows: latencies } = await db.query(
    `SELECT extract(epoch FROM (m.first_at - c.created_at)) * 1000 AS ms
       FROM conversations c
       JOIN LATERAL (SELECT min(created_at) AS first_at FROM messages m
                      WHERE m.conversation_id = c.id AND m.message_type = 2 AND (m.content LIKE '%atribuição automática' OR m.content LIKE '%by auto-assignment')) m ON true
      WHERE c.account_id = $1`,
    [accountId],
  );
  const { rows: spread } = await db.query(
    `SELECT assignee_id, count(*)::int AS n FROM conversations WHERE account_id = $1 GROUP BY assignee_id ORDER BY n`,
    [accountId],
  );
  const values = latencies.map((r) => Number(r.ms)).filter((v) => Number.isFinite(v));
  const perAgent = spread.map((r) => Number(r.n));
  const WIDTH = 56;
  console.log(header('per conversation', WIDTH));
  console.log(line('POST /conversations (HTTP, as seen by this script)', summarize(createMs), WIDTH));
  for (const [outcome, times] of decisions) console.log(line(`assignment decision, outcome ${outcome} (node's log)`, summarize(times), WIDTH));
  console.log(line('created → assigned (from the database)', summarize(values), WIDTH));
  console.log(`\nall ${CONVERSATIONS} created after ${(createdAllMs / 1000).toFixed(2)} s, all assigned after ${(assignedAllMs / 1000).toFixed(2)} s`);
  console.log(`  → ${(assignedAllMs / CONVERSATIONS).toFixed(1)} ms of wall time per conversation (create + assign), ${((CONVERSATIONS / assignedAllMs) * 1000).toFixed(0)} assignments/s`);
  console.log(`conversations per agent: min ${Math.min(...perAgent)}, max ${Math.max(...perAgent)} (${values.length} with the activity line)`);
  console.log(`load average before / after: ${loadBefore} / ${load()}`);
  const results = {
    machine: machine(),
    command: commandLine(),
    agents: AGENTS,
    capacity: CAPACITY,
    conversations: CONVERSATIONS,
    concurrency: CONCURRENCY,
    create: summarize(createMs),
    createdToAssigned: summarize(values),
    decisions: Object.fromEntries([...decisions].map(([outcome, times]) => [outcome, summarize(times)])),
    createdAllMs,
    assignedAllMs,
    perAgent: { min: Math.min(...perAgent), max: Math.max(...perAgent) },
  };
  console.log(`results: ${saveResults('auto-assignment', results)}`);
} finally {
  await db.end();
  await node.stop();
}
