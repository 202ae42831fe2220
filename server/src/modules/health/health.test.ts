import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../test/contract';
import { type BuiltAccount, buildAccount, buildPlatformApp } from '../../../test/builders';
import { BAD_IDS, expectError, rawJson } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';

/** Every route of the Chatwoot-compatible API and the auth and health endpoints, with its methods. */
const DOCUMENTED = {
  '/health': ['get'],
  '/ready': ['get'],
  '/auth/sign_in': ['post'],
  '/auth/sign_out': ['delete'],
  '/auth/validate_token': ['get'],
  '/auth/password': ['post', 'put'],
  '/auth/password/token': ['get'],
  '/api/v1/installation': ['get'],
  '/api/v1/accounts': ['post'],
  '/api/v1/accounts/{id}': ['get', 'patch', 'put'],
  '/api/v1/profile': ['get', 'put', 'patch'],
  '/api/v1/profile/reset_access_token': ['post'],
  '/api/v1/accounts/{account_id}/agents': ['get', 'post'],
  '/api/v1/accounts/{account_id}/agents/{id}': ['patch', 'put', 'delete'],
  '/api/v1/accounts/{account_id}/dev_mailbox': ['get'],
  '/api/v1/accounts/{account_id}/dev_mailbox/{id}': ['get'],
  '/platform/api/v1/accounts': ['post'],
  '/platform/api/v1/accounts/{account_id}': ['get', 'patch', 'put', 'delete'],
  '/platform/api/v1/accounts/{account_id}/account_users': ['get', 'post', 'delete'],
  '/platform/api/v1/users': ['post'],
  '/platform/api/v1/users/{id}': ['get', 'patch', 'put', 'delete'],
  '/platform/api/v1/users/{id}/login': ['get'],
};

/** What any 4xx answer to bad input may be; never a 5xx. */
const CLIENT_ERRORS = [400, 401, 403, 404, 405, 413, 415, 422];

type Operation = { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } };

