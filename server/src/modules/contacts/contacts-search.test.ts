import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import * as labelService from '../labels/service';
import { buildAccount, buildContact, type BuiltAccount } from '../../../test/builders';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { BAD_IDS, expectError, expectNoLeak } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { searchCandidatesQuery } from './repository';
import { CONTACT_ABSENT } from './test-support';

type Listed = { meta: { count: number; current_page: string }; payload: { id: number; name: string; email: string | null }[] };

describe('contacts API: list and search', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const listUrl = (a: BuiltAccount, query = '') => `/api/v1/accounts/${a.id}/contacts${query}`;
  const searchUrl = (a: BuiltAccount, query: string) => `/api/v1/accounts/${a.id}/contacts/search?${query}`;

  async function get(url: string, token: string): Promise<Listed> {
    const res = await t.request({ method: 'GET', url, token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  const names = (listed: Listed) => listed.payload.map((c) => c.name);

  describe('GET /api/v1/accounts/:account_id/contacts', () => {
    it('lists the account’s contacts that have an email, phone or identifier, 15 a page, with the count', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      await buildContact(t.ctx, other.id, { name: 'Other Account Person' });
      for (let i = 0; i < 17; i += 1) await buildContact(t.ctx, a.id, { name: `Person ${String(i).padStart(2, '0')}` });
      await buildContact(t.ctx, a.id, { name: 'Phone Only', email: null, phoneNumber: '+5511988887777' });
      await buildContact(t.ctx, a.id, { name: 'Identifier Only', email: null, identifier: 'ext-1' });
      await buildContact(t.ctx, a.id, { name: 'Anonymous Visitor', email: null });

      const res = await t.request({ method: 'GET', url: listUrl(a, '?sort=name'), token: a.agent.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/contacts', res);
      expectContractFields(res.json(), 'contacts_list_response', { 'payload[].additional_attributes.*': CONTACT_ABSENT['additional_attributes.*'] });
      const first = res.json() as Listed;
      expect(first.meta).toEqual({ count: 19, current_page: '1' });
      expect(first.payload).toHaveLength(15);
      const second = await get(listUrl(a, '?sort=name&page=2'), a.agent.token);
      expect(second.meta).toEqual({ count: 19, current_page: '2' });
      const all = [...names(first), ...names(second)];
      expect(all).toHaveLength(19);
      expect(all).toContain('Phone Only');
      expect(all).toContain('Identifier Only');
      expect(all).not.toContain('Anonymous Visitor');
      expect(all).not.toContain('Other Account Person');
      expect((await get(listUrl(a, '?page=3'), a.agent.token)).payload).toEqual([]);
    });

    it('sorts by each documented field, both ways, with contacts lacking the value last where Chatwoot puts them', async () => {
      const a = await buildAccount(t.ctx);
      const day = (n: number) => new Date(Date.UTC(2024, 0, n));
      const alvaro = await buildContact(t.ctx, a.id, { name: 'Álvaro', email: 'zeta@example.test', phoneNumber: '+5511900000003', additionalAttributes: { company_name: 'Beta', city: 'Natal' } });
      const bruna = await buildContact(t.ctx, a.id, { name: 'bruna', email: 'alfa@example.test', phoneNumber: '+5511900000001', additionalAttributes: { company_name: 'Alfa' } });
      const carla = await buildContact(t.ctx, a.id, { name: 'Carla', email: 'meio@example.test', phoneNumber: null, additionalAttributes: { city: 'Belém' } });
      await t.ctx.db.execute(sql`UPDATE contacts SET last_activity_at = ${day(5).toISOString()}::timestamptz, created_at = ${day(1).toISOString()}::timestamptz WHERE id = ${alvaro.id}`);
      await t.ctx.db.execute(sql`UPDATE contacts SET last_activity_at = ${day(9).toISOString()}::timestamptz, created_at = ${day(2).toISOString()}::timestamptz WHERE id = ${bruna.id}`);
      await t.ctx.db.execute(sql`UPDATE contacts SET created_at = ${day(3).toISOString()}::timestamptz WHERE id = ${carla.id}`);

      const order = async (sort: string) => names(await get(listUrl(a, `?sort=${sort}`), a.admin.token));
      expect(await order('name')).toEqual(['Álvaro', 'bruna', 'Carla']);
      expect(await order('-name')).toEqual(['Carla', 'bruna', 'Álvaro']);
      expect(await order('email')).toEqual(['bruna', 'Carla', 'Álvaro']);
      expect(await order('-email')).toEqual(['Álvaro', 'Carla', 'bruna']);
      expect(await order('phone_number')).toEqual(['bruna', 'Álvaro', 'Carla']);
      expect(await order('-phone_number')).toEqual(['Carla', 'Álvaro', 'bruna']);
      expect(await order('last_activity_at')).toEqual(['Álvaro', 'bruna', 'Carla']);
      expect(await order('-last_activity_at')).toEqual(['bruna', 'Álvaro', 'Carla']);
      expect(await order('created_at')).toEqual(['Álvaro', 'bruna', 'Carla']);
      expect(await order('-created_at')).toEqual(['Carla', 'bruna', 'Álvaro']);
      expect(await order('company_name')).toEqual(['bruna', 'Álvaro', 'Carla']);
      expect(await order('-company_name')).toEqual(['Álvaro', 'bruna', 'Carla']);
      expect(await order('city')).toEqual(['Carla', 'Álvaro', 'bruna']);
      expect(await order('-city')).toEqual(['Álvaro', 'Carla', 'bruna']);
      // Without a sort: most recently active first.
      expect(names(await get(listUrl(a), a.admin.token))).toEqual(['bruna', 'Álvaro', 'Carla']);
    });

    it('keeps contacts with any of the labels given as labels[]', async () => {
      const a = await buildAccount(t.ctx);
      for (const title of ['vip', 'churn', 'lead']) await labelService.createLabel(t.ctx, a.id, { title });
      await buildContact(t.ctx, a.id, { name: 'Vip' });
      await buildContact(t.ctx, a.id, { name: 'Churn' });
      await buildContact(t.ctx, a.id, { name: 'None' });
      await t.ctx.db.execute(sql`UPDATE contacts SET labels = ARRAY['vip','lead'] WHERE account_id = ${a.id} AND name = 'Vip'`);
      await t.ctx.db.execute(sql`UPDATE contacts SET labels = ARRAY['churn'] WHERE account_id = ${a.id} AND name = 'Churn'`);
      expect(names(await get(listUrl(a, '?sort=name&labels[]=vip'), a.agent.token))).toEqual(['Vip']);
      const both = await get(listUrl(a, '?sort=name&labels[]=VIP&labels[]=churn'), a.agent.token);
      expect(names(both)).toEqual(['Churn', 'Vip']);
      expect(both.meta.count).toBe(2);
      expect(names(await get(listUrl(a, '?sort=name&labels=lead,churn'), a.agent.token))).toEqual(['Churn', 'Vip']);
    });

    it('rejects bad query parameters naming them; 401 without a valid token; 404 for outsiders without data', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const contact = await buildContact(t.ctx, a.id, { name: 'Hidden Name' });
      for (const [query, field] of [
        ['?sort=phone', 'sort'],
        ['?sort=--name', 'sort'],
        ['?page=0', 'page'],
        ['?page=abc', 'page'],
        ['?page=1.5', 'page'],
        [`?labels[]=${'x'.repeat(256)}`, 'labels[].0'],
      ] as const) {
        expectError(await t.request({ method: 'GET', url: listUrl(a, query), token: a.admin.token }), 422, field);
      }
      for (const token of [undefined, 'bad-token']) {
        const res = await t.request({ method: 'GET', url: listUrl(a), token });
        expectError(res, 401);
        expectNoLeak(res, ['Hidden Name', contact.email ?? '']);
      }
      const outsider = await t.request({ method: 'GET', url: listUrl(a), token: other.admin.token });
      expectError(outsider, 404);
      expectNoLeak(outsider, ['Hidden Name', contact.email ?? '']);
      for (const id of BAD_IDS) expectError(await t.request({ method: 'GET', url: `/api/v1/accounts/${id}/contacts`, token: a.admin.token }), 422, 'account_id');
    });
  });

  describe('GET /api/v1/accounts/:account_id/contacts/search', () => {
    async function searchAccount() {
      const a = await buildAccount(t.ctx);
      const people = {
        joao: await buildContact(t.ctx, a.id, { name: 'João da Silva', email: 'joao@empresa.test', phoneNumber: '+5511987654321' }),
        silvana: await buildContact(t.ctx, a.id, { name: 'Silvana Souza', email: 'silvana@example.test', identifier: 'CRM-0042' }),
        silva: await buildContact(t.ctx, a.id, { name: 'Silva', email: 'contato@silva.test' }),
        percent: await buildContact(t.ctx, a.id, { name: 'Desconto 100% Ltda', email: 'promo_x@example.test' }),
        anonymous: await buildContact(t.ctx, a.id, { name: 'Silva Anônimo', email: null }),
      };
      return { a, people };
    }

    it('finds a term anywhere in name, email, phone or identifier, ignoring case and accents, in the contract shape', async () => {
      const { a, people } = await searchAccount();
      const other = await buildAccount(t.ctx);
      await buildContact(t.ctx, other.id, { name: 'Silva de Outra Conta' });
      const res = await t.request({ method: 'GET', url: searchUrl(a, 'q=JOAO'), token: a.agent.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/contacts/search', res);
      expectContractFields(res.json(), 'contacts_list_response', { 'payload[].additional_attributes.*': CONTACT_ABSENT['additional_attributes.*'] });
      expect(res.json().payload.map((c: { id: number }) => c.id)).toEqual([people.joao.id]);

      const ids = async (q: string) => (await get(searchUrl(a, `q=${encodeURIComponent(q)}`), a.agent.token)).payload.map((c) => c.id);
      expect(await ids('empresa.test')).toEqual([people.joao.id]);
      expect(await ids('crm-0042')).toEqual([people.silvana.id]);
      expect(await ids('98765')).toEqual([people.joao.id]);
      expect(await ids('+55 (11) 98765-4321')).toEqual([people.joao.id]);
      expect(await ids('souza')).toEqual([people.silvana.id]);
      expect(await ids('são')).toEqual([]);
      expect(await ids('JOÃO DA')).toEqual([people.joao.id]);
      expect(await ids('nobody-has-this')).toEqual([]);
      // Resolved contacts only (as Chatwoot), and only this account's.
      expect(await ids('anonimo')).toEqual([]);
      expect(await ids('outra conta')).toEqual([]);
    });

    it('ranks exact matches first, then a field starting with the term, then a word of the name, then the rest', async () => {
      const { a, people } = await searchAccount();
      const found = await get(searchUrl(a, 'q=silva'), a.admin.token);
      expect(found.payload.map((c) => c.id)).toEqual([people.silva.id, people.silvana.id, people.joao.id]);
      expect(found.meta).toEqual({ count: 3, current_page: '1' });
    });

    it('treats % and _ as plain characters', async () => {
      const { a, people } = await searchAccount();
      expect((await get(searchUrl(a, `q=${encodeURIComponent('100%')}`), a.admin.token)).payload.map((c) => c.id)).toEqual([people.percent.id]);
      expect((await get(searchUrl(a, 'q=o_x'), a.admin.token)).payload.map((c) => c.id)).toEqual([people.percent.id]);
      expect((await get(searchUrl(a, `q=${encodeURIComponent('%')}`), a.admin.token)).payload.map((c) => c.id)).toEqual([people.percent.id]);
      expect((await get(searchUrl(a, 'q=_'), a.admin.token)).payload.map((c) => c.id)).toEqual([people.percent.id]);
    });

    it('pages results 15 at a time with the total count, and lists everyone for an empty q', async () => {
      const a = await buildAccount(t.ctx);
      for (let i = 0; i < 20; i += 1) await buildContact(t.ctx, a.id, { name: `Cliente ${String(i).padStart(2, '0')}` });
      await buildContact(t.ctx, a.id, { name: 'Someone Else' });
      const first = await get(searchUrl(a, 'q=cliente&sort=name'), a.admin.token);
      const second = await get(searchUrl(a, 'q=cliente&sort=name&page=2'), a.admin.token);
      expect(first.meta).toEqual({ count: 20, current_page: '1' });
      expect(names(first)).toEqual(Array.from({ length: 15 }, (_, i) => `Cliente ${String(i).padStart(2, '0')}`));
      expect(names(second)).toEqual(['Cliente 15', 'Cliente 16', 'Cliente 17', 'Cliente 18', 'Cliente 19']);
      expect(names(await get(searchUrl(a, 'q=cliente&sort=-name'), a.admin.token))[0]).toBe('Cliente 19');
      expect((await get(searchUrl(a, 'q='), a.admin.token)).meta.count).toBe(21);
    });

    it('rejects bad query parameters naming them; 401 without a token; 404 for outsiders without data', async () => {
      const { a, people } = await searchAccount();
      const other = await buildAccount(t.ctx);
      for (const [query, field] of [
        [`q=${'x'.repeat(201)}`, 'q'],
        ['q=a&page=-1', 'page'],
        ['q=a&sort=rank', 'sort'],
      ] as const) {
        expectError(await t.request({ method: 'GET', url: searchUrl(a, query), token: a.admin.token }), 422, field);
      }
      expectError(await t.request({ method: 'GET', url: searchUrl(a, 'q=%00') , token: a.admin.token }), 400);
      for (const token of [undefined, 'bad-token', other.admin.token]) {
        const res = await t.request({ method: 'GET', url: searchUrl(a, 'q=silva'), token });
        expectError(res, token === other.admin.token ? 404 : 401);
        expectNoLeak(res, [people.silva.email ?? '', 'Silvana']);
      }
    });

    it('matches through the trigram index (contacts_search_trgm_idx), not a scan of the account', async () => {
      const { a } = await searchAccount();
      await t.ctx.db.execute(
        sql`INSERT INTO contacts (account_id, name, email) SELECT ${a.id}, 'Filler ' || i, 'filler-' || i || '@example.test' FROM generate_series(1, 5000) AS i`,
      );
      await t.ctx.db.execute(sql`VACUUM ANALYZE contacts`);
      const plan = await t.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL enable_seqscan = off`);
        const query = searchCandidatesQuery(tx, { accountId: a.id, term: 'silva', cap: 1000 });
        const rows = await queryRows<Record<string, string>>(tx, sql`EXPLAIN ${query.getSQL()}`);
        return rows.map((r) => Object.values(r).join(' ')).join('\n');
      });
      expect(plan).toContain('contacts_search_trgm_idx');
      expect(plan).not.toContain('Seq Scan');
    });
  });
});
