// Live-event fan-out: N websocket clients subscribed as agents of one account (Chatwoot's
// RoomChannel over /cable) and events committed through the HTTP API; prints the latency from
// sending each request to each socket receiving the event, and the spread between the first and the
// last socket to get one event (the fan-out itself), p50/p95/p99.
//
//   node bench/realtime-fanout.mjs                       a fresh embedded node (needs `npm run build`)
//   BENCH_DATABASE_URL=postgres://… BENCH_REDIS_URL=redis://… BENCH_NODES=2 node bench/realtime-fanout.mjs
//                                                        services mode: commits on the first node,
//                                                        sockets spread over all of them
//   BENCH_URL=http://host:3000 BENCH_TOKEN=… BENCH_ACCOUNT_ID=1 node bench/realtime-fanout.mjs
//                                                        a running node, as the token's user
//
// BENCH_SOCKETS (default 200), BENCH_EVENTS (default 200), BENCH_RATE events per second (default 50).
// The event is `contact.created` (POST /contacts), which every agent of the account receives.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { fmt, machine, percentile, startNode } from './lib.mjs';

const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 200);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const NODES = Number(process.env.BENCH_NODES ?? 1);

/**
 * The node(s) to measure and an administrator's token: started here, or the running one named.
 * @returns {Promise<{ urls: string[], token: string, accountId: number, mode: string, stop(): Promise<void> }>}
 */
async function target() {
  if (process.env.BENCH_URL) {
    return {
      urls: [process.env.BENCH_URL],
      token: required('BENCH_TOKEN'),
      accountId: Number(required('BENCH_ACCOUNT_ID')),
      mode: `running node ${process.env.BENCH_URL}`,
      async stop() {},
    };
  }
  const services = process.env.BENCH_DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), 'rockethub-bench-'));
  /** @type {Record<string, string>} */
  const env = services
    ? {
        DATABASE_URL: services,
        ...(process.env.BENCH_REDIS_URL ? { REDIS_URL: process.env.BENCH_REDIS_URL, REDIS_KEY_PREFIX: `bench-${Date.now()}:` } : {}),
        ENABLE_ACCOUNT_SIGNUP: 'true',
        SECRET_KEY_BASE: 'bench',
      }
    : { DATA_DIR: join(dir, 'data') };
  if (NODES > 1 && !(services && process.env.BENCH_REDIS_URL)) throw new Error('BENCH_NODES > 1 needs BENCH_DATABASE_URL and BENCH_REDIS_URL');
  /** @type {Awaited<ReturnType<typeof startNode>>[]} */
  const nodes = [];
  for (let i = 0; i < NODES; i++) nodes.push(await startNode(env));
  const email = `bench-${Date.now()}@rockethub.test`;
  const signUp = await fetch(`${nodes[0]?.url}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account_name: 'Realtime bench', user_full_name: 'Bench', email, password: 'Bench-password-1' }),
  });
  if (signUp.status !== 200) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const { data } = /** @type {{ data: { account_id: number, access_token: string } }} */ (await signUp.json());
  return {
    urls: nodes.map((n) => n.url),
    token: data.access_token,
    accountId: data.account_id,
    mode: `${services ? `PostgreSQL${process.env.BENCH_REDIS_URL ? ' + Redis' : ''}` : 'embedded PGlite'}, ${NODES} node(s)`,
    async stop() {
      await Promise.all(nodes.map((n) => n.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** @param {string} name */
function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required with BENCH_URL`);
  return value;
}

/**
 * Opens a socket, subscribes as the user, and calls `onEvent(name, data, receivedAt)` per event.
 * @param {string} url @param {string} identifier
 * @param {(name: string, data: Record<string, unknown>, at: number) => void} onEvent
 * @returns {Promise<WebSocket>}
 */
