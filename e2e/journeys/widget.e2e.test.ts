// Journey: a company's website (another origin) embeds the Chatwoot-style snippet. The visitor sees
// the bubble, opens the widget, fills the pre-chat form and writes; an agent answers (through the
// API) and the visitor sees it live; closed, the widget shows a preview of the next reply; the site
// identifies its user with setUser (a valid and an invalid hash); after resolution the visitor
// rates the conversation.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiRequest, baseUrl, ensureOwnerAccount, signInByApi, type SignedInUser } from '../support/api';
import { freePort } from '../support/app-server';
import { hasText, useJourney, visible } from '../support/journey';
import { OWNER } from '../support/people';

const journey = useJourney('widget');

type Inbox = { id: number; website_token: string; hmac_token: string };
type Message = { id: number; content: string | null; content_type: string; content_attributes: Record<string, unknown> };

let owner: SignedInUser;
let accountId: number;
let inbox: Inbox;
let site: Server;
let siteUrl: string;
/** Path on the site → website token of the inbox its page embeds. */
const pages = new Map<string, string>();

/** The customer's site: a page on another origin with the snippet Chatwoot gives, only the base URL changed. */
function sitePage(websiteToken: string): string {
  return `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>Loja Exemplo</title></head>
<body style="font-family:sans-serif;margin:40px"><h1>Loja Exemplo</h1><p>Os melhores foguetes do Brasil.</p>
<script>
  window.widgetEvents = [];
  ['chatwoot:ready', 'chatwoot:on-message', 'chatwoot:on-start-conversation', 'chatwoot:opened', 'chatwoot:closed', 'chatwoot:error'].forEach(function (name) {
    window.addEventListener(name, function (e) { window.widgetEvents.push({ name: name, detail: e.detail || null }); });
  });
  window.chatwootSettings = { position: 'right', type: 'standard', launcherTitle: 'Fale conosco', locale: 'pt_BR' };
  (function (d, t) {
    var BASE_URL = ${JSON.stringify(baseUrl())};
    var g = d.createElement(t), s = d.getElementsByTagName(t)[0];
    g.src = BASE_URL + '/packs/js/sdk.js';
    g.defer = true;
    g.async = true;
    s.parentNode.insertBefore(g, s);
    g.onload = function () {
      window.chatwootSDK.run({ websiteToken: ${JSON.stringify(websiteToken)}, baseUrl: BASE_URL });
    };
  })(document, 'script');
</script></body></html>`;
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { widgetEvents: { name: string; detail: unknown }[] }).widgetEvents);

async function waitForEvent(page: Page, name: string) {
  await expect.poll(async () => (await events(page)).some((e) => e.name === name), { timeout: 15_000, interval: 100 }).toBe(true);
  return (await events(page)).filter((e) => e.name === name);
}

const widgetFrame = (page: Page): FrameLocator => page.frameLocator('iframe[src*="/widget?website_token="]');

async function latestConversationId(): Promise<number> {
  const list = await apiRequest<{ data: { payload: { id: number; inbox_id: number }[] } }>('GET', `/api/v1/accounts/${accountId}/conversations?inbox_id=${inbox.id}&status=all`, {
    token: owner.access_token,
  });
  const found = list.data.payload.filter((c) => c.inbox_id === inbox.id);
  if (found.length === 0) throw new Error('no conversation in the website inbox yet');
  return Math.max(...found.map((c) => c.id));
}

