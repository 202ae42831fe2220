// Journey: guide chapter 4's reply box tools, and chapter 3's list worked in bulk. The owner formats a
// reply with the toolbar, adds an emoji, sends it signed, sends one without the signature, records
// and sends a voice note (Chromium's fake microphone, in this journey's browser only).
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { apiRequest, ensureOwnerAccount, signInByApi } from '../support/api';
import { signIn } from '../support/dashboard';
import { hasText, useJourney, visible } from '../support/journey';
import { OWNER } from '../support/people';

const journey = useJourney('composer-and-bulk', { chromiumArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] });

const CUSTOMER = { name: 'Juliana Prado', email: 'juliana.prado@example.com.br' };
const QUESTION = 'Olá! Como faço para trocar o tamanho da camiseta que comprei?';
const SIGNATURE = 'Rogério Moura\nTecnologia Corporativa';

let accountId = 0;
let ownerToken = '';
let conversationId = 0;

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
});

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
