import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardApps } from '../../db/schema';
import { expectDocumentedResponse } from '../../../test/contract';
import { type BuiltAccount, buildAccount } from '../../../test/builders';
import { BAD_IDS, expectError, expectNoLeak, rawJson, UNKNOWN_ID, unique } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';

type DashboardApp = { id: number; title: string; content: { type: 'frame'; url: string }[]; created_at: string };

describe('dashboard apps API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const listUrl = (accountId: number | string) => `/api/v1/accounts/${accountId}/dashboard_apps`;
  const itemUrl = (accountId: number | string, id: number | string) => `/api/v1/accounts/${accountId}/dashboard_apps/${id}`;
  const body = (url = `https://pedidos.example.test/${unique()}`) => ({ title: `Pedidos ${unique()}`, content: [{ type: 'frame', url }] });

  const appsState = (accountId: number) =>
    t.ctx.db.select().from(dashboardApps).where(eq(dashboardApps.accountId, accountId)).orderBy(asc(dashboardApps.id));

  async function create(a: BuiltAccount, payload: object = body()): Promise<DashboardApp> {
    const res = await t.request({ method: 'POST', url: listUrl(a.id), token: a.admin.token, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  describe('who may see and change dashboard apps', () => {
    const mutations = [
      { route: 'POST /api/v1/accounts/{account_id}/dashboard_apps', method: 'POST', item: false, payload: () => body() },
      { route: 'PATCH /api/v1/accounts/{account_id}/dashboard_apps/{id}', method: 'PATCH', item: true, payload: () => ({ title: `Faturas ${unique()}` }) },
      { route: 'PUT /api/v1/accounts/{account_id}/dashboard_apps/{id}', method: 'PUT', item: true, payload: () => body() },
      { route: 'DELETE /api/v1/accounts/{account_id}/dashboard_apps/{id}', method: 'DELETE', item: true, payload: () => undefined },
    ] as const;

    for (const m of mutations) {
      it(`${m.route}: administrators only (agents 403), no token 401, another account 404, and nothing changes`, async () => {
        const a = await buildAccount(t.ctx);
        const other = await buildAccount(t.ctx);
        const app = await create(a, { title: 'Segredo ERP', content: [{ type: 'frame', url: 'https://erp.example.test/interno' }] });
        const url = (account: BuiltAccount) => (m.item ? itemUrl(account.id, app.id) : listUrl(account.id));
        const before = await appsState(a.id);
        for (const token of [undefined, 'bad-token']) expectError(await t.request({ method: m.method, url: url(a), token, payload: m.payload() }), 401);
        expectError(await t.request({ method: m.method, url: url(a), token: a.agent.token, payload: m.payload() }), 403);
        const outsider = await t.request({ method: m.method, url: url(a), token: other.admin.token, payload: m.payload() });
        expectError(outsider, 404);
        expectNoLeak(outsider, [a.name, 'Segredo ERP', 'erp.example.test']);
        if (m.item) {
          // Another account's administrator naming this app in their own account's URL.
          const theirs = await t.request({ method: m.method, url: url(other), token: other.admin.token, payload: m.payload() });
          expectError(theirs, 404);
          expectNoLeak(theirs, ['Segredo ERP', 'erp.example.test']);
        }
        expect(await appsState(a.id)).toEqual(before);
        expect(await appsState(other.id)).toEqual([]);

        const res = await t.request({ method: m.method, url: url(a), token: a.admin.token, payload: m.payload() });
        expect(res.statusCode, res.body).toBe(200);
        expectDocumentedResponse(t.app, m.route, res);
      });
    }

    it('lets administrators and agents list and show the account’s apps, never another account’s', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const first = await create(a, { title: 'Pedidos', content: [{ type: 'frame', url: 'https://pedidos.example.test/app' }] });
      const second = await create(a);
      const theirs = await create(other, { title: 'Deles', content: [{ type: 'frame', url: 'https://deles.example.test/' }] });
      for (const token of [a.admin.token, a.agent.token]) {
        const list = await t.request({ method: 'GET', url: listUrl(a.id), token });
        expect(list.statusCode).toBe(200);
        expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/dashboard_apps', list);
        expect(list.json()).toEqual([first, second]);
        const show = await t.request({ method: 'GET', url: itemUrl(a.id, first.id), token });
        expect(show.statusCode).toBe(200);
        expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/dashboard_apps/{id}', show);
        expect(show.json()).toEqual(first);
        expectError(await t.request({ method: 'GET', url: itemUrl(a.id, theirs.id), token }), 404);
      }
      for (const token of [undefined, 'bad-token']) expectError(await t.request({ method: 'GET', url: listUrl(a.id), token }), 401);
      for (const req of [{ url: listUrl(a.id) }, { url: itemUrl(a.id, first.id) }]) {
        const res = await t.request({ method: 'GET', ...req, token: other.agent.token });
        expectError(res, 404);
        expectNoLeak(res, ['pedidos.example.test', a.name]);
      }
      for (const id of BAD_IDS) expectError(await t.request({ method: 'GET', url: itemUrl(a.id, id), token: a.agent.token }), 422, 'id');
      expectError(await t.request({ method: 'GET', url: itemUrl(a.id, UNKNOWN_ID), token: a.agent.token }), 404);
    });
  });

  describe('POST and PATCH', () => {
    it('creates an app in Chatwoot’s shape, then changes its title or frames keeping the rest', async () => {
      const a = await buildAccount(t.ctx);
      const created = await create(a, { title: '  Pedidos da loja ', content: [{ type: 'frame', url: ' http://localhost:4000/pedidos?x=1 ' }] });
      expect(created).toEqual({
        id: expect.any(Number),
        title: 'Pedidos da loja',
        content: [{ type: 'frame', url: 'http://localhost:4000/pedidos?x=1' }],
        created_at: expect.any(String),
      });
      expect((await appsState(a.id))[0]?.userId).toBe(a.admin.id);

      const renamed = await t.request({ method: 'PATCH', url: itemUrl(a.id, created.id), token: a.admin.token, payload: { title: 'Faturas' } });
      expect(renamed.json()).toEqual({ ...created, title: 'Faturas' });
      const moved = await t.request({
        method: 'PATCH',
        url: itemUrl(a.id, created.id),
        token: a.admin.token,
        payload: { content: [{ type: 'frame', url: 'https://faturas.example.test/' }] },
      });
      expect(moved.json()).toEqual({ ...created, title: 'Faturas', content: [{ type: 'frame', url: 'https://faturas.example.test/' }] });
    });

    it('rejects bad input with a 4xx naming the field, changing nothing', async () => {
      const a = await buildAccount(t.ctx);
      const app = await create(a);
      const before = await appsState(a.id);
      const frame = (url: unknown) => ({ title: 'x', content: [{ type: 'frame', url }] });
      const cases: [string, object, number, string?][] = [
        ['empty body', { payload: {} }, 422, 'title'],
        ['blank title', { payload: { ...body(), title: '  ' } }, 422, 'title'],
        ['over-long title', { payload: { ...body(), title: 't'.repeat(256) } }, 422, 'title'],
        ['no content', { payload: { title: 'x' } }, 422, 'content'],
        ['empty content', { payload: { title: 'x', content: [] } }, 422, 'content'],
        ['content not a list', { payload: { title: 'x', content: { type: 'frame', url: 'https://x.test' } } }, 422, 'content'],
        ['a frame of another type', { payload: { title: 'x', content: [{ type: 'script', url: 'https://x.test' }] } }, 422, 'content.0.type'],
        ['a javascript: URL', { payload: frame('javascript:alert(1)') }, 422, 'content.0.url'],
        ['a data: URL', { payload: frame('data:text/html,<script>alert(1)</script>') }, 422, 'content.0.url'],
        ['a relative URL', { payload: frame('/app/pedidos') }, 422, 'content.0.url'],
        ['an ftp URL', { payload: frame('ftp://files.example.test/') }, 422, 'content.0.url'],
        ['no URL', { payload: frame(undefined) }, 422, 'content.0.url'],
        ['a URL that is not text', { payload: frame(42) }, 422, 'content.0.url'],
        ['an over-long URL', { payload: frame(`https://x.test/${'a'.repeat(2100)}`) }, 422, 'content.0.url'],
        ['a NUL character', rawJson(JSON.stringify({ title: 'a\u0000', content: [{ type: 'frame', url: 'https://x.test' }] })), 422],
        ['invalid JSON', rawJson('{"title":'), 400],
      ];
      for (const [label, options, status, field] of cases) {
        const res = await t.request({ method: 'POST', url: listUrl(a.id), token: a.admin.token, ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
      }
      for (const [payload, field] of [
        [{ title: '' }, 'title'],
        [{ content: [] }, 'content'],
        [{ content: [{ type: 'frame', url: 'javascript:alert(1)' }] }, 'content.0.url'],
        [{ title: null }, 'title'],
      ] as const) {
        expectError(await t.request({ method: 'PATCH', url: itemUrl(a.id, app.id), token: a.admin.token, payload }), 422, field);
      }
      for (const id of BAD_IDS) expectError(await t.request({ method: 'PATCH', url: itemUrl(a.id, id), token: a.admin.token, payload: { title: 'z' } }), 422, 'id');
      expectError(await t.request({ method: 'PATCH', url: itemUrl(a.id, UNKNOWN_ID), token: a.admin.token, payload: { title: 'z' } }), 404);
      expect(await appsState(a.id)).toEqual(before);
    });
  });

  describe('DELETE', () => {
    it('deletes an app; deleting it again answers 404', async () => {
      const a = await buildAccount(t.ctx);
      const gone = await create(a);
      const stays = await create(a);
      const res = await t.request({ method: 'DELETE', url: itemUrl(a.id, gone.id), token: a.admin.token });
      expect(res.json()).toEqual({ success: true });
      expect((await appsState(a.id)).map((r) => r.id)).toEqual([stays.id]);
      expectError(await t.request({ method: 'DELETE', url: itemUrl(a.id, gone.id), token: a.admin.token }), 404);
      for (const id of BAD_IDS) expectError(await t.request({ method: 'DELETE', url: itemUrl(a.id, id), token: a.admin.token }), 422, 'id');
    });
  });
});