describe('health, readiness and API documentation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers /health', async () => {
    const res = await t.request({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('is ready when the database is migrated', async () => {
    const res = await t.request({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ready');
  });

  it('serves a valid OpenAPI 3 document listing every route and method', async () => {
    const res = await t.request({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const document = res.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const listed = Object.fromEntries(
      Object.entries(document.paths as Record<string, Record<string, unknown>>).map(([path, item]) => [path, Object.keys(item).sort()]),
    );
    for (const [path, methods] of Object.entries(DOCUMENTED)) expect(listed[path], path).toEqual([...methods].sort());
    for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>)) {
      for (const [method, operation] of Object.entries(item)) {
        expect(operation.responses?.['200'], `${method} ${path} documents its answer`).toBeDefined();
      }
    }
    expect(document.components.schemas.Error).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['code', 'message', 'description', 'errors']),
    });
  });

  it('serves the interactive API docs as HTML', async () => {
    const res = await t.request({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body.toLowerCase()).toContain('swagger');
  });

  it('answers malformed URLs (bad percent-encoding, over-long parameters) with 400 in the error shape', async () => {
    expectError(await t.request({ method: 'GET', url: '/api/v1/accounts/%E0%A4%A' }), 400);
    expectError(await t.request({ method: 'GET', url: `/api/v1/accounts/${'9'.repeat(101)}` }), 400);
  });

  it('refuses ids written other than as plain digits', async () => {
    const account = await buildAccount(t.ctx);
    for (const id of ['1e0', '%2012', '0x10', '+1', '01.0']) {
      expectError(await t.request({ method: 'GET', url: `/api/v1/accounts/${id}`, token: account.admin.token }), 422, 'id');
    }
    expect((await t.request({ method: 'GET', url: `/api/v1/accounts/${account.id}`, token: account.admin.token })).statusCode).toBe(200);
  });

  it('refuses text PostgreSQL cannot store (NUL, unpaired surrogates) naming the field, and stores nothing', async () => {
    const account = await buildAccount(t.ctx);
    const before = (await t.request({ method: 'GET', url: `/api/v1/accounts/${account.id}`, token: account.admin.token })).json();
    for (const body of ['{"name":"a\\u0000b"}', '{"name":"broken \\ud800"}', '{"custom_attributes":{"x":"\\udc00"}}', '{"custom_attributes":{"\\ud800":"x"}}']) {
      const res = await t.request({ method: 'PATCH', url: `/api/v1/accounts/${account.id}`, token: account.admin.token, ...rawJson(body) });
      const error = expectError(res, 422);
      expect(error.errors[0]?.code).toBe('invalid_characters');
    }
    expect((await t.request({ method: 'GET', url: `/api/v1/accounts/${account.id}`, token: account.admin.token })).json()).toEqual(before);
  });

  it('reports the validation rule that failed as the field error code', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/auth/sign_in',
      payload: { email: 'not-an-email', password: 7 },
    });
    const body = expectError(res, 422);
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email', code: 'invalid_format' }),
        expect.objectContaining({ field: 'password', code: 'invalid_type' }),
      ]),
    );
  });

  it('answers an unknown route or method with 404 in the error shape', async () => {
    expectError(await t.request({ method: 'GET', url: '/api/v1/nothing-here' }), 404);
    expectError(await t.request({ method: 'DELETE', url: '/api/v1/profile' }), 404);
  });

  describe('every documented operation answers bad input with a 4xx error, never a 5xx', () => {
    let account: BuiltAccount;
    let platform: { token: string; accountId: number; userId: number };
    beforeAll(async () => {
      account = await buildAccount(t.ctx);
      const app = await buildPlatformApp(t.ctx);
      const created = await t.request({ method: 'POST', url: '/platform/api/v1/accounts', token: app.token, payload: { name: 'Fuzz' } });
      const user = await t.request({ method: 'POST', url: '/platform/api/v1/users', token: app.token, payload: { name: 'Fuzz', email: 'fuzz@example.test' } });
      platform = { token: app.token, accountId: created.json().id, userId: user.json().id };
    });

    // Operations that take an id or a body (a GET without either has no input to get wrong).
    const operations = Object.entries(DOCUMENTED)
      .flatMap(([path, methods]) => methods.map((method) => ({ path, method })))
      .filter(({ path, method }) => method !== 'get' || path.includes('{'));

    for (const { path, method } of operations) {
      it(`${method.toUpperCase()} ${path}`, async () => {
        const operation = (openApiDocument(t.app).paths[path]?.[method] ?? {}) as Operation;
        const isPlatform = path.startsWith('/platform/');
        const token = isPlatform ? platform.token : account.admin.token;
        const realUrl = isPlatform
          ? path.replace('{account_id}', String(platform.accountId)).replace('{id}', String(platform.userId))
          : path.replace('{account_id}', String(account.id)).replace('{id}', path.includes('agents') ? String(account.agent.id) : String(account.id));
        const upper = method.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        const answers: { label: string; status: number; body: string }[] = [];
        const send = async (label: string, url: string, options: object = {}) => {
          const res = await t.request({ method: upper, url, token, ...options });
          answers.push({ label, status: res.statusCode, body: res.body.slice(0, 200) });
          if (CLIENT_ERRORS.includes(res.statusCode)) expectError(res, res.statusCode);
        };

        if (path.includes('{')) {
          // Ids up to the router's 100-character parameter limit.
          for (const bad of [...BAD_IDS, '%00', '1%20OR%201=1', '9'.repeat(100), '1;DROP%20TABLE%20users']) {
            await send(`id ${bad}`, path.replace(/\{[a-z_]+\}/g, bad), rawJson('{}'));
          }
        }
        if (upper !== 'GET') {
          await send('invalid JSON', realUrl, rawJson('{"a":'));
          await send('NUL character', realUrl, rawJson('{"name":"\\u0000"}'));
          await send('unsupported content type', realUrl, { payload: '<x/>', headers: { 'content-type': 'application/xml' } });
          await send('body over the size limit', realUrl, rawJson(JSON.stringify({ name: 'x'.repeat(1_100_000) })));
        }
        const properties = operation.requestBody?.content?.['application/json']?.schema?.properties;
        if (properties) {
          for (const body of ['[]', '"text"', '12', 'null', JSON.stringify(Object.fromEntries(Object.keys(properties).map((k) => [k, [['x']]])))]) {
            await send(`body ${body.slice(0, 40)}`, realUrl, rawJson(body));
          }
          await send('deeply nested body', realUrl, rawJson(`${'['.repeat(5000)}${']'.repeat(5000)}`));
        }
        const unexpected = answers.filter((a) => !CLIENT_ERRORS.includes(a.status));
        expect(unexpected, 'answers outside 4xx').toEqual([]);
      });
    }
  });

  it('is not ready when a migration is missing', async () => {
    await t.ctx.db.execute('DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations)' as never);
    const res = await t.request({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'not_ready' });
  });
});
