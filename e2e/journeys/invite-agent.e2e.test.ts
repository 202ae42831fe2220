// Journey 2: the administrator invites an agent (Configurações → Agentes), finds the invitation in
// the dev mailbox, and the agent, in another browser, sets a password and works in the account
// without the administrators' items.
import { beforeAll, expect, test } from 'vitest';
import { baseUrl, ensureOwnerAccount, HttpError, readDevMailbox, signInByApi } from '../support/api';
import { DASHBOARD_PATH, navBar, openDevMail, openSettingsSection, settingsSectionTitles, signIn } from '../support/dashboard';
import { atPath, gone, hasText, useJourney, visible } from '../support/journey';
import { AGENT, OWNER } from '../support/people';

const journey = useJourney('invite-agent');

beforeAll(ensureOwnerAccount);

test('an invited agent sets a password and sees the account without admin-only items', async () => {
  const admin = await journey.newPage({ locale: 'pt-BR' });
  let invitationLink = '';

  await journey.step('the administrator opens Configurações, Agentes', admin, async () => {
    await signIn(admin, OWNER.email, OWNER.password);
    await navBar(admin).getByRole('link', { name: 'Configurações', exact: true }).click();
    // The administrator is offered what the agent will not be.
    const sections = await settingsSectionTitles(admin);
    for (const section of ['Agentes', 'Caixa de e-mails de desenvolvimento', 'Respostas Prontas']) expect(sections).toContain(section);
    await openSettingsSection(admin, 'Agentes');
    const owner = admin.getByRole('list', { name: 'Agentes da conta' }).getByRole('listitem').filter({ hasText: OWNER.email });
    await hasText(owner, '(você)');
    await hasText(owner, 'Administrador');
  });

  await journey.step('invite an agent', admin, async () => {
    await admin.getByRole('button', { name: 'Adicionar agente' }).click();
    const dialog = await visible(admin.getByRole('dialog', { name: 'Adicionar agente' }));
    await dialog.getByLabel('Nome', { exact: true }).fill(AGENT.name);
    await dialog.getByLabel('E-mail', { exact: true }).fill(AGENT.email);
    await dialog.getByLabel('Função').selectOption({ label: 'Agente' });
    await journey.shot(admin, 'invitation form');
    await dialog.getByRole('button', { name: 'Enviar convite' }).click();
    await gone(dialog);
    await visible(admin.getByText(`Convite enviado para ${AGENT.email}.`));
    const row = admin.getByRole('list', { name: 'Agentes da conta' }).getByRole('listitem').filter({ hasText: AGENT.email });
    await hasText(row, AGENT.name);
    await hasText(row, 'Agente');
    await hasText(row, 'Pendente');
    // Not signed in anywhere yet: offline.
    await hasText(row, 'Offline');
  });

  await journey.step('inviting the same person again is refused in Portuguese', admin, async () => {
    await admin.getByRole('button', { name: 'Adicionar agente' }).click();
    const dialog = await visible(admin.getByRole('dialog', { name: 'Adicionar agente' }));
    await dialog.getByLabel('Nome', { exact: true }).fill(AGENT.name);
    await dialog.getByLabel('E-mail', { exact: true }).fill(AGENT.email);
    await dialog.getByRole('button', { name: 'Enviar convite' }).click();
    await visible(dialog.getByText('Esta pessoa já faz parte desta conta.'));
    await journey.shot(admin, 'already a member');
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await gone(dialog);
  });

  await journey.step('the invitation is in the dev mailbox', admin, async () => {
    await openSettingsSection(admin, 'Caixa de e-mails de desenvolvimento');
    await openDevMail(admin, new RegExp(`Para: ${AGENT.email}`));
    const mail = admin.getByRole('article');
    await hasText(mail.getByRole('heading'), `${OWNER.name} convidou você para ${OWNER.accountName} no RocketHub`);
    await hasText(mail, `Olá, ${AGENT.name}!`);
    const link = await visible(mail.getByRole('link', { name: /\/app\/auth\/password\/edit\?reset_password_token=/ }));
    invitationLink = (await link.getAttribute('href')) ?? '';
    // FRONTEND_URL makes the link point at this installation.
    expect(invitationLink.startsWith(`${baseUrl()}/app/auth/password/edit?reset_password_token=`)).toBe(true);
  });

  const agent = await journey.newPage({ locale: 'pt-BR' });

  await journey.step('the invitee follows the link', agent, async () => {
    await agent.goto(invitationLink);
    await visible(agent.getByRole('heading', { name: 'Bem-vindo(a) ao RocketHub, defina sua senha' }));
    await visible(agent.getByText(`Olá, ${AGENT.name}! Crie uma senha para entrar com ${AGENT.email}.`));
  });

  await journey.step('the invitee sets a password and is signed in', agent, async () => {
    await agent.getByLabel('Nova senha').fill(AGENT.password);
    await agent.getByLabel('Confirmar senha').fill(AGENT.password);
    await agent.getByRole('button', { name: 'Definir senha e entrar' }).click();
    await atPath(agent, DASHBOARD_PATH);
    await visible(agent.getByRole('button', { name: `Visualização Atual: ${OWNER.accountName}` }));
    await navBar(agent).getByRole('button', { name: 'Configurações de Perfil' }).click();
    const menu = await visible(agent.getByRole('menu'));
    await hasText(menu, AGENT.name);
    await hasText(menu, AGENT.email);
    await agent.keyboard.press('Escape');
    await gone(menu);
  });

  await journey.step('the agent does not see the administrators items', agent, async () => {
    const nav = navBar(agent);
    for (const name of ['Conversas', 'Contatos', 'Configurações', 'Notificações']) await visible(nav.getByRole('link', { name, exact: true }));
    for (const name of ['Relatórios', 'Campanhas', 'Central de Ajuda']) {
      expect(await nav.getByRole('link', { name, exact: true }).count(), `"${name}" is for administrators`).toBe(0);
    }
    await nav.getByRole('link', { name: 'Configurações', exact: true }).click();
    const sections = await settingsSectionTitles(agent);
    expect(sections).toEqual(['Respostas Prontas', 'Macros']);
  });

  await journey.step('admin-only pages are closed to the agent, even by address', agent, async () => {
    const base = new URL(agent.url()).pathname.match(/^\/app\/accounts\/\d+/)![0];
    for (const path of ['settings/agents', 'settings/dev-mailbox', 'reports']) {
      await agent.goto(`${base}/${path}`);
      await visible(agent.getByRole('heading', { name: 'Acesso restrito' }));
      await visible(agent.getByText('Você não tem permissão para ver esta página'));
    }
    // The server agrees: the dev mailbox API is for administrators.
    const signedIn = await signInByApi(AGENT.email, AGENT.password);
    const accountId = signedIn.accounts[0]!.id;
    const refusal = await readDevMailbox(accountId, signedIn.access_token).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HttpError);
    expect((refusal as HttpError).status).toBe(403);
  });

  await journey.step('the administrator sees the agent confirmed', admin, async () => {
    await openSettingsSection(admin, 'Agentes');
    // The list is cached for a while in this tab (see the report): reload, as the administrator would.
    await admin.reload();
    const row = admin.getByRole('list', { name: 'Agentes da conta' }).getByRole('listitem').filter({ hasText: AGENT.email });
    await hasText(row, 'Confirmado');
    // The agent has the dashboard open in the other browser.
    await hasText(row, 'Online');
  });

  await journey.step('the agent turns busy and the administrator sees it without reloading', agent, async () => {
    await navBar(agent).getByRole('button', { name: 'Configurações de Perfil' }).click();
    const menu = await visible(agent.getByRole('menu'));
    await menu.getByRole('menuitemradio', { name: 'Ocupado' }).click();
    const row = admin.getByRole('list', { name: 'Agentes da conta' }).getByRole('listitem').filter({ hasText: AGENT.email });
    await hasText(row, 'Ocupado');
    await journey.shot(admin, 'agent availability live');
  });
});
