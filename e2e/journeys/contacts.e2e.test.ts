// Journey: "Contatos" (guide chapter 2, SPEC §8). An administrator finds a customer, edits and
// labels them, keeps a segment, imports a spreadsheet of 10,000 contacts watching the progress,
// downloads the rejected rows, and merges a duplicate choosing which values stay.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { apiRequest, ensureOwnerAccount, HttpError, signInByApi } from '../support/api';
import { navBar, signIn } from '../support/dashboard';
import { atPath, gone, hasText, useJourney, visible } from '../support/journey';
import { OWNER } from '../support/people';

const journey = useJourney('contacts');

/** Unique per run, so a reused server's earlier contacts do not match. */
const RUN = Date.now().toString(36);
const CUSTOMER = { name: `Beatriz Camargo ${RUN}`, email: `beatriz.${RUN}@camargo.example.com.br`, company: 'Padaria Camargo', city: 'Campinas' };
const DUPLICATE = { name: `Bia Camargo ${RUN}`, email: `bia.${RUN}@gmail.example.com`, phone: '+5519988887777', city: 'Valinhos' };
const LABEL = 'cliente-vip';
const INBOX = `Integração CRM ${RUN}`;
const FIRST_MESSAGE = 'Olá, Beatriz! Seu pedido de pães para o evento foi confirmado.';
const ROWS = 10_000;
/** Every 500th row has an email that is not one: 20 rejected rows. */
const BAD_EVERY = 500;

let accountId = 0;
let token = '';
const call = <T>(method: string, path: string, body?: unknown) => apiRequest<T>(method, `/api/v1/accounts/${accountId}${path}`, { token, body });

