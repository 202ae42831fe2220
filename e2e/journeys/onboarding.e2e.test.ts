// Journey 1 (runs first, on an installation with no account): the first visit creates the account
// and its administrator; the dashboard shows the guide's navigation (chapters 1-2); signing out,
// restarting the server and signing in again finds the same account.
import { expect, test } from 'vitest';
import { installation, restartServer } from '../support/api';
import { DASHBOARD_PATH, navBar, signIn } from '../support/dashboard';
import { atPath, gone, hasText, useJourney, visible } from '../support/journey';
import { OWNER } from '../support/people';

const journey = useJourney('onboarding');

/** Guide chapter 2, "Menu de Funções", top to bottom. */
const NAV_LINKS = ['Dashboard do RocketHub', 'Conversas', 'Contatos', 'Relatórios', 'Campanhas', 'Central de Ajuda', 'Configurações', 'Notificações'];

test('the first visit creates the account; it is still there after a restart', async () => {
  expect((await installation()).needs_onboarding, 'the suite starts on an installation with no account').toBe(true);
  const page = await journey.newPage({ locale: 'pt-BR' });
  let dashboardUrl = '';

  await journey.step('first visit asks to create the account', page, async () => {
    await page.goto('/');
    await atPath(page, /^\/app\/onboarding$/);
    await visible(page.getByRole('heading', { name: 'Crie sua conta' }));
    await visible(page.getByText('Você será o administrador da primeira conta.'));
  });

  await journey.step('a weak password is refused in Portuguese', page, async () => {
    await page.getByLabel('Nome da conta').fill(OWNER.accountName);
    await page.getByLabel('Seu nome').fill(OWNER.name);
    await page.getByLabel('E-mail', { exact: true }).fill(OWNER.email);
    await page.getByLabel('Senha', { exact: true }).fill('foguete');
    await page.getByRole('button', { name: 'Criar conta' }).click();
    await visible(page.getByText('A senha deve ter pelo menos 8 caracteres.'));
    expect(await page.getByLabel('Senha', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await atPath(page, /^\/app\/onboarding$/);
  });

  await journey.step('create the account', page, async () => {
    await page.getByLabel('Senha', { exact: true }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Criar conta' }).click();
    await atPath(page, DASHBOARD_PATH);
    await visible(page.getByRole('heading', { name: 'Conversas', exact: true }));
    await visible(page.getByText('Nenhuma conversa por aqui ainda'));
    dashboardUrl = page.url();
  });

  await journey.step('the navigation bar has the guide items', page, async () => {
    const nav = await visible(navBar(page));
    let previousTop = -1;
    for (const name of NAV_LINKS) {
      const link = await visible(nav.getByRole('link', { name, exact: true }));
      const box = await link.boundingBox();
      expect(box, `${name} has a place on screen`).not.toBeNull();
      expect(box!.y, `"${name}" comes below the previous item, in the guide's order`).toBeGreaterThan(previousTop);
      previousTop = box!.y;
    }
    // "Configurações de Perfil": the avatar with the user's initials, at the bottom.
    const avatar = await visible(nav.getByRole('button', { name: 'Configurações de Perfil' }));
    await hasText(avatar, 'RM');
    expect((await avatar.boundingBox())!.y).toBeGreaterThan(previousTop);
    // Each icon names itself on hover.
    await nav.getByRole('link', { name: 'Contatos', exact: true }).hover();
    await hasText(page.getByRole('tooltip'), 'Contatos');
  });

  await journey.step('the secondary menu has the guide groups', page, async () => {
    await visible(page.getByText('Visualização Atual', { exact: true }));
    const currentView = await visible(page.getByRole('button', { name: `Visualização Atual: ${OWNER.accountName}` }));
    await hasText(currentView, OWNER.accountName);
    const menu = await visible(page.getByRole('navigation', { name: 'Menus de apoio' }));
    const conversations = menu.getByRole('group', { name: 'Conversas', exact: true });
    for (const view of ['Todas as Conversas', 'Menções', 'Não Atendidas']) {
      await visible(conversations.getByRole('link', { name: view, exact: true }));
    }
    for (const group of ['Pastas', 'Equipes', 'Caixas de Entrada', 'Marcadores']) {
      await visible(menu.getByRole('group', { name: group, exact: true }));
    }
    expect(await conversations.getByRole('link', { name: 'Todas as Conversas', exact: true }).getAttribute('aria-current')).toBe('page');
  });

  await journey.step('the conversation views and the logo lead where the guide says', page, async () => {
    const menu = page.getByRole('navigation', { name: 'Menus de apoio' });
    await menu.getByRole('link', { name: 'Menções', exact: true }).click();
    await atPath(page, /\/conversations\/mentions$/);
    await visible(page.getByRole('heading', { name: 'Menções', exact: true }));
    await menu.getByRole('link', { name: 'Não Atendidas', exact: true }).click();
    await atPath(page, /\/conversations\/unattended$/);
    await visible(page.getByRole('heading', { name: 'Não Atendidas', exact: true }));
    await navBar(page).getByRole('link', { name: 'Contatos', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Contatos', exact: true }));
    await navBar(page).getByRole('link', { name: 'Dashboard do RocketHub' }).click();
    await atPath(page, DASHBOARD_PATH);
    await visible(page.getByRole('heading', { name: 'Conversas', exact: true }));
  });

  await journey.step('sign out from the profile menu', page, async () => {
    await navBar(page).getByRole('button', { name: 'Configurações de Perfil' }).click();
    const menu = await visible(page.getByRole('menu'));
    await hasText(menu, OWNER.email);
    await journey.shot(page, 'profile menu');
    await menu.getByRole('menuitem', { name: 'Sair' }).click();
    await atPath(page, /^\/app\/login$/);
    await visible(page.getByRole('heading', { name: 'Entrar no RocketHub' }));
    // The session really ended: the dashboard sends back to sign in.
    await page.goto(dashboardUrl);
    await atPath(page, /^\/app\/login$/);
    await gone(page.getByRole('navigation', { name: 'Navegação principal' }));
  });

  await journey.step('restart the server; the installation is not new again', page, async () => {
    await restartServer();
    expect((await installation()).needs_onboarding).toBe(false);
    await page.goto('/');
    await atPath(page, /^\/app\/login$/);
    await page.goto('/app/onboarding');
    await atPath(page, /^\/app\/login$/);
    await visible(page.getByRole('heading', { name: 'Entrar no RocketHub' }));
  });

  await journey.step('sign in again and find the same account', page, async () => {
    await signIn(page, OWNER.email, OWNER.password);
    expect(page.url()).toBe(dashboardUrl);
    await visible(page.getByRole('button', { name: `Visualização Atual: ${OWNER.accountName}` }));
    await navBar(page).getByRole('button', { name: 'Configurações de Perfil' }).click();
    const menu = await visible(page.getByRole('menu'));
    await hasText(menu, OWNER.name);
    await hasText(menu, OWNER.email);
    await page.keyboard.press('Escape');
    await gone(menu);
  });
});
