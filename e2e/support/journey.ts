// One journey = one test file: one Chromium for the file, fresh browser contexts for each person,
// and numbered screenshots of every step in e2e/artifacts/<journey>/.
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { ARTIFACTS_DIR } from './paths';
import './provided-context';

/** Debian's Chromium (CI installs it); never a downloaded browser. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long one action or wait may take; the app answers in milliseconds, CI machines can be slow. */
export const ACTION_TIMEOUT_MS = 15_000;
const NAVIGATION_TIMEOUT_MS = 30_000;

export type PersonOptions = BrowserContextOptions & { locale?: string };

export type Journey = {
  /** A new browser context (its own cookies and storage: a different person or device) and a page in it. */
  newPage(options?: PersonOptions): Promise<Page>;
  /** Runs one step, then saves `<nn>-<title>.png` of the given page(s); a failing step is named in the error. */
  step(title: string, pages: Page | Page[], run: () => Promise<void>): Promise<void>;
  /** An extra screenshot inside a step. */
  shot(page: Page, title: string): Promise<void>;
};

const slug = (title: string) =>
  title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** `chromiumArgs`: extra switches for this journey's browser only (e.g. a fake microphone). */
export function useJourney(name: string, { chromiumArgs = [] }: { chromiumArgs?: string[] } = {}): Journey {
  const dir = join(ARTIFACTS_DIR, name);
  const consoleLog = join(dir, 'console.log');
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let shots = 0;

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...chromiumArgs] });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    // An uncaught exception in the dashboard is a bug even when the journey got through.
    expect(pageErrors, `uncaught errors in the page (see ${consoleLog})`).toEqual([]);
  });

  const capture = async (page: Page, title: string) => {
    shots += 1;
    const file = join(dir, `${String(shots).padStart(2, '0')}-${slug(title)}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled', timeout: ACTION_TIMEOUT_MS });
  };

  return {
    async newPage(options: PersonOptions = {}) {
      if (!browser) throw new Error('the browser starts in beforeAll');
      const context = await browser.newContext({
        baseURL: inject('baseUrl'),
        locale: 'pt-BR',
        timezoneId: 'America/Sao_Paulo',
        viewport: { width: 1440, height: 900 },
        colorScheme: 'light',
        ...options,
      });
      context.setDefaultTimeout(ACTION_TIMEOUT_MS);
      context.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
      contexts.push(context);
      const person = `context ${contexts.length} (${options.locale ?? 'pt-BR'})`;
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') {
          appendFileSync(consoleLog, `[${person}] ${message.type()}: ${message.text()} (${page.url()})\n`);
        }
      });
      page.on('pageerror', (error) => {
        pageErrors.push(`${person} at ${page.url()}: ${error.message}`);
        appendFileSync(consoleLog, `[${person}] pageerror: ${error.stack ?? error.message}\n`);
      });
      return page;
    },

    async step(title, pages, run) {
      const list = Array.isArray(pages) ? pages : [pages];
      try {
        await run();
      } catch (error) {
        for (const page of list) await capture(page, `${title} FAILED`).catch(() => undefined);
        const message = error instanceof Error ? error.message : String(error);
        throw Object.assign(new Error(`step "${title}" failed: ${message}`), { cause: error });
      }
      for (const page of list) await capture(page, title);
    },

    shot: capture,
  };
}

/** Waits until the element is on screen (fails after the action timeout). */
export async function visible(locator: Locator, timeout = ACTION_TIMEOUT_MS): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout });
  return locator;
}

/** Waits until the element is gone or hidden. */
export async function gone(locator: Locator, timeout = ACTION_TIMEOUT_MS): Promise<void> {
  await locator.waitFor({ state: 'hidden', timeout });
}

/** Waits until the page's path (under /app) matches, e.g. `/accounts/\d+/dashboard$`. */
export async function atPath(page: Page, pattern: RegExp, timeout = NAVIGATION_TIMEOUT_MS): Promise<URL> {
  await page.waitForURL((url) => pattern.test(url.pathname), { timeout });
  return new URL(page.url());
}

/** Waits until the element's visible text contains `text`. */
export async function hasText(locator: Locator, text: string | RegExp): Promise<void> {
  await expect
    .poll(async () => (await locator.count()) > 0 ? locator.first().innerText() : '', { timeout: ACTION_TIMEOUT_MS, interval: 100 })
    .toMatch(typeof text === 'string' ? new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : text);
}
