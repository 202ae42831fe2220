// Message ingest through the client (public) API of an API inbox at concurrency 32, with an agent's
// websocket on /cable (ActionCable, RoomChannel) timing each message from the moment its POST is
// sent to the moment the agent's socket receives `message.created`; then the same number of
// messages as raw single-row INSERTs (plus the conversation update RocketHub does per message)
// through `pg` at the same concurrency, and RocketHub's throughput as a fraction of that.
//
//   node bench/ingest.mjs --database-url postgres://postgres@127.0.0.1:5432/rockethub_bench_s1 [--redis-url redis://127.0.0.1:6379]
//        [--concurrency 32] [--messages 20000] [--warmup 2000] [--conversations 256] [--pool-size N] [--keep]
//
// Runs on a generated installation (bench/generate.mjs). Its contacts and conversations are made
// through the application API (the client API rate-limits creating them per address); the
// contacts, conversations and messages it creates are deleted at the end unless --keep.
import http from 'node:http';
import pg from 'pg';
import { WebSocket } from 'ws';
import { appEnv, commandLine, describeTarget, loadDataset, openDb, parseOptions, redisEnv } from './db.mjs';
import { machine, startNode } from './lib.mjs';
import { header, line, load, routeExists, saveResults, summarize } from './measure.mjs';
import { PT_FOLLOWUP, PT_OPENING } from './vocabulary.mjs';

const options = parseOptions(process.argv.slice(2));
const databaseUrl = options['database-url'];
if (!databaseUrl) throw new Error('ingest needs --database-url (the raw-INSERT comparison runs through pg)');
const CONCURRENCY = Number(options.concurrency ?? 32);
const MESSAGES = Number(options.messages ?? 20_000);
const WARMUP = Number(options.warmup ?? 2_000);
const CONVERSATIONS = Number(options.conversations ?? 256);
const TARGETS = { throughput: 1500, socketP99: 100 };
const run = Date.now().toString(36);

const db = await openDb({ databaseUrl });
const dataset = await loadDataset(db);
// An agent with a token who is a member of an API inbox: their socket must receive the inbox's messages.
const apiInboxIds = new Set(dataset.apiInboxes.map((i) => i.id));
const agent = dataset.agents.find((a) => a.inboxIds.some((id) => apiInboxIds.has(id)));
if (!agent) throw new Error('no agent with a token is a member of an API inbox');
const inbox = dataset.apiInboxes.find((i) => agent.inboxIds.includes(i.id));
if (!inbox) throw new Error('no API inbox');
const [sizes] = await db.query(`SELECT (SELECT count(*) FROM conversations)::bigint AS conversations, (SELECT count(*) FROM messages)::bigint AS messages`);
await db.close();

const sentences = [...PT_OPENING, ...PT_FOLLOWUP].map((s) =>
  s.replace('{pedido}', '482913').replace('{produto}', 'fone de ouvido').replace('{cidade}', 'Recife').replace('{pagamento}', 'Pix')
    .replace('{problema}', 'não chegou').replace('{dias}', '5'),
);
/** @param {string} tag @param {number} i */
const content = (tag, i) => `ingest ${run} ${tag}${i} ${sentences[i % sentences.length]}`;

/**
 * Runs `total` operations on `concurrency` workers; returns the wall time in ms.
 * @param {number} total @param {number} concurrency @param {(i: number, worker: number) => Promise<void>} op
 */
async function concurrently(total, concurrency, op) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = next++; i < total; i = next++) await op(i, worker);
    }),
  );
  return performance.now() - started;
}

