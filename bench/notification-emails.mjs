// Notification emails sent per second by the worker, to a real SMTP server on this machine. The
// real path: conversations created through the API → `conversation.created` in the outbox → the
// notification engine (one notification per inbox member who chose the email) → the batched email
// job → `mail.requested` in the outbox → the mail delivery job → SMTP.
//
//   node bench/notification-emails.mjs [--database-url postgres://postgres@127.0.0.1:5432/rockethub_bench_emails]
//
// BENCH_CONVERSATIONS (default 200) × BENCH_AGENTS (default 10) emails, one per (agent, conversation).
// The email jobs wait BENCH_EMAIL_DELAY seconds (default 30, the app's NOTIFICATION_EMAIL_DELAY_SECONDS)
// so that they come due together once every conversation exists: the figure is the worker's drain
// rate, from the first email to reach the SMTP server to the last. The database is made afresh.
import { SMTPServer } from 'smtp-server';
import pg from 'pg';
import { freshDatabase } from './db.mjs';
import { call, machine, signUpAccount, startNode } from './lib.mjs';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 200);
const AGENTS = Number(process.env.BENCH_AGENTS ?? 10);
const DELAY = Number(process.env.BENCH_EMAIL_DELAY ?? 30);
const EXPECTED = CONVERSATIONS * AGENTS;
const at = process.argv.indexOf('--database-url');
const databaseUrl = at > 0 ? String(process.argv[at + 1]) : 'postgres://postgres@127.0.0.1:5432/rockethub_bench_emails';

/**
 * A local SMTP server that notes when each notification email (one with a conversation link)
 * arrived, and for whom; other mail (invitations) is only counted.
 */
async function startSink() {
  /** @type {{ at: number, to: string }[]} */
  const notifications = [];
  const sessions = new Set();
  let other = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(session, callback) {
      sessions.add(session.id);
      callback();
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address).join(',');
      /** @type {Buffer[]} */
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        if (Buffer.concat(chunks).toString('utf8').includes('/conversations/')) notifications.push({ at: performance.now(), to });
        else other += 1;
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    notifications,
    connections: () => sessions.size,
    other: () => other,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}

const sink = await startSink();
await freshDatabase(databaseUrl);
const node = await startNode({
  DATABASE_URL: databaseUrl,
  SMTP_URL: sink.url,
  MAILER_SENDER_EMAIL: 'RocketHub <support@rockethub.test>',
  NOTIFICATION_EMAIL_DELAY_SECONDS: String(DELAY),
});
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
try {
  const { accountId, auth, api } = await signUpAccount(node.url, 'Emails bench');
  /** @type {number[]} */
  const agentIds = [];
  for (let i = 0; i < AGENTS; i++) {
    const agent = await call('POST', api('/agents'), auth, { name: `Agente ${i}`, email: `agente${i}@bench.rockethub.test`, role: 'agent' });
    agentIds.push(agent.id);
  }
  // Each agent chose "conversation created" by email (set in the database: the agents never sign in).
  await db.query(
    `INSERT INTO notification_settings (account_id, user_id, email_types, push_types)
     SELECT $1, unnest($2::bigint[]), ARRAY['conversation_creation'], ARRAY[]::text[]`,
    [accountId, agentIds],
  );
  const inbox = await call('POST', api('/inboxes'), auth, { name: 'Portal', channel: { type: 'api' } });
  await call('POST', api('/inbox_members'), auth, { inbox_id: inbox.id, user_ids: agentIds });
  const contact = await call('POST', api('/contacts'), auth, { name: 'Cliente', email: 'cliente@example.test', inbox_id: inbox.id });

  const generated = performance.now();
  for (let i = 0; i < CONVERSATIONS; i++) {
    await call('POST', api('/conversations'), auth, { inbox_id: inbox.id, contact_id: contact.payload.contact.id });
  }
  const generateMs = performance.now() - generated;
  if (generateMs > DELAY * 1000 * 0.8) console.warn(`generation took ${(generateMs / 1000).toFixed(1)} s: raise BENCH_EMAIL_DELAY so it ends before the emails are due`);

  const deadline = performance.now() + DELAY * 1000 + 600_000;
  while (sink.notifications.length < EXPECTED && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const times = sink.notifications.map((n) => n.at);
  const first = Math.min(...times);
  const last = Math.max(...times);
  const perSecond = ((sink.notifications.length - 1) * 1000) / (last - first);
  const distinct = new Set(sink.notifications.map((n) => n.to)).size;

  const server = (await db.query('SHOW server_version')).rows[0].server_version;
  console.log(`machine: ${machine()}`);
  console.log(`PostgreSQL ${server}, 1 node (web + worker); SMTP server on this machine (smtp-server, no TLS)`);
  console.log(`${CONVERSATIONS} conversations created through the API in ${(generateMs / 1000).toFixed(1)} s, ${AGENTS} inbox members each emailed: ${EXPECTED} emails expected`);
  console.log(`received ${sink.notifications.length} notification emails for ${distinct} recipients (+${sink.other()} other mails) over ${sink.connections()} SMTP connections`);
  console.log(`first → last email: ${((last - first) / 1000).toFixed(1)} s → ${perSecond.toFixed(1)} emails/s`);
  if (sink.notifications.length < EXPECTED) process.exitCode = 1;
} finally {
  await db.end();
  await node.stop();
  await sink.close();
}
