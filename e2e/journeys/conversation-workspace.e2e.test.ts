// Journey: guide chapters 3–5. The owner opens a customer's conversation, replies, writes a private
// note mentioning a colleague, labels and resolves it; the colleague, in another browser, sees every
// change arrive live. A hostile customer message renders as text, loading and running nothing.
// The owner adds a dashboard app (Configurações → Integrações) and renames the customer: the
// colleague sees the new name live, and the app in both details panels is told it.
import type { Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiRequest, ensureOwnerAccount, linkIn, signInByApi, waitForMail } from '../support/api';
import { navBar, openSettingsSection, signIn } from '../support/dashboard';
import { type DashboardAppPage, startDashboardAppPage } from '../support/dashboard-app-page';
import { gone, hasText, useJourney, visible } from '../support/journey';
import { COLLEAGUE, OWNER } from '../support/people';

const journey = useJourney('conversation-workspace');

const CUSTOMER = { name: 'Marcos Teixeira', email: 'marcos.teixeira@example.com.br' };
const FIRST_MESSAGE = 'Bom dia! Meu pedido #7781 chegou com a caixa amassada. Podem me ajudar?';
const REPLY = 'Bom dia, Marcos! Sinto muito pelo ocorrido, vou abrir uma troca agora mesmo.';
const NOTE = 'transportadora já foi avisada, acompanhe a troca por favor.';
const NEW_NAME = 'Marcos Teixeira Lima';
/** Unique per run: the journeys share one installation. */
const APP_TITLE = `Pedidos da loja ${Date.now().toString(36)}`;
/** A blocked port: anything that tries to load from it shows up as a failed request. */
const TRACKER = 'http://127.0.0.1:9/pixel.gif';

let accountId = 0;
let ownerToken = '';
let conversationId = 0;
let appPage: DashboardAppPage | undefined;

afterAll(async () => {
  // Later journeys share the account: they should not meet an app whose page is gone.
  if (accountId && ownerToken) {
    const apps = await apiRequest<{ id: number; title: string }[]>('GET', `/api/v1/accounts/${accountId}/dashboard_apps`, { token: ownerToken });
    for (const app of apps.filter((a) => a.title === APP_TITLE)) {
      await apiRequest('DELETE', `/api/v1/accounts/${accountId}/dashboard_apps/${app.id}`, { token: ownerToken });
    }
  }
  await appPage?.close();
});

beforeAll(async () => {
  appPage = await startDashboardAppPage();
  await ensureOwnerAccount();
  const owner = await signInByApi(OWNER.email, OWNER.password);
  ownerToken = owner.access_token;
  accountId = owner.accounts[0]!.id;
  const call = <T>(method: string, path: string, body?: unknown) =>
    apiRequest<T>(method, `/api/v1/accounts/${accountId}${path}`, { token: ownerToken, body });

  // A colleague with a password: invited, then following the invitation link by API.
  const agents = await call<{ email: string; id: number }[]>('GET', '/agents');
  let colleague = agents.find((a) => a.email === COLLEAGUE.email);
  if (!colleague) {
    colleague = await call<{ email: string; id: number }>('POST', '/agents', { name: COLLEAGUE.name, email: COLLEAGUE.email, role: 'agent' });
    const mail = await waitForMail(accountId, ownerToken, (m) => m.to === COLLEAGUE.email);
    const token = new URL(linkIn(mail)).searchParams.get('reset_password_token');
    await apiRequest('PUT', '/auth/password', {
      body: { reset_password_token: token, password: COLLEAGUE.password, password_confirmation: COLLEAGUE.password },
    });
  }

  const inbox = await call<{ id: number }>('POST', '/inboxes', { name: 'WhatsApp Loja', channel: { type: 'api' } });
  await call('POST', '/inbox_members', { inbox_id: inbox.id, user_ids: [owner.id, colleague.id] });
  const labels = await call<{ payload: { title: string }[] }>('GET', '/labels');
  if (!labels.payload.some((l) => l.title === 'financeiro')) await call('POST', '/labels', { title: 'financeiro', color: '#1b8a50' });
  const { payload } = await call<{ payload: { contact: { id: number } } }>('POST', '/contacts', { ...CUSTOMER, inbox_id: inbox.id });
  const conversation = await call<{ id: number }>('POST', '/conversations', { inbox_id: inbox.id, contact_id: payload.contact.id });
  conversationId = conversation.id;
  await call('POST', `/conversations/${conversationId}/messages`, { content: FIRST_MESSAGE, message_type: 'incoming' });
});

