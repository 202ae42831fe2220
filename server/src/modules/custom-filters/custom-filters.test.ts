import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customFilters } from '../../db/schema';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { buildAccount, buildUser, type BuiltAccount } from '../../../test/builders';
import { BAD_IDS, expectError, expectNoLeak, UNKNOWN_ID } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';

const FOLDER = { payload: [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['open'], query_operator: 'AND' }, { attribute_key: 'priority', filter_operator: 'equal_to', values: ['urgent'] }] };
const SEGMENT = { payload: [{ attribute_key: 'city', filter_operator: 'equal_to', values: ['Recife'] }] };

describe('custom filters API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const listUrl = (a: { id: number }, query = '') => `/api/v1/accounts/${a.id}/custom_filters${query}`;
  const itemUrl = (a: { id: number }, id: number | string) => `/api/v1/accounts/${a.id}/custom_filters/${id}`;
  const rows = (accountId: number) => t.ctx.db.select().from(customFilters).where(eq(customFilters.accountId, accountId)).orderBy(asc(customFilters.id));

  async function save(a: BuiltAccount, token: string, body: Record<string, unknown>) {
    const res = await t.request({ method: 'POST', url: listUrl(a), token, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; name: string; filter_type: string; query: object };
  }

  it('each member saves folders and segments of their own, lists them by kind and reads them back', async () => {
    const a = await buildAccount(t.ctx);
    for (const token of [a.admin.token, a.agent.token]) {
      const folder = await save(a, token, { name: 'Urgentes', type: 'conversation', query: FOLDER });
      expect(folder).toMatchObject({ name: 'Urgentes', filter_type: 'conversation', query: FOLDER });
      const segment = await save(a, token, { custom_filter: { name: 'Recife', filter_type: 'contact', query: SEGMENT } });
      const folders = await t.request({ method: 'GET', url: listUrl(a), token });
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/custom_filters', folders);
      expect(folders.json()).toEqual([folder]);
      const segments = await t.request({ method: 'GET', url: listUrl(a, '?filter_type=contact'), token });
      expect(segments.json()).toEqual([segment]);
      const shown = await t.request({ method: 'GET', url: itemUrl(a, segment.id), token });
      expect(shown.json()).toEqual(segment);
      expectContractFields(shown.json(), 'custom_filter');
    }
    const mine = (await rows(a.id)).filter((r) => r.userId === a.agent.id);
    expect(mine.map((r) => r.name)).toEqual(['Urgentes', 'Recife']);
  });

  it('renames, changes the query (checked again) and deletes', async () => {
    const a = await buildAccount(t.ctx);
    const folder = await save(a, a.agent.token, { name: 'Urgentes', query: FOLDER });
    const renamed = await t.request({ method: 'PATCH', url: itemUrl(a, folder.id), token: a.agent.token, payload: { name: 'Muito urgentes' } });
    expect(renamed.json()).toMatchObject({ name: 'Muito urgentes', query: FOLDER });
    expectError(await t.request({ method: 'PATCH', url: itemUrl(a, folder.id), token: a.agent.token, payload: { filter_type: 'contact' } }), 422, 'query.payload.0.attribute_key');
    const deleted = await t.request({ method: 'DELETE', url: itemUrl(a, folder.id), token: a.agent.token });
    expect(deleted.json()).toEqual({ success: true });
    expect(await rows(a.id)).toEqual([]);
  });

  it('another member of the account, or another account, cannot see or change them (404); no token 401', async () => {
    const a = await buildAccount(t.ctx);
    const colleague = await buildUser(t.ctx, { accountId: a.id, role: 'administrator' });
    const other = await buildAccount(t.ctx);
    const folder = await save(a, a.agent.token, { name: 'Pasta secreta', query: FOLDER });
    const before = await rows(a.id);
    for (const token of [colleague.token, other.admin.token]) {
      for (const [method, url] of [['GET', itemUrl(a, folder.id)], ['PATCH', itemUrl(a, folder.id)], ['DELETE', itemUrl(a, folder.id)]] as const) {
        const res = await t.request({ method, url, token, ...(method === 'PATCH' ? { payload: { name: 'x' } } : {}) });
        expectError(res, 404);
        expectNoLeak(res, ['Pasta secreta']);
      }
    }
    expect((await t.request({ method: 'GET', url: listUrl(a), token: colleague.token })).json()).toEqual([]);
    expectError(await t.request({ method: 'GET', url: listUrl(a), token: other.admin.token }), 404);
    expectError(await t.request({ method: 'POST', url: listUrl(a), token: other.admin.token, payload: { name: 'x', query: FOLDER } }), 404);
    expectError(await t.request({ method: 'GET', url: listUrl(a) }), 401);
    expect(await rows(a.id)).toEqual(before);
    expect(await rows(other.id)).toEqual([]);
  });

  it('refuses queries the filter would refuse, and other bad input, naming the field; nothing is saved', async () => {
    const a = await buildAccount(t.ctx);
    const bad: [Record<string, unknown>, string][] = [
      [{ query: FOLDER }, 'name'],
      [{ name: 'x' }, 'query'],
      [{ name: 'x', query: 'status:open' }, 'query'],
      [{ name: 'x', type: 'inbox', query: FOLDER }, 'type'],
      [{ name: 'x', query: {} }, 'query.payload'],
      [{ name: 'x', query: { payload: [] } }, 'query.payload'],
      [{ name: 'x', query: { payload: [{ attribute_key: 'status', filter_operator: 'sounds_like', values: ['open'] }] } }, 'query.payload.0.filter_operator'],
      [{ name: 'x', filter_type: 'contact', query: { payload: [{ attribute_key: 'shoe_size', filter_operator: 'equal_to', values: ['42'] }] } }, 'query.payload.0.attribute_key'],
    ];
    for (const [payload, field] of bad) expectError(await t.request({ method: 'POST', url: listUrl(a), token: a.agent.token, payload }), 422, field);
    expectError(await t.request({ method: 'GET', url: listUrl(a, '?filter_type=inbox'), token: a.agent.token }), 422, 'filter_type');
    for (const id of [...BAD_IDS]) expectError(await t.request({ method: 'GET', url: itemUrl(a, id), token: a.agent.token }), 422);
    expectError(await t.request({ method: 'GET', url: itemUrl(a, UNKNOWN_ID), token: a.agent.token }), 404);
    expect(await rows(a.id)).toEqual([]);
  });
});
