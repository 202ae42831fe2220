// Conversation-core read paths on a generated installation (bench/generate.mjs), one client,
// sequential requests, as the administrator and as an agent (who sees only their inboxes):
//   - the conversation list for every assignee tab × status × sort order (page 1), and deeper pages
//   - /conversations/meta (the tab counts) for every status
//   - opening a conversation: GET the conversation, GET its latest page of messages, and both at once
//   - message search and contact search, with terms from very common to absent
//
//   node bench/conversations.mjs --database-url postgres://postgres@127.0.0.1:5432/rockethub_bench_s1 [--redis-url redis://127.0.0.1:6379]
//        [--repeat 20] [--warmup 2] [--only list,meta,open,search] [--url http://127.0.0.1:3000 (a node already running on that database)]
//
// Routes that the node does not serve (yet) are reported as such, not measured. A case slower than
// 1 s in warm-up is measured 3 times only (its n says so).
import { commandLine, describeTarget, loadDataset, openDb, parseOptions, redisEnv } from './db.mjs';
import { machine, startNode } from './lib.mjs';
import { header, line, load, routeExists, saveResults, seededRandom, shuffle, summarize, timedGet } from './measure.mjs';

const options = parseOptions(process.argv.slice(2));
const target = { databaseUrl: options['database-url'], dataDir: options['data-dir'] };
const REPEAT = Number(options.repeat ?? 20);
const WARMUP = Number(options.warmup ?? 2);
const SAMPLE = Number(options.sample ?? 100);
const random = seededRandom(7);
/** `--only list,meta,open,search`: run some groups only. */
const ONLY = new Set((options.only ?? 'list,meta,open,search').split(','));

const ASSIGNEE_TYPES = ['me', 'unassigned', 'all'];
const STATUSES = ['open', 'pending', 'snoozed', 'resolved', 'all'];
const SORTS = [
  'last_activity_at_desc', 'last_activity_at_asc', 'created_at_desc', 'created_at_asc',
  'priority_desc', 'priority_asc', 'waiting_since_desc', 'waiting_since_asc',
];
/** The issue's goals (services mode, scale 10), p95 in ms. */
const TARGETS = { list: 20, meta: 20, open: 15, messageSearch: 150, contactSearch: 30 };

// --- what to ask for, read from the database before the node starts ------------------------------
const db = await openDb(target);
const dataset = await loadDataset(db);
const agent = [...dataset.agents].sort((a, b) => b.openAssigned - a.openAssigned)[0];
if (!agent) throw new Error('no agent with an access token in the large account');
await db.query('SELECT setseed(0.42)');
/** @param {string} where @param {unknown[]} params */
const sampleConversations = async (where, params) =>
  (
    await db.query(
      `(SELECT display_id FROM conversations WHERE account_id = $1 AND status = 'open' ${where} ORDER BY random() LIMIT $2)
       UNION ALL
       (SELECT display_id FROM conversations WHERE account_id = $1 ${where} ORDER BY random() LIMIT $2)`,
      [dataset.accountId, SAMPLE / 2, ...params],
    )
  ).map((r) => Number(r.display_id));
const adminSample = await sampleConversations('', []);
const agentSample = await sampleConversations('AND inbox_id = ANY($3)', [agent.inboxIds]);
const [someContact] = await db.query(
  `SELECT email, phone_number, identifier FROM contacts WHERE account_id = $1 AND email IS NOT NULL AND phone_number IS NOT NULL
      AND identifier IS NOT NULL ORDER BY random() LIMIT 1`,
  [dataset.accountId],
);
const [someOrder] = await db.query(
  `SELECT substring(content FROM '\\d{6}') AS order_no FROM messages
    WHERE account_id = $1 AND content ~ '\\d{6}' AND id > (SELECT max(id) / 2 FROM messages) ORDER BY id LIMIT 1`,
  [dataset.accountId],
);
const [sizes] = await db.query(
  `SELECT (SELECT count(*) FROM conversations)::bigint AS conversations, (SELECT count(*) FROM messages)::bigint AS messages,
          (SELECT count(*) FROM contacts)::bigint AS contacts`,
);
await db.close();

const CONTACT_TERMS = [
  ['common surname', 'silva'],
  ['first name without accent (João)', 'joao'],
  ['accented name', 'Conceição'],
  ['email prefix', String(someContact?.email ?? 'maria').split('@')[0]],
  ['phone digits', String(someContact?.phone_number ?? '+551199').slice(-8)],
  ['identifier', String(someContact?.identifier ?? 'CRM-100001')],
  ['no match', 'zzyzxqw'],
];
const CONVERSATION_TERMS = [
  ['display id', String(adminSample[0] ?? 1)],
  ['contact surname', 'silva'],
  ['contact email', String(someContact?.email ?? 'maria')],
  ['contact phone', String(someContact?.phone_number ?? '+5511')],
  ['words in messages', 'segunda via boleto'],
  ['no match', 'zzyzxqw'],
];
const MESSAGE_TERMS = [
  ['very common word', 'pedido'],
  ['common English word', 'refund'],
  ['medium word', 'boleto'],
  ['rare word', 'liquidificador'],
  ['folded accent (atenção)', 'atencao'],
  ['two words', 'nota fiscal'],
  ['order number (one conversation)', String(someOrder?.order_no ?? '123456')],
  ['no match', 'xilofone'],
];

