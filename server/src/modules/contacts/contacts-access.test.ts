import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as labelService from '../labels/service';
import { buildAccount, buildContact, buildConversationRow, buildInbox, type BuiltAccount, signIn } from '../../../test/builders';
import { expectDocumentedResponse } from '../../../test/contract';
import { expectError, expectNoLeak, unique } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { contactState } from './test-support';

/**
 * Who may call each contacts endpoint: administrators and agents of the account (agents may not
 * delete contacts), nobody without a valid token (401), nobody from another account (404, no data,
 * nothing changed) — and no one reaches another account's contact through their own account.
 */
describe('contacts API: who may call what', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  type Who = 'admin' | 'agent';

  /** An account with contacts, a note each for the admin and the agent, a label and an inbox the agent works in. */
  async function fixture() {
    const a = await buildAccount(t.ctx);
    const inbox = await buildInbox(t.ctx, a.id, { kind: 'api', memberIds: [a.agent.id] });
    await labelService.createLabel(t.ctx, a.id, { title: 'vip' });
    const secretName = `Secret ${unique()}`;
    const contact = await buildContact(t.ctx, a.id, { name: secretName });
    const spare = { admin: await buildContact(t.ctx, a.id), agent: await buildContact(t.ctx, a.id) };
    await buildConversationRow(t.ctx, { accountId: a.id, inboxId: inbox.id, contactId: contact.id });
    const note = async () => (await t.request({ method: 'POST', url: `/api/v1/accounts/${a.id}/contacts/${contact.id}/notes`, token: a.admin.token, payload: { content: 'nota' } })).json().id as number;
    const notes = { admin: await note(), agent: await note() };
    return { a, inbox, contact, spare, notes, secrets: [secretName, contact.email ?? ''] };
  }
  type Fixture = Awaited<ReturnType<typeof fixture>>;

  type Endpoint = {
    route: string;
    /** The request `who` makes against fixture `f` (targets differ per caller where the call consumes them). */
    request: (f: Fixture, who: Who) => { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: object };
    /** The agent's answer: 200, or 403 where the permission is the administrators'. */
    agent: 200 | 403;
    /** Whether the path names a contact (so another account's contact can be tried). */
    contactPath?: (f: Fixture, contactId: number) => string;
  };

  const base = (f: Fixture) => `/api/v1/accounts/${f.a.id}/contacts`;
  const one = (f: Fixture, id: number = f.contact.id) => `${base(f)}/${id}`;

  const endpoints: Endpoint[] = [
    { route: 'GET /api/v1/accounts/{account_id}/contacts', agent: 200, request: (f) => ({ method: 'GET', url: base(f) }) },
    {
      route: 'POST /api/v1/accounts/{account_id}/contacts',
      agent: 200,
      request: (f) => ({ method: 'POST', url: base(f), payload: { name: 'New', email: `new-${unique()}@example.test`, inbox_id: f.inbox.id } }),
    },
    { route: 'GET /api/v1/accounts/{account_id}/contacts/search', agent: 200, request: (f) => ({ method: 'GET', url: `${base(f)}/search?q=secret` }) },
    {
      route: 'POST /api/v1/accounts/{account_id}/contacts/filter',
      agent: 200,
      request: (f) => ({ method: 'POST', url: `${base(f)}/filter`, payload: { payload: [{ attribute_key: 'name', filter_operator: 'contains', values: ['secret'] }] } }),
    },
    { route: 'GET /api/v1/accounts/{account_id}/contacts/{id}', agent: 200, request: (f) => ({ method: 'GET', url: one(f) }), contactPath: (f, id) => one(f, id) },
    {
      route: 'PUT /api/v1/accounts/{account_id}/contacts/{id}',
      agent: 200,
      request: (f) => ({ method: 'PUT', url: one(f), payload: { name: 'Renamed' } }),
      contactPath: (f, id) => one(f, id),
    },
    {
      route: 'PATCH /api/v1/accounts/{account_id}/contacts/{id}',
      agent: 200,
      request: (f) => ({ method: 'PATCH', url: one(f), payload: { blocked: true } }),
      contactPath: (f, id) => one(f, id),
    },
    {
      route: 'DELETE /api/v1/accounts/{account_id}/contacts/{id}',
      agent: 403,
      request: (f) => ({ method: 'DELETE', url: one(f) }),
      contactPath: (f, id) => one(f, id),
    },
    {
      route: 'GET /api/v1/accounts/{account_id}/contacts/{id}/conversations',
      agent: 200,
      request: (f) => ({ method: 'GET', url: `${one(f)}/conversations` }),
      contactPath: (f, id) => `${one(f, id)}/conversations`,
    },
    {
      route: 'GET /api/v1/accounts/{account_id}/contacts/{id}/labels',
      agent: 200,
      request: (f) => ({ method: 'GET', url: `${one(f)}/labels` }),
      contactPath: (f, id) => `${one(f, id)}/labels`,
    },
    {
      route: 'POST /api/v1/accounts/{account_id}/contacts/{id}/labels',
      agent: 200,
      request: (f) => ({ method: 'POST', url: `${one(f)}/labels`, payload: { labels: ['vip'] } }),
      contactPath: (f, id) => `${one(f, id)}/labels`,
    },
    {
      route: 'POST /api/v1/accounts/{account_id}/contacts/{id}/contact_inboxes',
      agent: 200,
      request: (f) => ({ method: 'POST', url: `${one(f)}/contact_inboxes`, payload: { inbox_id: f.inbox.id } }),
      contactPath: (f, id) => `${one(f, id)}/contact_inboxes`,
    },
    {
      route: 'GET /api/v1/accounts/{account_id}/contacts/{id}/contactable_inboxes',
      agent: 200,
      request: (f) => ({ method: 'GET', url: `${one(f)}/contactable_inboxes` }),
      contactPath: (f, id) => `${one(f, id)}/contactable_inboxes`,
    },
    {
      route: 'GET /api/v1/accounts/{account_id}/contacts/{id}/notes',
      agent: 200,
      request: (f) => ({ method: 'GET', url: `${one(f)}/notes` }),
      contactPath: (f, id) => `${one(f, id)}/notes`,
    },
    {
      route: 'POST /api/v1/accounts/{account_id}/contacts/{id}/notes',
      agent: 200,
      request: (f) => ({ method: 'POST', url: `${one(f)}/notes`, payload: { content: 'Nova nota' } }),
      contactPath: (f, id) => `${one(f, id)}/notes`,
    },
    {
      route: 'PATCH /api/v1/accounts/{account_id}/contacts/{id}/notes/{note_id}',
      agent: 200,
      request: (f, who) => ({ method: 'PATCH', url: `${one(f)}/notes/${f.notes[who]}`, payload: { content: 'Mudada' } }),
      contactPath: (f, id) => `${one(f, id)}/notes/${f.notes.admin}`,
    },
    {
      route: 'PUT /api/v1/accounts/{account_id}/contacts/{id}/notes/{note_id}',
      agent: 200,
      request: (f, who) => ({ method: 'PUT', url: `${one(f)}/notes/${f.notes[who]}`, payload: { content: 'Mudada' } }),
      contactPath: (f, id) => `${one(f, id)}/notes/${f.notes.admin}`,
    },
    {
      route: 'DELETE /api/v1/accounts/{account_id}/contacts/{id}/notes/{note_id}',
      agent: 200,
      request: (f, who) => ({ method: 'DELETE', url: `${one(f)}/notes/${f.notes[who]}` }),
      contactPath: (f, id) => `${one(f, id)}/notes/${f.notes.admin}`,
    },
    {
      route: 'POST /api/v1/accounts/{account_id}/actions/contact_merge',
      agent: 200,
      request: (f, who) => ({
        method: 'POST',
        url: `/api/v1/accounts/${f.a.id}/actions/contact_merge`,
        payload: { base_contact_id: f.contact.id, mergee_contact_id: f.spare[who].id },
      }),
    },
  ];

  const send = (req: ReturnType<Endpoint['request']>, token: string | undefined) =>
    t.request({ method: req.method, url: req.url, token, ...(req.payload ? { payload: req.payload } : {}) });

  for (const endpoint of endpoints) {
    it(`${endpoint.route}: administrators and agents${endpoint.agent === 403 ? ' (403)' : ''}; 401 without a valid token; 404 across accounts`, async () => {
      const f = await fixture();
      const other = await fixture();
      const before = await contactState(t, f.a.id);
      const otherBefore = await contactState(t, other.a.id);

      for (const token of [undefined, 'bad-token']) {
        const res = await send(endpoint.request(f, 'admin'), token);
        expectError(res, 401);
        expectNoLeak(res, f.secrets);
      }
      const outsider = await send(endpoint.request(f, 'admin'), other.a.admin.token);
      expectError(outsider, 404);
      expectNoLeak(outsider, [...f.secrets, f.a.name]);
      if (endpoint.contactPath) {
        const { method, payload } = endpoint.request(f, 'admin');
        const res = await t.request({ method, url: endpoint.contactPath(f, other.contact.id), token: f.a.admin.token, ...(payload ? { payload } : {}) });
        expectError(res, 404);
        expectNoLeak(res, other.secrets);
      }
      expect(await contactState(t, f.a.id)).toEqual(before);
      expect(await contactState(t, other.a.id)).toEqual(otherBefore);

      const asAgent = await send(endpoint.request(f, 'agent'), f.a.agent.token);
      if (endpoint.agent === 403) {
        expectError(asAgent, 403);
        expect(await contactState(t, f.a.id)).toEqual(before);
      } else {
        expect(asAgent.statusCode, asAgent.body).toBe(200);
        expectDocumentedResponse(t.app, endpoint.route, asAgent);
      }

      const asAdmin = await send(endpoint.request(f, 'admin'), f.a.admin.token);
      expect(asAdmin.statusCode, asAdmin.body).toBe(200);
      expectDocumentedResponse(t.app, endpoint.route, asAdmin);
      expect(await contactState(t, other.a.id)).toEqual(otherBefore);
    });
  }

  it('needs the X-CSRF-Token header for changes made with the session cookie', async () => {
    const f = await fixture();
    const session = await signIn(t, f.a.agent.email, undefined, { remoteAddress: '127.9.9.9' });
    const before = await contactState(t, f.a.id);
    const url = `/api/v1/accounts/${f.a.id}/contacts/${f.contact.id}`;
    expectError(await t.request({ method: 'PATCH', url, headers: { cookie: session.cookie }, payload: { name: 'x' } }), 403);
    expect(await contactState(t, f.a.id)).toEqual(before);
    const ok = await t.request({ method: 'PATCH', url, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf }, payload: { name: 'x' } });
    expect(ok.statusCode).toBe(200);
    const read = await t.request({ method: 'GET', url, headers: { cookie: session.cookie } });
    expect(read.statusCode).toBe(200);
  });

  it('covers every contacts route the app serves', () => {
    const documented = Object.entries((t.app.swagger() as { paths: Record<string, Record<string, unknown>> }).paths)
      .filter(([path]) => path.startsWith('/api/v1/accounts/{account_id}/contacts') || path.endsWith('/contact_merge'))
      // CSV import and export belong to the contact-imports module, whose tests cover their roles.
      .filter(([path]) => !/\/contacts\/(import|imports|export)(\/|$)/.test(path))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    expect(documented.sort()).toEqual(endpoints.map((e) => e.route).sort());
  });

  it('lets an agent act on every contact of the account, whichever inbox it came through', async () => {
    const f: { a: BuiltAccount } = { a: await buildAccount(t.ctx) };
    const elsewhere = await buildInbox(t.ctx, f.a.id, { kind: 'api' });
    const created = await t.request({ method: 'POST', url: `/api/v1/accounts/${f.a.id}/contacts`, token: f.a.admin.token, payload: { inbox_id: elsewhere.id, email: 'via-other-inbox@example.test' } });
    const id = created.json().payload.contact.id as number;
    expect((await t.request({ method: 'GET', url: `/api/v1/accounts/${f.a.id}/contacts/${id}`, token: f.a.agent.token })).statusCode).toBe(200);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/accounts/${f.a.id}/contacts/${id}`, token: f.a.agent.token, payload: { name: 'Ok' } })).statusCode).toBe(200);
  });
});
