// What people do over and over in the pt-BR dashboard, written the way they do it.
import type { Page } from 'playwright-core';
import { ACTION_TIMEOUT_MS, atPath, visible } from './journey';

export const DASHBOARD_PATH = /^\/app\/accounts\/\d+\/dashboard$/;

/** Signs in on the login page and waits for the dashboard. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  if (!/\/app\/login$/.test(new URL(page.url()).pathname)) await page.goto('/app/login');
  await visible(page.getByRole('heading', { name: 'Entrar no RocketHub' }));
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Senha', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Entrar', exact: true }).click();
  await atPath(page, DASHBOARD_PATH);
}

/** The wide-screen navigation bar ("Barra de Navegação"). */
export const navBar = (page: Page) => page.getByRole('navigation', { name: 'Navegação principal' });

/** Opens "Configurações" from the navigation bar and one of its sections. */
export async function openSettingsSection(page: Page, section: string): Promise<void> {
  await navBar(page).getByRole('link', { name: 'Configurações', exact: true }).click();
  await visible(page.getByRole('heading', { name: 'Configurações', exact: true }));
  await page.getByRole('link', { name: new RegExp(`^${section}`) }).click();
  await visible(page.getByRole('heading', { name: section, exact: true }));
}

/** The titles of the cards on the "Configurações" page, in order (once the page shows). */
export async function settingsSectionTitles(page: Page): Promise<string[]> {
  await visible(page.getByRole('heading', { name: 'Configurações', exact: true }));
  const cards = page.getByRole('main').getByRole('listitem');
  await visible(cards.first());
  return (await cards.allInnerTexts()).map((text) => text.split('\n')[0]!.trim());
}

/**
 * In "Caixa de e-mails de desenvolvimento", waits for a message matching `listText` (it arrives
 * within moments: the page polls, and "Atualizar" asks at once), opens it and returns its subject.
 */
export async function openDevMail(page: Page, listText: RegExp, timeout = 30_000): Promise<void> {
  const list = page.getByRole('list', { name: 'E-mails guardados' });
  const item = list.getByRole('button', { name: listText }).first();
  const refresh = page.getByRole('button', { name: 'Atualizar' });
  const deadline = Date.now() + timeout;
  while (!(await item.isVisible())) {
    if (Date.now() > deadline) throw new Error(`no mail matching ${listText} in the dev mailbox after ${timeout} ms`);
    if (await refresh.isEnabled()) await refresh.click();
    await item.waitFor({ state: 'visible', timeout: 1_000 }).catch(() => undefined);
  }
  await item.click({ timeout: ACTION_TIMEOUT_MS });
}