// The measured requests go through node:http with kept-alive connections, one per worker: fetch
// costs the load generator several times more CPU per request, taken from the two cores the node
// and PostgreSQL share with it.
const agentPool = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
/** POSTs JSON; resolves with the status once the answer is read. @param {string} url @param {string} body @returns {Promise<number>} */
function post(url, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent: agentPool, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.on('data', () => {});
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** @type {Record<string, string>} */
const env = { ...appEnv({ databaseUrl }), ...redisEnv(options) };
if (options['pool-size']) env.DATABASE_POOL_SIZE = options['pool-size'];

console.log(`machine: ${machine()}`);
console.log(`command: ${commandLine()}`);
console.log(`database: ${describeTarget({ databaseUrl })}${options['redis-url'] ? ' + Redis' : ''}; ${sizes?.conversations} conversations, ${sizes?.messages} messages`);
console.log(`load average ${load()}`);
console.log(`API inbox #${inbox.id} "${inbox.name}", agent #${agent.id} on /cable; ${CONVERSATIONS} conversations, concurrency ${CONCURRENCY}, ${WARMUP} warm-up + ${MESSAGES} measured messages`);

/** @type {Record<string, unknown>} */
const results = { machine: machine(), command: commandLine(), sizes, concurrency: CONCURRENCY, messages: MESSAGES, targets: TARGETS };
/** @type {string[]} */
const missing = [];
/** @type {number[]} */
const createdContactIds = [];
/** @type {{ displayId: number }[]} */
let conversations = [];

const node = await startNode(env);
const publicInbox = `${node.url}/public/api/v1/inboxes/${inbox.identifier}`;
const json = { 'content-type': 'application/json' };
let rockethub;
try {
  // Setup through the application API as the administrator: the client API limits new contacts
  // and conversations per client address (60 and 30 a minute), and setup is not what is measured.
  const app = `${node.url}/api/v1/accounts/${dataset.accountId}`;
  const adminJson = { ...json, api_access_token: dataset.admin.token };
  /** @param {string} url @param {unknown} body */
  const adminPost = async (url, body) => {
    const res = await fetch(url, { method: 'POST', headers: adminJson, body: JSON.stringify(body) });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`POST ${url} answered ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };
  if (!(await routeExists(publicInbox))) {
    missing.push('client API (GET /public/api/v1/inboxes/{inbox_identifier})');
  } else {
    const setupStarted = performance.now();
    /** @type {{ sourceId: string, displayId: number }[]} */
    const made = new Array(CONVERSATIONS);
    await concurrently(CONVERSATIONS, 8, async (i) => {
      const created = await adminPost(`${app}/contacts`, { name: `Ingest ${run} ${i}`, email: `ingest-${run}-${i}@bench.rockethub.test`, inbox_id: inbox.id });
      createdContactIds.push(Number(created.payload.contact.id));
      const sourceId = String(created.payload.contact_inbox.source_id);
      const conversation = await adminPost(`${app}/conversations`, { inbox_id: inbox.id, source_id: sourceId });
      made[i] = { sourceId, displayId: Number(conversation.id) };
    });
    conversations = made;
    console.log(`setup: ${CONVERSATIONS} contacts + conversations in the API inbox in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);

    const messagesUrl = (/** @type {{ sourceId: string, displayId: number }} */ c) =>
      `${publicInbox}/contacts/${encodeURIComponent(c.sourceId)}/conversations/${c.displayId}/messages`;
    const first = made[0];
    if (!first || !(await routeExists(messagesUrl(first), { method: 'POST', headers: json, body: JSON.stringify({ content: `ingest ${run} probe` }) }))) {
      missing.push('POST /public/api/v1/inboxes/{inbox_identifier}/contacts/{contact_identifier}/conversations/{conversation_id}/messages');
    } else {
      // --- the agent's socket ----------------------------------------------------------------------
      /** @type {Map<string, number>} */
      const sentAt = new Map();
      /** @type {Map<string, number>} */
      const answeredAt = new Map();
      /** @type {Map<string, number>} */
      const receivedAt = new Map();
      const tagPattern = new RegExp(`^ingest ${run} ([wm]\\d+) `);
      const socket = await cableSocket(node.url.replace(/^http/, 'ws') + '/cable', {
        channel: 'RoomChannel',
        pubsub_token: agent.pubsubToken,
        account_id: dataset.accountId,
        user_id: agent.id,
      }, (frame) => {
        const message = frame.message;
        if (!message || typeof message !== 'object') return;
        const event = /** @type {{ event?: string, data?: { content?: unknown } }} */ (message);
        if (event.event !== 'message.created' || typeof event.data?.content !== 'string') return;
        const tag = tagPattern.exec(event.data.content)?.[1];
        if (tag && !receivedAt.has(tag)) receivedAt.set(tag, performance.now());
      });

      /** @param {string} tag @param {number} i */
      const ingest = async (tag, i) => {
        const c = /** @type {{ sourceId: string, displayId: number }} */ (made[i % made.length]);
        const key = `${tag}${i}`;
        sentAt.set(key, performance.now());
        const status = await post(messagesUrl(c), JSON.stringify({ content: content(tag, i) }));
        if (status !== 200) throw new Error(`message POST answered ${status}`);
        answeredAt.set(key, performance.now());
      };
      await concurrently(WARMUP, CONCURRENCY, (i) => ingest('w', i));
      const wall = await concurrently(MESSAGES, CONCURRENCY, (i) => ingest('m', i));
      // Stragglers: wait until every measured message reached the socket, or 10 s.
      const waitStarted = performance.now();
      const measured = () => [...receivedAt.keys()].filter((k) => k.startsWith('m')).length;
      while (measured() < MESSAGES && performance.now() - waitStarted < 10_000) await new Promise((r) => setTimeout(r, 50));
      socket.close();

      const keys = Array.from({ length: MESSAGES }, (_, i) => `m${i}`);
      const http = keys.map((k) => (answeredAt.get(k) ?? 0) - (sentAt.get(k) ?? 0));
      const toSocket = keys.filter((k) => receivedAt.has(k)).map((k) => (receivedAt.get(k) ?? 0) - (sentAt.get(k) ?? 0));
      const afterAnswer = keys.filter((k) => receivedAt.has(k)).map((k) => (receivedAt.get(k) ?? 0) - (answeredAt.get(k) ?? 0));
      rockethub = { messagesPerSecond: (MESSAGES / wall) * 1000, wallMs: wall, http: summarize(http), toSocket: summarize(toSocket), socketAfterAnswer: summarize(afterAnswer), delivered: toSocket.length };
      console.log(`\nRocketHub client API: ${MESSAGES} messages in ${(wall / 1000).toFixed(1)} s = ${rockethub.messagesPerSecond.toFixed(0)} messages/s (concurrency ${CONCURRENCY})`);
      console.log(header('latency'));
      console.log(line('POST .../messages (HTTP answer)', rockethub.http));
      console.log(line('ingest → agent socket (from sending the POST)', rockethub.toSocket));
      console.log(line('HTTP answer → agent socket (negative: event first)', rockethub.socketAfterAnswer));
      console.log(`socket received ${toSocket.length} of ${MESSAGES} measured messages`);
      results.rockethub = rockethub;
    }
  }
} finally {
  agentPool.destroy();
  await node.stop();
}

