// What the dashboard benchmarks share: Debian's Chromium driven by playwright-core, signing in on
// the pt-BR login page as a person does, and the generated dataset they run against.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ensureDatabase, loadDataset, openDb } from './db.mjs';
import { root } from './lib.mjs';

/** Chromium flags of every browser benchmark (no profile directory: each context starts cold). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const launchChromium = () => chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** The password bench/generate.mjs gives every user. */
export const BENCH_PASSWORD = 'Bench-password-1';

/** The e-mail bench/generate.mjs gives a user id (1 is the administrator). @param {number} id */
export const benchEmail = (id) => (id === 1 ? 'admin@bench.rockethub.test' : `agent${String(id - 1).padStart(3, '0')}@bench.rockethub.test`);

/** The conversation list of the dashboard ("Lista de conversas"). @param {import('playwright-core').Page} page */
export const conversationList = (page) => page.getByRole('list', { name: 'Lista de conversas' });

/** The history of the open conversation ("Histórico da conversa"). @param {import('playwright-core').Page} page */
export const history = (page) => page.getByRole('list', { name: 'Histórico da conversa' });

/**
 * Fills the login form and submits it; resolves once the dashboard's conversation list shows a card.
 * @param {import('playwright-core').Page} page @param {string} baseUrl @param {string} email @param {string} password
 */
export async function signIn(page, baseUrl, email, password) {
  await page.goto(`${baseUrl}/app/login`);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Senha', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await page.waitForURL(/\/app\/accounts\/\d+\//, { timeout: 30_000 });
}

/**
 * A PostgreSQL database holding bench/generate.mjs's installation at `scale` (made on first use,
 * reused after: generating takes a while), and what the benchmarks need from it.
 * @param {string} databaseUrl @param {number} scale
 */
export async function generatedDataset(databaseUrl, scale) {
  await ensureDatabase(databaseUrl);
  let db = await openDb({ databaseUrl });
  const present = await db
    .query(`SELECT EXISTS (SELECT 1 FROM account_sequences) AS present`)
    .then((rows) => Boolean(rows[0]?.present))
    .catch(() => false);
  if (!present) {
    await db.close();
    console.log(`generating the dataset (scale ${scale}) in ${new URL(databaseUrl).pathname.slice(1)} …`);
    const result = spawnSync(process.execPath, [join(root, 'bench/generate.mjs'), '--scale', String(scale), '--database-url', databaseUrl], {
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error('bench/generate.mjs failed');
    db = await openDb({ databaseUrl });
  }
  try {
    return await loadDataset(db);
  } finally {
    await db.close();
  }
}
