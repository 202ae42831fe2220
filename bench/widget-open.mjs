// The website widget as a visitor meets it, in Chromium (playwright-core), from the production
// build: a customer's page on another origin (served here) embeds Chatwoot's snippet.
//
//   1. What the page fetches before the visitor interacts or the page is idle: only the loader.
//   2. Click on the bubble → interactive widget (the home's start button drawn, the config loaded),
//      cold cache (a fresh browser context per sample), in two cases: the visitor clicks before the
//      page was idle (the bench holds back the loader's idle preload, the worst case) and after
//      the idle preload (what most visitors get). p50/p95.
//
//   node bench/widget-open.mjs           (needs `npm run build`; BENCH_SAMPLES, default 20)
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { fmt, freePort, machine, percentile } from './lib.mjs';
import { startWithWebsiteInbox } from './widget-setup.mjs';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The customer's page. `holdIdle` keeps the loader's idle callback from running (a visitor who
 * clicks before the page is ever idle); otherwise the page notes when the idle callback ran.
 * @param {string} baseUrl @param {string} websiteToken @param {boolean} holdIdle
 */
function sitePage(baseUrl, websiteToken, holdIdle) {
  return `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>Loja</title></head>
<body><h1>Loja Exemplo</h1><p>Os melhores foguetes do Brasil.</p>
<script>
  (function () {
    var original = window.requestIdleCallback.bind(window);
    window.requestIdleCallback = ${
      holdIdle
        ? 'function () { return 0; }'
        : 'function (cb, o) { return original(function (d) { window.idleAt = performance.now(); cb(d); }, o); }'
    };
  })();
  window.chatwootSettings = { position: 'right', type: 'standard', launcherTitle: 'Fale conosco', locale: 'pt_BR' };
  (function (d, t) {
    var BASE_URL = ${JSON.stringify(baseUrl)};
    var g = d.createElement(t), s = d.getElementsByTagName(t)[0];
    g.src = BASE_URL + '/packs/js/sdk.js';
    g.defer = true;
    g.async = true;
    s.parentNode.insertBefore(g, s);
    g.onload = function () { window.chatwootSDK.run({ websiteToken: ${JSON.stringify(websiteToken)}, baseUrl: BASE_URL }); };
  })(document, 'script');
</script></body></html>`;
}

/** A fetched URL as the report shows it: which server, which path. @param {string} siteUrl @param {string} url */
const label = (siteUrl, url) => `${url.startsWith(siteUrl) ? 'site' : 'app'} ${new URL(url).pathname}`;

export async function benchWidgetOpen() {
  const t = await startWithWebsiteInbox();
  const port = await freePort();
  const site = createServer((request, response) => {
    const hold = request.url?.startsWith('/cold');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(sitePage(t.url, t.websiteToken, Boolean(hold)));
  });
  await new Promise((resolve) => site.listen(port, '127.0.0.1', () => resolve(undefined)));
  // "localhost" and 127.0.0.1 are different origins: the widget runs cross-origin, as on a real site.
  const siteUrl = `http://localhost:${port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    /** @type {{ before: string[], idleMs: number }[]} */
    const idleRuns = [];
    /** @type {Set<string>} */
    const fetchedBeforeClick = new Set();
    /** @type {number[]} */
    const coldClick = [];
    /** @type {number[]} */
    const afterIdleClick = [];
    for (let i = 0; i < SAMPLES; i++) {
      // Idle: what was fetched before the loader's idle callback ran (resource timing of the page).
      {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.goto(`${siteUrl}/idle`);
        await page.waitForFunction(() => typeof (/** @type {any} */ (globalThis).idleAt) === 'number', undefined, { timeout: 15_000 });
        const seen = await page.evaluate(() => {
          const idleAt = /** @type {number} */ (/** @type {any} */ (globalThis).idleAt);
          const before = performance
            .getEntriesByType('resource')
            .filter((e) => e.startTime <= idleAt)
            .map((e) => e.name);
          return { before, idleMs: idleAt };
        });
        idleRuns.push(seen);
        // The visitor clicks once the page was idle (the widget app was preloaded then).
        await page.locator('iframe[src*="/widget?website_token="]').waitFor({ state: 'attached' });
        await page.waitForLoadState('networkidle');
        afterIdleClick.push(await clickToInteractive(page));
        await context.close();
      }
      // Cold click: the visitor clicks before the page was ever idle; only the loader is there.
      {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        /** @type {string[]} */
        const requests = [];
        page.on('request', (request) => requests.push(request.url()));
        await page.goto(`${siteUrl}/cold`);
        await page.getByRole('button', { name: 'Fale conosco' }).waitFor();
        await page.waitForLoadState('networkidle');
        const beforeClick = [...requests];
        if (beforeClick.some((u) => u.includes('/widget'))) throw new Error(`widget fetched before the click: ${beforeClick.join(', ')}`);
        for (const url of beforeClick) fetchedBeforeClick.add(label(siteUrl, url));
        coldClick.push(await clickToInteractive(page));
        await context.close();
      }
    }
    const fetchedBeforeIdle = new Set(idleRuns.flatMap((r) => r.before.map((u) => label(siteUrl, u))));
    return {
      samples: SAMPLES,
      fetchedBeforeIdle: [...fetchedBeforeIdle],
      fetchedBeforeClick: [...fetchedBeforeClick],
      idleMs: { p50: percentile(idleRuns.map((r) => r.idleMs), 50), p95: percentile(idleRuns.map((r) => r.idleMs), 95) },
      coldClickMs: { p50: percentile(coldClick, 50), p95: percentile(coldClick, 95), max: Math.max(...coldClick) },
      afterIdleClickMs: { p50: percentile(afterIdleClick, 50), p95: percentile(afterIdleClick, 95), max: Math.max(...afterIdleClick) },
    };
  } finally {
    await browser.close();
    await new Promise((resolve) => site.close(() => resolve(undefined)));
    await t.stop();
  }
}

/**
 * Clicks the bubble and waits for the widget's home to be usable (its start button visible and
 * enabled inside the iframe). Timed from just before the click, in this process.
 * @param {import('playwright-core').Page} page
 */
async function clickToInteractive(page) {
  const bubble = page.getByRole('button', { name: 'Fale conosco' });
  await bubble.waitFor();
  const start = page.frameLocator('iframe[src*="/widget?website_token="]').getByRole('button', { name: 'Iniciar conversa' });
  const began = performance.now();
  await bubble.click({ noWaitAfter: true });
  await start.waitFor({ state: 'visible', timeout: 15_000 });
  return performance.now() - began;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchWidgetOpen();
  console.log(`machine: ${machine()}`);
  console.log(`Chromium headless, ${r.samples} samples per case, a fresh context (cold cache) each`);
  console.log(`fetched before a click (idle held back): ${r.fetchedBeforeClick.join(', ')}`);
  console.log(`fetched by the page before its idle callback ran: ${r.fetchedBeforeIdle.join(', ')} (idle at p50 ${fmt(r.idleMs.p50)}, p95 ${fmt(r.idleMs.p95)} after navigation start)`);
  console.log(`click → interactive, clicked before idle (cold): p50 ${fmt(r.coldClickMs.p50)}, p95 ${fmt(r.coldClickMs.p95)}, max ${fmt(r.coldClickMs.max)}`);
  console.log(`click → interactive, clicked after the idle preload: p50 ${fmt(r.afterIdleClickMs.p50)}, p95 ${fmt(r.afterIdleClickMs.p95)}, max ${fmt(r.afterIdleClickMs.max)}`);
}
