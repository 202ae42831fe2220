import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { buildAccount, buildPlatformApp, buildUser, PASSWORD, signIn } from '../../../test/builders';
import {
  accountState,
  BAD_IDS,
  clientAddress,
  expectError,
  expectNoLeak,
  rawJson,
  sessionFrom,
  UNKNOWN_ID,
  unique,
} from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { accounts as accountsTable, users as usersTable } from '../../db/schema';
import { addMember } from './service';

/** Fields of the contract's account_show_response RocketHub does not send, and why. */
const ACCOUNT_ABSENT = {
  'custom_attributes.*': 'free-form data: the contract lists Chatwoot billing keys that exist only once a client sets them',
};

async function countRows(t: TestApp) {
  const [accounts] = await t.ctx.db.select({ n: count() }).from(accountsTable);
  const [users] = await t.ctx.db.select({ n: count() }).from(usersTable);
  return { accounts: accounts?.n ?? 0, users: users?.n ?? 0 };
}

function signUpBody(overrides: Record<string, unknown> = {}) {
  return {
    account_name: `Acme ${unique()}`,
    user_full_name: 'Ana Souza',
    email: `ana-${unique()}@example.test`,
    password: PASSWORD,
    ...overrides,
  };
}

describe('onboarding: POST /api/v1/accounts on an installation without accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  // These two tests share the installation: the first must run before onboarding happens.
  it('rejects bad sign-up input with a 4xx error naming the field and creates nothing', async () => {
    const cases: [string, object, number, string?][] = [
      ['empty body', { payload: {} }, 422, 'account_name'],
      ['missing email', { payload: { ...signUpBody(), email: undefined } }, 422, 'email'],
      ['malformed email', { payload: signUpBody({ email: 'not-an-email' }) }, 422, 'email'],
      ['over-long email', { payload: signUpBody({ email: `${'a'.repeat(250)}@example.test` }) }, 422, 'email'],
      ['weak password', { payload: signUpBody({ password: 'short' }) }, 422, 'password'],
      ['password of the wrong type', { payload: signUpBody({ password: 12345678 }) }, 422, 'password'],
      ['over-long account name', { payload: signUpBody({ account_name: 'x'.repeat(101) }) }, 422, 'account_name'],
      ['blank full name', { payload: signUpBody({ user_full_name: '   ' }) }, 422, 'user_full_name'],
      ['account name of the wrong type', { payload: signUpBody({ account_name: 123 }) }, 422, 'account_name'],
      ['malformed locale', { payload: signUpBody({ locale: 'Portuguese!' }) }, 422, 'locale'],
      ['an array body', rawJson('[]'), 422],
      ['invalid JSON', rawJson('{"account_name": "Acme",'), 400],
      ['a NUL character', rawJson(JSON.stringify(signUpBody({ account_name: 'Ac\u0000me' }))), 422],
      ['an unsupported content type', { payload: '<account/>', headers: { 'content-type': 'application/xml' } }, 415],
    ];
    for (const [label, options, status, field] of cases) {
      const res = await t.request({ method: 'POST', url: '/api/v1/accounts', remoteAddress: clientAddress(), ...options });
      expect(res.statusCode, `${label}: ${res.body}`).toBe(status);
      expectError(res, status, field);
    }
    expect(await countRows(t)).toEqual({ accounts: 0, users: 0 });
    const installation = await t.request({ method: 'GET', url: '/api/v1/installation' });
    expect(installation.json().needs_onboarding).toBe(true);
  });

  it('creates the first account with its administrator as installation owner, signs them in, then closes sign-up', async () => {
    const before = await t.request({ method: 'GET', url: '/api/v1/installation' });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ needs_onboarding: true, signup_enabled: false, dev_mailbox: true });

    const body = signUpBody({ locale: 'en' });
    const res = await t.request({ method: 'POST', url: '/api/v1/accounts', payload: body, remoteAddress: clientAddress() });
    expect(res.statusCode, res.body).toBe(200);
    expectDocumentedResponse(t.app, 'POST /api/v1/accounts', res);
    const user = res.json().data;
    expectContractFields(user, 'user');
    expect(user).toMatchObject({ email: body.email, name: 'Ana Souza', type: 'SuperAdmin', role: 'administrator', locale: 'en' });
    expect(user.accounts).toEqual([expect.objectContaining({ name: body.account_name, role: 'administrator', locale: 'en' })]);

    const session = sessionFrom(res);
    const profile = await t.request({ method: 'GET', url: '/api/v1/profile', headers: { cookie: session.cookie } });
    expect(profile.statusCode).toBe(200);
    expect(profile.json().id).toBe(user.id);
    const viaToken = await t.request({ method: 'GET', url: `/api/v1/accounts/${user.account_id}`, token: user.access_token });
    expect(viaToken.json().name).toBe(body.account_name);

    const after = await t.request({ method: 'GET', url: '/api/v1/installation' });
    expect(after.json().needs_onboarding).toBe(false);

    const second = await t.request({ method: 'POST', url: '/api/v1/accounts', payload: signUpBody(), remoteAddress: clientAddress() });
    expectError(second, 403);
    expect(await countRows(t)).toEqual({ accounts: 1, users: 1 });
  });
});

