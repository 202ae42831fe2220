// A widget socket receiving an agent's reply: a visitor starts a conversation through the widget
// API and subscribes to /cable with their pubsub token (as the widget does); an agent replies
// through the API. Prints the time from sending each agent POST to its `message.created` frame
// arriving on the visitor's socket, p50/p95/p99 (goal: ≤ 300 ms).
//
//   node bench/widget-reply.mjs          a fresh embedded node (needs `npm run build`)
//
// BENCH_REPLIES (default 300), BENCH_RATE replies per second (default 5: a busy conversation is far slower; at 20/s this shared 2-core machine queues the POSTs themselves).
import WebSocket from 'ws';
import { fmt, machine, percentile } from './lib.mjs';
import { startWithWebsiteInbox } from './widget-setup.mjs';

const REPLIES = Number(process.env.BENCH_REPLIES ?? 300);
const RATE = Number(process.env.BENCH_RATE ?? 5);

/**
 * The visitor's /cable subscription; `onMessage(content, receivedAt)` per `message.created`.
 * @param {string} url @param {string} pubsubToken @param {(content: string, at: number) => void} onMessage
 * @returns {Promise<WebSocket>}
 */
function visitorSocket(url, pubsubToken, onMessage) {
  return new Promise((resolve, reject) => {
    const identifier = JSON.stringify({ channel: 'RoomChannel', pubsub_token: pubsubToken });
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/cable`, ['actioncable-v1-json']);
    socket.on('error', reject);
    socket.on('message', (raw) => {
      const at = performance.now();
      const frame = JSON.parse(String(raw));
      if (frame.type === 'welcome') socket.send(JSON.stringify({ command: 'subscribe', identifier }));
      else if (frame.type === 'confirm_subscription') resolve(socket);
      else if (frame.type === 'reject_subscription') reject(new Error('subscription rejected'));
      else if (frame.message?.event === 'message.created') onMessage(String(frame.message.data?.content ?? ''), at);
    });
  });
}

export async function benchWidgetReply() {
  const t = await startWithWebsiteInbox();
  try {
    const widget = (/** @type {string} */ path) => `${t.url}/api/v1/widget${path}?website_token=${encodeURIComponent(t.websiteToken)}`;
    const started = await fetch(widget('/conversations'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contact: { name: 'Visitante' }, message: { content: 'Olá!' } }),
    });
    if (started.status !== 200) throw new Error(`widget conversation: ${started.status} ${await started.text()}`);
    const conversation = /** @type {{ id: number, widget_auth_token: string }} */ (await started.json());
    const config = /** @type {{ contact: { pubsub_token: string } }} */ (await (await fetch(widget('/config'), { headers: { 'x-auth-token': conversation.widget_auth_token } })).json());

    /** @type {Map<string, number>} */
    const sentAt = new Map();
    /** @type {number[]} */
    const latencies = [];
    /** @type {Map<string, number>} when each frame arrived */
    const frameAt = new Map();
    const socket = await visitorSocket(t.url, config.contact.pubsub_token, (content, at) => {
      const sent = sentAt.get(content);
      if (sent === undefined) return;
      latencies.push(at - sent);
      frameAt.set(content, at);
    });

    const headers = { 'content-type': 'application/json', api_access_token: t.token };
    /** @type {number[]} */
    const requestMs = [];
    /** @type {Map<string, number>} when each POST was answered */
    const answeredAt = new Map();
    const run = `${Date.now()}`;
    const begin = performance.now();
    const requests = [];
    for (let i = 0; i < REPLIES; i++) {
      const wait = begin + (i * 1000) / RATE - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const content = `Resposta ${run} ${i}`;
      const sent = performance.now();
      sentAt.set(content, sent);
      requests.push(
        fetch(`${t.url}/api/v1/accounts/${t.accountId}/conversations/${conversation.id}/messages`, { method: 'POST', headers, body: JSON.stringify({ content }) }).then(async (res) => {
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`POST messages: ${res.status}`);
          requestMs.push(performance.now() - sent);
          answeredAt.set(content, performance.now());
        }),
      );
    }
    await Promise.all(requests);
    const deadline = performance.now() + 10_000;
    while (latencies.length < REPLIES && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    socket.close();
    // The realtime layer's own share: the frame against the POST's answer (negative: the frame came first).
    const frameVsAnswer = [...frameAt].map(([content, at]) => at - (answeredAt.get(content) ?? at));
    return {
      frameVsAnswerMs: { p50: percentile(frameVsAnswer, 50), p95: percentile(frameVsAnswer, 95), max: Math.max(...frameVsAnswer) },
      replies: REPLIES,
      rate: RATE,
      delivered: latencies.length,
      deliveryMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: Math.max(...latencies) },
      requestMs: { p50: percentile(requestMs, 50), p95: percentile(requestMs, 95), p99: percentile(requestMs, 99) },
    };
  } finally {
    await t.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchWidgetReply();
  console.log(`machine: ${machine()}`);
  console.log(`embedded PGlite, 1 node: ${r.replies} agent replies at ${r.rate}/s to one widget socket`);
  console.log(`agent POST sent → frame on the visitor's socket: p50 ${fmt(r.deliveryMs.p50)}, p95 ${fmt(r.deliveryMs.p95)}, p99 ${fmt(r.deliveryMs.p99)}, max ${fmt(r.deliveryMs.max)}`);
  console.log(`POST /messages answered: p50 ${fmt(r.requestMs.p50)}, p95 ${fmt(r.requestMs.p95)}, p99 ${fmt(r.requestMs.p99)}`);
  console.log(`frame on the socket − POST answered: p50 ${fmt(r.frameVsAnswerMs.p50)}, p95 ${fmt(r.frameVsAnswerMs.p95)}, max ${fmt(r.frameVsAnswerMs.max)}`);
  console.log(`delivered ${r.delivered} of ${r.replies}`);
  if (r.delivered < r.replies) process.exitCode = 1;
}
