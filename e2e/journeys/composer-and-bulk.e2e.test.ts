// Journey: guide chapter 4's reply box tools, and chapter 3's list worked in bulk. The owner formats a
// reply with the toolbar, adds an emoji, sends it signed, sends one without the signature, records
// and sends a voice note (Chromium's fake microphone, in this journey's browser only). Then she
// selects conversations in the list to label and resolve them together, and saves an advanced
// filter as a folder ("Pastas").
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { apiRequest, ensureOwnerAccount, signInByApi } from '../support/api';
import { signIn } from '../support/dashboard';
import { gone, hasText, useJourney, visible } from '../support/journey';
import { OWNER } from '../support/people';

const journey = useJourney('composer-and-bulk', { chromiumArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });

const CUSTOMER = { name: 'Juliana Prado', email: 'juliana.prado@example.com.br' };
const QUESTION = 'Olá! Como faço para trocar o tamanho da camiseta que comprei?';
const SIGNATURE = 'Rogério Moura\nTecnologia Corporativa';

let accountId = 0;
let ownerToken = '';
let conversationId = 0;
const OTHERS = ['Pedro Alves', 'Sofia Ramos', 'Lucas Mendes'];
const otherIds: Record<string, number> = {};

type ApiMessage = { id: number; content: string | null; message_type: number; attachments?: { file_type: string }[] };

const call = <T>(method: string, path: string, body?: unknown) =>
  apiRequest<T>(method, `/api/v1/accounts/${accountId}${path}`, { token: ownerToken, body });

beforeAll(async () => {
  await ensureOwnerAccount();
  const owner = await signInByApi(OWNER.email, OWNER.password);
  ownerToken = owner.access_token;
  accountId = owner.accounts[0]!.id;
  await apiRequest('PUT', '/api/v1/profile', { token: ownerToken, body: { profile: { message_signature: SIGNATURE } } });
  const inbox = await call<{ id: number }>('POST', '/inboxes', { name: 'Loja Virtual API', channel: { type: 'api' } });
  await call('POST', '/inbox_members', { inbox_id: inbox.id, user_ids: [owner.id] });
  const { payload } = await call<{ payload: { contact: { id: number } } }>('POST', '/contacts', { ...CUSTOMER, inbox_id: inbox.id });
  const conversation = await call<{ id: number }>('POST', '/conversations', { inbox_id: inbox.id, contact_id: payload.contact.id });
  conversationId = conversation.id;
  await call('POST', `/conversations/${conversationId}/messages`, { content: QUESTION, message_type: 'incoming' });
  for (const [index, name] of OTHERS.entries()) {
    const contact = await call<{ payload: { contact: { id: number } } }>('POST', '/contacts', { name, email: `cliente${index}@example.com.br`, inbox_id: inbox.id });
    const other = await call<{ id: number }>('POST', '/conversations', { inbox_id: inbox.id, contact_id: contact.payload.contact.id });
    otherIds[name] = other.id;
    await call('POST', `/conversations/${other.id}/messages`, { content: `Quero trocar meu pedido, sou ${name}.`, message_type: 'incoming' });
  }
  const attributes = await call<{ attribute_key: string }[]>('GET', '/custom_attribute_definitions?attribute_model=contact_attribute');
  if (!attributes.some((a) => a.attribute_key === 'plano')) {
    await call('POST', '/custom_attribute_definitions', {
      attribute_display_name: 'Plano',
      attribute_key: 'plano',
      attribute_display_type: 'list',
      attribute_model: 'contact_attribute',
      attribute_values: ['Ouro', 'Prata'],
    });
  }
  const labels = await call<{ payload: { title: string }[] }>('GET', '/labels');
  if (!labels.payload.some((l) => l.title === 'troca')) await call('POST', '/labels', { title: 'troca', color: '#c2410c' });
});

const conversationList = (page: Page) => page.getByRole('list', { name: 'Lista de conversas' });
const card = (page: Page, name: string) => conversationList(page).getByRole('link', { name: new RegExp(name) });
const conversation = (id: number) => call<{ status: string; labels: string[] }>('GET', `/conversations/${id}`);
const history = (page: Page) => page.getByRole('list', { name: 'Histórico da conversa' });
const replyBox = (page: Page) => page.getByRole('textbox', { name: 'Digite sua resposta ou / para usar uma resposta pronta' });
const lastOutgoing = async () => {
  const { payload } = await call<{ payload: ApiMessage[] }>('GET', `/conversations/${conversationId}/messages`);
  return payload.filter((m) => m.message_type === 1).at(-1);
};