describe('sign-up with ENABLE_ACCOUNT_SIGNUP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ signupEnabled: true });
    await buildAccount(t.ctx);
  });
  afterAll(() => t.close());

  it('creates further accounts whose administrators are not installation owners', async () => {
    const installation = await t.request({ method: 'GET', url: '/api/v1/installation' });
    expect(installation.json()).toMatchObject({ needs_onboarding: false, signup_enabled: true });
    const body = signUpBody();
    const res = await t.request({ method: 'POST', url: '/api/v1/accounts', payload: body, remoteAddress: clientAddress() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ email: body.email, type: null, role: 'administrator' });
    expect(res.json().data.accounts).toEqual([expect.objectContaining({ name: body.account_name, locale: 'pt_BR' })]);
  });

  it('rejects an email that already has a user, in any letter case, and creates nothing', async () => {
    const existing = await buildUser(t.ctx);
    const before = await countRows(t);
    for (const email of [existing.email, existing.email.toUpperCase()]) {
      const res = await t.request({ method: 'POST', url: '/api/v1/accounts', payload: signUpBody({ email }), remoteAddress: clientAddress() });
      expectError(res, 422, 'email');
    }
    expect(await countRows(t)).toEqual(before);
  });

  it('rate limits sign-up per client address with 429 and retry-after', async () => {
    const existing = await buildUser(t.ctx);
    const remoteAddress = clientAddress();
    for (let i = 0; i < 10; i++) {
      const res = await t.request({ method: 'POST', url: '/api/v1/accounts', payload: signUpBody({ email: existing.email }), remoteAddress });
      expectError(res, 422, 'email');
    }
    const limited = await t.request({ method: 'POST', url: '/api/v1/accounts', payload: signUpBody(), remoteAddress });
    expectError(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const elsewhere = await t.request({ method: 'POST', url: '/api/v1/accounts', payload: signUpBody(), remoteAddress: clientAddress() });
    expect(elsewhere.statusCode).toBe(200);
  });
});

