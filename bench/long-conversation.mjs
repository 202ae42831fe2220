// A conversation with 50,000 messages in the dashboard, in Chromium (playwright-core), against the
// production build on a PostgreSQL database of its own (made again on every run):
//
//   1. Click on the conversation's card → its latest page of messages drawn (the newest message's
//      line in the history, the frame that paints it), timed inside the page. Each sample reloads
//      the dashboard first (no messages cached in memory; the scripts are in the HTTP cache, as for
//      an agent who already opened a conversation today). p50/p95.
//   2. Scrolling up through older pages with the mouse wheel (SCROLL_PAGES pages of 20), watching
//      the main thread: long tasks (PerformanceObserver 'longtask', > 50 ms) and the gaps between
//      animation frames while scrolling (a gap of 100 ms or more is a visible freeze).
//   3. For reference, the API's latest page (`GET …/messages`) timed from Node.
//
// The history is a realistic mix written with one SQL statement: customer messages, agent replies
// with Markdown (bold, lists, links, code), private notes, activity lines, and about 3 % with an
// attachment (an image or a PDF uploaded once through the API, shared by those rows).
//
//   node bench/long-conversation.mjs [--database-url postgres://postgres@127.0.0.1:5432/rockethub_bench_long]
//        [--messages 50000] [--samples 15] [--scroll-pages 20] [--profile] [--trace] [--chrome-trace FILE]
//
// `--trace` prints the last open's requests, `--profile` where the main thread spent the last open and the scroll,
// `--chrome-trace FILE` saves a DevTools performance trace of the last open.
import pg from 'pg';
import { startCpuProfile } from './cpu-profile.mjs';
import { BENCH_PASSWORD, history, launchChromium } from './dashboard.mjs';
import { parseOptions } from './db.mjs';
import { machine, startNode } from './lib.mjs';
import { load, ms, saveResults, summarize, timedGet } from './measure.mjs';

const options = parseOptions(process.argv.slice(2));
const DATABASE_URL = options['database-url'] ?? 'postgres://postgres@127.0.0.1:5432/rockethub_bench_long';
const MESSAGES = Number(options.messages ?? 50_000);
const SAMPLES = Number(options.samples ?? 15);
const SCROLL_PAGES = Number(options['scroll-pages'] ?? 20);
const PROFILE = options.profile === 'true';
const TRACE = options.trace === 'true';
const CHROME_TRACE = options['chrome-trace'];
const EMAIL = 'long@bench.rockethub.test';

