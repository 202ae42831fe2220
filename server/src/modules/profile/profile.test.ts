import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { buildAccount, buildPlatformApp, buildUser, PASSWORD, signIn } from '../../../test/builders';
import { clientAddress, expectError, expectNoLeak, rawJson, userState } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';

const NEW_PASSWORD = 'Brand-new-pass-7';

describe('profile API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const session = (email: string, password = PASSWORD) => signIn(t, email, password, { remoteAddress: clientAddress() });
  const signInStatus = async (email: string, password: string) =>
    (await t.request({ method: 'POST', url: '/auth/sign_in', payload: { email, password }, remoteAddress: clientAddress() })).statusCode;

  describe('GET /api/v1/profile', () => {
    it('shows an administrator their user in the documented and contract shape', async () => {
      const a = await buildAccount(t.ctx);
      const res = await t.request({ method: 'GET', url: '/api/v1/profile', token: a.admin.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/profile', res);
      expectContractFields(res.json(), 'user');
      expect(res.json()).toMatchObject({
        id: a.admin.id,
        email: a.admin.email,
        uid: a.admin.email,
        name: a.admin.name,
        access_token: a.admin.token,
        account_id: a.id,
        role: 'administrator',
        confirmed: true,
        type: null,
      });
      expect(res.json().accounts).toEqual([expect.objectContaining({ id: a.id, name: a.name, role: 'administrator' })]);
    });

    it('shows an agent their user with the agent role and its permissions', async () => {
      const a = await buildAccount(t.ctx);
      const res = await t.request({ method: 'GET', url: '/api/v1/profile', token: a.agent.token });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: a.agent.id, role: 'agent', account_id: a.id });
      const permissions = res.json().accounts[0].permissions as string[];
      expect(permissions).toContain('agents.read');
      expect(permissions).not.toContain('agents.manage');
    });

    it('shows nothing of the accounts the user is not in', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const res = await t.request({ method: 'GET', url: '/api/v1/profile', token: other.admin.token });
      expect(res.json().accounts.map((m: { id: number }) => m.id)).toEqual([other.id]);
      expectNoLeak(res, [a.name, a.admin.email, a.agent.email]);
    });

    it('answers 401 without a token, with a bad token, or with a bad session cookie', async () => {
      for (const request of [{}, { token: 'bad-token' }, { headers: { cookie: 'rh_session=forged; rh_csrf=forged' } }]) {
        expectError(await t.request({ method: 'GET', url: '/api/v1/profile', ...request }), 401);
      }
    });

    it('works with the session cookie alone: reads need no CSRF header', async () => {
      const a = await buildAccount(t.ctx);
      const s = await session(a.agent.email);
      const res = await t.request({ method: 'GET', url: '/api/v1/profile', headers: { cookie: s.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.json().id).toBe(a.agent.id);
    });

    it('is not answered for a platform app token', async () => {
      const app = await buildPlatformApp(t.ctx);
      const res = await t.request({ method: 'GET', url: '/api/v1/profile', token: app.token });
      expectError(res, 401);
    });
  });

  describe('PUT and PATCH /api/v1/profile', () => {
    it('updates name, display name, signature, UI settings (merged) and locale, plain or wrapped in `profile`', async () => {
      const a = await buildAccount(t.ctx);
      const first = await t.request({
        method: 'PUT',
        url: '/api/v1/profile',
        token: a.agent.token,
        payload: { name: 'Carla Dias', display_name: 'Carla', message_signature: '-- Carla', ui_settings: { theme: 'dark' }, locale: 'en' },
      });
      expect(first.statusCode, first.body).toBe(200);
      expectDocumentedResponse(t.app, 'PUT /api/v1/profile', first);
      expect(first.json()).toMatchObject({ name: 'Carla Dias', display_name: 'Carla', available_name: 'Carla', message_signature: '-- Carla', locale: 'en' });

      const second = await t.request({
        method: 'PATCH',
        url: '/api/v1/profile',
        token: a.agent.token,
        payload: { profile: { display_name: '', ui_settings: { sidebar: 'closed' } } },
      });
      expect(second.statusCode, second.body).toBe(200);
      expectDocumentedResponse(t.app, 'PATCH /api/v1/profile', second);
      expect(second.json()).toMatchObject({ name: 'Carla Dias', display_name: null, available_name: 'Carla Dias' });
      expect(second.json().ui_settings).toEqual({ theme: 'dark', sidebar: 'closed' });
    });

    it('sets availability in the current account or in the account named by account_id', async () => {
      const a = await buildAccount(t.ctx);
      const b = await buildAccount(t.ctx);
      await t.request({ method: 'POST', url: `/api/v1/accounts/${b.id}/agents`, token: b.admin.token, payload: { name: 'x', email: a.agent.email, role: 'agent' } });
      const current = await t.request({ method: 'PUT', url: '/api/v1/profile', token: a.agent.token, payload: { availability: 'busy', account_id: a.id } });
      expect(current.statusCode, current.body).toBe(200);
      const inB = await t.request({ method: 'PUT', url: '/api/v1/profile', token: a.agent.token, payload: { availability: 'offline', account_id: b.id } });
      const availability = Object.fromEntries(
        (inB.json().accounts as { id: number; availability_status: string }[]).map((m) => [m.id, m.availability_status]),
      );
      expect(availability).toEqual({ [a.id]: 'busy', [b.id]: 'offline' });
    });

    it('answers 404 for the account of another user and changes nothing, not even the other fields', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const before = await userState(t, a.agent.id);
      const res = await t.request({
        method: 'PUT',
        url: '/api/v1/profile',
        token: a.agent.token,
        payload: { name: 'Changed', availability: 'busy', account_id: other.id },
      });
      expectError(res, 404);
      expectNoLeak(res, [other.name]);
      expect(await userState(t, a.agent.id)).toEqual(before);
    });

    it('answers 401 without a token or with a bad one and changes nothing', async () => {
      const a = await buildAccount(t.ctx);
      const before = await userState(t, a.agent.id);
      for (const method of ['PUT', 'PATCH'] as const) {
        for (const token of [undefined, 'bad-token']) {
          expectError(await t.request({ method, url: '/api/v1/profile', token, payload: { name: 'Changed' } }), 401);
        }
      }
      expect(await userState(t, a.agent.id)).toEqual(before);
    });

    it('rejects bad input with a 4xx error naming the field and changes nothing', async () => {
      const a = await buildAccount(t.ctx);
      const before = await userState(t, a.agent.id);
      const cases: [string, object, number, string?][] = [
        ['blank name', { payload: { name: '  ' } }, 422, 'name'],
        ['over-long name', { payload: { name: 'n'.repeat(101) } }, 422, 'name'],
        ['name of the wrong type', { payload: { name: 7 } }, 422, 'name'],
        ['over-long display name', { payload: { display_name: 'd'.repeat(101) } }, 422, 'display_name'],
        ['malformed email', { payload: { email: 'carla-at-example', current_password: PASSWORD } }, 422, 'email'],
        ['over-long signature', { payload: { message_signature: 's'.repeat(10_001) } }, 422, 'message_signature'],
        ['UI settings as an array', { payload: { ui_settings: ['dark'] } }, 422, 'ui_settings'],
        ['UI settings over 64 KiB', { payload: { ui_settings: { blob: 'x'.repeat(70_000) } } }, 422, 'ui_settings'],
        ['malformed locale', { payload: { locale: 'english' } }, 422, 'locale'],
        ['unknown availability', { payload: { availability: 'away' } }, 422, 'availability'],
        ['account id zero', { payload: { availability: 'busy', account_id: 0 } }, 422, 'account_id'],
        ['account id negative', { payload: { availability: 'busy', account_id: -1 } }, 422, 'account_id'],
        ['account id not a number', { payload: { availability: 'busy', account_id: 'abc' } }, 422, 'account_id'],
        ['account id beyond any id', rawJson('{"availability":"busy","account_id":99999999999999999999}'), 422, 'account_id'],
        ['password of the wrong type', { payload: { password: 12345678, current_password: PASSWORD } }, 422, 'password'],
        ['wrapped profile of the wrong type', { payload: { profile: 'Carla' } }, 422],
        ['a null body', rawJson('null'), 422],
        ['invalid JSON', rawJson('{"name":"Carla"'), 400],
        ['a NUL character', rawJson('{"name":"Car\\u0000la"}'), 422],
        ['a NUL character in a wrapped field', rawJson('{"profile":{"message_signature":"\\u0000"}}'), 422],
        ['an unsupported content type', { payload: 'name=Carla', headers: { 'content-type': 'text/html' } }, 415],
      ];
      for (const [label, options, status, field] of cases) {
        const res = await t.request({ method: 'PUT', url: '/api/v1/profile', token: a.agent.token, ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
      }
      expect(await userState(t, a.agent.id)).toEqual(before);
    });

    it('changes the email only with the current password', async () => {
      const a = await buildAccount(t.ctx);
      const newEmail = `moved-${a.agent.id}@example.test`;
      const before = await userState(t, a.agent.id);
      expectError(await t.request({ method: 'PUT', url: '/api/v1/profile', token: a.agent.token, payload: { email: newEmail } }), 422, 'current_password');
      expectError(
        await t.request({ method: 'PUT', url: '/api/v1/profile', token: a.agent.token, payload: { email: newEmail, current_password: 'Wrong-pass-1' } }),
        422,
        'current_password',
      );
      expectError(
        await t.request({ method: 'PUT', url: '/api/v1/profile', token: a.agent.token, payload: { email: a.admin.email, current_password: PASSWORD } }),
        422,
        'email',
      );
      expect(await userState(t, a.agent.id)).toEqual(before);
      const res = await t.request({ method: 'PUT', url: '/api/v1/profile', token: a.agent.token, payload: { email: newEmail, current_password: PASSWORD } });
      expect(res.statusCode, res.body).toBe(200);
      // The new address must be confirmed first (see profile-settings.test.ts): the old one still signs in.
      expect(res.json()).toMatchObject({ email: a.agent.email, unconfirmed_email: newEmail });
      expect(await signInStatus(a.agent.email, PASSWORD)).toBe(200);
    });

    it('rejects a password change with a wrong current password, a mismatched confirmation or a weak password, changing nothing', async () => {
      const a = await buildAccount(t.ctx);
      const s = await session(a.agent.email);
      const before = await userState(t, a.agent.id);
      const cases: [Record<string, unknown>, string][] = [
        [{ current_password: 'Wrong-pass-1', password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD }, 'current_password'],
        [{ password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD }, 'current_password'],
        [{ current_password: PASSWORD, password: NEW_PASSWORD, password_confirmation: 'Other-pass-8' }, 'password_confirmation'],
        [{ current_password: PASSWORD, password: NEW_PASSWORD }, 'password_confirmation'],
        [{ current_password: PASSWORD, password: 'short', password_confirmation: 'short' }, 'password'],
        [{ current_password: PASSWORD, password: 'onlyletters', password_confirmation: 'onlyletters' }, 'password'],
        [{ current_password: PASSWORD, password: `A1-${'x'.repeat(200)}`, password_confirmation: `A1-${'x'.repeat(200)}` }, 'password'],
      ];
      for (const [payload, field] of cases) {
        expectError(await t.request({ method: 'PUT', url: '/api/v1/profile', token: a.agent.token, payload }), 422, field);
      }
      expect(await userState(t, a.agent.id)).toEqual(before);
      expect((await t.request({ method: 'GET', url: '/api/v1/profile', headers: { cookie: s.cookie } })).statusCode).toBe(200);
      expect(await signInStatus(a.agent.email, PASSWORD)).toBe(200);
    });

    it('changes nothing, the password included, when another field of the same request is refused', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const s = await session(a.agent.email);
      const before = await userState(t, a.agent.id);
      const attempts: [Record<string, unknown>, number, string][] = [
        [{ email: other.admin.email }, 422, 'email'],
        [{ account_id: other.id }, 404, ''],
      ];
      for (const [extra, status, field] of attempts) {
        const payload = { current_password: PASSWORD, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD, name: 'Renamed', ...extra };
        expectError(await t.request({ method: 'PUT', url: '/api/v1/profile', token: a.agent.token, payload }), status, field || undefined);
      }
      expect(await userState(t, a.agent.id)).toEqual(before);
      expect(await signInStatus(a.agent.email, NEW_PASSWORD)).toBe(401);
      expect((await t.request({ method: 'GET', url: '/api/v1/profile', headers: { cookie: s.cookie } })).statusCode).toBe(200);
    });

    it('changing the password in a session ends every other session but keeps this one', async () => {
      const a = await buildAccount(t.ctx);
      const current = await session(a.agent.email);
      const other = await session(a.agent.email);
      const res = await t.request({
        method: 'PUT',
        url: '/api/v1/profile',
        headers: { cookie: current.cookie, 'x-csrf-token': current.csrf },
        payload: { current_password: PASSWORD, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD },
      });
      expect(res.statusCode, res.body).toBe(200);
      expectError(await t.request({ method: 'GET', url: '/api/v1/profile', headers: { cookie: other.cookie } }), 401);
      expect((await t.request({ method: 'GET', url: '/api/v1/profile', headers: { cookie: current.cookie } })).statusCode).toBe(200);
      expect(await signInStatus(a.agent.email, PASSWORD)).toBe(401);
      expect(await signInStatus(a.agent.email, NEW_PASSWORD)).toBe(200);
    });

    it('changing the password with the API token ends every session', async () => {
      const a = await buildAccount(t.ctx);
      const s = await session(a.admin.email);
      const res = await t.request({
        method: 'PATCH',
        url: '/api/v1/profile',
        token: a.admin.token,
        payload: { profile: { current_password: PASSWORD, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD } },
      });
      expect(res.statusCode, res.body).toBe(200);
      expectError(await t.request({ method: 'GET', url: '/api/v1/profile', headers: { cookie: s.cookie } }), 401);
    });

    it('needs the X-CSRF-Token header when authenticated by the session cookie', async () => {
      const a = await buildAccount(t.ctx);
      const s = await session(a.agent.email);
      const before = await userState(t, a.agent.id);
      for (const headers of [{ cookie: s.cookie }, { cookie: s.cookie, 'x-csrf-token': 'forged' }]) {
        for (const method of ['PUT', 'PATCH'] as const) {
          expectError(await t.request({ method, url: '/api/v1/profile', headers, payload: { name: 'Forged' } }), 403);
        }
        expectError(await t.request({ method: 'POST', url: '/api/v1/profile/reset_access_token', headers }), 403);
      }
      expect(await userState(t, a.agent.id)).toEqual(before);
      const res = await t.request({ method: 'PUT', url: '/api/v1/profile', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, payload: { name: 'Real' } });
      expect(res.json().name).toBe('Real');
    });
  });

  describe('POST /api/v1/profile/reset_access_token', () => {
    for (const role of ['admin', 'agent'] as const) {
      it(`gives the ${role === 'admin' ? 'administrator' : 'agent'} a new token; the old one is refused at once`, async () => {
        const a = await buildAccount(t.ctx);
        const user = a[role];
        const res = await t.request({ method: 'POST', url: '/api/v1/profile/reset_access_token', token: user.token });
        expect(res.statusCode).toBe(200);
        expectDocumentedResponse(t.app, 'POST /api/v1/profile/reset_access_token', res);
        const fresh = res.json().access_token as string;
        expect(fresh).not.toBe(user.token);
        expect(fresh.length).toBeGreaterThanOrEqual(24);
        expectError(await t.request({ method: 'GET', url: '/api/v1/profile', token: user.token }), 401);
        expectError(await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}`, token: user.token }), 401);
        const profile = await t.request({ method: 'GET', url: '/api/v1/profile', token: fresh });
        expect(profile.json()).toMatchObject({ id: user.id, access_token: fresh });
      });
    }

    it('works from the session cookie with the CSRF header', async () => {
      const user = await buildUser(t.ctx);
      const s = await session(user.email);
      const res = await t.request({ method: 'POST', url: '/api/v1/profile/reset_access_token', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
      expect(res.statusCode).toBe(200);
      expectError(await t.request({ method: 'GET', url: '/api/v1/profile', token: user.token }), 401);
    });

    it('answers 401 without a token or with a bad one and keeps the current token', async () => {
      const user = await buildUser(t.ctx);
      for (const token of [undefined, 'bad-token']) {
        expectError(await t.request({ method: 'POST', url: '/api/v1/profile/reset_access_token', token }), 401);
      }
      expect((await t.request({ method: 'GET', url: '/api/v1/profile', token: user.token })).statusCode).toBe(200);
    });
  });
});