/** Selects `words` inside the reply box, as a mouse drag would. */
async function select(page: Page, words: string): Promise<void> {
  await replyBox(page).evaluate((box: HTMLTextAreaElement, part) => {
    const start = box.value.indexOf(part);
    box.focus();
    box.setSelectionRange(start, start + part.length);
  }, words);
}

test('an agent formats, signs, decorates and records replies', async () => {
  const owner = await journey.newPage();

  await journey.step('the owner opens the customer conversation of an API inbox', owner, async () => {
    await signIn(owner, OWNER.email, OWNER.password);
    await owner.getByRole('tab', { name: /^Todas/ }).click();
    await owner.getByRole('list', { name: 'Lista de conversas' }).getByRole('link', { name: new RegExp(CUSTOMER.name) }).click();
    await hasText(history(owner), QUESTION);
    const toolbar = owner.getByRole('toolbar', { name: 'Formatação de Texto' });
    for (const button of ['Negrito', 'Itálico', 'Tachado', 'Código', 'Lista com marcadores', 'Lista numerada', 'Link']) {
      await visible(toolbar.getByRole('button', { name: new RegExp(`^${button}`) }));
    }
    // Replies are Markdown, which has no underline: the API channel offers none (e-mail will).
    expect(await toolbar.getByRole('button').count()).toBe(7);
    expect(await toolbar.getByRole('button', { name: /Sublinhado/ }).count()).toBe(0);
    await visible(owner.getByRole('checkbox', { name: 'Assinatura' }));
  });

  await journey.step('the reply is formatted with the toolbar and an emoji, and sent signed', owner, async () => {
    const toolbar = owner.getByRole('toolbar', { name: 'Formatação de Texto' });
    await replyBox(owner).fill('A troca é grátis e leva 5 dias úteis.\nPasso um\nPasso dois');
    await select(owner, 'grátis');
    await toolbar.getByRole('button', { name: /^Negrito/ }).click();
    await select(owner, '5 dias úteis');
    await owner.keyboard.press('Control+i');
    await select(owner, 'Passo um\nPasso dois');
    await toolbar.getByRole('button', { name: 'Lista numerada' }).click();
    await replyBox(owner).press('End');
    await owner.getByRole('button', { name: 'Emojis' }).click();
    await owner.getByRole('dialog', { name: 'Emojis' }).getByRole('button', { name: '👍' }).click();
    await expect.poll(() => replyBox(owner).inputValue()).toBe('A troca é **grátis** e leva _5 dias úteis_.\n1. Passo um\n2. Passo dois👍');
    await journey.shot(owner, 'formatted reply before sending');
    await owner.getByRole('button', { name: 'Enviar', exact: true }).click();
    const sent = history(owner).getByRole('listitem', { name: new RegExp(`Mensagem enviada: ${OWNER.name}|${OWNER.name}`) }).last();
    await hasText(sent.locator('strong'), 'grátis');
    await hasText(sent.locator('em'), '5 dias úteis');
    await hasText(sent.locator('ol'), 'Passo dois');
    await hasText(sent, 'Tecnologia Corporativa');
    expect((await lastOutgoing())?.content).toBe(`A troca é **grátis** e leva _5 dias úteis_.\n1. Passo um\n2. Passo dois👍\n\n--\n${SIGNATURE}`);
  });

  await journey.step('a link is added, and this reply goes without the signature', owner, async () => {
    await replyBox(owner).fill('Veja a política de trocas');
    await select(owner, 'política de trocas');
    await owner.getByRole('toolbar', { name: 'Formatação de Texto' }).getByRole('button', { name: /^Link/ }).click();
    await owner.getByRole('textbox', { name: 'Endereço do link' }).fill('javascript:alert(1)');
    await owner.getByRole('button', { name: 'Inserir link' }).click();
    await visible(owner.getByRole('alert').filter({ hasText: 'https://exemplo.com.br' }));
    await owner.getByRole('textbox', { name: 'Endereço do link' }).fill('loja.example.com.br/trocas');
    await owner.getByRole('button', { name: 'Inserir link' }).click();
    await expect.poll(() => replyBox(owner).inputValue()).toBe('Veja a [política de trocas](https://loja.example.com.br/trocas)');
    await owner.getByRole('checkbox', { name: 'Assinatura' }).uncheck();
    await replyBox(owner).press('Enter');
    await visible(history(owner).getByRole('link', { name: 'política de trocas' }));
    await expect.poll(async () => (await lastOutgoing())?.content).toBe('Veja a [política de trocas](https://loja.example.com.br/trocas)');
    // The switch is per message: the next reply is signed again.
    await expect.poll(() => owner.getByRole('checkbox', { name: 'Assinatura' }).isChecked()).toBe(true);
  });

  await journey.step('a voice note is recorded, listened to and sent', owner, async () => {
    await owner.getByRole('button', { name: 'Gravar mensagem de voz' }).click();
    await visible(owner.getByRole('group', { name: 'Gravando mensagem de voz' }));
    await owner.waitForTimeout(1500);
    await journey.shot(owner, 'recording');
    await owner.getByRole('button', { name: 'Parar a gravação' }).click();
    const preview = owner.getByRole('list', { name: 'Arquivos anexados' }).locator('audio');
    await visible(preview);
    await expect.poll(() => preview.evaluate((audio: HTMLAudioElement) => audio.src.startsWith('blob:'))).toBe(true);
    await journey.shot(owner, 'voice note ready to send');
    await owner.getByRole('button', { name: 'Enviar', exact: true }).click();
    await expect.poll(async () => (await lastOutgoing())?.attachments?.map((a) => a.file_type)).toEqual(['audio']);
    await visible(history(owner).locator('audio').last());
  });
});