beforeAll(async () => {
  await ensureOwnerAccount();
  owner = await signInByApi(OWNER.email, OWNER.password);
  accountId = owner.account_id ?? owner.accounts[0]!.id;
  inbox = await apiRequest<Inbox>('POST', `/api/v1/accounts/${accountId}/inboxes`, {
    token: owner.access_token,
    body: {
      name: 'Site da Loja',
      channel: {
        type: 'web_widget',
        website_url: 'https://loja.example.test',
        widget_color: '#7c3aed',
        welcome_title: 'Olá! Como podemos ajudar?',
        welcome_tagline: 'Respondemos rapidinho, de segunda a sexta.',
        pre_chat_form_enabled: true,
        pre_chat_form_options: { pre_chat_message: 'Conte quem é você para começarmos.', require_email: true },
        hmac_mandatory: true,
      },
      csat_survey_enabled: true,
      working_hours_enabled: false,
    },
  });
  await apiRequest('POST', `/api/v1/accounts/${accountId}/inbox_members`, { token: owner.access_token, body: { inbox_id: inbox.id, user_ids: [owner.id] } });

  const port = await freePort();
  pages.set('/', inbox.website_token);
  site = createServer((request, response) => {
    const token = pages.get(request.url ?? '/');
    if (!token) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(sitePage(token));
  });
  await new Promise<void>((resolve) => site.listen(port, '127.0.0.1', resolve));
  // "localhost" and 127.0.0.1 are different origins (and sites): the widget runs cross-origin.
  siteUrl = `http://localhost:${port}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
});

test('a visitor chats with the team through the widget on another site', async () => {
  // The agent is connected (as the dashboard will be): the widget shows them online.
  const agent = await journey.newPage();
  await agent.goto('/app/login');
  const profile = await apiRequest<{ pubsub_token: string }>('GET', '/api/v1/profile', { token: owner.access_token });
  await agent.evaluate(
    ({ token, account }) =>
      new Promise<void>((resolve) => {
        const socket = new WebSocket(`ws://${location.host}/cable`, ['actioncable-v1-json']);
        (window as unknown as { agentSocket: WebSocket }).agentSocket = socket;
        socket.onmessage = (e) => {
          const frame = JSON.parse(String(e.data)) as { type?: string };
          if (frame.type === 'welcome') socket.send(JSON.stringify({ command: 'subscribe', identifier: JSON.stringify({ channel: 'RoomChannel', pubsub_token: token, account_id: account }) }));
          if (frame.type === 'confirm_subscription') resolve();
        };
      }),
    { token: profile.pubsub_token, account: accountId },
  );

  const visitor = await journey.newPage({ viewport: { width: 1280, height: 800 } });
  const frame = widgetFrame(visitor);

  await journey.step('the site shows the chat bubble', visitor, async () => {
    await visitor.goto(siteUrl);
    await visible(visitor.getByRole('button', { name: 'Fale conosco' }));
    await waitForEvent(visitor, 'chatwoot:ready');
    expect(await visitor.evaluate(() => (window as unknown as { $chatwoot: { hasLoaded: boolean; isOpen: boolean } }).$chatwoot.isOpen)).toBe(false);
  });

  await journey.step('opening the bubble shows the home with the team online', visitor, async () => {
    await visitor.getByRole('button', { name: 'Fale conosco' }).click();
    await waitForEvent(visitor, 'chatwoot:opened');
    await visible(frame.getByRole('heading', { name: 'Olá! Como podemos ajudar?' }));
    await visible(frame.getByText('Estamos online'));
    await visible(frame.getByText('Costuma responder em alguns minutos'));
    await visible(frame.getByRole('img', { name: OWNER.name }).or(frame.getByLabel(OWNER.name)));
    await visible(frame.getByRole('button', { name: 'Iniciar conversa' }));
  });

  await journey.step('the pre-chat form checks what the visitor types', visitor, async () => {
    await frame.getByRole('button', { name: 'Iniciar conversa' }).click();
    await visible(frame.getByText('Conte quem é você para começarmos.'));
    await frame.getByLabel('E-mail *').fill('carla-sem-arroba');
    await frame.getByRole('button', { name: 'Iniciar conversa' }).click();
    await visible(frame.getByText('Informe um e-mail válido'));
    await visible(frame.getByText('Campo obrigatório'));
  });

  await journey.step('the visitor starts the conversation', visitor, async () => {
    await frame.getByLabel('Nome completo').fill('Carla Mendes');
    await frame.getByLabel('E-mail *').fill('carla.mendes@example.test');
    await frame.getByLabel('Mensagem *').fill('Olá! Meu pedido 4521 ainda não chegou.');
    await frame.getByRole('button', { name: 'Iniciar conversa' }).click();
    await visible(frame.getByText('Olá! Meu pedido 4521 ainda não chegou.'));
    await waitForEvent(visitor, 'chatwoot:on-start-conversation');
  });

  const conversationId = await latestConversationId();

  await journey.step('the agent’s reply arrives live, Markdown shown safely', visitor, async () => {
    await apiRequest('POST', `/api/v1/accounts/${accountId}/conversations/${conversationId}/messages`, {
      token: owner.access_token,
      body: { content: 'Oi, Carla! **Já estou verificando** o pedido 4521. <img src=x onerror="window.hacked=1">' },
    });
    await apiRequest('POST', `/api/v1/accounts/${accountId}/conversations/${conversationId}/messages`, {
      token: owner.access_token,
      body: { content: 'nota interna: cliente VIP', private: true },
    });
    await visible(frame.locator('strong', { hasText: 'Já estou verificando' }));
    await hasText(frame.locator('.messages'), '<img src=x onerror="window.hacked=1">');
    expect(await frame.locator('.messages').innerText()).not.toContain('nota interna');
    const messages = await waitForEvent(visitor, 'chatwoot:on-message');
    expect(messages.length).toBeGreaterThanOrEqual(1);
    expect(await visitor.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  });

  await journey.step('the agent types and the visitor sees it', visitor, async () => {
    await apiRequest('POST', `/api/v1/accounts/${accountId}/conversations/${conversationId}/toggle_typing_status`, { token: owner.access_token, body: { typing_status: 'on' } });
    await visible(frame.getByLabel('Atendente digitando…'));
    await journey.shot(visitor, 'typing indicator');
    await apiRequest('POST', `/api/v1/accounts/${accountId}/conversations/${conversationId}/toggle_typing_status`, { token: owner.access_token, body: { typing_status: 'off' } });
  });

  await journey.step('closed, the widget previews the next reply on the page', visitor, async () => {
    await visitor.getByRole('button', { name: 'Fale conosco' }).click();
    await waitForEvent(visitor, 'chatwoot:closed');
    await apiRequest('POST', `/api/v1/accounts/${accountId}/conversations/${conversationId}/messages`, {
      token: owner.access_token,
      body: { content: 'Encontrei: o pedido sai para entrega amanhã.' },
    });
    await visible(visitor.getByRole('button', { name: 'Encontrei: o pedido sai para entrega amanhã.' }));
  });

  await journey.step('the preview opens the conversation', visitor, async () => {
    await visitor.getByRole('button', { name: 'Encontrei: o pedido sai para entrega amanhã.' }).click();
    await visible(frame.getByText('Encontrei: o pedido sai para entrega amanhã.'));
    await frame.getByLabel('Mensagem').fill('Perfeito, obrigada!');
    await frame.getByRole('button', { name: 'Enviar', exact: true }).click();
    await visible(frame.getByText('Perfeito, obrigada!'));
  });

  await journey.step('the visitor sees when the agent has read, and the agent when the visitor has', visitor, async () => {
    expect(await frame.getByText('Lida').count()).toBe(0);
    await apiRequest('POST', `/api/v1/accounts/${accountId}/conversations/${conversationId}/update_last_seen`, { token: owner.access_token });
    await visible(frame.locator('.row.mine').last().getByText('Lida'));
    await journey.shot(visitor, 'read status');
    const seen = await apiRequest<{ contact_last_seen_at: number | null }>('GET', `/api/v1/accounts/${accountId}/conversations/${conversationId}`, { token: owner.access_token });
    expect(seen.contact_last_seen_at).toEqual(expect.any(Number));
  });

  await journey.step('setUser with a wrong hash is refused', visitor, async () => {
    await visitor.evaluate(() =>
      (window as unknown as { $chatwoot: { setUser: (id: string, user: object) => void } }).$chatwoot.setUser('cliente-4521', { identifier_hash: 'f'.repeat(64), name: 'Impostor' }),
    );
    const errors = await waitForEvent(visitor, 'chatwoot:error');
    expect(errors.at(-1)?.detail).toMatchObject({ code: 'unauthorized' });
  });

  await journey.step('setUser with the right hash identifies the visitor', visitor, async () => {
    const hash = createHmac('sha256', inbox.hmac_token).update('cliente-4521').digest('hex');
    await visitor.evaluate(
      (identifierHash) =>
        (window as unknown as { $chatwoot: { setUser: (id: string, user: object) => void } }).$chatwoot.setUser('cliente-4521', {
          identifier_hash: identifierHash,
          name: 'Carla Mendes',
          email: 'carla.mendes@example.test',
        }),
      hash,
    );
    await expect
      .poll(
        async () => {
          const shown = await apiRequest<{ meta: { hmac_verified?: boolean; sender: { identifier: string | null } } }>(
            'GET',
            `/api/v1/accounts/${accountId}/conversations/${conversationId}`,
            { token: owner.access_token },
          );
          return [shown.meta.sender.identifier, shown.meta.hmac_verified];
        },
        { timeout: 15_000, interval: 200 },
      )
      .toEqual(['cliente-4521', true]);
    expect((await events(visitor)).filter((e) => e.name === 'chatwoot:error')).toHaveLength(1);
  });

  await journey.step('after the conversation is resolved the visitor rates it', visitor, async () => {
    await apiRequest('POST', `/api/v1/accounts/${accountId}/conversations/${conversationId}/toggle_status`, { token: owner.access_token, body: { status: 'resolved' } });
    await visible(frame.getByText('Por favor, avalie esta conversa'));
    await frame.getByRole('radio', { name: '5' }).click();
    await frame.getByPlaceholder('Conte mais (opcional)').fill('Atendimento rápido!');
    await frame.getByRole('button', { name: 'Enviar avaliação' }).click();
    await visible(frame.getByText('Obrigado pela avaliação!'));
    const history = await apiRequest<{ payload: Message[] }>('GET', `/api/v1/accounts/${accountId}/conversations/${conversationId}/messages`, { token: owner.access_token });
    const survey = history.payload.find((m) => m.content_type === 'input_csat');
    expect(survey?.content_attributes).toMatchObject({ submitted_values: { csat_survey_response: { rating: 5, feedback_message: 'Atendimento rápido!' } } });
  });

  await journey.step('the survey link (as in an emailed transcript) opens the public survey page', visitor, async () => {
    const { uuid } = await apiRequest<{ uuid: string }>('GET', `/api/v1/accounts/${accountId}/conversations/${conversationId}`, { token: owner.access_token });
    const page = await journey.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`/survey/responses/${uuid}`);
    await visible(page.getByText('Obrigado pela avaliação!'));
    await page.getByRole('link', { name: 'Mudar avaliação' }).click();
    await page.getByRole('img', { name: 'Nota 4 de 5' }).click();
    await page.getByRole('textbox').fill('Mudei de ideia: bom, mas demorou.');
    await journey.shot(page, 'public survey page');
    await page.getByRole('button', { name: 'Enviar avaliação' }).click();
    await visible(page.getByText('Obrigado pela avaliação!'));
    const survey = await apiRequest<{ csat_survey_response: unknown }>('GET', `/public/api/v1/csat_survey/${uuid}`);
    expect(survey.csat_survey_response).toEqual({ rating: 4, feedback_message: 'Mudei de ideia: bom, mas demorou.' });
    await page.close();
  });

  await journey.step('the conversation is still there after a reload', visitor, async () => {
    await visitor.reload();
    await waitForEvent(visitor, 'chatwoot:ready');
    await visitor.getByRole('button', { name: 'Fale conosco' }).click();
    await visible(frame.getByRole('button', { name: 'Continuar conversa' }));
  });

  await journey.step('the site switches the widget to English and dark mode', visitor, async () => {
    await visitor.evaluate(() => {
      const chat = (window as unknown as { $chatwoot: { setLocale: (l: string) => void; setColorScheme: (s: string) => void } }).$chatwoot;
      chat.setLocale('en');
      chat.setColorScheme('dark');
    });
    await visible(frame.getByRole('button', { name: 'Continue conversation' }));
    await expect.poll(() => frame.locator('html').getAttribute('class')).toBe('dark');
  });

  await journey.step('on a phone the widget fills the screen', visitor, async () => {
    await visitor.setViewportSize({ width: 390, height: 844 });
    const box = await visitor.locator('iframe[src*="/widget?website_token="]').boundingBox();
    expect(box).toMatchObject({ x: 0, width: 390, height: 844 });
    await visible(frame.getByRole('button', { name: 'Close' }));
    await journey.shot(visitor, 'full screen on a phone');
    await frame.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => visitor.evaluate(() => (window as unknown as { $chatwoot: { isOpen: boolean } }).$chatwoot.isOpen)).toBe(false);
    await visible(visitor.getByRole('button', { name: 'Fale conosco' }));
  });
});