describe('accounts API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('GET /api/v1/installation', () => {
    it('answers without authentication', async () => {
      await buildAccount(t.ctx);
      const res = await t.request({ method: 'GET', url: '/api/v1/installation' });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/installation', res);
      expect(res.json()).toMatchObject({ needs_onboarding: false, signup_enabled: false, dev_mailbox: true });
    });
  });

  describe('GET /api/v1/accounts/:id', () => {
    it('shows an administrator the account in the documented and contract shape', async () => {
      const a = await buildAccount(t.ctx);
      const res = await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}`, token: a.admin.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{id}', res);
      expectContractFields(res.json(), 'account_show_response', ACCOUNT_ABSENT);
      expect(res.json()).toMatchObject({ id: a.id, name: a.name, locale: 'pt_BR', status: 'active' });
    });

    it('shows an agent the account', async () => {
      const a = await buildAccount(t.ctx);
      const res = await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}`, token: a.agent.token });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: a.id, name: a.name });
    });

    it('answers 401 without a token', async () => {
      const a = await buildAccount(t.ctx);
      const res = await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}` });
      expectError(res, 401);
      expectNoLeak(res, [a.name]);
    });

    it('answers 401 to a bad token, in the header or the query string', async () => {
      const a = await buildAccount(t.ctx);
      for (const request of [
        { url: `/api/v1/accounts/${a.id}`, token: 'not-a-token' },
        { url: `/api/v1/accounts/${a.id}`, token: `${a.admin.token}x` },
        { url: `/api/v1/accounts/${a.id}?api_access_token=not-a-token` },
      ]) {
        const res = await t.request({ method: 'GET', ...request });
        expectError(res, 401);
        expectNoLeak(res, [a.name]);
      }
    });

    it('accepts the token in the query string as Chatwoot does', async () => {
      const a = await buildAccount(t.ctx);
      const res = await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}?api_access_token=${a.agent.token}` });
      expect(res.statusCode).toBe(200);
    });

    it('answers 404 to an administrator of another account, without its data', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const res = await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}`, token: other.admin.token });
      expectError(res, 404);
      expectNoLeak(res, [a.name, a.admin.email, a.agent.email]);
      const unknown = await t.request({ method: 'GET', url: `/api/v1/accounts/${UNKNOWN_ID}`, token: other.admin.token });
      expect(unknown.json()).toEqual(res.json());
    });

    it('does not let a platform app token act as a user', async () => {
      const a = await buildAccount(t.ctx);
      const app = await buildPlatformApp(t.ctx);
      const res = await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}`, token: app.token });
      expectError(res, 401);
      expectNoLeak(res, [a.name]);
    });

    it('rejects ids that cannot exist with 422 naming the id, and unknown ids with 404', async () => {
      const a = await buildAccount(t.ctx);
      for (const id of BAD_IDS) {
        expectError(await t.request({ method: 'GET', url: `/api/v1/accounts/${id}`, token: a.admin.token }), 422, 'id');
      }
      expectError(await t.request({ method: 'GET', url: `/api/v1/accounts/${UNKNOWN_ID}`, token: a.admin.token }), 404);
      expectError(await t.request({ method: 'GET', url: `/api/v1/accounts/%00`, token: a.admin.token }), 400);
    });
  });

  describe('PATCH and PUT /api/v1/accounts/:id', () => {
    const update = {
      name: 'Renamed',
      locale: 'en',
      domain: 'support.example.test',
      support_email: 'help@example.test',
      auto_resolve_after: 1440,
      auto_resolve_message: 'Closed for inactivity',
      auto_resolve_ignore_waiting: true,
      industry: 'Retail',
      company_size: '11-50',
      timezone: 'America/Sao_Paulo',
      custom_attributes: { plan: 'gold' },
    };

    for (const method of ['PATCH', 'PUT'] as const) {
      it(`${method} lets an administrator update details and settings`, async () => {
        const a = await buildAccount(t.ctx);
        const res = await t.request({ method, url: `/api/v1/accounts/${a.id}`, token: a.admin.token, payload: update });
        expect(res.statusCode, res.body).toBe(200);
        expectDocumentedResponse(t.app, `${method} /api/v1/accounts/{id}`, res);
        expectContractFields(res.json(), 'account_detail', ACCOUNT_ABSENT);
        const expected = {
          id: a.id,
          name: 'Renamed',
          locale: 'en',
          domain: 'support.example.test',
          support_email: 'help@example.test',
          settings: { auto_resolve_after: 1440, auto_resolve_message: 'Closed for inactivity', auto_resolve_ignore_waiting: true },
          custom_attributes: { plan: 'gold', industry: 'Retail', company_size: '11-50', timezone: 'America/Sao_Paulo' },
        };
        expect(res.json()).toMatchObject(expected);
        const shown = await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}`, token: a.agent.token });
        expect(shown.json()).toMatchObject(expected);
      });

      it(`${method} answers 403 to an agent and changes nothing`, async () => {
        const a = await buildAccount(t.ctx);
        const before = await accountState(t, a.id);
        const res = await t.request({ method, url: `/api/v1/accounts/${a.id}`, token: a.agent.token, payload: { name: 'Hijacked' } });
        expectError(res, 403);
        expect(await accountState(t, a.id)).toEqual(before);
      });

      it(`${method} answers 401 without a token or with a bad one and changes nothing`, async () => {
        const a = await buildAccount(t.ctx);
        const before = await accountState(t, a.id);
        for (const token of [undefined, 'bad-token']) {
          const res = await t.request({ method, url: `/api/v1/accounts/${a.id}`, token, payload: { name: 'Hijacked' } });
          expectError(res, 401);
          expectNoLeak(res, [a.name]);
        }
        expect(await accountState(t, a.id)).toEqual(before);
      });

      it(`${method} answers 404 to an administrator of another account and changes nothing`, async () => {
        const a = await buildAccount(t.ctx);
        const other = await buildAccount(t.ctx);
        const before = await accountState(t, a.id);
        const res = await t.request({ method, url: `/api/v1/accounts/${a.id}`, token: other.admin.token, payload: { name: 'Hijacked' } });
        expectError(res, 404);
        expectNoLeak(res, [a.name, a.admin.email]);
        expect(await accountState(t, a.id)).toEqual(before);
      });
    }

    it('clears domain and support email with empty strings and merges custom attributes', async () => {
      const a = await buildAccount(t.ctx);
      const url = `/api/v1/accounts/${a.id}`;
      await t.request({ method: 'PATCH', url, token: a.admin.token, payload: { domain: 'x.example.test', support_email: 'a@example.test', custom_attributes: { a: 1 } } });
      const res = await t.request({ method: 'PATCH', url, token: a.admin.token, payload: { domain: '', support_email: '', custom_attributes: { b: 2 } } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ domain: null, support_email: null, custom_attributes: { a: 1, b: 2 } });
      const cleared = await t.request({ method: 'PATCH', url, token: a.admin.token, payload: { auto_resolve_after: null } });
      expect(cleared.json().settings.auto_resolve_after).toBeNull();
    });

    it('accepts a form-encoded body, as the contract allows', async () => {
      const a = await buildAccount(t.ctx);
      const res = await t.request({
        method: 'PATCH',
        url: `/api/v1/accounts/${a.id}`,
        token: a.admin.token,
        payload: 'name=Form+Renamed&locale=en',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ name: 'Form Renamed', locale: 'en' });
    });

    it('rejects bad input with a 4xx error naming the field and changes nothing', async () => {
      const a = await buildAccount(t.ctx);
      const url = `/api/v1/accounts/${a.id}`;
      const before = await accountState(t, a.id);
      const cases: [string, object, number, string?][] = [
        ['empty name', { payload: { name: '' } }, 422, 'name'],
        ['blank name', { payload: { name: '   ' } }, 422, 'name'],
        ['over-long name', { payload: { name: 'x'.repeat(101) } }, 422, 'name'],
        ['name of the wrong type', { payload: { name: 42 } }, 422, 'name'],
        ['null name', { payload: { name: null } }, 422, 'name'],
        ['malformed locale', { payload: { locale: 'Portuguese' } }, 422, 'locale'],
        ['malformed support email', { payload: { support_email: 'nope' } }, 422, 'support_email'],
        ['over-long domain', { payload: { domain: 'd'.repeat(254) } }, 422, 'domain'],
        ['auto-resolve below the minimum', { payload: { auto_resolve_after: 5 } }, 422, 'auto_resolve_after'],
        ['auto-resolve above the maximum', { payload: { auto_resolve_after: 1_439_857 } }, 422, 'auto_resolve_after'],
        ['auto-resolve not a number', { payload: { auto_resolve_after: 'soon' } }, 422, 'auto_resolve_after'],
        ['auto-resolve fraction', { payload: { auto_resolve_after: 20.5 } }, 422, 'auto_resolve_after'],
        ['over-long auto-resolve message', { payload: { auto_resolve_message: 'm'.repeat(2001) } }, 422, 'auto_resolve_message'],
        ['ignore-waiting not a boolean', { payload: { auto_resolve_ignore_waiting: 'yes' } }, 422, 'auto_resolve_ignore_waiting'],
        ['blank timezone', { payload: { timezone: '' } }, 422, 'timezone'],
        ['custom attributes as an array', { payload: { custom_attributes: [1, 2] } }, 422, 'custom_attributes'],
        ['custom attributes as a string', { payload: { custom_attributes: 'gold' } }, 422, 'custom_attributes'],
        ['custom attributes over 64 KiB', { payload: { custom_attributes: { big: 'x'.repeat(70_000) } } }, 422, 'custom_attributes'],
        ['a null body', rawJson('null'), 422],
        ['an array body', rawJson('[{"name":"x"}]'), 422],
        ['invalid JSON', rawJson('{"name": '), 400],
        ['a NUL character in a value', rawJson('{"name":"a\\u0000b"}'), 422],
        ['a NUL character in a key', rawJson('{"custom_attributes":{"a\\u0000":1}}'), 422],
        ['an unsupported content type', { payload: '<name>x</name>', headers: { 'content-type': 'application/xml' } }, 415],
        ['a body over the size limit', { payload: { name: 'x'.repeat(1_100_000) } }, 413],
      ];
      for (const [label, options, status, field] of cases) {
        const res = await t.request({ method: 'PATCH', url, token: a.admin.token, ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
      }
      for (const id of BAD_IDS) {
        expectError(await t.request({ method: 'PATCH', url: `/api/v1/accounts/${id}`, token: a.admin.token, payload: { name: 'x' } }), 422, 'id');
      }
      expectError(await t.request({ method: 'PUT', url: `/api/v1/accounts/${UNKNOWN_ID}`, token: a.admin.token, payload: { name: 'x' } }), 404);
      expect(await accountState(t, a.id)).toEqual(before);
    });

    it('needs the X-CSRF-Token header when authenticated by the session cookie', async () => {
      const a = await buildAccount(t.ctx);
      const url = `/api/v1/accounts/${a.id}`;
      const session = await signIn(t, a.admin.email, PASSWORD, { remoteAddress: clientAddress() });
      const otherSession = await signIn(t, a.agent.email, PASSWORD, { remoteAddress: clientAddress() });
      const before = await accountState(t, a.id);
      for (const headers of [{}, { 'x-csrf-token': 'wrong' }, { 'x-csrf-token': otherSession.csrf }, { 'x-csrf-token': '' }]) {
        const res = await t.request({ method: 'PATCH', url, payload: { name: 'Forged' }, headers: { cookie: session.cookie, ...headers } });
        expectError(res, 403);
      }
      expect(await accountState(t, a.id)).toEqual(before);
      const read = await t.request({ method: 'GET', url, headers: { cookie: session.cookie } });
      expect(read.statusCode).toBe(200);
      const res = await t.request({ method: 'PATCH', url, payload: { name: 'Changed' }, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf } });
      expect(res.statusCode).toBe(200);
      expect(res.json().name).toBe('Changed');
    });
  });

  describe('a user in several accounts', () => {
    it('has its own role in each account and the permissions of that role', async () => {
      const a = await buildAccount(t.ctx);
      const b = await buildAccount(t.ctx);
      const user = await buildUser(t.ctx, { accountId: a.id, role: 'administrator' });
      await t.ctx.transaction((tx) => addMember(tx, { accountId: b.id, userId: user.id, role: 'agent' }));

      const profile = await t.request({ method: 'GET', url: '/api/v1/profile', token: user.token });
      const memberships = profile.json().accounts as { id: number; role: string; permissions: string[] }[];
      expect(memberships.map((m) => [m.id, m.role]).sort()).toEqual([
        [a.id, 'administrator'],
        [b.id, 'agent'],
      ]);
      expect(memberships.find((m) => m.id === a.id)?.permissions).toContain('account.update');
      expect(memberships.find((m) => m.id === b.id)?.permissions).not.toContain('account.update');

      const inA = await t.request({ method: 'PATCH', url: `/api/v1/accounts/${a.id}`, token: user.token, payload: { name: 'Mine' } });
      expect(inA.statusCode).toBe(200);
      const bBefore = await accountState(t, b.id);
      expectError(await t.request({ method: 'PATCH', url: `/api/v1/accounts/${b.id}`, token: user.token, payload: { name: 'Mine' } }), 403);
      expect(await accountState(t, b.id)).toEqual(bBefore);
      const readB = await t.request({ method: 'GET', url: `/api/v1/accounts/${b.id}`, token: user.token });
      expect(readB.json().name).toBe(b.name);
    });
  });
});