/** A 1×1 PNG and a tiny PDF, the two files the history's attachments point at. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** Drops and creates the benchmark's database. @param {string} databaseUrl */
async function freshDatabase(databaseUrl) {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * A JSON API call as the administrator. @param {string} url @param {string} token
 * @param {string} method @param {string} path @param {unknown} [body]
 */
async function api(url, token, method, path, body) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { api_access_token: token, ...(body instanceof FormData ? {} : { 'content-type': 'application/json' }) },
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/**
 * The account, its API inbox, a customer and the conversation (assigned to the administrator, so
 * it is on "Minhas"), two uploaded attachments, then the long history in one INSERT … SELECT.
 * @param {string} url
 */
async function makeLongConversation(url) {
  const signUp = await fetch(`${url}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account_name: 'Loja Longa', user_full_name: 'Beatriz Lima', email: EMAIL, password: BENCH_PASSWORD }),
  });
  if (signUp.status !== 200) throw new Error(`sign-up: ${signUp.status} ${await signUp.text()}`);
  const { data } = /** @type {{ data: { account_id: number, access_token: string, id: number } }} */ (await signUp.json());
  const accountId = data.account_id;
  const token = data.access_token;
  const base = `/api/v1/accounts/${accountId}`;
  const inbox = await api(url, token, 'POST', `${base}/inboxes`, { name: 'API Loja', channel: { type: 'api' } });
  const contact = await api(url, token, 'POST', `${base}/contacts`, { name: 'Marina Costa', email: 'marina.costa@example.test' });
  const contactId = Number(contact.payload?.contact?.id ?? contact.payload?.id ?? contact.id);
  const profile = await api(url, token, 'GET', '/api/v1/profile');
  const conversation = await api(url, token, 'POST', `${base}/conversations`, { inbox_id: inbox.id, contact_id: contactId, assignee_id: profile.id });
  const displayId = Number(conversation.id);
  for (const [name, type, bytes] of /** @type {const} */ ([['foto-do-produto.png', 'image/png', PNG], ['nota-fiscal.pdf', 'application/pdf', PDF]])) {
    const form = new FormData();
    form.set('content', '');
    form.append('attachments[]', new Blob([bytes], { type }), name);
    await api(url, token, 'POST', `${base}/conversations/${displayId}/messages`, form);
  }

  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    const [row] = (await db.query('SELECT id FROM conversations WHERE account_id = $1 AND display_id = $2', [accountId, displayId])).rows;
    const conversationId = Number(row.id);
    const started = performance.now();
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO messages (account_id, conversation_id, inbox_id, message_type, content, private, status, sender_type, sender_id, created_at, updated_at)
       SELECT $1, $2, $3, m.type, m.content, m.private, CASE WHEN m.type = 1 AND NOT m.private THEN 'delivered' ELSE 'sent' END,
              CASE m.type WHEN 0 THEN 'contact' WHEN 1 THEN 'user' END,
              CASE m.type WHEN 0 THEN $4::bigint WHEN 1 THEN $5::bigint END,
              m.at, m.at
         FROM (
           SELECT k, kind.r,
                  CASE WHEN kind.r < 0.46 THEN 0 WHEN kind.r < 0.97 THEN 1 ELSE 2 END AS type,
                  kind.r >= 0.88 AND kind.r < 0.97 AS private,
                  now() - interval '400 days' + (k::float8 / $6) * interval '400 days' AS at,
                  CASE
                    WHEN k = $6 THEN 'Última mensagem da conversa longa: obrigada pela paciência!'
                    WHEN kind.r < 0.46 THEN (ARRAY[
                      'Oi, tudo bem? Meu pedido ' || (100000 + k) || ' ainda não chegou.',
                      'Já faz ' || (2 + k % 12) || ' dias que paguei e nada de atualização no rastreio.',
                      'Vocês conseguem trocar o tamanho? Comprei M mas preciso de G.',
                      'Recebi o produto com a caixa amassada e um arranhão na lateral. Segue a foto. O que eu faço agora? Preciso dele para o fim de semana e não queria ter que devolver tudo de novo.',
                      'Obrigada!',
                      'Qual o prazo de entrega para Belo Horizonte?',
                      'O cupom PRIMEIRACOMPRA não funcionou no carrinho.',
                      'Pode ser, fico no aguardo.'])[1 + k % 8]
                    WHEN kind.r < 0.88 THEN (ARRAY[
                      'Olá! Sou a Beatriz e vou te ajudar. Pode me passar o **número do pedido**?',
                      E'Verifiquei aqui:\n\n- pedido **' || (100000 + k) || E'** faturado\n- envio pela transportadora\n- previsão: ' || (2 + k % 9) || ' dias úteis',
                      'Você pode acompanhar pelo [link de rastreio](https://rastreio.example.test/' || k || ').',
                      'Gerei o cupom \`TROCA' || k || '\` para a troca, é só usar no checkout.',
                      'Sinto muito pelo transtorno! Já abri a solicitação de troca e você recebe a etiqueta por e-mail em até *24 horas*.',
                      E'Para trocar o tamanho:\n\n1. acesse **Meus pedidos**\n2. escolha *Trocar*\n3. imprima a etiqueta',
                      'Perfeito, qualquer dúvida é só chamar por aqui.'])[1 + k % 7]
                    WHEN kind.r < 0.97 THEN (ARRAY[
                      'Cliente recorrente, já teve duas trocas este ano. Conferir com o financeiro antes de estornar.',
                      'Transportadora confirmou atraso na rota de MG.',
                      'Pedido ' || (100000 + k) || ' com pagamento em análise.'])[1 + k % 3]
                    ELSE (ARRAY['Beatriz Lima adicionou o marcador troca', 'Conversa atribuída a Beatriz Lima', 'Prioridade alterada para alta'])[1 + k % 3]
                  END AS content
             FROM generate_series(1, $6) k
             CROSS JOIN LATERAL (SELECT (hashint8(k) & 1048575)::float8 / 1048576 AS r) kind
            ORDER BY k
         ) m`,
      [accountId, conversationId, inbox.id, contactId, profile.id, MESSAGES],
    );
    // About 2 % of customer messages carry the photo, 1 % of agent replies the invoice.
    const uploaded = (await db.query('SELECT a.id FROM attachments a JOIN messages m ON m.id = a.message_id WHERE m.conversation_id = $1', [conversationId])).rows;
    if (uploaded.length !== 2) throw new Error(`expected the 2 uploaded attachments, found ${uploaded.length}`);
    await db.query(
      `INSERT INTO attachments (account_id, message_id, file_type, storage_key, thumbnail_key, external_url, file_name, content_type, byte_size, width, height, meta)
       SELECT m.account_id, m.id, a.file_type, a.storage_key, a.thumbnail_key, a.external_url, a.file_name, a.content_type, a.byte_size, a.width, a.height, a.meta
         FROM messages m
         JOIN attachments a ON a.id = ANY($2::bigint[]) AND (a.file_type = 'image') = (m.message_type = 0)
        WHERE m.conversation_id = $1 AND NOT m.private AND m.message_type IN (0, 1)
          AND ((m.message_type = 0 AND m.id % 50 = 7) OR (m.message_type = 1 AND m.id % 100 = 3))`,
      [conversationId, uploaded.map((u) => u.id)],
    );
    const [last] = (
      await db.query(
        `SELECT id, created_at FROM messages WHERE conversation_id = $1 ORDER BY id DESC LIMIT 1`,
        [conversationId],
      )
    ).rows;
    await db.query(`UPDATE conversations SET last_activity_at = $2 WHERE id = $1`, [conversationId, last.created_at]);
    await db.query('COMMIT');
    await db.query('ANALYZE messages');
    await db.query('ANALYZE attachments');
    const [counts] = (
      await db.query(
        `SELECT count(*)::int AS messages, count(*) FILTER (WHERE private)::int AS notes, count(*) FILTER (WHERE message_type = 2)::int AS activity,
                (SELECT count(*)::int FROM attachments a JOIN messages m ON m.id = a.message_id WHERE m.conversation_id = $1) AS attachments
           FROM messages WHERE conversation_id = $1`,
        [conversationId],
      )
    ).rows;
    return {
      accountId,
      token,
      displayId,
      lastMessageId: Number(last.id),
      counts,
      insertMs: performance.now() - started,
    };
  } finally {
    await db.end();
  }
}