test('without a pre-chat form the visitor just writes, leaves an email and sends a file', async () => {
  const simple = await apiRequest<Inbox>('POST', `/api/v1/accounts/${accountId}/inboxes`, {
    token: owner.access_token,
    body: { name: 'Suporte Rápido', channel: { type: 'web_widget', website_url: 'https://suporte.example.test', widget_color: '#0d9488' }, enable_email_collect: true },
  });
  pages.set('/suporte', simple.website_token);
  const visitor = await journey.newPage({ viewport: { width: 1280, height: 800 } });
  const frame = widgetFrame(visitor);

  await journey.step('the visitor opens the widget and writes at once', visitor, async () => {
    await visitor.goto(`${siteUrl}suporte`);
    await visitor.getByRole('button', { name: 'Fale conosco' }).click();
    await frame.getByRole('button', { name: 'Iniciar conversa' }).click();
    await frame.getByLabel('Mensagem').fill('Vocês entregam em Campinas?');
    await frame.getByRole('button', { name: 'Enviar', exact: true }).click();
    await visible(frame.getByText('Vocês entregam em Campinas?'));
    await waitForEvent(visitor, 'chatwoot:on-start-conversation');
  });

  await journey.step('the widget asks for an email and keeps it', visitor, async () => {
    await visible(frame.getByText('Receba as respostas por e-mail'));
    await frame.getByLabel('E-mail').fill('joao@example.test');
    await frame.getByRole('button', { name: 'Salvar' }).click();
    await expect.poll(() => frame.getByText('Receba as respostas por e-mail').count()).toBe(0);
    const contacts = await apiRequest<{ payload: { email: string | null }[] }>('GET', `/api/v1/accounts/${accountId}/contacts/search?q=joao%40example.test`, { token: owner.access_token });
    expect(contacts.payload.map((c) => c.email)).toContain('joao@example.test');
  });

  await journey.step('the visitor sends a picture', visitor, async () => {
    // A 2×2 PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');
    await frame.locator('input[type=file]').setInputFiles({ name: 'comprovante.png', mimeType: 'image/png', buffer: png });
    await visible(frame.getByRole('img', { name: 'comprovante.png' }));
  });
});
