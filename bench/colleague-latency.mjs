// A message sent by one agent appearing on a colleague's screen, in Chromium (playwright-core),
// against the production build on the generated installation (bench/generate.mjs; made on first use
// in its own PostgreSQL database, shared with bench/dashboard-sign-in.mjs).
//
// Two agents of the same inbox sign in, each in their own browser context, and open the same open
// conversation. Agent A types a reply in the composer and presses Enter; inside each page the
// script notes A's Enter (keydown) and the frame in which B's history first shows the message
// (MutationObserver + requestAnimationFrame), on the shared clock (performance.timeOrigin + now).
// Also noted: when A's POST was answered and when A's own history showed it. p50/p95 over
// `--messages` replies, one every ~`--gap` ms.
//
//   node bench/colleague-latency.mjs [--database-url postgres://postgres@127.0.0.1:5432/rockethub_bench_dash]
//        [--scale 0.05] [--messages 30] [--gap 300] [--redis-url redis://127.0.0.1:6379]
import pg from 'pg';
import { BENCH_PASSWORD, benchEmail, generatedDataset, history, launchChromium } from './dashboard.mjs';
import { parseOptions } from './db.mjs';
import { machine, startNode } from './lib.mjs';
import { load, ms, saveResults, summarize } from './measure.mjs';

const options = parseOptions(process.argv.slice(2));
const DATABASE_URL = options['database-url'] ?? 'postgres://postgres@127.0.0.1:5432/rockethub_bench_dash';
const SCALE = Number(options.scale ?? 0.05);
const MESSAGES = Number(options.messages ?? 30);
const GAP = Number(options.gap ?? 300);
const REDIS_URL = options['redis-url'];
const RUN = Date.now();

/** Runs in both pages: A notes its Enter presses; both note when a marked message is first drawn. */
function watchMessages() {
  /** The page's window (this runs in the browser). */
  const win = /** @type {any} */ (globalThis);
  const state = /** @type {any} */ (globalThis);
  const now = () => performance.timeOrigin + performance.now();
  state.bench = { enterAt: /** @type {number[]} */ ([]), seen: /** @type {Record<string, number>} */ ({}) };
  win.document.addEventListener('keydown', (/** @type {any} */ event) => {
    if (event.key === 'Enter' && !event.shiftKey && /** @type {any} */ (event.target).tagName === 'TEXTAREA') state.bench.enterAt.push(now());
  }, true);
  const observer = new win.MutationObserver(() => {
    for (const line of win.document.querySelectorAll('li[data-message-id]')) {
      const mark = /bench-(\d+-\d+)-mark/.exec(line.textContent ?? '')?.[1];
      if (mark === undefined || mark in state.bench.seen) continue;
      state.bench.seen[mark] = -1;
      win.requestAnimationFrame((/** @type {number} */ t) => (state.bench.seen[mark] = performance.timeOrigin + t));
    }
  });
  const start = () => observer.observe(win.document.documentElement, { childList: true, subtree: true, characterData: true });
  if (win.document.documentElement) start();
  else win.document.addEventListener('readystatechange', start, { once: true });
}

/** Two agents of one inbox (pt-BR dashboards) and an open conversation there. */
async function pickAgentsAndConversation() {
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    const [row] = (
      await db.query(
        `SELECT a.user_id::int AS a, b.user_id::int AS b, c.display_id::int AS display_id, c.account_id::int AS account_id
           FROM inbox_members a
           JOIN inbox_members b ON b.inbox_id = a.inbox_id AND b.user_id > a.user_id
           JOIN users ua ON ua.id = a.user_id AND ua.locale = 'pt_BR'
           JOIN users ub ON ub.id = b.user_id AND ub.locale = 'pt_BR'
           JOIN account_users au ON au.user_id = a.user_id AND au.role = 'agent'
           JOIN conversations c ON c.inbox_id = a.inbox_id AND c.status = 'open'
          ORDER BY a.user_id, b.user_id, c.id LIMIT 1`,
      )
    ).rows;
    if (!row) throw new Error('no two agents sharing an inbox with an open conversation');
    return row;
  } finally {
    await db.end();
  }
}