// --- the node ------------------------------------------------------------------------------------
/** @type {Record<string, string>} */
const env = { ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : { DATA_DIR: String(target.dataDir) }) };
Object.assign(env, redisEnv(options));
const node = options.url ? undefined : await startNode(env);
const base = options.url ?? node?.url ?? '';
const api = `${base}/api/v1/accounts/${dataset.accountId}`;
const actors = [
  { name: 'admin', headers: { api_access_token: dataset.admin.token }, sample: adminSample },
  { name: 'agent', headers: { api_access_token: agent.token }, sample: agentSample },
];

console.log(`machine: ${machine()}`);
console.log(`command: ${commandLine()}`);
console.log(`database: ${describeTarget(target)}${options['redis-url'] ? ' + Redis' : ''}; ${sizes?.conversations} conversations, ${sizes?.messages} messages, ${sizes?.contacts} contacts`);
console.log(`large account #${dataset.accountId}: ${dataset.conversations} conversations; agent #${agent.id} sees ${agent.inboxIds.length} inboxes, ${agent.openAssigned} open conversations assigned`);
console.log(`repeat ${REPEAT} (after ${WARMUP} warm-up rounds), one client, sequential; load average ${load()}`);
const loadBefore = load();

/** @type {Record<string, unknown>} */
const results = { machine: machine(), command: commandLine(), sizes, repeat: REPEAT, targets: TARGETS };
/** @type {string[]} */
const missing = [];

/** A case slower than this in warm-up is measured only SLOW_REPEAT times (a pathological route must not stall the run). */
const SLOW_MS = 1000;
const SLOW_REPEAT = 3;

/**
 * Runs cases round-robin (a shuffled order each round) and returns each case's latencies.
 * @param {{ name: string, url: string, headers: Record<string, string> }[]} cases
 * @param {number} repeat
 */
async function measure(cases, repeat) {
  /** @type {Map<string, number[]>} */
  const times = new Map(cases.map((c) => [c.name, []]));
  /** @type {Map<string, number>} */
  const wanted = new Map(cases.map((c) => [c.name, repeat]));
  for (let round = 0; round < WARMUP; round++) {
    for (const c of shuffle(cases, random)) {
      if (wanted.get(c.name) === SLOW_REPEAT) continue;
      const { ms } = await timedGet(c.url, c.headers);
      if (ms > SLOW_MS) wanted.set(c.name, SLOW_REPEAT);
    }
  }
  for (let round = 0; round < repeat; round++) {
    for (const c of shuffle(cases, random)) {
      const values = times.get(c.name) ?? [];
      if (values.length >= (wanted.get(c.name) ?? repeat)) continue;
      values.push((await timedGet(c.url, c.headers)).ms);
    }
  }
  return times;
}

