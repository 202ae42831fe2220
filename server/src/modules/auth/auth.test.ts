import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { buildAccount, buildPlatformApp, buildUser, PASSWORD, signIn } from '../../../test/builders';
import { clientAddress, expectError, linkToken, mailsTo, rawJson, sessionFrom, settleDeliveries, unique, userState } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { LIMITS } from './limits';

const NEW_PASSWORD = 'Reset-pass-2024';

describe('auth API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const session = (email: string, password = PASSWORD) => signIn(t, email, password, { remoteAddress: clientAddress() });
  const postSignIn = (payload: Record<string, unknown>, remoteAddress = clientAddress()) =>
    t.request({ method: 'POST', url: '/auth/sign_in', payload, remoteAddress });
  const validate = (headers: Record<string, string>) => t.request({ method: 'GET', url: '/auth/validate_token', headers });

  async function requestReset(email: string) {
    const res = await t.request({ method: 'POST', url: '/auth/password', payload: { email }, remoteAddress: clientAddress() });
    expect(res.statusCode, res.body).toBe(200);
    await settleDeliveries(t);
    const mails = await mailsTo(t, email);
    const last = mails.at(-1);
    if (!last) throw new Error(`no mail to ${email}`);
    return { mail: last, token: linkToken(last.text) };
  }

  describe('POST /auth/sign_in', () => {
    it('starts a session: HTTP-only session cookie, readable CSRF cookie, and the user with its access token', async () => {
      const a = await buildAccount(t.ctx);
      const res = await postSignIn({ email: a.admin.email, password: PASSWORD });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /auth/sign_in', res);
      expectContractFields(res.json().data, 'user');
      expect(res.json().data).toMatchObject({ id: a.admin.id, email: a.admin.email, access_token: a.admin.token, account_id: a.id });
      const sessionCookie = res.cookies.find((c) => c.name === 'rh_session');
      const csrfCookie = res.cookies.find((c) => c.name === 'rh_csrf');
      expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(csrfCookie?.httpOnly).toBeFalsy();
      expect(sessionCookie?.value).not.toBe(csrfCookie?.value);
      const me = await validate({ cookie: sessionFrom(res).cookie });
      expect(me.json().data.id).toBe(a.admin.id);
    });

    it('finds the user whatever the letter case of the email', async () => {
      const user = await buildUser(t.ctx);
      const res = await postSignIn({ email: `  ${user.email.toUpperCase()} `, password: PASSWORD });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().data.id).toBe(user.id);
    });

    it('answers 401 with one message to a wrong password, an unknown email and a user without a password, setting no cookie', async () => {
      const user = await buildUser(t.ctx);
      const invited = await buildUser(t.ctx, { password: null });
      const answers = [];
      for (const payload of [
        { email: user.email, password: 'Wrong-pass-1' },
        { email: user.email, password: '' },
        { email: `nobody-${unique()}@example.test`, password: PASSWORD },
        { email: invited.email, password: PASSWORD },
        { email: invited.email, password: '' },
      ]) {
        const res = await postSignIn(payload);
        answers.push(expectError(res, 401));
        expect(res.cookies).toEqual([]);
      }
      expect(new Set(answers.map((b) => b.message)).size).toBe(1);
    });

    it('rejects bad input with a 4xx error naming the field and sets no cookie', async () => {
      const user = await buildUser(t.ctx);
      const cases: [string, object, number, string?][] = [
        ['empty body', { payload: {} }, 422, 'email'],
        ['missing password', { payload: { email: user.email } }, 422, 'password'],
        ['malformed email', { payload: { email: 'user@', password: PASSWORD } }, 422, 'email'],
        ['email of the wrong type', { payload: { email: 42, password: PASSWORD } }, 422, 'email'],
        ['over-long email', { payload: { email: `${'u'.repeat(260)}@example.test`, password: PASSWORD } }, 422, 'email'],
        ['password of the wrong type', { payload: { email: user.email, password: true } }, 422, 'password'],
        ['over-long password', { payload: { email: user.email, password: 'p'.repeat(1025) } }, 422, 'password'],
        ['blank SSO token', { payload: { email: user.email, sso_auth_token: '' } }, 422, 'sso_auth_token'],
        ['an array body', rawJson('[]'), 422],
        ['invalid JSON', rawJson('{"email":'), 400],
        ['a NUL character', rawJson(JSON.stringify({ email: user.email, password: `${PASSWORD}\u0000` })), 422],
        ['an unsupported content type', { payload: 'email', headers: { 'content-type': 'application/octet-stream' } }, 415],
      ];
      for (const [label, options, status, field] of cases) {
        const res = await t.request({ method: 'POST', url: '/auth/sign_in', remoteAddress: clientAddress(), ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
        expect(res.cookies).toEqual([]);
      }
    });

    it(`is rate limited per email after ${LIMITS.signInPerEmail[0]} attempts, with 429 and retry-after, even for the right password`, async () => {
      const user = await buildUser(t.ctx);
      for (let i = 0; i < LIMITS.signInPerEmail[0]; i++) {
        expectError(await postSignIn({ email: user.email, password: `Wrong-pass-${i}` }), 401);
      }
      for (const password of ['Wrong-pass-x', PASSWORD]) {
        const limited = await postSignIn({ email: user.email.toUpperCase(), password });
        expectError(limited, 429);
        const retryAfter = Number(limited.headers['retry-after']);
        expect(Number.isInteger(retryAfter)).toBe(true);
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(LIMITS.signInPerEmail[1]);
        expect(limited.cookies).toEqual([]);
      }
      const someoneElse = await buildUser(t.ctx);
      expect((await postSignIn({ email: someoneElse.email, password: PASSWORD })).statusCode).toBe(200);
    });

    it('forgets failed attempts of an email after a successful sign-in', async () => {
      const user = await buildUser(t.ctx);
      const limit = LIMITS.signInPerEmail[0];
      for (let i = 0; i < limit - 1; i++) expectError(await postSignIn({ email: user.email, password: 'Wrong-pass-1' }), 401);
      expect((await postSignIn({ email: user.email, password: PASSWORD })).statusCode).toBe(200);
      for (let i = 0; i < limit - 1; i++) expectError(await postSignIn({ email: user.email, password: 'Wrong-pass-1' }), 401);
    });

    it(`is rate limited per client address after ${LIMITS.signInPerIp[0]} attempts, with 429 and retry-after`, async () => {
      const remoteAddress = clientAddress();
      for (let i = 0; i < LIMITS.signInPerIp[0]; i++) {
        expectError(await postSignIn({ email: `probe-${i}-${unique()}@example.test`, password: PASSWORD }, remoteAddress), 401);
      }
      const user = await buildUser(t.ctx);
      const limited = await postSignIn({ email: user.email, password: PASSWORD }, remoteAddress);
      expectError(limited, 429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await postSignIn({ email: user.email, password: PASSWORD })).statusCode).toBe(200);
    });
  });

  describe('GET /auth/validate_token', () => {
    it('answers the user for a session cookie or an API token', async () => {
      const a = await buildAccount(t.ctx);
      const s = await session(a.agent.email);
      const byCookie = await validate({ cookie: s.cookie });
      expect(byCookie.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /auth/validate_token', byCookie);
      expect(byCookie.json().data).toMatchObject({ id: a.agent.id, role: 'agent' });
      const byToken = await t.request({ method: 'GET', url: '/auth/validate_token', token: a.admin.token });
      expect(byToken.json().data).toMatchObject({ id: a.admin.id, role: 'administrator' });
    });

    it('answers 401 without credentials, with a bad token, or with a forged cookie', async () => {
      const attempts: Record<string, string>[] = [{}, { api_access_token: 'bad-token' }, { cookie: 'rh_session=forged' }];
      for (const headers of attempts) {
        expectError(await validate(headers), 401);
      }
    });

    it('answers a platform app token with an error, not a user', async () => {
      const app = await buildPlatformApp(t.ctx);
      const res = await t.request({ method: 'GET', url: '/auth/validate_token', token: app.token });
      expectError(res, 401);
    });
  });

  describe('DELETE /auth/sign_out', () => {
    it('ends the session: its cookie no longer works, other sessions go on', async () => {
      const user = await buildUser(t.ctx);
      const s = await session(user.email);
      const other = await session(user.email);
      const res = await t.request({ method: 'DELETE', url: '/auth/sign_out', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'DELETE /auth/sign_out', res);
      expect(res.json()).toEqual({ success: true });
      const cleared = res.cookies.find((c) => c.name === 'rh_session');
      expect(cleared?.value).toBe('');
      expectError(await validate({ cookie: s.cookie }), 401);
      expect((await validate({ cookie: other.cookie })).statusCode).toBe(200);
    });

    it('answers 403 without the CSRF header and keeps the session', async () => {
      const user = await buildUser(t.ctx);
      const s = await session(user.email);
      for (const headers of [{ cookie: s.cookie }, { cookie: s.cookie, 'x-csrf-token': 'forged' }]) {
        expectError(await t.request({ method: 'DELETE', url: '/auth/sign_out', headers }), 403);
      }
      expect((await validate({ cookie: s.cookie })).statusCode).toBe(200);
    });

    it('answers 401 to a bad token, and to no credentials at all', async () => {
      expectError(await t.request({ method: 'DELETE', url: '/auth/sign_out', token: 'bad-token' }), 401);
      expectError(await t.request({ method: 'DELETE', url: '/auth/sign_out' }), 401);
    });

    it('leaves the API token working when signing out with it', async () => {
      const user = await buildUser(t.ctx);
      expect((await t.request({ method: 'DELETE', url: '/auth/sign_out', token: user.token })).statusCode).toBe(200);
      expect((await t.request({ method: 'GET', url: '/api/v1/profile', token: user.token })).statusCode).toBe(200);
    });
  });

  describe('POST /auth/password', () => {
    it('mails a reset link to a known email as installation mail, and answers an unknown email the same way', async () => {
      const user = await buildUser(t.ctx);
      const known = await t.request({ method: 'POST', url: '/auth/password', payload: { email: user.email }, remoteAddress: clientAddress() });
      expect(known.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'POST /auth/password', known);
      const unknownEmail = `nobody-${unique()}@example.test`;
      const unknown = await t.request({ method: 'POST', url: '/auth/password', payload: { email: unknownEmail }, remoteAddress: clientAddress() });
      expect(unknown.statusCode).toBe(200);
      expect(unknown.body).toBe(known.body);
      await settleDeliveries(t);
      const mails = await mailsTo(t, user.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.accountId).toBeNull();
      expect(mails[0]?.text).toContain('http://rockethub.test/');
      expect(linkToken(mails[0]?.text ?? '')).toEqual(expect.any(String));
      expect(await mailsTo(t, unknownEmail)).toHaveLength(0);
    });

    it('rejects bad input with a 4xx error naming the field and mails nothing', async () => {
      const cases: [string, object, number, string?][] = [
        ['empty body', { payload: {} }, 422, 'email'],
        ['malformed email', { payload: { email: 'reset-me' } }, 422, 'email'],
        ['email of the wrong type', { payload: { email: null } }, 422, 'email'],
        ['invalid JSON', rawJson('{"email"'), 400],
        ['a NUL character', rawJson('{"email":"a\\u0000@example.test"}'), 422],
        ['an unsupported content type', { payload: 'a@example.test', headers: { 'content-type': 'application/pdf' } }, 415],
      ];
      for (const [label, options, status, field] of cases) {
        const res = await t.request({ method: 'POST', url: '/auth/password', remoteAddress: clientAddress(), ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
      }
    });

    it(`is rate limited per email after ${LIMITS.passwordResetPerEmail[0]} requests, with 429 and retry-after`, async () => {
      const user = await buildUser(t.ctx);
      const send = () => t.request({ method: 'POST', url: '/auth/password', payload: { email: user.email }, remoteAddress: clientAddress() });
      for (let i = 0; i < LIMITS.passwordResetPerEmail[0]; i++) expect((await send()).statusCode).toBe(200);
      const limited = await send();
      expectError(limited, 429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      await settleDeliveries(t);
      expect(await mailsTo(t, user.email)).toHaveLength(LIMITS.passwordResetPerEmail[0]);
    });

    it(`is rate limited per client address after ${LIMITS.passwordResetPerIp[0]} requests`, async () => {
      const remoteAddress = clientAddress();
      const send = () => t.request({ method: 'POST', url: '/auth/password', payload: { email: `x-${unique()}@example.test` }, remoteAddress });
      for (let i = 0; i < LIMITS.passwordResetPerIp[0]; i++) expect((await send()).statusCode).toBe(200);
      expectError(await send(), 429);
    });
  });

  describe('GET /auth/password/token', () => {
    it('tells who a reset link is for', async () => {
      const user = await buildUser(t.ctx);
      const { token } = await requestReset(user.email);
      const res = await t.request({ method: 'GET', url: `/auth/password/token?reset_password_token=${encodeURIComponent(token)}` });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /auth/password/token', res);
      expect(res.json()).toEqual({ purpose: 'reset_password', email: user.email, name: user.name });
    });

    it('answers 404 to an unknown token and 4xx to a malformed one', async () => {
      expectError(await t.request({ method: 'GET', url: '/auth/password/token?reset_password_token=unknown-token' }), 404);
      expectError(await t.request({ method: 'GET', url: '/auth/password/token' }), 422, 'reset_password_token');
      expectError(await t.request({ method: 'GET', url: '/auth/password/token?reset_password_token=' }), 422, 'reset_password_token');
      expectError(await t.request({ method: 'GET', url: `/auth/password/token?reset_password_token=${'t'.repeat(201)}` }), 422, 'reset_password_token');
      expectError(await t.request({ method: 'GET', url: '/auth/password/token?reset_password_token=%00' }), 400);
    });

    it('does not accept a platform SSO token as a password link', async () => {
      const app = await buildPlatformApp(t.ctx);
      const created = await t.request({ method: 'POST', url: '/platform/api/v1/users', token: app.token, payload: { name: 'Sso', email: `sso-${unique()}@example.test` } });
      const login = await t.request({ method: 'GET', url: `/platform/api/v1/users/${created.json().id}/login`, token: app.token });
      const ssoToken = new URL(login.json().url).searchParams.get('sso_auth_token') ?? '';
      expectError(await t.request({ method: 'GET', url: `/auth/password/token?reset_password_token=${encodeURIComponent(ssoToken)}` }), 404);
      const res = await t.request({
        method: 'PUT',
        url: '/auth/password',
        payload: { reset_password_token: ssoToken, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD },
      });
      expectError(res, 422, 'reset_password_token');
    });
  });

  describe('PUT /auth/password', () => {
    it('sets the new password, ends every session, signs the user in, and the link works once', async () => {
      const a = await buildAccount(t.ctx);
      const first = await session(a.agent.email);
      const second = await session(a.agent.email);
      const { token } = await requestReset(a.agent.email);
      const older = await requestReset(a.agent.email);

      const res = await t.request({
        method: 'PUT',
        url: '/auth/password',
        payload: { reset_password_token: token, password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD },
      });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'PUT /auth/password', res);
      expect(res.json().data).toMatchObject({ id: a.agent.id, email: a.agent.email });

      expectError(await validate({ cookie: first.cookie }), 401);
      expectError(await validate({ cookie: second.cookie }), 401);
      expect((await validate({ cookie: sessionFrom(res).cookie })).statusCode).toBe(200);
      expectError(await postSignIn({ email: a.agent.email, password: PASSWORD }), 401);
      expect((await postSignIn({ email: a.agent.email, password: NEW_PASSWORD })).statusCode).toBe(200);

      for (const used of [token, older.token]) {
        const again = await t.request({
          method: 'PUT',
          url: '/auth/password',
          payload: { reset_password_token: used, password: 'Another-pass-3', password_confirmation: 'Another-pass-3' },
        });
        expectError(again, 422, 'reset_password_token');
        expectError(await t.request({ method: 'GET', url: `/auth/password/token?reset_password_token=${encodeURIComponent(used)}` }), 404);
      }
    });

    it('rejects a weak or mismatched password and a bad token with 422 on the field, changing nothing and keeping the link usable', async () => {
      const user = await buildUser(t.ctx);
      const s = await session(user.email);
      const { token } = await requestReset(user.email);
      const before = await userState(t, user.id);
      const cases: [string, object, number, string?][] = [
        ['weak password', { payload: { reset_password_token: token, password: 'short', password_confirmation: 'short' } }, 422, 'password'],
        ['mismatched confirmation', { payload: { reset_password_token: token, password: NEW_PASSWORD, password_confirmation: 'Other-pass-9' } }, 422, 'password_confirmation'],
        ['missing confirmation', { payload: { reset_password_token: token, password: NEW_PASSWORD } }, 422, 'password_confirmation'],
        ['missing token', { payload: { password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD } }, 422, 'reset_password_token'],
        ['unknown token', { payload: { reset_password_token: 'nope', password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD } }, 422, 'reset_password_token'],
        ['over-long token', { payload: { reset_password_token: 'x'.repeat(201), password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD } }, 422, 'reset_password_token'],
        ['password of the wrong type', { payload: { reset_password_token: token, password: 12345678, password_confirmation: 12345678 } }, 422, 'password'],
        ['invalid JSON', rawJson('{"reset_password_token":'), 400],
        ['a NUL character', rawJson(JSON.stringify({ reset_password_token: token, password: 'Aa1\u0000aaaaa', password_confirmation: 'Aa1\u0000aaaaa' })), 422],
        ['an unsupported content type', { payload: 'token', headers: { 'content-type': 'text/markdown' } }, 415],
      ];
      for (const [label, options, status, field] of cases) {
        const res = await t.request({ method: 'PUT', url: '/auth/password', ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
        expect(res.cookies).toEqual([]);
      }
      expect(await userState(t, user.id)).toEqual(before);
      expect((await validate({ cookie: s.cookie })).statusCode).toBe(200);
      const described = await t.request({ method: 'GET', url: `/auth/password/token?reset_password_token=${encodeURIComponent(token)}` });
      expect(described.statusCode).toBe(200);
    });
  });

  describe('CSRF protection', () => {
    it('does not ask token-authenticated changes for a CSRF header', async () => {
      const user = await buildUser(t.ctx);
      const res = await t.request({ method: 'PATCH', url: '/api/v1/profile', token: user.token, payload: { name: 'By Token' } });
      expect(res.statusCode).toBe(200);
    });

    it('checks the header against the session it came with, not any session', async () => {
      const user = await buildUser(t.ctx);
      const s = await session(user.email);
      const other = await session(user.email);
      const forged = await t.request({ method: 'PATCH', url: '/api/v1/profile', headers: { cookie: s.cookie, 'x-csrf-token': other.csrf }, payload: { name: 'Forged' } });
      expectError(forged, 403);
      const profile = await t.request({ method: 'GET', url: '/api/v1/profile', token: user.token });
      expect(profile.json().name).toBe(user.name);
    });
  });
});
