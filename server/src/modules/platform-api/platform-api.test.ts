import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { buildAccount, buildPlatformApp, buildUser, PASSWORD, signIn } from '../../../test/builders';
import {
  accountState,
  BAD_IDS,
  clientAddress,
  expectError,
  expectNoLeak,
  linkToken,
  mailsTo,
  rawJson,
  sessionFrom,
  settleDeliveries,
  UNKNOWN_ID,
  unique,
  userState,
} from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { accounts as accountsTable, platformAppPermissibles } from '../../db/schema';

type PlatformApp = Awaited<ReturnType<typeof buildPlatformApp>>;
type Resources = { app: PlatformApp; accountId: number; accountName: string; userId: number; userEmail: string };

describe('platform API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function createAccount(app: PlatformApp, body: Record<string, unknown> = {}) {
    const res = await t.request({ method: 'POST', url: '/platform/api/v1/accounts', token: app.token, payload: { name: `Tenant ${unique()}`, ...body } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; name: string };
  }

  async function createUser(app: PlatformApp, body: Record<string, unknown> = {}) {
    const res = await t.request({
      method: 'POST',
      url: '/platform/api/v1/users',
      token: app.token,
      payload: { name: 'Provisioned', email: `prov-${unique()}@example.test`, ...body },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; email: string; name: string; access_token: string };
  }

  /** An app with an account (the user a member of it) and a user, all of its own. */
  async function resources(): Promise<Resources> {
    const app = await buildPlatformApp(t.ctx);
    const account = await createAccount(app);
    const user = await createUser(app);
    const added = await t.request({
      method: 'POST',
      url: `/platform/api/v1/accounts/${account.id}/account_users`,
      token: app.token,
      payload: { user_id: user.id, role: 'administrator' },
    });
    expect(added.statusCode, added.body).toBe(200);
    return { app, accountId: account.id, accountName: account.name, userId: user.id, userEmail: user.email };
  }

  async function grants(appId: number) {
    const [row] = await t.ctx.db.select({ n: count() }).from(platformAppPermissibles).where(eq(platformAppPermissibles.platformAppId, appId));
    return row?.n ?? 0;
  }

  /** Every platform endpoint, against resources `r` (created by r.app). */
  const endpoints: { route: string; method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: (r: Resources) => string; payload?: (r: Resources) => object; scoped: boolean }[] = [
    { route: 'POST /platform/api/v1/accounts', method: 'POST', url: () => '/platform/api/v1/accounts', payload: () => ({ name: 'Intruder' }), scoped: false },
    { route: 'GET /platform/api/v1/accounts/{account_id}', method: 'GET', url: (r) => `/platform/api/v1/accounts/${r.accountId}`, scoped: true },
    { route: 'PATCH /platform/api/v1/accounts/{account_id}', method: 'PATCH', url: (r) => `/platform/api/v1/accounts/${r.accountId}`, payload: () => ({ name: 'Hijacked' }), scoped: true },
    { route: 'PUT /platform/api/v1/accounts/{account_id}', method: 'PUT', url: (r) => `/platform/api/v1/accounts/${r.accountId}`, payload: () => ({ status: 'suspended' }), scoped: true },
    { route: 'DELETE /platform/api/v1/accounts/{account_id}', method: 'DELETE', url: (r) => `/platform/api/v1/accounts/${r.accountId}`, scoped: true },
    { route: 'GET /platform/api/v1/accounts/{account_id}/account_users', method: 'GET', url: (r) => `/platform/api/v1/accounts/${r.accountId}/account_users`, scoped: true },
    {
      route: 'POST /platform/api/v1/accounts/{account_id}/account_users',
      method: 'POST',
      url: (r) => `/platform/api/v1/accounts/${r.accountId}/account_users`,
      payload: (r) => ({ user_id: r.userId, role: 'agent' }),
      scoped: true,
    },
    {
      route: 'DELETE /platform/api/v1/accounts/{account_id}/account_users',
      method: 'DELETE',
      url: (r) => `/platform/api/v1/accounts/${r.accountId}/account_users`,
      payload: (r) => ({ user_id: r.userId }),
      scoped: true,
    },
    { route: 'POST /platform/api/v1/users', method: 'POST', url: () => '/platform/api/v1/users', payload: () => ({ name: 'X', email: `x-${unique()}@example.test` }), scoped: false },
    { route: 'GET /platform/api/v1/users/{id}', method: 'GET', url: (r) => `/platform/api/v1/users/${r.userId}`, scoped: true },
    { route: 'PATCH /platform/api/v1/users/{id}', method: 'PATCH', url: (r) => `/platform/api/v1/users/${r.userId}`, payload: () => ({ name: 'Hijacked' }), scoped: true },
    { route: 'PUT /platform/api/v1/users/{id}', method: 'PUT', url: (r) => `/platform/api/v1/users/${r.userId}`, payload: () => ({ password: 'Hijack-pass-1' }), scoped: true },
    { route: 'DELETE /platform/api/v1/users/{id}', method: 'DELETE', url: (r) => `/platform/api/v1/users/${r.userId}`, scoped: true },
    { route: 'GET /platform/api/v1/users/{id}/login', method: 'GET', url: (r) => `/platform/api/v1/users/${r.userId}/login`, scoped: true },
  ];

  describe('who may call it', () => {
    for (const e of endpoints) {
      it(`${e.route}: no token, a bad token or a user token gets 401 and nothing changes`, async () => {
        const r = await resources();
        const dashboard = await buildAccount(t.ctx);
        const before = [await accountState(t, r.accountId), await userState(t, r.userId), await grants(r.app.id)];
        for (const token of [undefined, 'bad-token', dashboard.admin.token, dashboard.agent.token]) {
          const res = await t.request({ method: e.method, url: e.url(r), token, payload: e.payload?.(r) });
          expectError(res, 401);
          expectNoLeak(res, [r.accountName, r.userEmail]);
        }
        expect([await accountState(t, r.accountId), await userState(t, r.userId), await grants(r.app.id)]).toEqual(before);
      });

      if (e.scoped) {
        it(`${e.route}: another platform app gets 404, no data, and nothing changes`, async () => {
          const r = await resources();
          const otherApp = await buildPlatformApp(t.ctx);
          const before = [await accountState(t, r.accountId), await userState(t, r.userId)];
          const res = await t.request({ method: e.method, url: e.url(r), token: otherApp.token, payload: e.payload?.(r) });
          expectError(res, 404);
          expectNoLeak(res, [r.accountName, r.userEmail]);
          expect([await accountState(t, r.accountId), await userState(t, r.userId)]).toEqual(before);
        });
      }
    }

    it('a platform app cannot reach accounts or users made in the dashboard', async () => {
      const app = await buildPlatformApp(t.ctx);
      const dashboard = await buildAccount(t.ctx);
      const before = await accountState(t, dashboard.id);
      for (const [method, url, payload] of [
        ['GET', `/platform/api/v1/accounts/${dashboard.id}`, undefined],
        ['PATCH', `/platform/api/v1/accounts/${dashboard.id}`, { name: 'Taken over' }],
        ['GET', `/platform/api/v1/accounts/${dashboard.id}/account_users`, undefined],
        ['GET', `/platform/api/v1/users/${dashboard.admin.id}`, undefined],
        ['GET', `/platform/api/v1/users/${dashboard.admin.id}/login`, undefined],
        ['DELETE', `/platform/api/v1/users/${dashboard.admin.id}`, undefined],
      ] as const) {
        const res = await t.request({ method, url, token: app.token, payload });
        expectError(res, 404);
        expectNoLeak(res, [dashboard.name, dashboard.admin.email]);
      }
      expect(await accountState(t, dashboard.id)).toEqual(before);
    });
  });

  describe('accounts', () => {
    it('creates, shows, updates and deletes an account, in the documented and contract shape', async () => {
      const app = await buildPlatformApp(t.ctx);
      const created = await t.request({
        method: 'POST',
        url: '/platform/api/v1/accounts',
        token: app.token,
        payload: { name: 'Tenant One', locale: 'en', domain: 'one.example.test', support_email: 'help@one.example.test', limits: { agents: 5 }, custom_attributes: { plan: 'pro' } },
      });
      expect(created.statusCode, created.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /platform/api/v1/accounts', created);
      expectContractFields(created.json(), 'platform_account');
      const id = created.json().id as number;
      expect(created.json()).toMatchObject({ name: 'Tenant One', locale: 'en', domain: 'one.example.test', status: 'active', limits: { agents: 5 }, custom_attributes: { plan: 'pro' } });

      const shown = await t.request({ method: 'GET', url: `/platform/api/v1/accounts/${id}`, token: app.token });
      expectDocumentedResponse(t.app, 'GET /platform/api/v1/accounts/{account_id}', shown);
      expect(shown.json()).toEqual(created.json());

      const patched = await t.request({ method: 'PATCH', url: `/platform/api/v1/accounts/${id}`, token: app.token, payload: { name: 'Tenant Uno', status: 'suspended', domain: '' } });
      expect(patched.statusCode, patched.body).toBe(200);
      expectDocumentedResponse(t.app, 'PATCH /platform/api/v1/accounts/{account_id}', patched);
      expect(patched.json()).toMatchObject({ name: 'Tenant Uno', status: 'suspended', domain: null, locale: 'en' });
      const put = await t.request({ method: 'PUT', url: `/platform/api/v1/accounts/${id}`, token: app.token, payload: { status: 'active', limits: { agents: 9 } } });
      expect(put.json()).toMatchObject({ name: 'Tenant Uno', status: 'active', limits: { agents: 9 } });

      const deleted = await t.request({ method: 'DELETE', url: `/platform/api/v1/accounts/${id}`, token: app.token });
      expect(deleted.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'DELETE /platform/api/v1/accounts/{account_id}', deleted);
      expectError(await t.request({ method: 'GET', url: `/platform/api/v1/accounts/${id}`, token: app.token }), 404);
      expectError(await t.request({ method: 'DELETE', url: `/platform/api/v1/accounts/${id}`, token: app.token }), 404);
      expect(await t.ctx.db.select().from(accountsTable).where(eq(accountsTable.id, id))).toEqual([]);
    });

    it('rejects bad account input with a 4xx error naming the field and creates or changes nothing', async () => {
      const r = await resources();
      const before = [await accountState(t, r.accountId), await grants(r.app.id)];
      const cases: [string, object, number, string?][] = [
        ['missing name', { payload: { locale: 'en' } }, 422, 'name'],
        ['blank name', { payload: { name: ' ' } }, 422, 'name'],
        ['over-long name', { payload: { name: 'n'.repeat(101) } }, 422, 'name'],
        ['name of the wrong type', { payload: { name: ['Tenant'] } }, 422, 'name'],
        ['malformed locale', { payload: { name: 'T', locale: 'xx-invalid-locale' } }, 422, 'locale'],
        ['unknown status', { payload: { name: 'T', status: 'deleted' } }, 422, 'status'],
        ['malformed support email', { payload: { name: 'T', support_email: 'help' } }, 422, 'support_email'],
        ['limits as an array', { payload: { name: 'T', limits: [5] } }, 422, 'limits'],
        ['custom attributes as a number', { payload: { name: 'T', custom_attributes: 5 } }, 422, 'custom_attributes'],
        ['invalid JSON', rawJson('{"name":"T"'), 400],
        ['a NUL character', rawJson('{"name":"T\\u0000"}'), 422],
        ['an unsupported content type', { payload: 'name=T', headers: { 'content-type': 'multipart/form-data; boundary=x' } }, 415],
      ];
      for (const [label, options, status, field] of cases) {
        const res = await t.request({ method: 'POST', url: '/platform/api/v1/accounts', token: r.app.token, ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
        if (label !== 'missing name') {
          const update = await t.request({ method: 'PATCH', url: `/platform/api/v1/accounts/${r.accountId}`, token: r.app.token, ...options });
          expect(update.statusCode, `update, ${label}: ${update.body.slice(0, 300)}`).toBe(status);
        }
      }
      for (const id of BAD_IDS) {
        for (const method of ['GET', 'PATCH', 'DELETE'] as const) {
          expectError(await t.request({ method, url: `/platform/api/v1/accounts/${id}`, token: r.app.token, payload: method === 'PATCH' ? { name: 'x' } : undefined }), 422, 'account_id');
        }
        expectError(await t.request({ method: 'GET', url: `/platform/api/v1/accounts/${id}/account_users`, token: r.app.token }), 422, 'account_id');
      }
      expectError(await t.request({ method: 'GET', url: `/platform/api/v1/accounts/${UNKNOWN_ID}`, token: r.app.token }), 404);
      expect([await accountState(t, r.accountId), await grants(r.app.id)]).toEqual(before);
    });
  });

  describe('account users', () => {
    it("adds the app's users to its account, changes their role and removes them", async () => {
      const r = await resources();
      const second = await createUser(r.app);
      const url = `/platform/api/v1/accounts/${r.accountId}/account_users`;
      const added = await t.request({ method: 'POST', url, token: r.app.token, payload: { user_id: second.id, role: 'agent' } });
      expect(added.statusCode, added.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /platform/api/v1/accounts/{account_id}/account_users', added);
      expect(added.json()).toEqual({ account_id: r.accountId, user_id: second.id, role: 'agent' });

      const list = await t.request({ method: 'GET', url, token: r.app.token });
      expectDocumentedResponse(t.app, 'GET /platform/api/v1/accounts/{account_id}/account_users', list);
      expectContractFields(list.json(), 'account_user');
      expect(list.json()).toEqual(
        expect.arrayContaining([
          { account_id: r.accountId, user_id: r.userId, role: 'administrator' },
          { account_id: r.accountId, user_id: second.id, role: 'agent' },
        ]),
      );
      expect(list.json()).toHaveLength(2);

      const promoted = await t.request({ method: 'POST', url, token: r.app.token, payload: { user_id: second.id, role: 'administrator' } });
      expect(promoted.json().role).toBe('administrator');
      const asMember = await t.request({ method: 'GET', url: `/api/v1/accounts/${r.accountId}`, token: second.access_token });
      expect(asMember.statusCode).toBe(200);

      const removed = await t.request({ method: 'DELETE', url, token: r.app.token, payload: { user_id: second.id } });
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json()).toEqual({ success: true });
      expectError(await t.request({ method: 'GET', url: `/api/v1/accounts/${r.accountId}`, token: second.access_token }), 404);
      expectError(await t.request({ method: 'DELETE', url, token: r.app.token, payload: { user_id: second.id } }), 404);
    });

    it('keeps the last administrator of an account', async () => {
      const r = await resources();
      const url = `/platform/api/v1/accounts/${r.accountId}/account_users`;
      const before = await accountState(t, r.accountId);
      expectError(await t.request({ method: 'POST', url, token: r.app.token, payload: { user_id: r.userId, role: 'agent' } }), 422, 'role');
      expectError(await t.request({ method: 'DELETE', url, token: r.app.token, payload: { user_id: r.userId } }), 422, 'role');
      expect(await accountState(t, r.accountId)).toEqual(before);
    });

    it('rejects users the app did not create and bad input with a 4xx error naming the field, changing nothing', async () => {
      const r = await resources();
      const dashboardUser = await buildUser(t.ctx);
      const otherAppUser = await createUser(await buildPlatformApp(t.ctx));
      const url = `/platform/api/v1/accounts/${r.accountId}/account_users`;
      const before = await accountState(t, r.accountId);
      const cases: [string, object, number, string?][] = [
        ['a dashboard user', { payload: { user_id: dashboardUser.id, role: 'agent' } }, 422, 'user_id'],
        ["another app's user", { payload: { user_id: otherAppUser.id, role: 'agent' } }, 422, 'user_id'],
        ['an unknown user', { payload: { user_id: UNKNOWN_ID, role: 'agent' } }, 422, 'user_id'],
        ['missing user id', { payload: { role: 'agent' } }, 422, 'user_id'],
        ['user id zero', { payload: { user_id: 0, role: 'agent' } }, 422, 'user_id'],
        ['user id not a number', { payload: { user_id: 'me', role: 'agent' } }, 422, 'user_id'],
        ['missing role', { payload: { user_id: r.userId } }, 422, 'role'],
        ['unknown role', { payload: { user_id: r.userId, role: 'owner' } }, 422, 'role'],
        ['invalid JSON', rawJson('{"user_id":'), 400],
      ];
      for (const [label, options, status, field] of cases) {
        const res = await t.request({ method: 'POST', url, token: r.app.token, ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
        expectNoLeak(res, [dashboardUser.email, otherAppUser.email]);
      }
      expectError(await t.request({ method: 'DELETE', url, token: r.app.token, payload: {} }), 422, 'user_id');
      expectError(await t.request({ method: 'DELETE', url, token: r.app.token, payload: { user_id: 'abc' } }), 422, 'user_id');
      expect(await accountState(t, r.accountId)).toEqual(before);
    });
  });

  describe('users', () => {
    it('creates, shows, updates and deletes a confirmed user, in the documented and contract shape', async () => {
      const app = await buildPlatformApp(t.ctx);
      const email = `daniel-${unique()}@example.test`;
      const created = await t.request({
        method: 'POST',
        url: '/platform/api/v1/users',
        token: app.token,
        payload: { name: 'Daniel', display_name: 'Dan', email, password: PASSWORD, custom_attributes: { external_id: 'u-1' } },
      });
      expect(created.statusCode, created.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /platform/api/v1/users', created);
      expectContractFields(created.json(), 'user');
      expect(created.json()).toMatchObject({ name: 'Daniel', display_name: 'Dan', email, confirmed: true, custom_attributes: { external_id: 'u-1' }, accounts: [] });
      const id = created.json().id as number;
      expect((await signIn(t, email, PASSWORD, { remoteAddress: clientAddress() })).user.id).toBe(id);

      const shown = await t.request({ method: 'GET', url: `/platform/api/v1/users/${id}`, token: app.token });
      expect(shown.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /platform/api/v1/users/{id}', shown);
      expect(shown.json()).toMatchObject({ id, email });

      const newEmail = `daniel-new-${unique()}@example.test`;
      const patched = await t.request({ method: 'PATCH', url: `/platform/api/v1/users/${id}`, token: app.token, payload: { name: 'Daniel S', email: newEmail, display_name: '' } });
      expect(patched.statusCode, patched.body).toBe(200);
      expectDocumentedResponse(t.app, 'PATCH /platform/api/v1/users/{id}', patched);
      expect(patched.json()).toMatchObject({ name: 'Daniel S', email: newEmail, display_name: null });
      const put = await t.request({ method: 'PUT', url: `/platform/api/v1/users/${id}`, token: app.token, payload: { custom_attributes: { external_id: 'u-2' } } });
      expect(put.json().custom_attributes).toEqual({ external_id: 'u-2' });

      const token = created.json().access_token as string;
      const deleted = await t.request({ method: 'DELETE', url: `/platform/api/v1/users/${id}`, token: app.token });
      expect(deleted.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'DELETE /platform/api/v1/users/{id}', deleted);
      expectError(await t.request({ method: 'GET', url: `/platform/api/v1/users/${id}`, token: app.token }), 404);
      expectError(await t.request({ method: 'GET', url: '/api/v1/profile', token }), 401);
    });

    it('setting a password ends the user’s sessions', async () => {
      const app = await buildPlatformApp(t.ctx);
      const user = await createUser(app, { password: PASSWORD });
      const s = await signIn(t, user.email, PASSWORD, { remoteAddress: clientAddress() });
      const res = await t.request({ method: 'PUT', url: `/platform/api/v1/users/${user.id}`, token: app.token, payload: { password: 'Platform-set-9' } });
      expect(res.statusCode, res.body).toBe(200);
      expectError(await t.request({ method: 'GET', url: '/api/v1/profile', headers: { cookie: s.cookie } }), 401);
      await signIn(t, user.email, 'Platform-set-9', { remoteAddress: clientAddress() });
    });

    it('setting a password makes earlier reset links useless', async () => {
      const app = await buildPlatformApp(t.ctx);
      const user = await createUser(app, { password: PASSWORD });
      const asked = await t.request({ method: 'POST', url: '/auth/password', payload: { email: user.email }, remoteAddress: clientAddress() });
      expect(asked.statusCode).toBe(200);
      await settleDeliveries(t);
      const [mail] = await mailsTo(t, user.email);
      const token = linkToken(mail!.text);
      const set = await t.request({ method: 'PUT', url: `/platform/api/v1/users/${user.id}`, token: app.token, payload: { password: 'Platform-set-9' } });
      expect(set.statusCode).toBe(200);
      const reuse = await t.request({
        method: 'PUT',
        url: '/auth/password',
        payload: { reset_password_token: token, password: 'Attacker-1x', password_confirmation: 'Attacker-1x' },
      });
      expectError(reuse, 422, 'reset_password_token');
      await signIn(t, user.email, 'Platform-set-9', { remoteAddress: clientAddress() });
    });

    it("returns the app's own user for its email (any letter case) and rejects any other existing email", async () => {
      const app = await buildPlatformApp(t.ctx);
      const own = await createUser(app);
      const again = await t.request({ method: 'POST', url: '/platform/api/v1/users', token: app.token, payload: { name: 'Renamed?', email: own.email.toUpperCase() } });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ id: own.id, email: own.email, name: own.name });

      const dashboard = await buildAccount(t.ctx);
      const otherAppUser = await createUser(await buildPlatformApp(t.ctx));
      const before = [await userState(t, dashboard.agent.id), await userState(t, otherAppUser.id), await grants(app.id)];
      for (const email of [dashboard.agent.email, otherAppUser.email, dashboard.agent.email.toUpperCase()]) {
        const res = await t.request({ method: 'POST', url: '/platform/api/v1/users', token: app.token, payload: { name: 'Grab', email } });
        expectError(res, 422, 'email');
        expectNoLeak(res, [dashboard.agent.name, otherAppUser.name]);
        const update = await t.request({ method: 'PATCH', url: `/platform/api/v1/users/${own.id}`, token: app.token, payload: { email } });
        expectError(update, 422, 'email');
      }
      expect([await userState(t, dashboard.agent.id), await userState(t, otherAppUser.id), await grants(app.id)]).toEqual(before);
    });

    it('rejects bad user input with a 4xx error naming the field and creates or changes nothing', async () => {
      const r = await resources();
      const before = [await userState(t, r.userId), await grants(r.app.id)];
      const email = `new-${unique()}@example.test`;
      const cases: [string, object, number, string?][] = [
        ['missing name', { payload: { email } }, 422, 'name'],
        ['missing email', { payload: { name: 'N' } }, 422, 'email'],
        ['malformed email', { payload: { name: 'N', email: 'new@' } }, 422, 'email'],
        ['over-long name', { payload: { name: 'n'.repeat(101), email } }, 422, 'name'],
        ['over-long display name', { payload: { name: 'N', email, display_name: 'd'.repeat(101) } }, 422, 'display_name'],
        ['weak password', { payload: { name: 'N', email, password: 'password' } }, 422, 'password'],
        ['password of the wrong type', { payload: { name: 'N', email, password: 123456789 } }, 422, 'password'],
        ['custom attributes as an array', { payload: { name: 'N', email, custom_attributes: ['x'] } }, 422, 'custom_attributes'],
        ['a null body', rawJson('null'), 422],
        ['invalid JSON', rawJson('{"name":"N",}'), 400],
        ['a NUL character', rawJson(JSON.stringify({ name: 'N\u0000', email })), 422],
        ['an unsupported content type', { payload: '<user/>', headers: { 'content-type': 'application/xml' } }, 415],
      ];
      for (const [label, options, status, field] of cases) {
        const res = await t.request({ method: 'POST', url: '/platform/api/v1/users', token: r.app.token, ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
        if (!label.startsWith('missing')) {
          const update = await t.request({ method: 'PATCH', url: `/platform/api/v1/users/${r.userId}`, token: r.app.token, ...options });
          expect(update.statusCode, `update, ${label}: ${update.body.slice(0, 300)}`).toBe(status);
        }
      }
      for (const id of BAD_IDS) {
        for (const suffix of ['', '/login']) {
          expectError(await t.request({ method: 'GET', url: `/platform/api/v1/users/${id}${suffix}`, token: r.app.token }), 422, 'id');
        }
        expectError(await t.request({ method: 'DELETE', url: `/platform/api/v1/users/${id}`, token: r.app.token }), 422, 'id');
      }
      expectError(await t.request({ method: 'GET', url: `/platform/api/v1/users/${UNKNOWN_ID}`, token: r.app.token }), 404);
      expect([await userState(t, r.userId), await grants(r.app.id)]).toEqual(before);
      expect(await t.ctx.db.select().from(platformAppPermissibles).where(and(eq(platformAppPermissibles.platformAppId, r.app.id), eq(platformAppPermissibles.permissibleType, 'user')))).toHaveLength(1);
    });
  });

  describe('GET /platform/api/v1/users/:id/login', () => {
    it('gives a link that signs the user in once', async () => {
      const r = await resources();
      const res = await t.request({ method: 'GET', url: `/platform/api/v1/users/${r.userId}/login`, token: r.app.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /platform/api/v1/users/{id}/login', res);
      const url = new URL(res.json().url);
      expect(url.origin).toBe('http://rockethub.test');
      const email = url.searchParams.get('email');
      const ssoAuthToken = url.searchParams.get('sso_auth_token');
      expect(email).toBe(r.userEmail);

      const signedIn = await t.request({ method: 'POST', url: '/auth/sign_in', payload: { email, sso_auth_token: ssoAuthToken }, remoteAddress: clientAddress() });
      expect(signedIn.statusCode, signedIn.body).toBe(200);
      expect(signedIn.json().data).toMatchObject({ id: r.userId, account_id: r.accountId });
      const profile = await t.request({ method: 'GET', url: '/api/v1/profile', headers: { cookie: sessionFrom(signedIn).cookie } });
      expect(profile.json().id).toBe(r.userId);

      const replay = await t.request({ method: 'POST', url: '/auth/sign_in', payload: { email, sso_auth_token: ssoAuthToken }, remoteAddress: clientAddress() });
      expectError(replay, 401);
      expect(replay.cookies).toEqual([]);
    });

    it("does not sign in another user with a user's link", async () => {
      const r = await resources();
      const other = await createUser(r.app);
      const res = await t.request({ method: 'GET', url: `/platform/api/v1/users/${r.userId}/login`, token: r.app.token });
      const ssoAuthToken = new URL(res.json().url).searchParams.get('sso_auth_token');
      const wrongUser = await t.request({ method: 'POST', url: '/auth/sign_in', payload: { email: other.email, sso_auth_token: ssoAuthToken }, remoteAddress: clientAddress() });
      expectError(wrongUser, 401);
      const forged = await t.request({ method: 'POST', url: '/auth/sign_in', payload: { email: r.userEmail, sso_auth_token: 'forged-token' }, remoteAddress: clientAddress() });
      expectError(forged, 401);
    });
  });
});