/** Runs in the page: notes the click on a card and the frame that draws the newest message. */
function watchOpen() {
  /** The page's window (this runs in the browser). */
  const win = /** @type {any} */ (globalThis);
  const state = /** @type {any} */ (globalThis);
  state.benchOpen = { clickAt: undefined, drawnAt: undefined, target: undefined };
  win.document.addEventListener(
    'click',
    (/** @type {any} */ event) => {
      const target = /** @type {any} */ (event.target);
      if (target.closest?.('[data-testid="conversation-list-scroller"] a')) state.benchOpen.clickAt = performance.now();
    },
    true,
  );
  const observer = new win.MutationObserver(() => {
    const open = state.benchOpen;
    if (open.clickAt === undefined || open.drawnAt !== undefined || open.target === undefined) return;
    const line = win.document.querySelector(`li[data-message-id="${open.target}"]`);
    if (!line || line.getBoundingClientRect().height === 0) return;
    open.drawnAt = -1;
    win.requestAnimationFrame((/** @type {number} */ t) => (open.drawnAt = t));
  });
  const start = () => observer.observe(win.document.documentElement, { childList: true, subtree: true });
  if (win.document.documentElement) start();
  else win.document.addEventListener('readystatechange', start, { once: true });
}

/**
 * Scrolls the history up with the mouse wheel until `pages` more pages are in it, watching the
 * main thread. @param {import('playwright-core').Page} page @param {number} pages
 */
