// Sign-in → rendered conversation list, in Chromium (playwright-core) against the production build
// on a generated installation (bench/generate.mjs; made on first use in its own PostgreSQL database).
//
// Each sample is a fresh browser context (cold cache, no session): open /app/login, type an
// e-mail and password, then time, inside the page, from the form's submit event to the frame that
// first shows a conversation card. Two people: the agent with the most open conversations assigned
// on "Minhas" (the dashboard's first tab), and the administrator on "Todas" (the list preference
// they left in the browser's storage) over the whole large account. The page's resource timing
// splits the wait: the sign-in request, then the list request. `--trace` prints one sample's requests,
// `--profile` where the last sample's main thread spent its time, `--chrome-trace FILE` saves a
// DevTools performance trace of each person's last sample (FILE-me.json, FILE-all.json).
//
//   node bench/dashboard-sign-in.mjs [--database-url postgres://postgres@127.0.0.1:5432/rockethub_bench_dash]
//        [--scale 0.05 (5,000 conversations, ~50,000 messages)] [--samples 15] [--trace] [--profile] [--chrome-trace FILE]
import { generatedDataset, BENCH_PASSWORD, benchEmail, launchChromium } from './dashboard.mjs';
import { startCpuProfile } from './cpu-profile.mjs';
import { parseOptions } from './db.mjs';
import { machine, startNode } from './lib.mjs';
import { load, ms, saveResults, summarize } from './measure.mjs';

const options = parseOptions(process.argv.slice(2));
const DATABASE_URL = options['database-url'] ?? 'postgres://postgres@127.0.0.1:5432/rockethub_bench_dash';
const SCALE = Number(options.scale ?? 0.05);
const SAMPLES = Number(options.samples ?? 15);
const TRACE = options.trace === 'true';
const PROFILE = options.profile === 'true';
const CHROME_TRACE = options['chrome-trace'];

/** Runs in every page before its scripts: notes the submit and the first drawn conversation card. */
function watchSignIn() {
  /** The page's window (this runs in the browser). */
  const win = /** @type {any} */ (globalThis);
  const marks = /** @type {{ submitAt?: number, cardAt?: number }} */ ({});
  /** @type {any} */ (globalThis).benchMarks = marks;
  win.document.addEventListener('submit', () => (marks.submitAt = performance.now()), true);
  const observer = new win.MutationObserver(() => {
    if (marks.submitAt === undefined || marks.cardAt !== undefined) return;
    const card = win.document.querySelector('[data-testid="conversation-list-scroller"] li a');
    if (!card || card.getBoundingClientRect().height === 0) return;
    marks.cardAt = -1;
    // The frame that paints it.
    win.requestAnimationFrame((/** @type {number} */ t) => (marks.cardAt = t));
  });
  const start = () => observer.observe(win.document.documentElement, { childList: true, subtree: true });
  if (win.document.documentElement) start();
  else win.document.addEventListener('readystatechange', start, { once: true });
}

const dataset = await generatedDataset(DATABASE_URL, SCALE);
const agent = [...dataset.agents].sort((a, b) => b.openAssigned - a.openAssigned)[0];
if (!agent) throw new Error('no agent in the dataset');
const node = await startNode({ DATABASE_URL, SIGN_IN_LIMIT_PER_IP: '10000' });
const browser = await launchChromium();
const people = [
  { name: `agent ${benchEmail(agent.id)} on "Minhas" (${agent.openAssigned} open assigned)`, email: benchEmail(agent.id), tab: 'me' },
  { name: `administrator on "Todas" (whole account, open)`, email: benchEmail(1), tab: 'all' },
];
/** @type {Record<string, { total: number, signInRequest: number, listRequest: number }[]>} */
const runs = {};
try {
  for (const person of people) {
    runs[person.name] = [];
    for (let i = 0; i < SAMPLES + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
      await context.addInitScript(watchSignIn);
      await context.addInitScript((tab) => /** @type {any} */ (globalThis).localStorage.setItem('rockethub.conversationList', JSON.stringify({ tab })), person.tab);
      const page = await context.newPage();
      await page.goto(`${node.url}/app/login`);
      await page.getByLabel('E-mail', { exact: true }).fill(person.email);
      await page.getByLabel('Senha', { exact: true }).fill(BENCH_PASSWORD);
      const stopProfile = PROFILE && i === SAMPLES ? await startCpuProfile(page) : undefined;
      const tracing = CHROME_TRACE && i === SAMPLES ? `${CHROME_TRACE.replace(/\.json$/, '')}-${person.tab}.json` : undefined;
      if (tracing) await browser.startTracing(page, { path: tracing });
      await page.getByRole('button', { name: 'Entrar', exact: true }).click();
      await page.waitForFunction(() => (/** @type {any} */ (globalThis).benchMarks.cardAt ?? -1) > 0, undefined, { timeout: 30_000, polling: 50 });
      if (tracing) await browser.stopTracing();
      if (stopProfile) console.log(`${person.name}, main thread from submit to the card:\n${await stopProfile()}`);
      const run = await page.evaluate(() => {
        const marks = /** @type {any} */ (globalThis).benchMarks;
        const entries = /** @type {any[]} */ (performance.getEntriesByType('resource')).filter((e) => e.startTime >= marks.submitAt);
        const end = (/** @type {RegExp} */ pattern) => entries.find((e) => pattern.test(new URL(e.name).pathname))?.responseEnd ?? NaN;
        return {
          total: marks.cardAt - marks.submitAt,
          signInRequest: end(/\/auth\/sign_in$/) - marks.submitAt,
          listRequest: end(/\/conversations$/) - marks.submitAt,
          requests: entries.map((e) => `${(e.startTime - marks.submitAt).toFixed(0).padStart(5)} → ${(e.responseEnd - marks.submitAt).toFixed(0).padStart(5)} ms  ${new URL(e.name).pathname}${new URL(e.name).search}`),
        };
      });
      if (TRACE && i === SAMPLES) console.log(`${person.name}, one sample's requests after submit (card drawn at ${ms(run.total)} ms):\n  ${run.requests.join('\n  ')}`);
      // The first sample warms the node (its caches, PostgreSQL's buffers) and is not counted.
      if (i > 0) runs[person.name]?.push({ total: run.total, signInRequest: run.signInRequest, listRequest: run.listRequest });
      await context.close();
    }
  }
} finally {
  await browser.close();
  await node.stop();
}

console.log(`machine: ${machine()}; load average ${load()}`);
console.log(`dataset: bench/generate.mjs --scale ${SCALE} (${dataset.conversations} conversations in the large account)`);
console.log(`Chromium headless, ${SAMPLES} samples per person, a fresh context (cold cache) each, 1440×900`);
/** @type {Record<string, unknown>} */
const summaries = {};
for (const [name, list] of Object.entries(runs)) {
  const total = summarize(list.map((r) => r.total));
  const signInRequest = summarize(list.map((r) => r.signInRequest));
  const listRequest = summarize(list.map((r) => r.listRequest));
  summaries[name] = { total, signInRequest, listRequest };
  console.log(name);
  console.log(`  submit → sign-in answered      p50 ${ms(signInRequest.p50)} ms, p95 ${ms(signInRequest.p95)} ms`);
  console.log(`  submit → list answered         p50 ${ms(listRequest.p50)} ms, p95 ${ms(listRequest.p95)} ms`);
  console.log(`  submit → first card drawn      p50 ${ms(total.p50)} ms, p95 ${ms(total.p95)} ms, max ${ms(total.max)} ms`);
}
console.log(`saved ${saveResults('dashboard-sign-in', { scale: SCALE, runs, summaries, load: load() })}`);