function spreadsheet(): Buffer {
  const lines = ['Nome,E-mail,Celular,Empresa,Cidade'];
  for (let i = 1; i <= ROWS; i += 1) {
    const email = i % BAD_EVERY === 0 ? `cliente-${i}-sem-arroba` : `cliente${i}.${RUN}@importados.example.com`;
    lines.push(`"Cliente ${i}, Importado",${email},,Loja ${i % 37},${i % 2 ? 'São Paulo' : 'Recife'}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

let customerId = 0;
let duplicateId = 0;

beforeAll(async () => {
  await ensureOwnerAccount();
  const owner = await signInByApi(OWNER.email, OWNER.password);
  token = owner.access_token;
  accountId = owner.accounts[0]!.id;
  const labels = await call<{ payload: { title: string }[] }>('GET', '/labels');
  if (!labels.payload.some((l) => l.title === LABEL)) await call('POST', '/labels', { title: LABEL, color: '#b45309' });
  const made = await call<{ payload: { contact: { id: number } } }>('POST', '/contacts', {
    name: CUSTOMER.name,
    email: CUSTOMER.email,
    additional_attributes: { company_name: CUSTOMER.company, city: 'Campinas' },
  });
  customerId = made.payload.contact.id;
  const inbox = await call<{ id: number }>('POST', '/inboxes', { name: INBOX, channel: { type: 'api' } });
  await call('POST', '/inbox_members', { inbox_id: inbox.id, user_ids: [owner.id] });
  const duplicate = await call<{ payload: { contact: { id: number } } }>('POST', '/contacts', {
    name: DUPLICATE.name,
    email: DUPLICATE.email,
    phone_number: DUPLICATE.phone,
    additional_attributes: { city: DUPLICATE.city },
  });
  duplicateId = duplicate.payload.contact.id;
});

const list = (page: Page) => page.getByRole('list', { name: 'Lista de contatos' });
const search = (page: Page) => page.getByRole('searchbox', { name: 'Pesquisar contatos' });

test('an administrator finds, edits, labels, imports 10,000 contacts and merges a duplicate', async () => {
  const page = await journey.newPage();

  await journey.step('find the customer in Contatos', page, async () => {
    await signIn(page, OWNER.email, OWNER.password);
    await navBar(page).getByRole('link', { name: 'Contatos', exact: true }).click();
    await atPath(page, /\/contacts$/);
    await visible(page.getByRole('heading', { name: 'Contatos', exact: true }));
    await visible(page.getByRole('link', { name: 'Todos os contatos' }));
    await search(page).fill(`camargo ${RUN}`);
    await hasText(list(page), CUSTOMER.name);
    await page.getByLabel('Ordenar por').selectOption({ label: 'Nome (A–Z)' });
    await hasText(list(page), CUSTOMER.name);
  });

  await journey.step('open the contact page', page, async () => {
    await list(page).getByRole('link', { name: new RegExp(CUSTOMER.name) }).click();
    await atPath(page, new RegExp(`/contacts/${customerId}$`));
    await visible(page.getByRole('heading', { name: CUSTOMER.name }));
    const attributes = page.getByRole('region', { name: 'Atributos', exact: true });
    await hasText(attributes, CUSTOMER.company);
    await hasText(attributes, 'Campinas');
  });

  await journey.step('edit the city and label the contact', page, async () => {
    await page.getByRole('button', { name: 'Editar', exact: true }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Editar contato' }));
    await dialog.getByLabel('Cidade').fill('Jundiaí');
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await gone(dialog);
    await hasText(page.getByRole('region', { name: 'Atributos', exact: true }), 'Jundiaí');
    await page.getByRole('button', { name: 'Adicionar marcador' }).click();
    await page.getByRole('menuitemcheckbox', { name: LABEL }).click();
    await page.keyboard.press('Escape');
    await hasText(page.getByRole('list', { name: 'Marcadores' }), LABEL);
    await page.getByLabel('Nova nota').fill('Prefere contato por WhatsApp depois das 18h.');
    await page.getByRole('button', { name: 'Adicionar nota' }).click();
    await hasText(page.getByRole('list', { name: 'Notas' }), 'Prefere contato por WhatsApp');
    const stored = await call<{ payload: { additional_attributes: { city: string } } }>('GET', `/contacts/${customerId}`);
    expect(stored.payload.additional_attributes.city).toBe('Jundiaí');
    expect((await call<{ payload: string[] }>('GET', `/contacts/${customerId}/labels`)).payload).toEqual([LABEL]);
  });

  await journey.step('filter by label and keep it as a segment', page, async () => {
    await page.getByRole('link', { name: 'Contatos', exact: true }).first().click();
    await page.getByRole('button', { name: 'Filtros', exact: true }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Filtrar contatos' }));
    await dialog.getByLabel('Campo da condição 1').selectOption({ label: 'Marcadores' });
    await dialog.getByLabel('Valor da condição 1').selectOption(LABEL);
    await dialog.getByLabel('Nome do segmento').fill(`VIP ${RUN}`);
    await journey.shot(page, 'filter builder');
    await dialog.getByRole('button', { name: 'Salvar segmento' }).click();
    await gone(dialog);
    await visible(page.getByRole('heading', { name: `VIP ${RUN}` }));
    await hasText(list(page), CUSTOMER.name);
    await visible(page.getByRole('navigation', { name: 'Menu de contatos' }).getByRole('link', { name: `VIP ${RUN}` }));
    await expect.poll(() => list(page).getByRole('listitem').count()).toBe(1);
    await page.getByRole('button', { name: 'Exportar' }).click();
    const dialog2 = await visible(page.getByRole('dialog', { name: 'Exportar contatos' }));
    await hasText(dialog2, 'filtro atual');
    await dialog2.getByRole('checkbox', { name: 'Marcadores' }).check();
    await dialog2.getByRole('checkbox', { name: 'Telefone' }).uncheck();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog2.getByRole('button', { name: 'Exportar CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(csv[0]).toBe('name,email,identifier,company_name,city,labels');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain(CUSTOMER.email);
    expect(csv[1]).toContain(LABEL);
    await gone(dialog2);
  });

  await journey.step('import 10,000 contacts from a spreadsheet, watching the progress', page, async () => {
    await page.getByRole('link', { name: 'Todos os contatos' }).click();
    await page.getByRole('button', { name: 'Importar' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Importar contatos' }));
    await dialog.getByLabel('Arquivo CSV').setInputFiles({ name: 'clientes.csv', mimeType: 'text/csv', buffer: spreadsheet() });
    await visible(dialog.getByText('Associe as colunas aos campos'));
    await expect.poll(() => dialog.getByRole('combobox', { name: 'E-mail' }).inputValue()).toBe('1');
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Empresa' }).inputValue()).toBe('3');
    await journey.shot(page, 'import mapping');
    await dialog.getByRole('button', { name: 'Iniciar importação' }).click();
    await visible(dialog.getByRole('progressbar', { name: 'Progresso da importação' }));
    await journey.shot(page, 'import progress');
    const summary = await visible(dialog.getByRole('status', { name: 'Resumo da importação' }), 120_000);
    await hasText(summary, 'Importação concluída');
    await expect.poll(() => dialog.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await hasText(summary, String(ROWS - ROWS / BAD_EVERY).replace(/\B(?=(\d{3})+$)/, '.'));
    await hasText(summary, String(ROWS / BAD_EVERY));
  });

  await journey.step('download the rejected rows with their reasons', page, async () => {
    const dialog = page.getByRole('dialog', { name: 'Importar contatos' });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: 'Baixar linhas rejeitadas' }).click()]);
    const report = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
    expect(report).toHaveLength(1 + ROWS / BAD_EVERY);
    expect(report[1]).toContain(`cliente-${BAD_EVERY}-sem-arroba`);
    expect(report[1]).toMatch(/not a valid email/);
    await dialog.getByRole('button', { name: 'Fechar' }).last().click();
    await gone(dialog);
    await search(page).fill(`cliente9999.${RUN}`);
    await visible(page.getByText('1 contato', { exact: true }));
    await hasText(list(page), 'Cliente 9999, Importado');
    await gone(list(page).getByText('Cliente 9998, Importado'));
  });

  await journey.step('merge the duplicate into the customer, keeping the duplicate’s city', page, async () => {
    await page.goto(`/app/accounts/${accountId}/contacts/${customerId}`);
    await page.getByRole('button', { name: 'Mesclar', exact: true }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Mesclar contatos' }));
    await dialog.getByLabel('Pesquisar contato').fill(`Bia Camargo ${RUN}`);
    await dialog.getByRole('list', { name: 'Contatos encontrados' }).getByRole('button', { name: new RegExp(DUPLICATE.name) }).click();
    await dialog.getByRole('radio', { name: `Manter Cidade: ${DUPLICATE.city}` }).check();
    await journey.shot(page, 'merge choices');
    await dialog.getByRole('button', { name: 'Mesclar contatos' }).click();
    await gone(dialog);
    const attributes = page.getByRole('region', { name: 'Atributos', exact: true });
    await hasText(attributes, DUPLICATE.city);
    await hasText(attributes, DUPLICATE.phone);
    await hasText(attributes, CUSTOMER.email);
    await visible(page.getByRole('heading', { name: CUSTOMER.name }));
    const gotDuplicate = await call('GET', `/contacts/${duplicateId}`).catch((e: unknown) => e);
    expect(gotDuplicate).toBeInstanceOf(HttpError);
    expect((gotDuplicate as HttpError).status).toBe(404);
    expect((await call<{ payload: string[] }>('GET', `/contacts/${customerId}/labels`)).payload).toEqual([LABEL]);
  });

  await journey.step('start a new conversation with the contact in an API inbox', page, async () => {
    await page.getByRole('button', { name: 'Nova conversa' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Nova conversa' }));
    await dialog.getByLabel('Caixa de entrada').selectOption({ label: INBOX });
    await dialog.getByLabel('Mensagem').fill(FIRST_MESSAGE);
    await dialog.getByRole('button', { name: 'Enviar mensagem' }).click();
    await atPath(page, /\/conversations\/\d+$/);
    await hasText(page.getByRole('list', { name: 'Histórico da conversa' }), FIRST_MESSAGE);
    await page.goBack();
    await hasText(page.getByRole('list', { name: 'Conversas anteriores' }), INBOX);
  });

  await journey.step('block and unblock the contact', page, async () => {
    await page.getByRole('button', { name: 'Bloquear', exact: true }).click();
    await visible(page.getByRole('button', { name: 'Desbloquear', exact: true }));
    await visible(page.getByText('Bloqueado', { exact: true }));
    await page.getByRole('button', { name: 'Desbloquear', exact: true }).click();
    await visible(page.getByRole('button', { name: 'Bloquear', exact: true }));
  });

  await journey.step('create a contact, then delete it after confirming', page, async () => {
    await page.getByRole('link', { name: 'Contatos', exact: true }).first().click();
    await page.getByRole('button', { name: 'Novo contato' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Novo contato' }));
    await dialog.getByLabel('Nome', { exact: true }).fill(`Contato Temporário ${RUN}`);
    await dialog.getByLabel('Telefone', { exact: true }).fill('+55 11 91234-5678');
    await dialog.getByRole('button', { name: 'Salvar' }).click();
    await visible(page.getByRole('heading', { name: `Contato Temporário ${RUN}` }));
    await hasText(page.getByRole('region', { name: 'Atributos', exact: true }), '+5511912345678');
    await page.getByRole('button', { name: 'Excluir', exact: true }).click();
    const confirm = await visible(page.getByRole('alertdialog', { name: 'Excluir contato?' }));
    await journey.shot(page, 'delete confirmation');
    await confirm.getByRole('button', { name: 'Excluir contato' }).click();
    await atPath(page, /\/contacts$/);
    await search(page).fill(`Contato Temporário ${RUN}`);
    await visible(page.getByText('Nenhum contato encontrado'));
  });

  const dark = await journey.newPage({ colorScheme: 'dark' });
  await journey.step('the list and the contact page in dark mode', dark, async () => {
    await signIn(dark, OWNER.email, OWNER.password);
    await dark.goto(`/app/accounts/${accountId}/contacts`);
    await hasText(list(dark), 'Cliente');
    await journey.shot(dark, 'list in dark mode');
    // Pages of 15 load as the list scrolls; only the rows on screen are in the page.
    const scroller = dark.getByTestId('contact-list-scroller');
    for (let i = 0; i < 6; i += 1) {
      await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await dark.waitForTimeout(250);
    }
    // The first page holds Cliente 9999 … 9985: a row below 9980 came from a later page.
    await hasText(list(dark), /Cliente 9(9[0-7]\d|[0-8]\d\d), Importado/);
    expect(await list(dark).getByRole('listitem').count()).toBeLessThan(60);
    await dark.goto(`/app/accounts/${accountId}/contacts/${customerId}`);
    await visible(dark.getByRole('heading', { name: CUSTOMER.name }));
  });

  const phone = await journey.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await journey.step('the list and the contact page on a phone', phone, async () => {
    await signIn(phone, OWNER.email, OWNER.password);
    await phone.goto(`/app/accounts/${accountId}/contacts`);
    await hasText(list(phone), 'Cliente');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width, 'nothing wider than the screen').toBeLessThanOrEqual(390);
    await journey.shot(phone, 'list on a phone');
    await phone.goto(`/app/accounts/${accountId}/contacts/${customerId}`);
    await visible(phone.getByRole('heading', { name: CUSTOMER.name }));
    await hasText(phone.getByRole('list', { name: 'Marcadores' }), LABEL);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