const history = (page: Page) => page.getByRole('list', { name: 'Histórico da conversa' });
const conversationList = (page: Page) => page.getByRole('list', { name: 'Lista de conversas' });
const details = (page: Page) => page.getByRole('complementary', { name: 'Detalhes da conversa' });
const contactSection = (page: Page) => details(page).getByRole('region', { name: 'Informações do Cliente' });
/** Inside the dashboard app's frame (the tiny page of support/dashboard-app-page.ts). */
const appFrame = (page: Page) => page.frameLocator(`iframe[title="${APP_TITLE} (aplicativo do painel)"]`);

async function openCustomerConversation(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /^Todas/ }).click();
  await conversationList(page).getByRole('link', { name: new RegExp(CUSTOMER.name) }).click();
  await hasText(history(page), FIRST_MESSAGE);
}

test('an agent replies, notes, labels and resolves while a colleague watches live', async () => {
  const owner = await journey.newPage();
  const colleague = await journey.newPage();
  // The colleague's live connection passes through here, so a step can cut it like a network drop.
  const cable = { refusing: false, open: [] as WebSocketRoute[] };
  await colleague.context().routeWebSocket(/\/cable$/, (socket) => {
    if (cable.refusing) return void socket.close({ code: 1006 });
    socket.connectToServer();
    cable.open.push(socket);
  });

  await journey.step('both agents open the customer conversation from "Todas"', [owner, colleague], async () => {
    await signIn(owner, OWNER.email, OWNER.password);
    await signIn(colleague, COLLEAGUE.email, COLLEAGUE.password);
    for (const page of [owner, colleague]) {
      for (const item of ['Todas as Conversas', 'Menções', 'Não Atendidas']) await visible(page.getByRole('link', { name: item, exact: true }));
      for (const group of ['Pastas', 'Equipes', 'Caixas de Entrada', 'Marcadores']) await visible(page.getByText(group, { exact: true }));
      // In the secondary menu (a conversation card names its inbox too).
      await visible(page.getByRole('navigation', { name: 'Menus de apoio' }).getByRole('link', { name: 'WhatsApp Loja' }));
      await openCustomerConversation(page);
      for (const action of ['Silenciar', 'Enviar Transcrição', 'Resolver']) await visible(page.getByRole('button', { name: action, exact: true }));
      await visible(page.getByRole('button', { name: 'Mais detalhes' }));
    }
  });

  await journey.step('the owner types and the colleague sees it', [owner, colleague], async () => {
    await owner.getByRole('textbox', { name: 'Digite sua resposta ou / para usar uma resposta pronta' }).fill(REPLY);
    await hasText(colleague.getByText(/está digitando/), `${OWNER.name} está digitando…`);
  });

  await journey.step('the reply is sent with Enter and appears live', [owner, colleague], async () => {
    await owner.getByRole('textbox', { name: 'Digite sua resposta ou / para usar uma resposta pronta' }).press('Enter');
    await hasText(history(owner), REPLY);
    await hasText(history(colleague), REPLY);
    await gone(colleague.getByText(/está digitando/));
  });

  await journey.step('a private note mentions the colleague', [owner, colleague], async () => {
    await owner.getByRole('tab', { name: 'Mensagem Privada' }).click();
    const box = owner.getByRole('textbox', { name: /Mensagem privada: só os atendentes veem/ });
    await box.pressSequentially('@Car');
    await owner.getByRole('listbox', { name: 'Mencionar um atendente' }).getByRole('option', { name: new RegExp(COLLEAGUE.name) }).click();
    await box.pressSequentially(NOTE);
    await journey.shot(owner, 'note with a mention');
    await box.press('Enter');
    const note = history(colleague).getByRole('listitem', { name: new RegExp(`Mensagem privada: ${OWNER.name}`) });
    await hasText(note, `@${COLLEAGUE.name}`);
    await hasText(note, NOTE);
  });

  await journey.step('the mentioned colleague finds it under "Menções"', colleague, async () => {
    await colleague.getByRole('link', { name: 'Menções', exact: true }).click();
    await visible(colleague.getByRole('heading', { name: 'Menções', exact: true }));
    await colleague.getByRole('tab', { name: /^Todas/ }).click();
    await conversationList(colleague).getByRole('link', { name: new RegExp(CUSTOMER.name) }).click();
    await hasText(history(colleague), NOTE);
    // The conversation keeps its view in the address: …/conversations/mentions/conversations/<id>.
    expect(new URL(colleague.url()).pathname).toMatch(/\/conversations\/mentions\/conversations\/\d+$/);
  });

  await journey.step('the owner labels it "financeiro" and the colleague sees the label', [owner, colleague], async () => {
    // On a 1440 px screen "Mais detalhes" opens the details as a drawer over the messages.
    for (const page of [owner, colleague]) {
      await page.getByRole('button', { name: 'Mais detalhes' }).click();
      await visible(details(page));
    }
    for (const section of ['Informações do Cliente', 'Atribuição', 'Status e prioridade', 'Marcadores', 'Atributos da conversa', 'Conversas anteriores', 'Participantes']) {
      await visible(details(owner).getByRole('heading', { name: section }));
    }
    await details(owner).getByRole('button', { name: 'Adicionar marcador' }).click();
    await owner.getByRole('menuitemcheckbox', { name: 'financeiro' }).click();
    await owner.keyboard.press('Escape');
    await hasText(details(owner).getByRole('list', { name: 'Marcadores' }), 'financeiro');
    await hasText(details(colleague).getByRole('list', { name: 'Marcadores' }), 'financeiro');
    await hasText(conversationList(colleague).getByRole('link', { name: new RegExp(CUSTOMER.name) }), 'financeiro');
    // The colleague takes the conversation; the owner's "Atribuição" follows.
    await details(colleague).getByRole('button', { name: 'Atribuir a mim' }).click();
    const ownerAgent = details(owner).getByRole('combobox', { name: 'Agente' });
    await expect
      .poll(() => ownerAgent.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? ''), { timeout: 15_000 })
      .toBe(COLLEAGUE.name);
    await journey.shot(owner, 'details drawer');
    for (const page of [owner, colleague]) {
      await details(page).getByRole('button', { name: 'Fechar' }).click();
      await gone(details(page));
    }
  });

  await journey.step('the owner adds a dashboard app in Configurações → Integrações → Aplicativos do painel', owner, async () => {
    await openSettingsSection(owner, 'Integrações');
    await journey.shot(owner, 'integrations page');
    await owner.getByRole('link', { name: /^Aplicativos do painel/ }).click();
    await visible(owner.getByRole('heading', { name: 'Aplicativos do painel', exact: true }));
    await owner.getByRole('button', { name: 'Adicionar aplicativo' }).click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByLabel('Nome').fill(APP_TITLE);
    await dialog.getByLabel('URL').fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Criar' }).click();
    await visible(dialog.getByLabel('URL').and(owner.locator('[aria-invalid="true"]')));
    await journey.shot(owner, 'dashboard app refused URL');
    await dialog.getByLabel('URL').fill(appPage!.url);
    await dialog.getByRole('button', { name: 'Criar' }).click();
    await gone(dialog);
    const row = owner.getByRole('list', { name: 'Aplicativos do painel da conta' }).getByRole('listitem').filter({ hasText: APP_TITLE });
    await hasText(row, appPage!.url);
    await journey.shot(owner, 'dashboard apps list');
    await navBar(owner).getByRole('link', { name: 'Conversas', exact: true }).click();
    await openCustomerConversation(owner);
  });

  await journey.step('the dashboard app in "Integrações" is told the customer, the conversation and the agent', [owner, colleague], async () => {
    for (const page of [owner, colleague]) {
      await page.getByRole('button', { name: 'Mais detalhes' }).click();
      await visible(details(page));
      const frame = details(page).locator('iframe');
      await frame.scrollIntoViewIfNeeded();
      expect(await frame.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-forms allow-popups');
      await hasText(appFrame(page).locator('#contact'), CUSTOMER.name);
      await hasText(appFrame(page).locator('#conversation'), `#${conversationId}`);
    }
    await hasText(appFrame(owner).locator('#agent'), `<${OWNER.email}>`);
    await hasText(appFrame(colleague).locator('#agent'), `<${COLLEAGUE.email}>`);
  });

  await journey.step('the owner renames the customer; the colleague and both apps see it without reloading', [owner, colleague], async () => {
    await contactSection(owner).getByRole('button', { name: 'Editar' }).click();
    const form = owner.getByRole('form', { name: 'Editar as informações do cliente' });
    await form.getByLabel('Nome', { exact: true }).fill(NEW_NAME);
    await form.getByRole('button', { name: 'Salvar' }).click();
    await gone(form);
    await hasText(contactSection(colleague), NEW_NAME);
    await hasText(conversationList(colleague).getByRole('link', { name: new RegExp(CUSTOMER.name) }), NEW_NAME);
    for (const page of [owner, colleague]) {
      await details(page).locator('iframe').scrollIntoViewIfNeeded();
      await hasText(appFrame(page).locator('#contact'), NEW_NAME);
      await journey.shot(page, 'dashboard app told the new name');
    }
    for (const page of [owner, colleague]) {
      await details(page).getByRole('button', { name: 'Fechar' }).click();
      await gone(details(page));
    }
    await hasText(conversationList(owner).getByRole('link', { name: new RegExp(CUSTOMER.name) }), NEW_NAME);
  });

  await journey.step('the owner resolves it; it leaves the open lists of both', [owner, colleague], async () => {
    await owner.getByRole('button', { name: 'Resolver', exact: true }).click();
    await visible(owner.getByRole('button', { name: 'Reabrir', exact: true }));
    await visible(colleague.getByRole('button', { name: 'Reabrir', exact: true }));
    await gone(conversationList(colleague).getByRole('link', { name: new RegExp(CUSTOMER.name) }));
    await hasText(history(colleague), 'resolvida');
  });

  await journey.step('after the connection drops and returns, what was missed appears', colleague, async () => {
    cable.refusing = true;
    for (const socket of cable.open.splice(0)) await socket.close({ code: 1006 });
    // The dashboard has noticed: what follows can only reach it by the resync after reconnecting.
    await colleague.locator('[data-live="disconnected"]').waitFor({ state: 'attached', timeout: 15_000 });
    const missed = 'Enquanto vocês estavam sem conexão: o pedido é o #7781, obrigado!';
    await apiRequest('POST', `/api/v1/accounts/${accountId}/conversations/${conversationId}/messages`, {
      token: ownerToken,
      body: { content: missed, message_type: 'incoming' },
    });
    cable.refusing = false;
    await expect.poll(() => history(colleague).innerText(), { timeout: 40_000, interval: 250 }).toContain(missed);
    // The customer's message reopened the resolved conversation; the colleague's screen says so too.
    await visible(colleague.getByRole('button', { name: 'Resolver', exact: true }), 40_000);
  });

  await journey.step('a hostile customer message is shown as text and loads nothing', owner, async () => {
    const loads: string[] = [];
    owner.on('request', (request) => {
      if (request.url().startsWith('http://127.0.0.1:9')) loads.push(request.url());
    });
    const hostile = `<img src="${TRACKER}" onerror="window.__pwned = 1"> <script>window.__pwned = 2</script> ![foto](${TRACKER}) [link](javascript:window.__pwned=3)`;
    await apiRequest('POST', `/api/v1/accounts/${accountId}/conversations/${conversationId}/messages`, {
      token: ownerToken,
      body: { content: hostile, message_type: 'incoming' },
    });
    await hasText(history(owner), '<script>window.__pwned = 2</script>');
    expect(await history(owner).locator('img, script').count()).toBe(0);
    expect(await owner.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(loads).toEqual([]);
  });

  await journey.step('on a phone the colleague sees the list, then the conversation full screen', [], async () => {
    const phone = await journey.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(phone, COLLEAGUE.email, COLLEAGUE.password);
    await phone.getByRole('tab', { name: /^Todas/ }).click();
    await phone.getByRole('button', { name: 'Filtrar e ordenar' }).click();
    await phone.getByLabel('Status').selectOption({ label: 'Todas' });
    await phone.keyboard.press('Escape');
    await visible(conversationList(phone).getByRole('link', { name: new RegExp(CUSTOMER.name) }));
    await journey.shot(phone, 'phone list');
    await conversationList(phone).getByRole('link', { name: new RegExp(CUSTOMER.name) }).click();
    await hasText(history(phone), REPLY);
    await visible(phone.getByRole('link', { name: 'Voltar para a lista' }));
    await journey.shot(phone, 'phone conversation');
    await phone.getByRole('button', { name: 'Mais detalhes' }).click();
    await visible(details(phone));
    await journey.shot(phone, 'phone details');
  });
});
