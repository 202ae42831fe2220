import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannedResponses } from '../../db/schema';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { type BuiltAccount, buildAccount } from '../../../test/builders';
import { BAD_IDS, expectError, expectNoLeak, rawJson, UNKNOWN_ID, unique } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';

type CannedResponse = { id: number; account_id: number; short_code: string; content: string; created_at: string; updated_at: string };

describe('canned responses API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const listUrl = (accountId: number | string) => `/api/v1/accounts/${accountId}/canned_responses`;
  const itemUrl = (accountId: number | string, id: number | string) => `/api/v1/accounts/${accountId}/canned_responses/${id}`;

  const cannedState = (accountId: number) =>
    t.ctx.db.select().from(cannedResponses).where(eq(cannedResponses.accountId, accountId)).orderBy(asc(cannedResponses.id));

  async function create(a: BuiltAccount, body: object = { short_code: `c-${unique()}`, content: 'Olá!' }, token = a.admin.token): Promise<CannedResponse> {
    const res = await t.request({ method: 'POST', url: listUrl(a.id), token, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  async function search(a: BuiltAccount, term: string): Promise<string[]> {
    const res = await t.request({ method: 'GET', url: `${listUrl(a.id)}?search=${encodeURIComponent(term)}`, token: a.agent.token });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as CannedResponse[]).map((c) => c.short_code);
  }

  const mutations = [
    {
      route: 'POST /api/v1/accounts/{account_id}/canned_responses',
      method: 'POST',
      url: (a: BuiltAccount) => listUrl(a.id),
      payload: () => ({ short_code: `n-${unique()}`, content: 'x' }),
    },
    {
      route: 'PATCH /api/v1/accounts/{account_id}/canned_responses/{id}',
      method: 'PATCH',
      url: (a: BuiltAccount, id: number) => itemUrl(a.id, id),
      payload: () => ({ content: 'changed' }),
    },
    {
      route: 'PUT /api/v1/accounts/{account_id}/canned_responses/{id}',
      method: 'PUT',
      url: (a: BuiltAccount, id: number) => itemUrl(a.id, id),
      payload: () => ({ short_code: `changed-${unique()}` }),
    },
    {
      route: 'DELETE /api/v1/accounts/{account_id}/canned_responses/{id}',
      method: 'DELETE',
      url: (a: BuiltAccount, id: number) => itemUrl(a.id, id),
      payload: () => undefined,
    },
  ] as const;

  describe('who may change canned responses', () => {
    for (const m of mutations) {
      it(`${m.route}: administrators and agents may; no token or a bad one gets 401, another account 404, and nothing changes`, async () => {
        const a = await buildAccount(t.ctx);
        const other = await buildAccount(t.ctx);
        const canned = await create(a, { short_code: `secret-${unique()}`, content: 'Código interno 4711' });
        const before = await cannedState(a.id);
        for (const token of [undefined, 'bad-token']) {
          const res = await t.request({ method: m.method, url: m.url(a, canned.id), token, payload: m.payload() });
          expectError(res, 401);
          expectNoLeak(res, [canned.short_code, canned.content]);
        }
        const outsider = await t.request({ method: m.method, url: m.url(a, canned.id), token: other.admin.token, payload: m.payload() });
        expectError(outsider, 404);
        expectNoLeak(outsider, [a.name, canned.short_code, canned.content]);
        if (m.route.includes('{id}')) {
          // An administrator naming another account's canned response in their own account's URL.
          const theirs = await t.request({ method: m.method, url: m.url(other, canned.id), token: other.admin.token, payload: m.payload() });
          expectError(theirs, 404);
          expectNoLeak(theirs, [canned.short_code, canned.content]);
        }
        expect(await cannedState(a.id)).toEqual(before);
        expect(await cannedState(other.id)).toEqual([]);

        for (const token of [a.agent.token, a.admin.token]) {
          const target = m.method === 'POST' ? canned : await create(a);
          const res = await t.request({ method: m.method, url: m.url(a, target.id), token, payload: m.payload() });
          expect(res.statusCode, res.body).toBe(200);
          expectDocumentedResponse(t.app, m.route, res);
        }
      });
    }
  });

  describe('GET /api/v1/accounts/:account_id/canned_responses', () => {
    it('lists the account’s canned responses by short code to administrators and agents, in the documented and contract shape', async () => {
      const a = await buildAccount(t.ctx);
      const welcome = await create(a, { short_code: 'welcome', content: 'Hello, {{contact.name}}! Welcome.' });
      const bye = await create(a, { short_code: 'Bye', content: 'Até logo, {{ contact.first_name }}.' });
      await create(await buildAccount(t.ctx), { short_code: 'elsewhere', content: 'outra conta' });
      for (const token of [a.admin.token, a.agent.token]) {
        const res = await t.request({ method: 'GET', url: listUrl(a.id), token });
        expect(res.statusCode).toBe(200);
        expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/canned_responses', res);
        for (const item of res.json()) expectContractFields(item, 'canned_response');
        expect(res.json()).toEqual([bye, welcome]);
      }
      expect(bye.content).toBe('Até logo, {{ contact.first_name }}.');
    });

    it('searches short codes and content ignoring case and accents: short-code prefixes first, then short codes, then content', async () => {
      const a = await buildAccount(t.ctx);
      await create(a, { short_code: 'obrigado', content: 'Obrigado! Uma saudação da equipe.' });
      await create(a, { short_code: 'pre-saudacao', content: 'Antes de começar…' });
      await create(a, { short_code: 'Saudação', content: 'Olá, {{contact.name}}!' });
      await create(a, { short_code: 'desconto', content: 'Use 10% de desconto' });
      await create(a, { short_code: 'frete_gratis', content: 'Frete grátis acima de R$ 100' });
      expect(await search(a, 'SAUDACAO')).toEqual(['Saudação', 'pre-saudacao', 'obrigado']);
      expect(await search(a, 'saudação')).toEqual(['Saudação', 'pre-saudacao', 'obrigado']);
      expect(await search(a, 'gratis')).toEqual(['frete_gratis']);
      expect(await search(a, 'GRÁTIS acima')).toEqual(['frete_gratis']);
      // LIKE wildcards are searched for as themselves.
      expect(await search(a, '%')).toEqual(['desconto']);
      expect(await search(a, 'e_g')).toEqual(['frete_gratis']);
      expect(await search(a, 'nada')).toEqual([]);
      expect(await search(a, '')).toHaveLength(5);
      const other = await buildAccount(t.ctx);
      expect(await search(other, 'saudacao')).toEqual([]);
    });

    it('answers 401 without a valid token, 404 to another account, and 422 for a search term too long', async () => {
      const a = await buildAccount(t.ctx);
      const canned = await create(a);
      for (const token of [undefined, 'bad-token']) expectError(await t.request({ method: 'GET', url: listUrl(a.id), token }), 401);
      const other = await buildAccount(t.ctx);
      const res = await t.request({ method: 'GET', url: listUrl(a.id), token: other.agent.token });
      expectError(res, 404);
      expectNoLeak(res, [canned.short_code, a.name]);
      expectError(await t.request({ method: 'GET', url: `${listUrl(a.id)}?search=${'x'.repeat(256)}`, token: a.admin.token }), 422, 'search');
      for (const id of BAD_IDS) expectError(await t.request({ method: 'GET', url: listUrl(id), token: a.admin.token }), 422, 'account_id');
      expectError(await t.request({ method: 'GET', url: listUrl(UNKNOWN_ID), token: a.admin.token }), 404);
    });
  });

  describe('POST /api/v1/accounts/:account_id/canned_responses', () => {
    it('creates a canned response keeping its variables as written, in the documented and contract shape', async () => {
      const a = await buildAccount(t.ctx);
      const body = { short_code: 'boas-vindas', content: 'Olá {{contact.name}}, eu sou {{agent.name}}.\nComo posso ajudar?' };
      const res = await t.request({ method: 'POST', url: listUrl(a.id), token: a.agent.token, payload: body });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/canned_responses', res);
      expectContractFields(res.json(), 'canned_response');
      const created = res.json() as CannedResponse;
      expect(created).toMatchObject({ account_id: a.id, ...body });
      expect(new Date(created.created_at).toISOString()).toBe(created.created_at);
    });

    it('refuses a short code the account already has, in any case (422 on short_code); another account may use it', async () => {
      const a = await buildAccount(t.ctx);
      await create(a, { short_code: 'Oi', content: 'Oi!' });
      const before = await cannedState(a.id);
      expectError(await t.request({ method: 'POST', url: listUrl(a.id), token: a.agent.token, payload: { short_code: 'OI', content: 'x' } }), 422, 'short_code');
      expect(await cannedState(a.id)).toEqual(before);
      await create(await buildAccount(t.ctx), { short_code: 'oi', content: 'Oi!' });
    });

    it('rejects bad input with a 4xx error naming the field and changes nothing', async () => {
      const a = await buildAccount(t.ctx);
      const before = await cannedState(a.id);
      const cases: [string, object, number, string?][] = [
        ['empty body', { payload: {} }, 422, 'short_code'],
        ['no content', { payload: { short_code: 'x' } }, 422, 'content'],
        ['blank short code', { payload: { short_code: ' ', content: 'x' } }, 422, 'short_code'],
        ['blank content', { payload: { short_code: 'x', content: ' \n ' } }, 422, 'content'],
        ['over-long short code', { payload: { short_code: 's'.repeat(256), content: 'x' } }, 422, 'short_code'],
        ['over-long content', { payload: { short_code: 'x', content: 'c'.repeat(150_001) } }, 422, 'content'],
        ['content of the wrong type', { payload: { short_code: 'x', content: { text: 'x' } } }, 422, 'content'],
        ['a NUL character', rawJson(JSON.stringify({ short_code: 'x', content: 'a\u0000' })), 422],
        ['invalid JSON', rawJson('{"short_code":'), 400],
        ['an unsupported content type', { payload: 'x', headers: { 'content-type': 'text/csv' } }, 415],
      ];
      for (const [label, options, status, field] of cases) {
        const res = await t.request({ method: 'POST', url: listUrl(a.id), token: a.agent.token, ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
      }
      for (const id of BAD_IDS) {
        expectError(await t.request({ method: 'POST', url: listUrl(id), token: a.admin.token, payload: { short_code: 'x', content: 'x' } }), 422, 'account_id');
      }
      expect(await cannedState(a.id)).toEqual(before);
    });
  });

  describe('PATCH /api/v1/accounts/:account_id/canned_responses/:id', () => {
    it('updates the short code or the content, keeping the other', async () => {
      const a = await buildAccount(t.ctx);
      const canned = await create(a, { short_code: 'oi', content: 'Oi!' });
      const res = await t.request({ method: 'PATCH', url: itemUrl(a.id, canned.id), token: a.agent.token, payload: { content: 'Oi, {{contact.name}}!' } });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'PATCH /api/v1/accounts/{account_id}/canned_responses/{id}', res);
      expectContractFields(res.json(), 'canned_response');
      expect(res.json()).toMatchObject({ id: canned.id, short_code: 'oi', content: 'Oi, {{contact.name}}!', created_at: canned.created_at });
      const recased = await t.request({ method: 'PUT', url: itemUrl(a.id, canned.id), token: a.agent.token, payload: { short_code: 'OI' } });
      expect(recased.json()).toMatchObject({ short_code: 'OI', content: 'Oi, {{contact.name}}!' });
    });

    it('refuses another canned response’s short code (422) and bad input, changing nothing', async () => {
      const a = await buildAccount(t.ctx);
      await create(a, { short_code: 'taken', content: 'x' });
      const canned = await create(a, { short_code: 'mine', content: 'y' });
      const before = await cannedState(a.id);
      const cases: [object, number, string?][] = [
        [{ payload: { short_code: 'TAKEN' } }, 422, 'short_code'],
        [{ payload: { short_code: '' } }, 422, 'short_code'],
        [{ payload: { content: '' } }, 422, 'content'],
        [{ payload: { content: null } }, 422, 'content'],
        [rawJson('{"content":'), 400],
      ];
      for (const [options, status, field] of cases) {
        expectError(await t.request({ method: 'PATCH', url: itemUrl(a.id, canned.id), token: a.admin.token, ...options }), status, field);
      }
      for (const id of BAD_IDS) expectError(await t.request({ method: 'PATCH', url: itemUrl(a.id, id), token: a.admin.token, payload: { content: 'z' } }), 422, 'id');
      expectError(await t.request({ method: 'PATCH', url: itemUrl(a.id, UNKNOWN_ID), token: a.admin.token, payload: { content: 'z' } }), 404);
      expect(await cannedState(a.id)).toEqual(before);
    });
  });

  describe('DELETE /api/v1/accounts/:account_id/canned_responses/:id', () => {
    it('deletes a canned response; unknown ones answer 404', async () => {
      const a = await buildAccount(t.ctx);
      const gone = await create(a);
      const stays = await create(a);
      const res = await t.request({ method: 'DELETE', url: itemUrl(a.id, gone.id), token: a.admin.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'DELETE /api/v1/accounts/{account_id}/canned_responses/{id}', res);
      expect(res.json()).toEqual({ success: true });
      expect((await cannedState(a.id)).map((c) => c.id)).toEqual([stays.id]);
      expectError(await t.request({ method: 'DELETE', url: itemUrl(a.id, gone.id), token: a.admin.token }), 404);
      for (const id of BAD_IDS) expectError(await t.request({ method: 'DELETE', url: itemUrl(a.id, id), token: a.admin.token }), 422, 'id');
    });
  });
});
