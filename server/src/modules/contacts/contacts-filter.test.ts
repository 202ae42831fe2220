import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildContact, type BuiltAccount } from '../../../test/builders';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { expectError, expectNoLeak, rawJson } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { CONTACT_ABSENT, contactState } from './test-support';

type Condition = { attribute_key: string; filter_operator: string; values?: unknown; query_operator?: string | null; attribute_model?: string };

describe('contacts API: POST /api/v1/accounts/:account_id/contacts/filter', () => {
  let t: TestApp;
  let a: BuiltAccount;
  /** Contacts by short name. */
  const people: Record<string, number> = {};

  const filterUrl = (account: BuiltAccount, query = '') => `/api/v1/accounts/${account.id}/contacts/filter${query}`;
  const day = (iso: string) => new Date(`${iso}T12:00:00Z`).toISOString();

  beforeAll(async () => {
    t = await startTestApp();
    a = await buildAccount(t.ctx);
    const seed: [string, Parameters<typeof buildContact>[2], { created: string; active?: string; labels?: string[] }][] = [
      ['ana', { name: 'Ana Lúcia', email: 'ana@acme.test', phoneNumber: '+5511911110001', identifier: 'crm-1', additionalAttributes: { city: 'São Paulo', country_code: 'BR', company_name: 'ACME' }, customAttributes: { plan: 'pro', seats: 12, renewal: '2024-06-30', vip: true } }, { created: '2024-01-10', active: '2024-05-01', labels: ['vip', 'lead'] }],
      ['bruno', { name: 'Bruno', email: 'bruno@beta.test', phoneNumber: '+5521922220002', additionalAttributes: { city: 'Rio de Janeiro', country_code: 'br', company_name: 'Beta' }, customAttributes: { plan: 'free', seats: 3, renewal: '2025-01-15' } }, { created: '2024-02-20', labels: ['churn'] }],
      ['carol', { name: 'Carol', email: 'carol@acme.test', additionalAttributes: { city: 'Lisboa', country_code: 'PT' }, customAttributes: { plan: 'Pro', seats: 'n/a' } }, { created: '2024-03-05', active: '2024-03-06' }],
      ['dan', { name: 'Dan', email: null, phoneNumber: null, identifier: 'visitor-9', blocked: true, customAttributes: { renewal: 'soon' } }, { created: '2024-03-05' }],
    ];
    for (const [key, input, times] of seed) {
      const contact = await buildContact(t.ctx, a.id, input);
      people[key] = contact.id;
      await t.ctx.db.execute(sql`UPDATE contacts SET created_at = ${day(times.created)}::timestamptz,
        last_activity_at = ${times.active ? day(times.active) : null}::timestamptz,
        labels = ${sql.param(times.labels ?? [])}::text[] WHERE id = ${contact.id}`);
    }
  });
  afterAll(() => t.close());

  async function filter(payload: Condition[], query = '?sort=name'): Promise<string[]> {
    const res = await t.request({ method: 'POST', url: filterUrl(a, query), token: a.agent.token, payload: { payload } });
    expect(res.statusCode, res.body).toBe(200);
    const byId = Object.fromEntries(Object.entries(people).map(([k, v]) => [v, k]));
    return (res.json().payload as { id: number }[]).map((c) => byId[c.id] ?? `?${c.id}`);
  }

  const one = (attribute_key: string, filter_operator: string, values?: unknown, extra: Partial<Condition> = {}) =>
    filter([{ attribute_key, filter_operator, values, query_operator: null, ...extra }]);

  it('answers in the contract shape with the count, for the example of the contract', async () => {
    const res = await t.request({
      method: 'POST',
      url: filterUrl(a),
      token: a.agent.token,
      payload: {
        payload: [
          { attribute_key: 'name', filter_operator: 'equal_to', values: ['ana lúcia'], query_operator: 'AND' },
          { attribute_key: 'country_code', filter_operator: 'equal_to', values: ['br'], query_operator: null },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/contacts/filter', res);
    expectContractFields(res.json(), 'contacts_list_response', { 'payload[].additional_attributes.*': CONTACT_ABSENT['additional_attributes.*'] });
    expect(res.json().meta).toEqual({ count: 1, current_page: '1' });
    expect(res.json().payload.map((c: { id: number }) => c.id)).toEqual([people.ana]);
  });

  it('compares text attributes, standard and additional, ignoring case (contains also ignores accents)', async () => {
    expect(await one('name', 'equal_to', ['CAROL'])).toEqual(['carol']);
    expect(await one('name', 'equal_to', ['carol', 'bruno'])).toEqual(['bruno', 'carol']);
    expect(await one('name', 'not_equal_to', ['carol'])).toEqual(['ana', 'bruno', 'dan']);
    expect(await one('name', 'contains', ['LUCIA'])).toEqual(['ana']);
    expect(await one('email', 'contains', ['acme'])).toEqual(['ana', 'carol']);
    expect(await one('email', 'does_not_contain', ['acme'])).toEqual(['bruno', 'dan']);
    expect(await one('email', 'is_present')).toEqual(['ana', 'bruno', 'carol']);
    expect(await one('email', 'is_not_present')).toEqual(['dan']);
    expect(await one('phone_number', 'equal_to', ['5511911110001'])).toEqual(['ana']);
    expect(await one('phone_number', 'contains', ['2222-0002'])).toEqual(['bruno']);
    expect(await one('identifier', 'equal_to', ['CRM-1'])).toEqual(['ana']);
    expect(await one('country_code', 'equal_to', ['BR'])).toEqual(['ana', 'bruno']);
    expect(await one('city', 'contains', ['sao'])).toEqual(['ana']);
    expect(await one('city', 'is_not_present')).toEqual(['dan']);
    expect(await one('company', 'equal_to', ['acme'])).toEqual(['ana']);
    expect(await one('company', 'not_equal_to', ['acme'])).toEqual(['bruno', 'carol', 'dan']);
  });

  it('filters by dates as UTC days: equal, not equal, after, before, and days before today', async () => {
    expect(await one('created_at', 'equal_to', ['2024-03-05'])).toEqual(['carol', 'dan']);
    expect(await one('created_at', 'not_equal_to', ['2024-03-05'])).toEqual(['ana', 'bruno']);
    expect(await one('created_at', 'is_greater_than', ['2024-02-20'])).toEqual(['carol', 'dan']);
    expect(await one('created_at', 'is_less_than', ['2024-02-20'])).toEqual(['ana']);
    expect(await one('last_activity_at', 'is_present')).toEqual(['ana', 'carol']);
    expect(await one('last_activity_at', 'is_not_present')).toEqual(['bruno', 'dan']);
    expect(await one('last_activity_at', 'is_greater_than', ['2024-04-01'])).toEqual(['ana']);
    expect(await one('created_at', 'days_before', ['0'])).toEqual(['ana', 'bruno', 'carol', 'dan']);
    expect(await one('created_at', 'days_before', ['36500'])).toEqual([]);
  });

  it('filters by labels (any of / none of / some / none) and by blocked', async () => {
    expect(await one('labels', 'equal_to', ['vip'])).toEqual(['ana']);
    expect(await one('labels', 'equal_to', ['churn', 'lead'])).toEqual(['ana', 'bruno']);
    expect(await one('labels', 'not_equal_to', ['vip'])).toEqual(['bruno', 'carol', 'dan']);
    expect(await one('labels', 'is_present')).toEqual(['ana', 'bruno']);
    expect(await one('labels', 'is_not_present')).toEqual(['carol', 'dan']);
    expect(await one('blocked', 'equal_to', ['true'])).toEqual(['dan']);
    expect(await one('blocked', 'equal_to', [false])).toEqual(['ana', 'bruno', 'carol']);
    expect(await one('blocked', 'not_equal_to', ['true'])).toEqual(['ana', 'bruno', 'carol']);
  });

  it('filters by custom attributes as text, numbers and dates, never failing on values of another type', async () => {
    const custom = { attribute_model: 'custom_attribute' };
    expect(await one('plan', 'equal_to', ['pro'], custom)).toEqual(['ana', 'carol']);
    expect(await one('plan', 'not_equal_to', ['pro'], custom)).toEqual(['bruno', 'dan']);
    expect(await one('plan', 'contains', ['RE'], custom)).toEqual(['bruno']);
    expect(await one('vip', 'equal_to', [true], custom)).toEqual(['ana']);
    expect(await one('plan', 'is_present', undefined, custom)).toEqual(['ana', 'bruno', 'carol']);
    expect(await one('plan', 'is_not_present', undefined, custom)).toEqual(['dan']);
    expect(await one('seats', 'is_greater_than', ['5'], custom)).toEqual(['ana']);
    expect(await one('seats', 'is_less_than', [5], custom)).toEqual(['bruno']);
    expect(await one('renewal', 'is_less_than', ['2024-12-31'], custom)).toEqual(['ana']);
    expect(await one('renewal', 'is_greater_than', ['2024-12-31'], custom)).toEqual(['bruno']);
    expect(await one('renewal', 'days_before', ['0'], custom)).toEqual(['ana', 'bruno']);
    // Chatwoot's marker for custom attributes works too.
    expect(await filter([{ attribute_key: 'plan', filter_operator: 'equal_to', values: ['free'], custom_attribute_type: 'contact_attribute' } as Condition])).toEqual(['bruno']);
    // A custom attribute may share a standard attribute's name.
    expect(await one('name', 'is_present', undefined, custom)).toEqual([]);
  });

  it('joins conditions with each one’s query_operator, AND binding tighter than OR (as Chatwoot’s SQL)', async () => {
    const ana = { attribute_key: 'name', filter_operator: 'equal_to', values: ['ana lúcia'] };
    const br = { attribute_key: 'country_code', filter_operator: 'equal_to', values: ['br'] };
    const pt = { attribute_key: 'country_code', filter_operator: 'equal_to', values: ['pt'] };
    const blocked = { attribute_key: 'blocked', filter_operator: 'equal_to', values: ['true'] };
    expect(await filter([{ ...ana, query_operator: 'OR' }, { ...pt, query_operator: null }])).toEqual(['ana', 'carol']);
    expect(await filter([{ ...br, query_operator: 'and' }, { ...ana, query_operator: 'AND' }])).toEqual(['ana']);
    // ana OR (pt AND blocked) = ana
    expect(await filter([{ ...ana, query_operator: 'OR' }, { ...pt, query_operator: 'AND' }, { ...blocked }])).toEqual(['ana']);
    // (br AND ana) OR pt = ana, carol
    expect(await filter([{ ...br, query_operator: 'AND' }, { ...ana, query_operator: 'OR' }, { ...pt }])).toEqual(['ana', 'carol']);
    // The last condition's operator joins nothing.
    expect(await filter([{ ...pt, query_operator: 'OR' }])).toEqual(['carol']);
  });

  it('pages 15 at a time and sorts like the list', async () => {
    const all = { attribute_key: 'created_at', filter_operator: 'days_before', values: ['0'] };
    expect(await filter([all], '?sort=-name')).toEqual(['dan', 'carol', 'bruno', 'ana']);
    expect(await filter([all], '?sort=name&page=2')).toEqual([]);
    // Default: most recently active first, never-active last.
    expect((await filter([all], '')).slice(0, 2)).toEqual(['ana', 'carol']);
  });

  it('treats values as data, never as SQL', async () => {
    for (const value of ["' OR 1=1 --", '%', '_', "x'); DROP TABLE contacts; --"]) {
      expect(await one('name', 'equal_to', [value])).toEqual([]);
      expect(await one('name', 'contains', [value])).toEqual([]);
      expect(await one("plan' OR '1'='1", 'equal_to', [value], { attribute_model: 'custom_attribute' })).toEqual([]);
    }
    expect(await one('name', 'is_present')).toHaveLength(4);
  });

  it('rejects unknown attributes and operators and bad values, naming payload.<i>.<field>, changing nothing', async () => {
    const before = await contactState(t, a.id);
    const cases: [unknown, number, string][] = [
      [[{ attribute_key: 'shoe_size', filter_operator: 'equal_to', values: ['42'] }], 422, 'payload.0.attribute_key'],
      [[{ attribute_key: 'name', filter_operator: 'equal_to', values: ['a'], query_operator: 'AND' }, { attribute_key: 'name', filter_operator: 'like', values: ['a'] }], 422, 'payload.1.filter_operator'],
      [[{ attribute_key: 'labels', filter_operator: 'contains', values: ['vip'] }], 422, 'payload.0.filter_operator'],
      [[{ attribute_key: 'blocked', filter_operator: 'is_greater_than', values: ['1'] }], 422, 'payload.0.filter_operator'],
      [[{ attribute_key: 'name', filter_operator: 'equal_to', values: [] }], 422, 'payload.0.values'],
      [[{ attribute_key: 'name', filter_operator: 'equal_to' }], 422, 'payload.0.values'],
      [[{ attribute_key: 'created_at', filter_operator: 'equal_to', values: ['yesterday'] }], 422, 'payload.0.values'],
      [[{ attribute_key: 'created_at', filter_operator: 'equal_to', values: ['2024-02-30'] }], 422, 'payload.0.values'],
      [[{ attribute_key: 'created_at', filter_operator: 'days_before', values: ['-3'] }], 422, 'payload.0.values'],
      [[{ attribute_key: 'blocked', filter_operator: 'equal_to', values: ['maybe'] }], 422, 'payload.0.values'],
      [[{ attribute_key: 'seats', attribute_model: 'custom_attribute', filter_operator: 'is_greater_than', values: ['many'] }], 422, 'payload.0.values'],
      [[{ attribute_key: 'name', attribute_model: 'conversation_attribute', filter_operator: 'equal_to', values: ['a'] }], 422, 'payload.0.attribute_model'],
      [[{ attribute_key: 'name', filter_operator: 'equal_to', values: ['a'], query_operator: 'XOR' }], 422, 'payload.0.query_operator'],
      [[{ attribute_key: ' ', filter_operator: 'equal_to', values: ['a'] }], 422, 'payload.0.attribute_key'],
      [[{ filter_operator: 'equal_to', values: ['a'] }], 422, 'payload.0.attribute_key'],
      [[{ attribute_key: 'name', filter_operator: 'equal_to', values: [['nested']] }], 422, 'payload.0.values'],
      [[], 422, 'payload'],
      ['name', 422, 'payload'],
    ];
    for (const [payload, status, field] of cases) {
      const res = await t.request({ method: 'POST', url: filterUrl(a), token: a.admin.token, payload: { payload } });
      expectError(res, status, field);
    }
    expectError(await t.request({ method: 'POST', url: filterUrl(a), token: a.admin.token, payload: {} }), 422, 'payload');
    expectError(await t.request({ method: 'POST', url: filterUrl(a), token: a.admin.token, ...rawJson('{"payload":') }), 400);
    expectError(await t.request({ method: 'POST', url: filterUrl(a, '?page=0'), token: a.admin.token, payload: { payload: [{ attribute_key: 'name', filter_operator: 'is_present' }] } }), 422, 'page');
    expect(await contactState(t, a.id)).toEqual(before);
  });

  it('answers 401 without a valid token and 404 to another account, without data', async () => {
    const other = await buildAccount(t.ctx);
    const payload = { payload: [{ attribute_key: 'name', filter_operator: 'is_present' }] };
    for (const [token, status] of [
      [undefined, 401],
      ['bad-token', 401],
      [other.admin.token, 404],
    ] as const) {
      const res = await t.request({ method: 'POST', url: filterUrl(a), token, payload });
      expectError(res, status);
      expectNoLeak(res, ['ana@acme.test', 'Ana Lúcia']);
    }
    // Their own filter never sees this account's contacts.
    const theirs = await t.request({ method: 'POST', url: filterUrl(other), token: other.admin.token, payload });
    expect(theirs.json().meta.count).toBe(0);
  });
});