function subscribe(url, identifier, onEvent) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/cable`, ['actioncable-v1-json', 'actioncable-unsupported']);
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ command: 'subscribe', identifier })));
    socket.on('message', (raw) => {
      const at = performance.now();
      const frame = JSON.parse(String(raw));
      if (frame.type === 'confirm_subscription') resolve(socket);
      else if (frame.type === 'reject_subscription') reject(new Error('subscription rejected'));
      else if (frame.message?.event) onEvent(frame.message.event, frame.message.data, at);
    });
  });
}

export async function benchRealtimeFanout() {
  const t = await target();
  try {
    const headers = { 'content-type': 'application/json', api_access_token: t.token };
    const profile = /** @type {{ id: number, pubsub_token: string }} */ (await (await fetch(`${t.urls[0]}/api/v1/profile`, { headers })).json());
    const identifier = JSON.stringify({ channel: 'RoomChannel', pubsub_token: profile.pubsub_token, account_id: t.accountId, user_id: profile.id });

    /** @type {Map<string, number>} when each event's request was sent */
    const sentAt = new Map();
    /** @type {number[]} */
    const latencies = [];
    /** @type {Map<string, { first: number, last: number }>} first and last arrival of each event */
    const arrivals = new Map();
    const sockets = [];
    for (let i = 0; i < SOCKETS; i += 50) {
      const batch = Array.from({ length: Math.min(50, SOCKETS - i) }, (_, j) =>
        subscribe(t.urls[(i + j) % t.urls.length] ?? '', identifier, (name, data, at) => {
          const sent = name === 'contact.created' ? sentAt.get(String(data.name)) : undefined;
          if (sent === undefined) return;
          latencies.push(at - sent);
          const seen = arrivals.get(String(data.name));
          if (seen) seen.last = Math.max(seen.last, at);
          else arrivals.set(String(data.name), { first: at, last: at });
        }),
      );
      sockets.push(...(await Promise.all(batch)));
    }

    /** @type {number[]} */
    const requestMs = [];
    const run = `${Date.now()}`;
    const started = performance.now();
    const requests = [];
    for (let i = 0; i < EVENTS; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const name = `bench ${run} ${i}`;
      const sent = performance.now();
      sentAt.set(name, sent);
      requests.push(
        fetch(`${t.urls[0]}/api/v1/accounts/${t.accountId}/contacts`, { method: 'POST', headers, body: JSON.stringify({ name }) }).then(async (res) => {
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`POST contacts: ${res.status}`);
          requestMs.push(performance.now() - sent);
        }),
      );
    }
    await Promise.all(requests);
    const expected = EVENTS * SOCKETS;
    const deadline = performance.now() + 10_000;
    while (latencies.length < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    for (const socket of sockets) socket.close();
    const spread = [...arrivals.values()].map((a) => a.last - a.first);
    return {
      mode: t.mode,
      sockets: SOCKETS,
      events: EVENTS,
      rate: RATE,
      delivered: latencies.length,
      missing: expected - latencies.length,
      deliveryMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
      spreadMs: { p50: percentile(spread, 50), p95: percentile(spread, 95), p99: percentile(spread, 99) },
      requestMs: { p50: percentile(requestMs, 50), p95: percentile(requestMs, 95), p99: percentile(requestMs, 99) },
    };
  } finally {
    await t.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchRealtimeFanout();
  console.log(`machine: ${machine()}`);
  console.log(`${r.mode}: ${r.sockets} sockets, ${r.events} events at ${r.rate}/s`);
  console.log(`request sent → event on a socket: p50 ${fmt(r.deliveryMs.p50)}, p95 ${fmt(r.deliveryMs.p95)}, p99 ${fmt(r.deliveryMs.p99)}`);
  console.log(`first → last socket of one event: p50 ${fmt(r.spreadMs.p50)}, p95 ${fmt(r.spreadMs.p95)}, p99 ${fmt(r.spreadMs.p99)}`);
  console.log(`POST /contacts answered: p50 ${fmt(r.requestMs.p50)}, p95 ${fmt(r.requestMs.p95)}, p99 ${fmt(r.requestMs.p99)}`);
  console.log(`delivered ${r.delivered}, missing ${r.missing}`);
}