async function scrollUp(page, pages) {
  // The history's scroller (the list's parent) is what the wheel turns.
  const box = await history(page).locator('xpath=..').boundingBox();
  if (!box) throw new Error('no history on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const countLines = () => page.locator('li[data-message-id]').count();
  const before = await countLines();
  await page.evaluate(() => {
    const win = /** @type {any} */ (globalThis);
    const state = /** @type {any} */ (globalThis);
    const watch = { longTasks: /** @type {number[]} */ ([]), gaps: /** @type {number[]} */ ([]), last: performance.now(), running: true };
    state.benchScroll = watch;
    new win.PerformanceObserver((/** @type {any} */ list) => {
      for (const entry of list.getEntries()) watch.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    const frame = (/** @type {number} */ t) => {
      watch.gaps.push(t - watch.last);
      watch.last = t;
      if (watch.running) win.requestAnimationFrame(frame);
    };
    win.requestAnimationFrame(frame);
  });
  const began = performance.now();
  let lines = before;
  let progressAt = began;
  while (lines < before + pages * 20 && performance.now() - progressAt < 15_000) {
    await page.mouse.wheel(0, -600);
    await page.waitForTimeout(40);
    const now = await countLines();
    if (now > lines) progressAt = performance.now();
    lines = now;
  }
  const elapsed = performance.now() - began;
  const watched = await page.evaluate(() => {
    const watch = /** @type {any} */ (globalThis).benchScroll;
    watch.running = false;
    return { longTasks: /** @type {number[]} */ (watch.longTasks), gaps: /** @type {number[]} */ (watch.gaps) };
  });
  return { pagesLoaded: Math.floor((lines - before) / 20), linesInDom: lines, elapsed, ...watched };
}

await freshDatabase(DATABASE_URL);
const node = await startNode({ DATABASE_URL, ENABLE_ACCOUNT_SIGNUP: 'true', SIGN_IN_LIMIT_PER_IP: '10000' });
const browser = await launchChromium();
try {
  const made = await makeLongConversation(node.url);
  console.log(
    `dataset: one conversation, ${made.counts.messages} messages (${made.counts.notes} private notes, ${made.counts.activity} activity lines, ${made.counts.attachments} attachments), written in ${(made.insertMs / 1000).toFixed(1)} s`,
  );

  // The API's latest page, from Node (what the click waits for on the server side).
  const headers = { api_access_token: made.token };
  const messagesUrl = `${node.url}/api/v1/accounts/${made.accountId}/conversations/${made.displayId}/messages`;
  /** @type {number[]} */
  const apiTimes = [];
  for (let i = 0; i < 40; i++) {
    const r = await timedGet(messagesUrl, headers);
    if (i >= 10) apiTimes.push(r.ms);
  }

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'pt-BR' });
  await context.addInitScript(watchOpen);
  const page = await context.newPage();
  await page.goto(`${node.url}/app/login`);
  await page.getByLabel('E-mail', { exact: true }).fill(EMAIL);
  await page.getByLabel('Senha', { exact: true }).fill(BENCH_PASSWORD);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await page.waitForURL(/\/app\/accounts\/\d+\//);
  const dashboardUrl = page.url();
  const card = page.locator('[data-testid="conversation-list-scroller"] a').first();

  /** @type {number[]} */
  const openTimes = [];
  /** @type {number[]} */
  const openLines = [];
  for (let i = 0; i < SAMPLES + 1; i++) {
    await page.goto(dashboardUrl);
    await card.waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await page.evaluate((target) => ((/** @type {any} */ (globalThis).benchOpen.target = target)), made.lastMessageId);
    const stopProfile = PROFILE && i === SAMPLES ? await startCpuProfile(page) : undefined;
    if (CHROME_TRACE && i === SAMPLES) await browser.startTracing(page, { path: CHROME_TRACE, screenshots: false });
    await card.click();
    await page.waitForFunction(() => (/** @type {any} */ (globalThis).benchOpen.drawnAt ?? -1) > 0, undefined, { timeout: 30_000, polling: 20 });
    if (CHROME_TRACE && i === SAMPLES) await browser.stopTracing();
    if (stopProfile) console.log(`main thread from the click to the latest page:\n${await stopProfile()}`);
    const { drawnAt, clickAt } = await page.evaluate(() => /** @type {any} */ (globalThis).benchOpen);
    if (TRACE && i === SAMPLES) {
      const requests = await page.evaluate((from) => {
        const entries = /** @type {any[]} */ (performance.getEntriesByType('resource')).filter((e) => e.startTime >= from - 100);
        return entries.map((e) => `${(e.startTime - from).toFixed(0).padStart(5)} → ${(e.responseEnd - from).toFixed(0).padStart(5)} ms  ${new URL(e.name).pathname}${new URL(e.name).search}`);
      }, clickAt);
      console.log(`the last open's requests after the click (latest page drawn at ${ms(drawnAt - clickAt)} ms):\n  ${requests.join('\n  ')}`);
    }
    // The first sample fills the HTTP cache with the message panel's scripts and is not counted.
    if (i > 0) {
      openTimes.push(drawnAt - clickAt);
      openLines.push(await page.locator('li[data-message-id]').count());
    }
  }

  await page.waitForLoadState('networkidle');
  const stopScrollProfile = PROFILE ? await startCpuProfile(page) : undefined;
  const scroll = await scrollUp(page, SCROLL_PAGES);
  if (stopScrollProfile) console.log(`main thread while scrolling:\n${await stopScrollProfile()}`);
  await context.close();

  const open = summarize(openTimes);
  const apiPage = summarize(apiTimes);
  const gaps = summarize(scroll.gaps);
  const longTasks = summarize(scroll.longTasks);
  const freezes = scroll.gaps.filter((g) => g >= 100).length;
  console.log(`machine: ${machine()}; load average ${load()}`);
  console.log(`Chromium headless, 1440×900; ${SAMPLES} opens, each after reloading the dashboard`);
  console.log(`API latest page (GET …/messages, 30 requests)    p50 ${ms(apiPage.p50)} ms, p95 ${ms(apiPage.p95)} ms`);
  console.log(`click on the card → latest page drawn           p50 ${ms(open.p50)} ms, p95 ${ms(open.p95)} ms, max ${ms(open.max)} ms (goal ≤ 200 ms); ${openLines[0]} message lines in the DOM`);
  console.log(
    `scroll up ${scroll.pagesLoaded} pages (${scroll.linesInDom} lines in the DOM at the end) in ${(scroll.elapsed / 1000).toFixed(1)} s: ` +
      `long tasks ${longTasks.n} (max ${ms(longTasks.max)} ms, p95 ${ms(longTasks.p95)} ms); frame gaps p50 ${ms(gaps.p50)} ms, p95 ${ms(gaps.p95)} ms, max ${ms(gaps.max)} ms; ${freezes} gaps ≥ 100 ms`,
  );
  console.log(`saved ${saveResults('long-conversation', { messages: made.counts, openTimes, apiTimes, open, apiPage, scroll: { ...scroll, gaps, longTasks, freezes }, load: load() })}`);
} finally {
  await browser.close();
  await node.stop();
}