// --- raw single-row INSERTs through pg ---------------------------------------------------------------
const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
let rawConversations;
if (conversations.length) {
  rawConversations = (
    await pool.query(
      `SELECT c.id::int AS id, c.inbox_id::int AS inbox_id, c.contact_id::int AS contact_id FROM conversations c
        WHERE c.account_id = $1 AND c.display_id = ANY($2::int[]) ORDER BY c.id`,
      [dataset.accountId, conversations.map((c) => c.displayId)],
    )
  ).rows;
} else {
  // No client API: the raw figure alone, on existing conversations of the API inbox.
  rawConversations = (
    await pool.query(
      `SELECT id::int AS id, inbox_id::int AS inbox_id, contact_id::int AS contact_id FROM conversations
        WHERE account_id = $1 AND inbox_id = $2 ORDER BY id DESC LIMIT $3`,
      [dataset.accountId, inbox.id, CONVERSATIONS],
    )
  ).rows;
}
const rawIds = /** @type {number[]} */ ([]);
/** @param {string} tag @param {number} i */
const rawInsert = async (tag, i) => {
  const c = rawConversations[i % rawConversations.length];
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const inserted = await client.query(
      `INSERT INTO messages (account_id, conversation_id, inbox_id, message_type, content, content_type, private, status, sender_type, sender_id)
       VALUES ($1, $2, $3, 0, $4, 'text', false, 'sent', 'contact', $5) RETURNING id, created_at`,
      [dataset.accountId, c.id, c.inbox_id, content(tag, i), c.contact_id],
    );
    const row = inserted.rows[0];
    rawIds.push(Number(row.id));
    // The preview RocketHub stores: the message as the API shows it (messages/presenter.ts), sender included.
    const createdAt = Math.floor(new Date(row.created_at).getTime() / 1000);
    const preview = {
      id: Number(row.id), content: content(tag, i), account_id: dataset.accountId, inbox_id: c.inbox_id, conversation_id: c.id,
      message_type: 0, content_type: 'text', content_attributes: {}, additional_attributes: {}, external_source_ids: {},
      processed_message_content: content(tag, i), sentiment: {}, private: false, status: 'sent', source_id: null,
      sender_type: 'Contact', sender_id: c.contact_id,
      sender: { id: c.contact_id, name: `Ingest ${run}`, email: null, phone_number: null, identifier: null, thumbnail: '', blocked: false,
        additional_attributes: {}, custom_attributes: {}, last_activity_at: createdAt, created_at: createdAt, availability_status: 'offline', type: 'contact' },
      reactions: [], attachments: [], created_at: createdAt, updated_at: createdAt,
    };
    await client.query(
      `UPDATE conversations SET last_activity_at = $2, last_message = $3, unread_count = unread_count + 1,
              waiting_since = coalesce(waiting_since, $2), updated_at = now() WHERE id = $1`,
      [c.id, row.created_at, preview],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
};
let raw;
try {
  await concurrently(WARMUP, CONCURRENCY, (i) => rawInsert('w', i));
  const wall = await concurrently(MESSAGES, CONCURRENCY, (i) => rawInsert('m', i));
  raw = { messagesPerSecond: (MESSAGES / wall) * 1000, wallMs: wall };
  console.log(`\nraw pg (BEGIN; INSERT message; UPDATE conversation; COMMIT): ${MESSAGES} in ${(wall / 1000).toFixed(1)} s = ${raw.messagesPerSecond.toFixed(0)} messages/s (concurrency ${CONCURRENCY})`);
  results.raw = raw;
} finally {
  // Clean up: the raw rows always; what the client API created unless --keep.
  await pool.query('DELETE FROM messages WHERE id = ANY($1::bigint[])', [rawIds]);
  if (createdContactIds.length && options.keep !== 'true') {
    await pool.query('DELETE FROM contacts WHERE id = ANY($1::bigint[])', [createdContactIds]);
  }
  await pool.end();
}

console.log("\nagainst the issue's goals (scale 10, services mode):");
if (rockethub) {
  console.log(`  ingest throughput   ${rockethub.messagesPerSecond.toFixed(0).padStart(6)} messages/s   goal ≥ ${TARGETS.throughput}`);
  console.log(`  socket delivery p99 ${rockethub.toSocket.p99.toFixed(1).padStart(6)} ms           goal ≤ ${TARGETS.socketP99}`);
  if (raw) {
    results.fractionOfRaw = rockethub.messagesPerSecond / raw.messagesPerSecond;
    console.log(`  RocketHub / raw     ${(rockethub.messagesPerSecond / raw.messagesPerSecond).toFixed(2).padStart(6)}`);
  }
} else console.log('  ingest: not measured');
console.log(`  load average now ${load()}`);
if (missing.length) console.log(`\nnot served by this build (not measured): ${missing.join('; ')}`);
results.missing = missing;
console.log(`\nresults: ${saveResults('ingest', results)}`);

/**
 * Opens an ActionCable connection and subscribes; resolves once the subscription is confirmed.
 * @param {string} url @param {Record<string, unknown>} identifier @param {(frame: Record<string, any>) => void} onFrame
 * @returns {Promise<WebSocket>}
 */
function cableSocket(url, identifier, onFrame) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, ['actioncable-v1-json', 'actioncable-unsupported']);
    const id = JSON.stringify(identifier);
    const timer = setTimeout(() => reject(new Error('no confirm_subscription from /cable within 10 s')), 10_000);
    socket.on('error', reject);
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.type === 'welcome') socket.send(JSON.stringify({ command: 'subscribe', identifier: id }));
      else if (frame.type === 'confirm_subscription') {
        clearTimeout(timer);
        resolve(socket);
      } else if (frame.type === 'reject_subscription') reject(new Error('/cable rejected the subscription'));
      else if (!frame.type) onFrame(frame);
    });
  });
}
