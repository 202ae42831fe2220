import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { buildAccount, type BuiltAccount } from '../../../test/builders';
import { expectDocumentedResponse } from '../../../test/contract';
import { insertContact, insertInbox } from '../../../test/conversation-builders';
import { expectError } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { likeContains, prefixTsQuery, searchWords } from './query-text';
import { messageTimeBack, searchMessagesBetween } from './repository';

describe('search text', () => {
  it('keeps words of letters and digits only, so the query syntax cannot be injected', () => {
    expect(searchWords("pedido 123 não! & | ( ) :* 'x'")).toEqual(['pedido', '123', 'não', 'x']);
    expect(prefixTsQuery(['pedido', 'não'])).toBe('pedido:* & não:*');
    expect(likeContains('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe('search API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function setup() {
    const account = await buildAccount(t.ctx);
    const inbox = await insertInbox(t.ctx, account.id, { memberIds: [account.agent.id] });
    const hidden = await insertInbox(t.ctx, account.id);
    const ana = await insertContact(t.ctx, account.id, inbox.id, { name: 'Ana Conceição', email: 'ana.conceicao@exemplo.com.br', phoneNumber: '+5511987654321' });
    const bob = await insertContact(t.ctx, account.id, hidden.id, { name: 'Bob Stone', email: 'bob@example.com' });
    const conversation = async (contactId: number, inboxId: number, incoming: string[]) => {
      const res = await t.request({ method: 'POST', url: `/api/v1/accounts/${account.id}/conversations`, token: account.admin.token, payload: { inbox_id: inboxId, contact_id: contactId } });
      const id = res.json().id as number;
      for (const content of incoming) {
        await t.request({ method: 'POST', url: `/api/v1/accounts/${account.id}/conversations/${id}/messages`, token: account.admin.token, payload: { content, message_type: 'incoming' } });
      }
      return id;
    };
    const first = await conversation(ana.contact.id, inbox.id, ['Não consigo fazer o PAGAMENTO do boleto', 'Já tentei duas vezes']);
    const second = await conversation(bob.contact.id, hidden.id, ['My payment failed, pagamento recusado']);
    return { account, first, second };
  }

  const get = (account: BuiltAccount, path: string, token = account.admin.token) =>
    t.request({ method: 'GET', url: `/api/v1/accounts/${account.id}${path}`, token });

  it('finds messages by words, ignoring accents and case, and word starts', async () => {
    const s = await setup();
    const res = await get(s.account, '/search/messages?q=nao%20pagamentos'.replace('pagamentos', 'pagam'));
    expect(res.statusCode).toBe(200);
    expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/search/messages', res);
    expect(res.json().payload.messages.map((m: { content: string }) => m.content)).toEqual(['Não consigo fazer o PAGAMENTO do boleto']);
    const both = (await get(s.account, '/search/messages?q=Pagamento')).json().payload.messages.map((m: { conversation_id: number }) => m.conversation_id);
    expect(both).toEqual([s.second, s.first]);
    expect((await get(s.account, '/search/messages?q=pagamento', s.account.agent.token)).json().payload.messages).toHaveLength(1);
    expect((await get(s.account, '/search/messages?q=inexistente')).json().payload.messages).toEqual([]);
  });

  it('finds contacts by any part of name, email or phone, without accents', async () => {
    const s = await setup();
    const names = async (q: string) => (await get(s.account, `/search/contacts?q=${encodeURIComponent(q)}`)).json().payload.contacts.map((c: { name: string }) => c.name);
    expect(await names('conceicao')).toEqual(['Ana Conceição']);
    expect(await names('CONCEIÇÃO')).toEqual(['Ana Conceição']);
    expect(await names('exemplo.com')).toEqual(['Ana Conceição']);
    expect(await names('98765')).toEqual(['Ana Conceição']);
    expect(await names('50%')).toEqual([]);
  });

  it('finds conversations by number, contact and message words — only in inboxes the agent works in', async () => {
    const s = await setup();
    const ids = async (q: string, token = s.account.admin.token) =>
      (await get(s.account, `/search/conversations?q=${encodeURIComponent(q)}`, token)).json().payload.conversations.map((c: { id: number }) => c.id);
    expect(await ids(String(s.first))).toEqual([s.first]);
    expect(await ids('ana')).toEqual([s.first]);
    expect(await ids('boleto')).toEqual([s.first]);
    expect(await ids('pagamento')).toEqual([s.second, s.first]);
    expect(await ids('pagamento', s.account.agent.token)).toEqual([s.first]);
    const listed = await get(s.account, '/conversations/search?q=stone');
    expect(listed.json().data).toMatchObject({ meta: { all_count: 1 }, payload: [{ id: s.second }] });
    const everything = (await get(s.account, '/search?q=boleto')).json().payload;
    expect({ conversations: everything.conversations.length, contacts: everything.contacts.length, messages: everything.messages.length }).toEqual({ conversations: 1, contacts: 0, messages: 1 });
  });

  it('finds the same messages walking the newest ids or through the text index, within the window asked', async () => {
    const s = await setup();
    const newest = (await messageTimeBack(t.ctx.db, s.account.id, 1))!;
    const justBefore = new Date(newest.getTime() - 1);
    const search = async (q: string, scan: 'newest-first' | 'text-index', window: { after?: Date; upTo?: Date } = {}, inboxIds?: number[]) =>
      (await searchMessagesBetween(t.ctx.db, s.account.id, prefixTsQuery(searchWords(q)), window, 10, inboxIds, scan)).map((m) => m.content);
    expect(await messageTimeBack(t.ctx.db, s.account.id, 100)).toBeUndefined();
    for (const scan of ['newest-first', 'text-index'] as const) {
      expect(await search('pagamento', scan)).toEqual(['My payment failed, pagamento recusado', 'Não consigo fazer o PAGAMENTO do boleto']);
      expect(await search('pagamento', scan, { after: justBefore })).toEqual(['My payment failed, pagamento recusado']);
      expect(await search('pagamento', scan, { upTo: justBefore })).toEqual(['Não consigo fazer o PAGAMENTO do boleto']);
      expect(await search('tentei duas', scan)).toEqual(['Já tentei duas vezes']);
      expect(await search('pagamento', scan, {}, [])).toEqual([]);
      expect(await search('inexistente', scan)).toEqual([]);
    }
  });

  it('never shows another account’s data, and needs a member', async () => {
    const s = await setup();
    const other = await setup();
    const res = await get(s.account, '/search/messages?q=boleto');
    expect(res.json().payload.messages.every((m: { account_id: number }) => m.account_id === s.account.id)).toBe(true);
    expectError(await get(s.account, '/search?q=boleto', other.account.admin.token), 404);
    expectError(await t.request({ method: 'GET', url: `/api/v1/accounts/${s.account.id}/search?q=x` }), 401);
    expectError(await get(s.account, `/search?q=${'x'.repeat(201)}`), 422, 'q');
  });

  // The expressions of the queries match the index definitions (on a tiny table the planner would
  // rather read the account's rows; the benchmark data set shows the real plans).
  it.skipIf(!process.env.DATABASE_URL)('can answer with the search indexes (PostgreSQL plans)', async () => {
    await setup();
    const plan = async (query: ReturnType<typeof sql>) =>
      t.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        const rows = await queryRows<{ 'QUERY PLAN': string }>(tx, sql`EXPLAIN ${query}`);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    expect(
      await plan(sql`SELECT id FROM messages WHERE search_vector @@ to_tsquery('simple', public.rh_fold('boleto:*'))`),
    ).toContain('messages_search_idx');
    expect(
      await plan(sql`SELECT id FROM contacts WHERE search_text LIKE public.rh_fold('%conceicao%')`),
    ).toContain('contacts_search_trgm_idx');
  });
});