test('an agent labels and resolves conversations in bulk, then keeps them in a folder', async () => {
  const owner = await journey.newPage();
  const [pedro, sofia, lucas] = OTHERS as [string, string, string];

  await journey.step('two conversations are selected in the list', owner, async () => {
    await signIn(owner, OWNER.email, OWNER.password);
    await owner.getByRole('tab', { name: /^Todas/ }).click();
    await visible(card(owner, lucas));
    await owner.getByRole('checkbox', { name: `Selecionar a conversa de ${pedro}` }).check();
    await owner.getByRole('checkbox', { name: `Selecionar a conversa de ${sofia}` }).check();
    await hasText(owner.getByRole('region', { name: 'Ações em massa' }), '2 selecionadas');
  });

  await journey.step('"Adicionar marcador" labels both at once', owner, async () => {
    const bulk = owner.getByRole('toolbar', { name: 'Aplicar às selecionadas' });
    await bulk.getByRole('button', { name: 'Adicionar marcador' }).click();
    await owner.getByRole('menuitem', { name: 'troca' }).click();
    await hasText(card(owner, pedro), 'troca');
    await hasText(card(owner, sofia), 'troca');
    expect((await conversation(otherIds[lucas]!)).labels).toEqual([]);
    expect((await conversation(otherIds[pedro]!)).labels).toEqual(['troca']);
  });

  await journey.step('"Resolver" resolves the selected; they leave the open list', owner, async () => {
    await owner.getByRole('checkbox', { name: `Selecionar a conversa de ${pedro}` }).check();
    await owner.getByRole('checkbox', { name: `Selecionar a conversa de ${sofia}` }).check();
    await owner.getByRole('toolbar', { name: 'Aplicar às selecionadas' }).getByRole('button', { name: 'Resolver' }).click();
    await gone(card(owner, pedro));
    await gone(card(owner, sofia));
    await visible(card(owner, lucas));
    for (const name of [pedro, sofia]) expect((await conversation(otherIds[name]!)).status).toBe('resolved');
    expect((await conversation(otherIds[lucas]!)).status).toBe('open');
  });

  await journey.step('"Selecionar todas" picks every visible conversation', owner, async () => {
    await owner.getByRole('checkbox', { name: `Selecionar a conversa de ${lucas}` }).check();
    await owner.getByRole('checkbox', { name: /^Selecionar todas as \d+ conversas visíveis$/ }).check();
    const count = await conversationList(owner).getByRole('listitem').count();
    await hasText(owner.getByRole('region', { name: 'Ações em massa' }), `${count} selecionadas`);
    await journey.shot(owner, 'all visible selected');
    await owner.getByRole('button', { name: 'Limpar a seleção' }).click();
    await visible(owner.getByRole('tab', { name: /^Todas/ }));
  });

  await journey.step('an advanced filter is saved as the folder "Trocas resolvidas"', owner, async () => {
    await owner.getByRole('button', { name: 'Filtros avançados' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Nova pasta' });
    await dialog.getByRole('textbox', { name: 'Nome da pasta' }).fill('Trocas resolvidas');
    await dialog.getByRole('combobox', { name: 'Atributo da condição 1' }).selectOption({ label: 'Marcador' });
    await dialog.getByRole('button', { name: 'Salvar pasta' }).click();
    await hasText(dialog.getByRole('alert'), 'Preencha o valor');
    await dialog.getByRole('combobox', { name: 'Valor da condição 1' }).selectOption({ label: 'troca' });
    await dialog.getByRole('button', { name: 'Adicionar condição' }).click();
    await dialog.getByRole('combobox', { name: 'Valor da condição 2' }).selectOption({ label: 'Resolvida' });
    await journey.shot(owner, 'folder builder');
    await dialog.getByRole('button', { name: 'Salvar pasta' }).click();
    await visible(owner.getByRole('heading', { name: 'Trocas resolvidas' }));
    await visible(owner.getByRole('navigation', { name: 'Menus de apoio' }).getByRole('link', { name: 'Trocas resolvidas' }));
    await owner.getByRole('tab', { name: /^Todas/ }).click();
    await visible(card(owner, pedro));
    await visible(card(owner, sofia));
    expect(await conversationList(owner).getByRole('listitem').count()).toBe(2);
    expect(new URL(owner.url()).pathname).toMatch(/\/custom_view\/\d+$/);
  });

  await journey.step('a conversation reopened elsewhere leaves the folder live', owner, async () => {
    await call('POST', `/conversations/${otherIds[sofia]!}/toggle_status`, { status: 'open' });
    await gone(card(owner, sofia));
    await visible(card(owner, pedro));
  });

  await journey.step('"Excluir pasta" removes the folder, not the conversations', owner, async () => {
    await owner.getByRole('button', { name: 'Excluir pasta' }).click();
    await owner.getByRole('alertdialog').getByRole('button', { name: 'Excluir pasta' }).click();
    await visible(owner.getByText('Nenhuma pasta salva ainda'));
    expect((await conversation(otherIds[pedro]!)).status).toBe('resolved');
  });
});

test('an agent edits the customer in the details panel and keeps notes about them', async () => {
  const owner = await journey.newPage();
  const details = owner.getByRole('complementary', { name: 'Detalhes da conversa' });
  type Contact = { id: number; phone_number: string | null; additional_attributes: Record<string, unknown>; custom_attributes: Record<string, unknown> };
  const contactId = async () => (await call<{ meta: { sender: { id: number } } }>('GET', `/conversations/${conversationId}`)).meta.sender.id;

  await journey.step('"Editar" in "Informações do Cliente" saves phone, company, city and "Plano"', owner, async () => {
    await signIn(owner, OWNER.email, OWNER.password);
    await owner.getByRole('tab', { name: /^Todas/ }).click();
    await card(owner, CUSTOMER.name).click();
    await owner.getByRole('button', { name: 'Mais detalhes' }).click();
    await details.getByRole('button', { name: 'Editar' }).click();
    const form = details.getByRole('form', { name: 'Editar as informações do cliente' });
    await form.getByRole('textbox', { name: 'Telefone' }).fill('12345');
    await form.getByRole('button', { name: 'Salvar' }).click();
    await visible(form.getByText('Use o formato internacional, com o código do país: +5511987654321.'));
    await form.getByRole('textbox', { name: 'Telefone' }).fill('+55 11 98765-4321');
    await form.getByRole('textbox', { name: 'Empresa' }).fill('Prado Modas');
    await form.getByRole('textbox', { name: 'Cidade' }).fill('Curitiba');
    await form.getByRole('combobox', { name: 'Plano' }).selectOption('Ouro');
    await journey.shot(owner, 'contact editor');
    await form.getByRole('button', { name: 'Salvar' }).click();
    await hasText(details, 'Prado Modas');
    await hasText(details, 'Curitiba');
    await hasText(details, 'Ouro');
    const contact = await call<{ payload: Contact }>('GET', `/contacts/${await contactId()}`);
    expect(contact.payload.phone_number).toBe('+5511987654321');
    expect(contact.payload.additional_attributes).toMatchObject({ company_name: 'Prado Modas', city: 'Curitiba' });
    expect(contact.payload.custom_attributes).toMatchObject({ plano: 'Ouro' });
  });

  await journey.step('"Notas": a note is added, then deleted', owner, async () => {
    const note = 'Prefere contato por WhatsApp depois das 18h.';
    await details.getByRole('textbox', { name: 'Nova nota' }).fill(note);
    await details.getByRole('button', { name: 'Adicionar nota' }).click();
    const notes = details.getByRole('list', { name: 'Notas' });
    await hasText(notes, note);
    await hasText(notes, OWNER.name);
    const stored = await call<{ content: string }[]>('GET', `/contacts/${await contactId()}/notes`);
    expect(stored.map((n) => n.content)).toEqual([note]);
    await journey.shot(owner, 'note added');
    await notes.getByRole('button', { name: 'Apagar nota' }).click();
    await owner.getByRole('alertdialog').getByRole('button', { name: 'Apagar nota' }).click();
    await visible(details.getByText('Nenhuma nota ainda'));
    expect(await call<unknown[]>('GET', `/contacts/${await contactId()}/notes`)).toEqual([]);
  });
});

test('a reply the channel could not deliver is retried from the history', async () => {
  const owner = await journey.newPage();
  await journey.step('the integration reports a failure; the agent sees why and retries', owner, async () => {
    await signIn(owner, OWNER.email, OWNER.password);
    await owner.getByRole('tab', { name: /^Todas/ }).click();
    await card(owner, CUSTOMER.name).click();
    const reply = await call<{ id: number }>('POST', `/conversations/${conversationId}/messages`, { content: 'Seu código de troca é TR-5521.' });
    await hasText(history(owner), 'Seu código de troca é TR-5521.');
    await call('PATCH', `/conversations/${conversationId}/messages/${reply.id}`, { status: 'failed', external_error: 'Número sem WhatsApp' });
    const bubble = history(owner).locator(`[data-message-id="${reply.id}"]`);
    await hasText(bubble, 'Não entregue: Número sem WhatsApp');
    await journey.shot(owner, 'failed reply');
    await bubble.getByRole('button', { name: 'Tentar novamente' }).click();
    await gone(bubble.getByText('Não entregue: Número sem WhatsApp'));
    await visible(bubble.getByRole('img', { name: 'Enviada' }));
    const { payload } = await call<{ payload: (ApiMessage & { status: string })[] }>('GET', `/conversations/${conversationId}/messages`);
    expect(payload.find((m) => m.id === reply.id)?.status).toBe('sent');
  });
});

test('the reply box tools in dark mode and on a phone', async () => {
  const dark = await journey.newPage({ colorScheme: 'dark' });
  await journey.step('dark: the emoji picker over a formatted draft', dark, async () => {
    await signIn(dark, OWNER.email, OWNER.password);
    await dark.getByRole('tab', { name: /^Todas/ }).click();
    await card(dark, CUSTOMER.name).click();
    await replyBox(dark).fill('Obrigado, **Juliana**!');
    await dark.getByRole('button', { name: 'Emojis' }).click();
    await visible(dark.getByRole('dialog', { name: 'Emojis' }));
  });
  const phone = await journey.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await journey.step('phone: the reply box tools wrap under the text', phone, async () => {
    await signIn(phone, OWNER.email, OWNER.password);
    await phone.getByRole('tab', { name: /^Todas/ }).click();
    await card(phone, CUSTOMER.name).click();
    await visible(phone.getByRole('toolbar', { name: 'Formatação de Texto' }));
    await visible(phone.getByRole('button', { name: 'Enviar', exact: true }));
  });
});