try {
  // --- list grid ---------------------------------------------------------------------------------
  if (!ONLY.has('list')) {
    // skipped (--only)
  } else if (await routeExists(`${api}/conversations`, { headers: actors[0]?.headers })) {
    const cases = actors.flatMap((actor) =>
      ASSIGNEE_TYPES.flatMap((assignee) =>
        STATUSES.flatMap((status) =>
          SORTS.map((sort) => ({
            name: `${actor.name} ${assignee} ${status} ${sort}`,
            url: `${api}/conversations?assignee_type=${assignee}&status=${status}&sort_by=${sort}&page=1`,
            headers: actor.headers,
          })),
        ),
      ),
    );
    const times = await measure(cases, REPEAT);
    const all = [...times.values()].flat();
    const perCase = [...times].map(([name, values]) => ({ name, ...summarize(values) })).sort((a, b) => b.p95 - a.p95);
    console.log(header(`conversation list, ${cases.length} cases (2 actors × 3 tabs × 5 statuses × 8 sorts), page 1`));
    console.log(line('all list requests', summarize(all)));
    for (const actor of actors) console.log(line(`  as ${actor.name}`, summarize(perCase.filter((c) => c.name.startsWith(actor.name)).flatMap((c) => times.get(c.name) ?? []))));
    for (const sort of SORTS) console.log(line(`  sort_by=${sort}`, summarize(perCase.filter((c) => c.name.endsWith(` ${sort}`)).flatMap((c) => times.get(c.name) ?? []))));
    for (const status of STATUSES) console.log(line(`  status=${status}`, summarize(perCase.filter((c) => c.name.split(' ')[2] === status).flatMap((c) => times.get(c.name) ?? []))));
    for (const tab of ASSIGNEE_TYPES) console.log(line(`  assignee_type=${tab}`, summarize(perCase.filter((c) => c.name.split(' ')[1] === tab).flatMap((c) => times.get(c.name) ?? []))));
    console.log('  slowest cases by p95:');
    for (const c of perCase.slice(0, 8)) console.log(line(`    ${c.name}`, c));
    results.list = { all: summarize(all), cases: perCase };

    const deep = actors.flatMap((actor) =>
      [2, 10, 100].map((page) => ({
        name: `${actor.name} all all last_activity_at_desc page ${page}`,
        url: `${api}/conversations?assignee_type=all&status=all&sort_by=last_activity_at_desc&page=${page}`,
        headers: actor.headers,
      })),
    );
    const deepTimes = await measure(deep, REPEAT);
    console.log(header('conversation list, deeper pages (status=all, last activity)'));
    for (const [name, values] of deepTimes) console.log(line(name, summarize(values)));
    results.listDeep = Object.fromEntries([...deepTimes].map(([name, values]) => [name, summarize(values)]));
  } else missing.push('GET /conversations');

  // --- meta --------------------------------------------------------------------------------------
  if (!ONLY.has('meta')) {
    // skipped (--only)
  } else if (await routeExists(`${api}/conversations/meta`, { headers: actors[0]?.headers })) {
    const cases = actors.flatMap((actor) =>
      STATUSES.map((status) => ({ name: `${actor.name} status=${status}`, url: `${api}/conversations/meta?status=${status}`, headers: actor.headers })),
    );
    const times = await measure(cases, REPEAT * 4);
    console.log(header('GET /conversations/meta (tab counts)'));
    console.log(line('all meta requests', summarize([...times.values()].flat())));
    for (const [name, values] of times) console.log(line(`  ${name}`, summarize(values)));
    results.meta = { all: summarize([...times.values()].flat()), cases: Object.fromEntries([...times].map(([n, v]) => [n, summarize(v)])) };
  } else missing.push('GET /conversations/meta');

  // --- open a conversation -----------------------------------------------------------------------
  const first = actors[0]?.sample[0] ?? 1;
  const showExists = await routeExists(`${api}/conversations/${first}`, { headers: actors[0]?.headers });
  const messagesExists = await routeExists(`${api}/conversations/${first}/messages`, { headers: actors[0]?.headers });
  if (!ONLY.has('open')) {
    // skipped (--only)
  } else if (showExists && messagesExists) {
    /** @type {Record<string, number[]>} */
    const open = { show: [], messages: [], both: [] };
    for (const actor of actors) {
      for (const id of actor.sample.slice(0, 10)) {
        await timedGet(`${api}/conversations/${id}/messages`, actor.headers); // warm-up
      }
      for (const id of shuffle(actor.sample, random)) {
        open.show?.push((await timedGet(`${api}/conversations/${id}`, actor.headers)).ms);
        open.messages?.push((await timedGet(`${api}/conversations/${id}/messages`, actor.headers)).ms);
        const started = performance.now();
        await Promise.all([timedGet(`${api}/conversations/${id}`, actor.headers), timedGet(`${api}/conversations/${id}/messages`, actor.headers)]);
        open.both?.push(performance.now() - started);
      }
    }
    console.log(header(`open a conversation (${adminSample.length} as admin + ${agentSample.length} as agent; half open, half any age)`));
    console.log(line('GET /conversations/{id}', summarize(open.show ?? [])));
    console.log(line('GET /conversations/{id}/messages (latest page)', summarize(open.messages ?? [])));
    console.log(line('both at once (what a client does)', summarize(open.both ?? [])));
    results.open = Object.fromEntries(Object.entries(open).map(([k, v]) => [k, summarize(v)]));
  } else {
    if (!showExists) missing.push('GET /conversations/{id}');
    if (!messagesExists) missing.push('GET /conversations/{id}/messages');
  }

  // --- searches ---------------------------------------------------------------------------------
  /** @type {{ group: 'messageSearch' | 'conversationSearch' | 'contactSearch', name: string, url: (q: string) => string }[]} */
  const searchRoutes = [];
  /** @param {string} path */
  const served = async (path) => {
    const res = await fetch(`${api}${path}`, { headers: actors[0]?.headers });
    await res.arrayBuffer();
    return res.status === 200;
  };
  if (await served('/search/messages?q=pedido')) searchRoutes.push({ group: 'messageSearch', name: 'GET /search/messages?q=', url: (q) => `${api}/search/messages?q=${encodeURIComponent(q)}` });
  // The list's `q` (contract: conversations with messages containing the term) counts as served
  // only if a term found nowhere empties the list (an unknown parameter is ignored).
  const nothing = await timedGet(`${api}/conversations?status=all&q=zzyzxqw`, actors[0]?.headers ?? {}).catch(() => undefined);
  if (nothing && Number(nothing.body?.data?.meta?.all_count ?? 1) === 0) {
    searchRoutes.push({ group: 'messageSearch', name: 'GET /conversations?status=all&q=', url: (q) => `${api}/conversations?status=all&q=${encodeURIComponent(q)}` });
  }
  if (await served('/search/conversations?q=silva')) searchRoutes.push({ group: 'conversationSearch', name: 'GET /search/conversations?q=', url: (q) => `${api}/search/conversations?q=${encodeURIComponent(q)}` });
  if (await served('/conversations/search?q=silva')) searchRoutes.push({ group: 'conversationSearch', name: 'GET /conversations/search?q=', url: (q) => `${api}/conversations/search?q=${encodeURIComponent(q)}` });
  if (await served('/contacts/search?q=silva')) searchRoutes.push({ group: 'contactSearch', name: 'GET /contacts/search?q=', url: (q) => `${api}/contacts/search?q=${encodeURIComponent(q)}` });
  if (await served('/search/contacts?q=silva')) searchRoutes.push({ group: 'contactSearch', name: 'GET /search/contacts?q=', url: (q) => `${api}/search/contacts?q=${encodeURIComponent(q)}` });
  if (!searchRoutes.some((r) => r.group === 'messageSearch')) missing.push('message search (GET /search/messages, GET /conversations?q=)');
  if (!searchRoutes.some((r) => r.group === 'conversationSearch')) missing.push('conversation search (GET /search/conversations, GET /conversations/search)');
  if (!searchRoutes.some((r) => r.group === 'contactSearch')) missing.push('contact search (GET /contacts/search, GET /search/contacts)');
  const TERMS = { messageSearch: MESSAGE_TERMS, conversationSearch: CONVERSATION_TERMS, contactSearch: CONTACT_TERMS };
  for (const route of ONLY.has('search') ? searchRoutes : []) {
    const cases = actors.flatMap((actor) => TERMS[route.group].map(([label, q]) => ({ name: `${actor.name} ${label} "${q}"`, url: route.url(String(q)), headers: actor.headers })));
    const times = await measure(cases, route.group === 'contactSearch' ? REPEAT : Math.max(5, Math.round(REPEAT / 2)));
    console.log(header(`${route.group === 'messageSearch' ? 'message' : route.group === 'contactSearch' ? 'contact' : 'conversation'} search: ${route.name}`));
    console.log(line('all searches', summarize([...times.values()].flat())));
    for (const [name, values] of times) console.log(line(`  ${name}`, summarize(values)));
    const group = /** @type {Record<string, unknown>} */ ((results[route.group] ??= {}));
    group[route.name] = { all: summarize([...times.values()].flat()), cases: Object.fromEntries([...times].map(([n, v]) => [n, summarize(v)])) };
  }
} finally {
  await node?.stop();
  results.missing = missing;
  console.log(`\nresults: ${saveResults('conversations', results)}`);
}

