// Journey: the administrator sets the account up in "Configurações" without touching the API —
// labels, custom attributes, canned responses, auto-resolve, a team with agents, a website inbox
// whose embed snippet is copied, an API inbox for an integration, auto-assignment with a capacity
// and business hours — and an agent finds the administrators' sections closed.
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { apiRequest, ensureOwnerAccount, linkIn, signInByApi, waitForMail } from '../support/api';
import { DASHBOARD_PATH, navBar, signIn } from '../support/dashboard';
import { atPath, gone, hasText, useJourney, visible } from '../support/journey';
import { OWNER } from '../support/people';

const journey = useJourney('settings');

/** Agents the administrator puts in a team and an inbox; the first also signs in herself. */
const SUPPORT_AGENTS = [
  { name: 'Diego Ramos', email: 'diego.ramos@tecnologiacorporativa.com.br', password: 'Suporte#Diego1' },
  { name: 'Fernanda Alves', email: 'fernanda.alves@tecnologiacorporativa.com.br', password: 'Suporte#Fer22' },
] as const;

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let accountId = 0;
let ownerToken = '';
const call = <T>(method: string, path: string, body?: unknown) =>
  apiRequest<T>(method, `/api/v1/accounts/${accountId}${path}`, { token: ownerToken, body });

type Inbox = {
  id: number;
  name: string;
  web_widget_script: string | null;
  website_url: string | null;
  widget_color: string | null;
  welcome_title: string | null;
  welcome_tagline: string | null;
  reply_time: string | null;
  greeting_enabled: boolean;
  greeting_message: string | null;
  allowed_domains: string | null;
  hmac_mandatory: boolean;
  hmac_token: string;
  inbox_identifier?: string;
  webhook_url?: string | null;
  pre_chat_form_enabled?: boolean;
  pre_chat_form_options?: { pre_chat_fields?: { name: string; enabled: boolean; required: boolean; field_type: string }[] };
  enable_auto_assignment: boolean;
  auto_assignment_config: { max_assignment_limit?: number | null };
  working_hours_enabled: boolean;
  working_hours: { day_of_week: number; closed_all_day: boolean; open_hour: number | null; open_minutes: number | null; close_hour: number | null }[];
  timezone: string;
  out_of_office_message: string | null;
  csat_survey_enabled: boolean;
  allow_messages_after_resolved: boolean;
  lock_to_single_conversation: boolean;
};

const inboxNamed = async (name: string) => {
  const { payload } = await call<{ payload: Inbox[] }>('GET', '/inboxes');
  const inbox = payload.find((i) => i.name === name);
  if (!inbox) throw new Error(`no inbox named ${name}`);
  return inbox;
};

beforeAll(async () => {
  await ensureOwnerAccount();
  const owner = await signInByApi(OWNER.email, OWNER.password);
  ownerToken = owner.access_token;
  accountId = owner.accounts[0]!.id;
  // Agents with a password: invited, then following the invitation link by API.
  const agents = await call<{ email: string }[]>('GET', '/agents');
  for (const person of SUPPORT_AGENTS) {
    if (agents.some((a) => a.email === person.email)) continue;
    await call('POST', '/agents', { name: person.name, email: person.email, role: 'agent' });
    const mail = await waitForMail(accountId, ownerToken, (m) => m.to === person.email);
    const token = new URL(linkIn(mail)).searchParams.get('reset_password_token');
    await apiRequest('PUT', '/auth/password', { body: { reset_password_token: token, password: person.password, password_confirmation: person.password } });
  }
});

const list = (page: Page, name: string) => page.getByRole('list', { name });
const row = (page: Page, listName: string, text: string | RegExp) => list(page, listName).getByRole('listitem').filter({ hasText: text });

async function backToSettings(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Voltar' }).click();
  await visible(page.getByRole('heading', { name: 'Configurações', exact: true }));
}