const dataset = await generatedDataset(DATABASE_URL, SCALE);
const pick = await pickAgentsAndConversation();
const node = await startNode({
  DATABASE_URL,
  SIGN_IN_LIMIT_PER_IP: '10000',
  ...(REDIS_URL ? { REDIS_URL, REDIS_KEY_PREFIX: `bench-${Date.now()}:` } : {}),
});
const browser = await launchChromium();
try {
  /** @param {number} userId */
  const open = async (userId) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
    await context.addInitScript(watchMessages);
    const page = await context.newPage();
    await page.goto(`${node.url}/app/login`);
    await page.getByLabel('E-mail', { exact: true }).fill(benchEmail(userId));
    await page.getByLabel('Senha', { exact: true }).fill(BENCH_PASSWORD);
    await page.getByRole('button', { name: 'Entrar', exact: true }).click();
    await page.waitForURL(/\/app\/accounts\/\d+\//);
    await page.goto(`${node.url}/app/accounts/${pick.account_id}/conversations/${pick.display_id}`);
    await history(page).waitFor({ timeout: 30_000 });
    return page;
  };
  const a = await open(pick.a);
  const b = await open(pick.b);
  await a.waitForLoadState('networkidle');
  await b.waitForLoadState('networkidle');
  const box = a.locator('textarea').first();

  /** @type {{ toColleague: number, toSelf: number, postAnswered: number }[]} */
  const runs = [];
  for (let i = 0; i < MESSAGES + 2; i++) {
    // Unique per run: earlier runs left their replies in the conversation.
    const key = `${RUN}-${i}`;
    const mark = `bench-${key}-mark`;
    await box.fill(`Oi! Já verifiquei o pedido, segue a atualização ${mark}`);
    await a.waitForTimeout(GAP);
    const enterIndex = await a.evaluate(() => /** @type {any} */ (globalThis).bench.enterAt.length);
    await box.press('Enter');
    await b.waitForFunction((m) => (/** @type {any} */ (globalThis).bench.seen[m] ?? -1) > 0, key, { timeout: 15_000, polling: 20 });
    await a.waitForFunction((m) => (/** @type {any} */ (globalThis).bench.seen[m] ?? -1) > 0, key, { timeout: 15_000, polling: 20 });
    const enterAt = await a.evaluate((n) => /** @type {any} */ (globalThis).bench.enterAt[n], enterIndex);
    const seenByB = await b.evaluate((m) => /** @type {any} */ (globalThis).bench.seen[m], key);
    const seenByA = await a.evaluate((m) => /** @type {any} */ (globalThis).bench.seen[m], key);
    const postAnswered = await a.evaluate((from) => {
      const posts = /** @type {any[]} */ (performance.getEntriesByType('resource')).filter(
        (e) => /\/messages$/.test(new URL(e.name).pathname) && e.initiatorType === 'fetch' && performance.timeOrigin + e.startTime >= from,
      );
      const first = posts[0];
      return first ? performance.timeOrigin + first.responseEnd - from : NaN;
    }, enterAt);
    // The first two replies warm things up (the composer's first send, the node's caches).
    if (i >= 2) runs.push({ toColleague: seenByB - enterAt, toSelf: seenByA - enterAt, postAnswered });
  }

  const toColleague = summarize(runs.map((r) => r.toColleague));
  const toSelf = summarize(runs.map((r) => r.toSelf));
  const postAnswered = summarize(runs.map((r) => r.postAnswered).filter((x) => Number.isFinite(x)));
  console.log(`machine: ${machine()}; load average ${load()}`);
  console.log(
    `dataset: bench/generate.mjs --scale ${SCALE} (${dataset.conversations} conversations); agents ${benchEmail(pick.a)} (A) and ${benchEmail(pick.b)} (B), conversation #${pick.display_id}; ${REDIS_URL ? 'PostgreSQL + Redis' : 'PostgreSQL, no Redis'}`,
  );
  console.log(`Chromium headless, two contexts, ${runs.length} replies typed in A's composer and sent with Enter, one every ~${GAP} ms`);
  console.log(`A's Enter → A's POST answered        p50 ${ms(postAnswered.p50)} ms, p95 ${ms(postAnswered.p95)} ms, max ${ms(postAnswered.max)} ms`);
  console.log(`A's Enter → drawn in A's history     p50 ${ms(toSelf.p50)} ms, p95 ${ms(toSelf.p95)} ms, max ${ms(toSelf.max)} ms`);
  console.log(`A's Enter → drawn on B's screen      p50 ${ms(toColleague.p50)} ms, p95 ${ms(toColleague.p95)} ms, max ${ms(toColleague.max)} ms (goal ≤ 300 ms)`);
  console.log(`saved ${saveResults('colleague-latency', { pick, runs, toColleague, toSelf, postAnswered, load: load() })}`);
} finally {
  await browser.close();
  await node.stop();
}