// --- against the goals ---------------------------------------------------------------------------
/** @param {string} what @param {unknown} s @param {number} [goal] */
const verdict = (what, s, goal) => {
  const p95 = /** @type {{ p95?: number } | undefined} */ (s)?.p95;
  console.log(`  ${what.padEnd(52)} ${p95 === undefined ? 'not measured'.padStart(14) : `p95 ${p95.toFixed(1)} ms`.padStart(14)}   ${goal === undefined ? 'no goal in the issue' : `goal ≤ ${goal} ms`}`);
};
console.log('\nagainst the issue\'s goals (scale 10, services mode):');
verdict('conversation list', /** @type {any} */ (results.list)?.all, TARGETS.list);
verdict('meta', /** @type {any} */ (results.meta)?.all, TARGETS.meta);
verdict('open conversation (latest messages)', /** @type {any} */ (results.open)?.messages, TARGETS.open);
for (const [name, r] of Object.entries(/** @type {Record<string, any>} */ (results.messageSearch ?? {}))) verdict(`message search ${name}`, r.all, TARGETS.messageSearch);
for (const [name, r] of Object.entries(/** @type {Record<string, any>} */ (results.conversationSearch ?? {}))) verdict(`conversation search ${name}`, r.all);
for (const [name, r] of Object.entries(/** @type {Record<string, any>} */ (results.contactSearch ?? {}))) verdict(`contact search ${name}`, r.all, TARGETS.contactSearch);
console.log(`  load average before / after: ${loadBefore} / ${load()}`);
if (missing.length) console.log(`\nnot served by this build (not measured): ${missing.join('; ')}`);