/** Opens a section from the cards of "Configurações" ("Conta" would also match "Contatos" in the navigation bar). */
async function openSection(page: Page, section: string): Promise<void> {
  if (!(await page.getByRole('heading', { name: 'Configurações', exact: true }).isVisible())) {
    await navBar(page).getByRole('link', { name: 'Configurações', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Configurações', exact: true }));
  }
  await page.getByRole('main').getByRole('link', { name: new RegExp(`^${section}\\b`) }).click();
  await visible(page.getByRole('heading', { name: section, exact: true }));
}

test('the administrator sets up the account in Configurações and an agent is kept out', async () => {
  const admin = await journey.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });

  await journey.step('labels: create, edit', admin, async () => {
    await signIn(admin, OWNER.email, OWNER.password);
    await openSection(admin, 'Marcadores');
    await admin.getByRole('button', { name: 'Adicionar marcador' }).click();
    let dialog = await visible(admin.getByRole('dialog', { name: 'Adicionar marcador' }));
    await dialog.getByLabel('Nome do marcador').fill('contrato-anual');
    await dialog.getByLabel('Descrição').fill('Clientes com contrato anual');
    await dialog.getByLabel('Cor', { exact: true }).fill('#d93b3b');
    await journey.shot(admin, 'label form');
    await dialog.getByRole('button', { name: 'Criar' }).click();
    await gone(dialog);
    await hasText(row(admin, 'Marcadores da conta', 'contrato-anual'), 'Clientes com contrato anual');
    // A title with a space is refused, in Portuguese, and nothing is created.
    await admin.getByRole('button', { name: 'Adicionar marcador' }).click();
    dialog = await visible(admin.getByRole('dialog', { name: 'Adicionar marcador' }));
    await dialog.getByLabel('Nome do marcador').fill('com espaço');
    await dialog.getByRole('button', { name: 'Criar' }).click();
    await visible(dialog.locator('[aria-invalid="true"]'));
    await journey.shot(admin, 'label refused');
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await admin.getByRole('button', { name: 'Editar contrato-anual' }).click();
    dialog = await visible(admin.getByRole('dialog', { name: 'Editar marcador' }));
    await dialog.getByLabel('Mostrar marcador na barra lateral').uncheck();
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await gone(dialog);
    await hasText(row(admin, 'Marcadores da conta', 'contrato-anual'), 'Oculto na barra lateral');
    const labels = await call<{ payload: { title: string; color: string; show_on_sidebar: boolean; description: string }[] }>('GET', '/labels');
    expect(labels.payload.find((l) => l.title === 'contrato-anual')).toMatchObject({ color: '#d93b3b', show_on_sidebar: false, description: 'Clientes com contrato anual' });
    expect(labels.payload.some((l) => l.title.includes(' '))).toBe(false);
  });

  await journey.step('custom attributes: a contact list and a conversation text with a pattern', admin, async () => {
    await backToSettings(admin);
    await openSection(admin, 'Atributos Personalizados');
    await admin.getByRole('tab', { name: 'Contato' }).click();
    await admin.getByRole('button', { name: 'Adicionar atributo personalizado' }).click();
    let dialog = await visible(admin.getByRole('dialog', { name: 'Adicionar atributo personalizado' }));
    await dialog.getByLabel('Nome de exibição').fill('Plano Contratado');
    expect(await dialog.getByLabel('Chave').inputValue()).toBe('plano_contratado');
    await dialog.getByLabel('Tipo').selectOption({ label: 'Lista' });
    await dialog.getByLabel('Valores da lista').fill('Ouro\nPrata\nBronze');
    await journey.shot(admin, 'list attribute form');
    await dialog.getByRole('button', { name: 'Criar' }).click();
    await gone(dialog);
    await hasText(row(admin, 'Atributos personalizados', 'Plano Contratado'), 'Lista');

    await admin.getByRole('tab', { name: 'Conversa' }).click();
    await admin.getByRole('button', { name: 'Adicionar atributo personalizado' }).click();
    dialog = await visible(admin.getByRole('dialog', { name: 'Adicionar atributo personalizado' }));
    expect(await dialog.getByLabel('Aplica-se a').inputValue()).toBe('conversation_attribute');
    await dialog.getByLabel('Nome de exibição').fill('Número do Pedido');
    await dialog.getByLabel('Padrão de validação (regex)').fill('^PED-\\d{6}$');
    await dialog.getByLabel('Dica de validação').fill('Use o formato PED-123456');
    await dialog.getByRole('button', { name: 'Criar' }).click();
    await gone(dialog);
    await hasText(row(admin, 'Atributos personalizados', 'Número do Pedido'), 'numero_do_pedido');
    const definitions = await call<{ attribute_key: string; attribute_model: string; attribute_display_type: string; attribute_values: string[]; regex_pattern: string | null }[]>(
      'GET',
      '/custom_attribute_definitions',
    );
    expect(definitions.find((d) => d.attribute_key === 'plano_contratado')).toMatchObject({
      attribute_model: 'contact_attribute',
      attribute_display_type: 'list',
      attribute_values: ['Ouro', 'Prata', 'Bronze'],
    });
    expect(definitions.find((d) => d.attribute_key === 'numero_do_pedido')).toMatchObject({
      attribute_model: 'conversation_attribute',
      attribute_display_type: 'text',
      regex_pattern: '^PED-\\d{6}$',
    });
  });

  await journey.step('canned responses: create, search, edit, delete', admin, async () => {
    await backToSettings(admin);
    await openSection(admin, 'Respostas Prontas');
    for (const [code, content] of [
      ['boas-vindas', 'Olá, {{contact.name}}! Como podemos ajudar?'],
      ['prazo-entrega', 'O prazo de entrega é de 5 dias úteis.'],
    ] as const) {
      await admin.getByRole('button', { name: 'Adicionar resposta pronta' }).click();
      const dialog = await visible(admin.getByRole('dialog', { name: 'Adicionar resposta pronta' }));
      await dialog.getByLabel('Código Curto').fill(code);
      await dialog.getByLabel('Conteúdo').fill(content);
      await dialog.getByRole('button', { name: 'Criar' }).click();
      await gone(dialog);
    }
    const responses = list(admin, 'Respostas prontas');
    await hasText(responses, '/boas-vindas');
    await admin.getByLabel('Pesquisar respostas prontas').fill('entrega');
    await expect.poll(() => responses.getByRole('listitem').count()).toBe(1);
    await hasText(responses, '/prazo-entrega');
    await journey.shot(admin, 'canned responses searched');
    await admin.getByRole('button', { name: 'Editar /prazo-entrega' }).click();
    const dialog = await visible(admin.getByRole('dialog', { name: 'Editar resposta pronta' }));
    await dialog.getByLabel('Conteúdo').fill('O prazo de entrega é de 3 dias úteis.');
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await gone(dialog);
    await hasText(responses, '3 dias úteis');
    await admin.getByRole('button', { name: 'Excluir /prazo-entrega' }).click();
    const confirm = await visible(admin.getByRole('alertdialog', { name: 'Excluir resposta pronta?' }));
    await confirm.getByRole('button', { name: 'Excluir' }).click();
    await gone(confirm);
    await visible(admin.getByText('Nenhuma resposta pronta encontrada'));
    await admin.getByLabel('Pesquisar respostas prontas').fill('');
    await hasText(responses, '/boas-vindas');
    const stored = await call<{ short_code: string; content: string }[]>('GET', '/canned_responses');
    expect(stored.map((r) => r.short_code)).toContain('boas-vindas');
    expect(stored.map((r) => r.short_code)).not.toContain('prazo-entrega');
    expect(stored.find((r) => r.short_code === 'boas-vindas')?.content).toBe('Olá, {{contact.name}}! Como podemos ajudar?');
  });

  await journey.step('account: auto-resolve after 2 days with a message and a label', admin, async () => {
    await backToSettings(admin);
    await openSection(admin, 'Conta');
    expect(await admin.getByLabel('Nome da conta').inputValue()).toBe(OWNER.accountName);
    await admin.getByLabel('Resolver conversas inativas automaticamente').check();
    await admin.getByLabel('Resolver após').fill('5');
    await admin.getByLabel('Unidade').selectOption({ label: 'minutos' });
    await admin.getByRole('button', { name: 'Salvar' }).click();
    await visible(admin.getByText('O mínimo é de 10 minutos.'));
    await admin.getByLabel('Resolver após').fill('2');
    await admin.getByLabel('Unidade').selectOption({ label: 'dias' });
    await admin.getByLabel('Mensagem de resolução automática').fill('Encerramos esta conversa por inatividade. Se precisar, é só escrever!');
    await admin.getByLabel('Marcador adicionado ao resolver').selectOption({ label: 'contrato-anual' });
    await admin.getByLabel('Não resolver conversas aguardando resposta do agente').check();
    await admin.getByRole('button', { name: 'Salvar' }).click();
    await visible(admin.getByText('Configurações da conta salvas.'));
    await admin.reload();
    await expect.poll(() => admin.getByLabel('Resolver após').inputValue()).toBe('2');
    expect(await admin.getByLabel('Unidade').inputValue()).toBe('days');
    const account = await call<{ settings: Record<string, unknown> }>('GET', '');
    expect(account.settings).toMatchObject({
      auto_resolve_after: 2880,
      auto_resolve_message: 'Encerramos esta conversa por inatividade. Se precisar, é só escrever!',
      auto_resolve_label: 'contrato-anual',
      auto_resolve_ignore_waiting: true,
    });
  });

  await journey.step('teams: create a team with two agents, then edit its members', admin, async () => {
    await backToSettings(admin);
    await openSection(admin, 'Equipes');
    await admin.getByRole('button', { name: 'Criar nova equipe' }).click();
    let dialog = await visible(admin.getByRole('dialog', { name: 'Criar nova equipe' }));
    await dialog.getByLabel('Nome da equipe').fill('Suporte Nível 2');
    await dialog.getByLabel('Descrição').fill('Casos técnicos escalados');
    for (const person of SUPPORT_AGENTS) await dialog.getByLabel(person.name).check();
    expect(await dialog.getByLabel('Permitir atribuição automática para esta equipe').isChecked()).toBe(true);
    await journey.shot(admin, 'team form');
    await dialog.getByRole('button', { name: 'Criar equipe' }).click();
    await gone(dialog);
    const team = row(admin, 'Equipes da conta', 'Suporte Nível 2');
    await hasText(team, '2 agentes');
    await hasText(team, 'Atribuição automática');
    await admin.getByRole('button', { name: 'Editar Suporte Nível 2' }).click();
    dialog = await visible(admin.getByRole('dialog', { name: 'Editar equipe' }));
    await expect.poll(() => dialog.getByLabel(SUPPORT_AGENTS[1].name).isChecked()).toBe(true);
    await dialog.getByLabel(SUPPORT_AGENTS[1].name).uncheck();
    await dialog.getByLabel('Permitir atribuição automática para esta equipe').uncheck();
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await gone(dialog);
    await hasText(team, '1 agente');
    await hasText(team, 'Sem atribuição automática');
    const teams = await call<{ id: number; name: string; allow_auto_assign: boolean }[]>('GET', '/teams');
    const created = teams.find((t) => t.name === 'Suporte Nível 2')!;
    expect(created.allow_auto_assign).toBe(false);
    const members = await call<{ email: string }[]>('GET', `/teams/${created.id}/team_members`);
    expect(members.map((m) => m.email)).toEqual([SUPPORT_AGENTS[0].email]);
  });

  let website: Inbox;
  await journey.step('website inbox: create it and copy the embed snippet', admin, async () => {
    await backToSettings(admin);
    await openSection(admin, 'Caixas de Entrada');
    await admin.getByRole('link', { name: 'Adicionar caixa de entrada' }).click();
    await admin.getByRole('button', { name: /^Site/ }).click();
    await admin.getByLabel('Nome da caixa de entrada').fill('Chat do Site');
    await admin.getByLabel('Domínio do site').fill('https://www.tecnologiacorporativa.com.br');
    await admin.getByLabel('Cor do widget').fill('#1b8a50');
    await admin.getByLabel('Título de boas-vindas').fill('Olá! 👋');
    await admin.getByLabel('Frase de boas-vindas').fill('Fale com a Tecnologia Corporativa.');
    await admin.getByLabel('Tempo de resposta').selectOption({ label: 'Normalmente responde em algumas horas' });
    await admin.getByLabel('Domínios permitidos').fill('tecnologiacorporativa.com.br\n*.tecnologiacorporativa.com.br');
    await admin.getByLabel('Exigir validação de identidade (HMAC)').check();
    await admin.getByLabel('Ativar formulário pré-chat').check();
    await admin.getByLabel('Telefone obrigatório').check();
    await admin.getByLabel('Exibir Plano Contratado').check();
    await admin.getByLabel('Ativar saudação').check();
    await admin.getByLabel('Mensagem de saudação').fill('Bem-vindo! Um atendente responde em instantes.');
    for (const person of SUPPORT_AGENTS) await admin.getByLabel(person.name).check();
    await journey.shot(admin, 'website inbox form');
    await admin.getByRole('button', { name: 'Criar caixa de entrada' }).click();
    await visible(admin.getByText('A caixa de entrada "Chat do Site" está pronta!'));
    website = await inboxNamed('Chat do Site');
    const snippet = admin.getByRole('figure', { name: 'Código do widget' });
    await hasText(snippet, 'window.chatwootSDK.run');
    await snippet.getByRole('button', { name: 'Copiar: Código do widget' }).click();
    await hasText(snippet, 'Copiado!');
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(website.web_widget_script);
    expect(website).toMatchObject({
      website_url: 'https://www.tecnologiacorporativa.com.br',
      widget_color: '#1b8a50',
      welcome_title: 'Olá! 👋',
      welcome_tagline: 'Fale com a Tecnologia Corporativa.',
      reply_time: 'in_a_few_hours',
      allowed_domains: 'tecnologiacorporativa.com.br,*.tecnologiacorporativa.com.br',
      hmac_mandatory: true,
      pre_chat_form_enabled: true,
      greeting_enabled: true,
      greeting_message: 'Bem-vindo! Um atendente responde em instantes.',
    });
    const fields = website.pre_chat_form_options?.pre_chat_fields ?? [];
    expect(fields.find((f) => f.name === 'phoneNumber')).toMatchObject({ enabled: true, required: true });
    expect(fields.find((f) => f.name === 'plano_contratado')).toMatchObject({ enabled: true, required: false, field_type: 'contact_attribute' });
    const members = await call<{ payload: { email: string }[] }>('GET', `/inbox_members/${website.id}`);
    expect(members.payload.map((m) => m.email).sort()).toEqual(SUPPORT_AGENTS.map((p) => p.email).sort());
  });

  await journey.step('website inbox: auto-assignment with a capacity of 10', admin, async () => {
    await admin.getByRole('link', { name: 'Abrir configurações da caixa' }).click();
    await visible(admin.getByRole('heading', { name: 'Chat do Site' }));
    await admin.getByRole('tab', { name: 'Agentes e atribuição' }).click();
    await admin.getByLabel('Ativar atribuição automática').check();
    await admin.getByLabel('Capacidade por agente').fill('0');
    await admin.getByRole('button', { name: 'Salvar' }).click();
    await visible(admin.getByText('Informe um número inteiro de 1 a 1000, ou deixe em branco.'));
    await admin.getByLabel('Capacidade por agente').fill('10');
    await admin.getByRole('button', { name: 'Salvar' }).click();
    await visible(admin.getByText('Alterações salvas.'));
    const inbox = await inboxNamed('Chat do Site');
    expect(inbox).toMatchObject({ enable_auto_assignment: true, auto_assignment_config: { max_assignment_limit: 10 } });
  });

  await journey.step('website inbox: business hours per weekday with time zone and out-of-office message', admin, async () => {
    await admin.getByRole('tab', { name: 'Horário de funcionamento' }).click();
    await admin.getByLabel('Ativar horário de funcionamento').check();
    await admin.getByLabel('Fuso horário').selectOption('America/Sao_Paulo');
    await admin.getByLabel('Mensagem de ausência').fill('Estamos fora do horário. Respondemos no próximo dia útil.');
    await admin.getByLabel('Segunda-feira: abre às').fill('08:00');
    await admin.getByLabel('Segunda-feira: fecha às').fill('18:30');
    await admin.getByLabel('Sexta-feira: abre às').fill('17:00');
    await admin.getByLabel('Sexta-feira: fecha às').fill('09:00');
    await admin.getByRole('button', { name: 'Salvar' }).click();
    await visible(admin.getByText('O horário de fechamento deve ser depois do de abertura.'));
    await journey.shot(admin, 'business hours refused');
    await admin.getByLabel('Sexta-feira: abre às').fill('09:00');
    await admin.getByLabel('Sexta-feira: fecha às').fill('16:00');
    await admin.getByRole('checkbox', { name: 'Sábado' }).check();
    await admin.getByRole('button', { name: 'Salvar' }).click();
    await visible(admin.getByText('Alterações salvas.'));
    const inbox = await inboxNamed('Chat do Site');
    expect(inbox).toMatchObject({ working_hours_enabled: true, timezone: 'America/Sao_Paulo', out_of_office_message: 'Estamos fora do horário. Respondemos no próximo dia útil.' });
    const day = (n: number) => inbox.working_hours.find((d) => d.day_of_week === n);
    expect(day(1)).toMatchObject({ closed_all_day: false, open_hour: 8, open_minutes: 0, close_hour: 18 });
    expect(day(5)).toMatchObject({ closed_all_day: false, open_hour: 9, close_hour: 16 });
    expect(day(6)).toMatchObject({ closed_all_day: false });
    expect(day(0)).toMatchObject({ closed_all_day: true });
  });

  await journey.step('website inbox: CSAT, messages after resolved, single conversation', admin, async () => {
    await admin.getByRole('tab', { name: 'Configurações' }).click();
    await admin.getByLabel('Ativar pesquisa de satisfação (CSAT)').check();
    await admin.getByLabel('Bloquear para uma única conversa').check();
    const after = admin.getByLabel('Permitir mensagens após a resolução da conversa');
    if (await after.isChecked()) await after.uncheck();
    await admin.getByRole('button', { name: 'Salvar' }).click();
    await visible(admin.getByText('Alterações salvas.'));
    const inbox = await inboxNamed('Chat do Site');
    expect(inbox).toMatchObject({ csat_survey_enabled: true, lock_to_single_conversation: true, allow_messages_after_resolved: false });
    // The pre-chat choices made at creation are still there.
    expect(inbox.pre_chat_form_options?.pre_chat_fields?.find((f) => f.name === 'phoneNumber')).toMatchObject({ required: true });
  });

  const dark = await journey.newPage({ colorScheme: 'dark' });
  await journey.step('the inbox settings in dark mode', dark, async () => {
    await signIn(dark, OWNER.email, OWNER.password);
    await dark.goto(`/app/accounts/${accountId}/settings/inboxes/${website.id}?tab=members`);
    await visible(dark.getByLabel('Capacidade por agente'));
    expect(await dark.getByLabel('Capacidade por agente').inputValue()).toBe('10');
  });

  const english = await journey.newPage({ locale: 'en-US' });
  await journey.step('the same inbox settings in English', english, async () => {
    await english.goto('/app/login');
    await english.getByLabel('Email', { exact: true }).fill(OWNER.email);
    await english.getByLabel('Password', { exact: true }).fill(OWNER.password);
    await english.getByRole('button', { name: 'Sign in', exact: true }).click();
    await atPath(english, DASHBOARD_PATH);
    await english.goto(`/app/accounts/${accountId}/settings/inboxes/${website.id}?tab=businessHours`);
    await visible(english.getByRole('tab', { name: 'Business hours' }));
    await visible(english.getByLabel('Out-of-office message'));
    await visible(english.getByRole('checkbox', { name: 'Monday' }));
    await english.goto(`/app/accounts/${accountId}/settings/account`);
    await visible(english.getByRole('heading', { name: 'Account', exact: true }));
    await visible(english.getByLabel("Don't resolve conversations waiting for an agent's reply"));
  });

  await journey.step('API inbox: webhook URL, identifier and HMAC token shown', admin, async () => {
    await admin.getByRole('link', { name: 'Voltar' }).click();
    await visible(admin.getByRole('heading', { name: 'Caixas de Entrada', exact: true }));
    await hasText(list(admin, 'Caixas de entrada da conta'), 'Chat do Site');
    await admin.getByRole('link', { name: 'Adicionar caixa de entrada' }).click();
    await admin.getByRole('button', { name: /^API/ }).click();
    await admin.getByLabel('Nome da caixa de entrada').fill('Integração ERP');
    await admin.getByLabel('URL do webhook').fill('não é url');
    await admin.getByRole('button', { name: 'Criar caixa de entrada' }).click();
    await visible(admin.getByLabel('URL do webhook').and(admin.locator('[aria-invalid="true"]')));
    await admin.getByLabel('URL do webhook').fill('https://erp.tecnologiacorporativa.com.br/webhooks/rockethub');
    await admin.getByRole('button', { name: 'Criar caixa de entrada' }).click();
    await visible(admin.getByText('A caixa de entrada "Integração ERP" está pronta!'));
    const inbox = await inboxNamed('Integração ERP');
    expect(inbox.webhook_url).toBe('https://erp.tecnologiacorporativa.com.br/webhooks/rockethub');
    await hasText(admin.getByRole('figure', { name: 'Identificador da caixa de entrada' }), inbox.inbox_identifier!);
    await hasText(admin.getByRole('figure', { name: 'Token HMAC' }), inbox.hmac_token);
  });

  const phone = await journey.newPage(PHONE);
  await journey.step('on a phone the inbox list and settings fit', phone, async () => {
    await signIn(phone, OWNER.email, OWNER.password);
    await phone.goto(`/app/accounts/${accountId}/settings/inboxes`);
    await hasText(list(phone, 'Caixas de entrada da conta'), 'Integração ERP');
    const widths = await phone.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    await phone.getByRole('link', { name: /Chat do Site/ }).click();
    await visible(phone.getByRole('heading', { name: 'Chat do Site' }));
    await journey.shot(phone, 'inbox settings on a phone');
  });

  await journey.step('delete the API inbox', admin, async () => {
    await admin.getByRole('link', { name: 'Abrir configurações da caixa' }).click();
    await visible(admin.getByRole('heading', { name: 'Integração ERP' }));
    await admin.getByRole('button', { name: 'Excluir caixa de entrada' }).click();
    const confirm = await visible(admin.getByRole('alertdialog', { name: 'Excluir caixa de entrada?' }));
    await confirm.getByRole('button', { name: 'Excluir' }).click();
    await atPath(admin, /\/settings\/inboxes$/);
    await hasText(list(admin, 'Caixas de entrada da conta'), 'Chat do Site');
    expect(await row(admin, 'Caixas de entrada da conta', 'Integração ERP').count()).toBe(0);
    const { payload } = await call<{ payload: Inbox[] }>('GET', '/inboxes');
    expect(payload.some((i) => i.name === 'Integração ERP')).toBe(false);
  });

  const agent = await journey.newPage();
  await journey.step('an agent gets "no access" on the administrators sections, and keeps canned responses', agent, async () => {
    await signIn(agent, SUPPORT_AGENTS[0].email, SUPPORT_AGENTS[0].password);
    const base = `/app/accounts/${accountId}`;
    for (const path of ['settings/account', 'settings/teams', 'settings/inboxes', `settings/inboxes/${website.id}`, 'settings/inboxes/new', 'settings/labels', 'settings/custom-attributes']) {
      await agent.goto(`${base}/${path}`);
      await visible(agent.getByRole('heading', { name: 'Acesso restrito' }));
      await visible(agent.getByText('Você não tem permissão para ver esta página'));
    }
    await agent.goto(`${base}/settings/canned-responses`);
    await hasText(list(agent, 'Respostas prontas'), '/boas-vindas');
  });
});
