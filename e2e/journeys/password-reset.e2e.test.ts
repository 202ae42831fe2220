// Journey 3: an agent who forgot her password asks for a link ("Esqueceu sua senha?"); the
// installation owner, whose dev mailbox also keeps installation mail such as resets, reads it; the
// agent follows it in a fresh browser and sets a new password; only the new one signs in.
import { beforeAll, expect, test } from 'vitest';
import { apiRequest, ensureOwnerAccount, linkIn, signInByApi, waitForMail } from '../support/api';
import { DASHBOARD_PATH, navBar, openDevMail, openSettingsSection, signIn } from '../support/dashboard';
import { atPath, gone, hasText, useJourney, visible } from '../support/journey';
import { FORGETFUL_AGENT, OWNER } from '../support/people';

const journey = useJourney('password-reset');

/** Setup, not under test here: the owner invites the agent and she accepts with her first password (API). */
beforeAll(async () => {
  await ensureOwnerAccount();
  const owner = await signInByApi(OWNER.email, OWNER.password);
  const accountId = owner.accounts[0]!.id;
  await apiRequest('POST', `/api/v1/accounts/${accountId}/agents`, {
    token: owner.access_token,
    body: { name: FORGETFUL_AGENT.name, email: FORGETFUL_AGENT.email, role: 'agent' },
  });
  const invitation = await waitForMail(accountId, owner.access_token, (mail) => mail.to === FORGETFUL_AGENT.email);
  const token = new URL(linkIn(invitation)).searchParams.get('reset_password_token');
  await apiRequest('PUT', '/auth/password', {
    body: { reset_password_token: token, password: FORGETFUL_AGENT.password, password_confirmation: FORGETFUL_AGENT.password },
  });
});

test('a forgotten password is reset by email; only the new password signs in', async () => {
  const forgetful = await journey.newPage({ locale: 'pt-BR' });
  let resetLink = '';

  await journey.step('Esqueceu sua senha? asks for the email', forgetful, async () => {
    await forgetful.goto('/app/login');
    await forgetful.getByRole('link', { name: 'Esqueceu sua senha?' }).click();
    await atPath(forgetful, /^\/app\/auth\/reset\/password$/);
    await visible(forgetful.getByRole('heading', { name: 'Redefinir senha' }));
  });

  await journey.step('request a reset link', forgetful, async () => {
    await forgetful.getByLabel('E-mail', { exact: true }).fill(FORGETFUL_AGENT.email);
    await forgetful.getByRole('button', { name: 'Enviar link de redefinição' }).click();
    await visible(forgetful.getByText(`Se existir uma conta com o e-mail ${FORGETFUL_AGENT.email}, enviamos um link para redefinir a senha.`));
  });

  const owner = await journey.newPage({ locale: 'pt-BR' });

  await journey.step('the installation owner finds the reset email in the dev mailbox', owner, async () => {
    await signIn(owner, OWNER.email, OWNER.password);
    await openSettingsSection(owner, 'Caixa de e-mails de desenvolvimento');
    await openDevMail(owner, new RegExp(`^Redefinição de senha do RocketHub.*Para: ${FORGETFUL_AGENT.email.replace(/\./g, '\\.')}`));
    const mail = owner.getByRole('article');
    await hasText(mail.getByRole('heading'), 'Redefinição de senha do RocketHub');
    await hasText(mail, `Olá, ${FORGETFUL_AGENT.name}!`);
    const link = await visible(mail.getByRole('link', { name: /\/app\/auth\/password\/edit\?reset_password_token=/ }));
    resetLink = (await link.getAttribute('href')) ?? '';
    expect(resetLink).toMatch(/\/app\/auth\/password\/edit\?reset_password_token=/);
  });

  const followed = await journey.newPage({ locale: 'pt-BR' });

  await journey.step('the link opens the new password form', followed, async () => {
    await followed.goto(resetLink);
    await visible(followed.getByRole('heading', { name: 'Defina uma nova senha' }));
    await visible(followed.getByText(`Para a conta ${FORGETFUL_AGENT.email}.`));
  });

  await journey.step('a weak new password is refused in Portuguese', followed, async () => {
    await followed.getByLabel('Nova senha').fill('somenteletras');
    await followed.getByLabel('Confirmar senha').fill('somenteletras');
    await followed.getByRole('button', { name: 'Salvar nova senha' }).click();
    await visible(followed.getByText('A senha deve conter pelo menos um número ou símbolo.'));
  });

  await journey.step('set the new password and land signed in', followed, async () => {
    await followed.getByLabel('Nova senha').fill(FORGETFUL_AGENT.newPassword);
    await followed.getByLabel('Confirmar senha').fill(FORGETFUL_AGENT.newPassword);
    await followed.getByRole('button', { name: 'Salvar nova senha' }).click();
    await atPath(followed, DASHBOARD_PATH);
    await navBar(followed).getByRole('button', { name: 'Configurações de Perfil' }).click();
    const menu = await visible(followed.getByRole('menu'));
    await hasText(menu, FORGETFUL_AGENT.email);
    await followed.keyboard.press('Escape');
    await gone(menu);
  });

  await journey.step('the link works only once', followed, async () => {
    const again = await journey.newPage({ locale: 'pt-BR' });
    await again.goto(resetLink);
    await visible(again.getByRole('heading', { name: 'Link inválido ou expirado' }));
    await visible(again.getByRole('link', { name: 'Solicitar um novo link' }));
    await journey.shot(again, 'used link');
  });

  const later = await journey.newPage({ locale: 'pt-BR' });

  await journey.step('the old password no longer signs in', later, async () => {
    await later.goto('/app/login');
    await later.getByLabel('E-mail', { exact: true }).fill(FORGETFUL_AGENT.email);
    await later.getByLabel('Senha', { exact: true }).fill(FORGETFUL_AGENT.password);
    await later.getByRole('button', { name: 'Entrar', exact: true }).click();
    await visible(later.getByText('E-mail ou senha inválidos.'));
    await atPath(later, /^\/app\/login$/);
  });

  await journey.step('the new password signs in', later, async () => {
    await later.getByLabel('Senha', { exact: true }).fill(FORGETFUL_AGENT.newPassword);
    await later.getByRole('button', { name: 'Entrar', exact: true }).click();
    await atPath(later, DASHBOARD_PATH);
    await visible(later.getByRole('button', { name: `Visualização Atual: ${OWNER.accountName}` }));
  });
});
