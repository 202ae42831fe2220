// Journey 5: on a phone (390x844, touch) the dashboard is usable: the navigation bar becomes a
// drawer that reaches "Contatos", and the profile menu opens from the top bar.
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { ensureOwnerAccount } from '../support/api';
import { DASHBOARD_PATH } from '../support/dashboard';
import { atPath, gone, hasText, useJourney, visible } from '../support/journey';
import { OWNER } from '../support/people';

const journey = useJourney('phone');

beforeAll(ensureOwnerAccount);

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Nothing sticks out sideways: the page never scrolls horizontally on a phone. */
async function fitsTheScreen(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
  expect(widths.page, 'the page is no wider than the screen').toBeLessThanOrEqual(widths.screen);
}

test('on a phone the drawer reaches Contatos and the profile menu opens', async () => {
  const phone = await journey.newPage({ locale: 'pt-BR', ...PHONE });

  await journey.step('sign in on a phone', phone, async () => {
    await phone.goto('/app/login');
    await visible(phone.getByRole('heading', { name: 'Entrar no RocketHub' }));
    await fitsTheScreen(phone);
    await phone.getByLabel('E-mail', { exact: true }).tap();
    await phone.getByLabel('E-mail', { exact: true }).fill(OWNER.email);
    await phone.getByLabel('Senha', { exact: true }).fill(OWNER.password);
    await phone.getByRole('button', { name: 'Entrar', exact: true }).tap();
    await atPath(phone, DASHBOARD_PATH);
  });

  await journey.step('the dashboard fits the phone', phone, async () => {
    await visible(phone.getByRole('heading', { name: 'Conversas', exact: true }));
    await visible(phone.getByRole('button', { name: 'Abrir menu' }));
    await visible(phone.getByRole('link', { name: 'Dashboard do RocketHub' }));
    await hasText(phone.getByRole('banner'), OWNER.accountName);
    // The wide-screen bar and secondary menu make room: they live in the drawer.
    expect(await phone.getByRole('navigation', { name: 'Navegação principal' }).count()).toBe(0);
    await fitsTheScreen(phone);
  });

  await journey.step('open the navigation drawer', phone, async () => {
    await phone.getByRole('button', { name: 'Abrir menu' }).tap();
    const drawer = await visible(phone.getByRole('dialog', { name: 'Menu' }));
    const nav = drawer.getByRole('navigation', { name: 'Navegação principal' });
    for (const name of ['Conversas', 'Contatos', 'Relatórios', 'Campanhas', 'Central de Ajuda', 'Configurações', 'Notificações']) {
      await visible(nav.getByRole('link', { name, exact: true }));
    }
    await visible(drawer.getByRole('button', { name: `Visualização Atual: ${OWNER.accountName}` }));
    await visible(drawer.getByRole('link', { name: 'Todas as Conversas', exact: true }));
  });

  await journey.step('reach Contatos', phone, async () => {
    const drawer = phone.getByRole('dialog', { name: 'Menu' });
    await drawer.getByRole('navigation', { name: 'Navegação principal' }).getByRole('link', { name: 'Contatos', exact: true }).tap();
    await atPath(phone, /\/accounts\/\d+\/contacts$/);
    await gone(drawer);
    await visible(phone.getByRole('heading', { name: 'Contatos', exact: true }));
    await visible(phone.getByRole('searchbox', { name: 'Pesquisar contatos' }));
    await fitsTheScreen(phone);
  });

  await journey.step('open the profile menu', phone, async () => {
    await phone.getByRole('button', { name: 'Configurações de Perfil' }).tap();
    const menu = await visible(phone.getByRole('menu'));
    await hasText(menu, OWNER.name);
    await visible(menu.getByRole('menuitemradio', { name: 'Online' }));
    await visible(menu.getByRole('menuitem', { name: 'Sair' }));
    const box = await menu.boundingBox();
    expect(box!.x, 'the menu starts on screen').toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, 'the menu ends on screen').toBeLessThanOrEqual(390);
  });

  await journey.step('the profile settings open from the menu', phone, async () => {
    await phone.getByRole('menu').getByRole('menuitem', { name: 'Configurações de Perfil' }).tap();
    await atPath(phone, /\/profile\/settings$/);
    await visible(phone.getByRole('heading', { name: 'Configurações de Perfil', exact: true }));
    await visible(phone.getByRole('heading', { name: 'Token de Acesso' }));
    await fitsTheScreen(phone);
  });
});
