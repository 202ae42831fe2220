// The notification center at 100k notifications per user: one agent with 100,000 notifications (a
// tenth unread) in PostgreSQL; times `GET /api/v1/accounts/{id}/notifications` (the dashboard's
// request: read ones included, snoozed ones not; meta.unread_count, meta.count, 15 a page) on page 1
// and on a deep page, through the built app over HTTP. Prints p50/p95/p99 (goal: page 1 p95 well
// under 100 ms).
//
//   node bench/notifications-list.mjs [--database-url postgres://postgres@127.0.0.1:5432/rockethub_bench_notifications]
//
// The database is dropped and made afresh (it must be a bench database). BENCH_REQUESTS per page
// (default 200), BENCH_NOTIFICATIONS (default 100000).
import pg from 'pg';
import { freshDatabase } from './db.mjs';
import { call, machine, signUpAccount, startNode } from './lib.mjs';
import { header, line, summarize, timedGet } from './measure.mjs';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const COUNT = Number(process.env.BENCH_NOTIFICATIONS ?? 100_000);
const at = process.argv.indexOf('--database-url');
const databaseUrl = at > 0 ? String(process.argv[at + 1]) : 'postgres://postgres@127.0.0.1:5432/rockethub_bench_notifications';

await freshDatabase(databaseUrl);
const node = await startNode({ DATABASE_URL: databaseUrl });
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
try {
  const { accountId, auth, api } = await signUpAccount(node.url, 'Notifications bench');
  const profile = await call('GET', `${node.url}/api/v1/profile`, auth);
  const inbox = await call('POST', api('/inboxes'), auth, { name: 'Portal', channel: { type: 'api' } });
  const contact = await call('POST', api('/contacts'), auth, { name: 'Cliente', email: 'cliente@example.test', inbox_id: inbox.id });
  const conversation = await call('POST', api('/conversations'), auth, { inbox_id: inbox.id, contact_id: contact.payload.contact.id });
  const { rows } = await db.query('SELECT id FROM conversations WHERE account_id = $1 AND display_id = $2', [accountId, conversation.id]);
  const conversationId = rows[0].id;

  const seeded = performance.now();
  // Newest first by minute; every tenth unread; event ids far from the app's own.
  await db.query(
    `INSERT INTO notifications (account_id, user_id, notification_type, conversation_id, event_id, secondary_actor_type, secondary_actor_id, last_activity_at, read_at, created_at)
     SELECT $1, $2, 'conversation_assignment', $3, 1000000000 + g, 'User', $2, now() - g * interval '1 minute',
            CASE WHEN g % 10 = 0 THEN NULL ELSE now() END, now() - g * interval '1 minute'
     FROM generate_series(1, $4::int) AS g`,
    [accountId, profile.id, conversationId, COUNT],
  );
  // What autovacuum would do after a bulk load (statistics, visibility map).
  await db.query('VACUUM ANALYZE notifications');
  const seedMs = performance.now() - seeded;

  const pages = [1, Math.floor((COUNT * 0.9) / 15)];
  const url = (/** @type {number} */ page) => api(`/notifications?page=${page}`);
  const first = await timedGet(url(1), auth);
  const meta = first.body.data.meta;
  if (meta.count !== COUNT || meta.unread_count !== COUNT / 10 || first.body.data.payload.length !== 15) {
    throw new Error(`unexpected page 1: ${JSON.stringify(meta)}, ${first.body.data.payload.length} rows`);
  }
  /** @type {Record<number, number[]>} */
  const times = Object.fromEntries(pages.map((p) => [p, []]));
  for (let i = 0; i < 20; i++) for (const p of pages) await timedGet(url(p), auth);
  for (let i = 0; i < REQUESTS; i++) {
    for (const p of pages) times[p]?.push((await timedGet(url(p), auth)).ms);
  }
  const deep = await timedGet(url(pages[1] ?? 1), auth);
  if (deep.body.data.payload.length !== 15) throw new Error(`deep page has ${deep.body.data.payload.length} rows`);

  const server = (await db.query('SHOW server_version')).rows[0].server_version;
  console.log(`machine: ${machine()}`);
  console.log(`PostgreSQL ${server}, 1 node; one agent with ${COUNT} notifications (${COUNT / 10} unread), seeded + vacuumed in ${(seedMs / 1000).toFixed(1)} s`);
  console.log(`meta on page 1: ${JSON.stringify(meta)}`);
  console.log(header('GET /notifications (sequential, one client)'));
  for (const p of pages) console.log(line(`page ${p}${p === 1 ? ' (newest)' : ` (rows ${(p - 1) * 15 + 1}–${p * 15})`}`, summarize(times[p] ?? [])));
} finally {
  await db.end();
  await node.stop();
}
