import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactInboxes, contacts, conversations, messages } from '../../db/schema';
import type { DomainEvent } from '../../platform/outbox/types';
import { buildAccount, buildContact, buildConversationRow, buildInbox, type BuiltAccount } from '../../../test/builders';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { BAD_IDS, expectError, expectNoLeak, rawJson, UNKNOWN_ID, unique } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { contactState, CONTACT_ABSENT } from './test-support';

describe('contacts API: create, show, update, delete', () => {
  let t: TestApp;
  const committed: DomainEvent[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    t.ctx.outbox.onCommitted((events) => committed.push(...events));
  });
  afterAll(() => t.close());

  const contactsUrl = (a: BuiltAccount | number) => `/api/v1/accounts/${typeof a === 'number' ? a : a.id}/contacts`;
  const contactUrl = (a: BuiltAccount | number, id: number | string) => `${contactsUrl(a)}/${id}`;
  const eventsOf = (name: string, id: number) => committed.filter((e) => e.name === name && e.payload.id === id);

  describe('POST /api/v1/accounts/:account_id/contacts', () => {
    it('creates a contact with every field, in the contract shape, and records contact.created for the account', async () => {
      const a = await buildAccount(t.ctx);
      const body = {
        name: 'Joana Prado',
        email: 'Joana.Prado@Example.TEST',
        phone_number: '+55 (11) 98765-4321',
        identifier: `crm-${unique()}`,
        blocked: false,
        avatar_url: 'https://cdn.example.test/joana.png',
        additional_attributes: { company_name: 'Prado Ltda', city: 'São Paulo', country_code: 'BR' },
        custom_attributes: { plan: 'pro', seats: 12 },
      };
      const res = await t.request({ method: 'POST', url: contactsUrl(a), token: a.agent.token, payload: body });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/contacts', res);
      const { contact, contact_inbox } = res.json().payload;
      expectContractFields(contact, 'contact_list_item', CONTACT_ABSENT);
      expectContractFields(res.json(), 'extended_contact', {
        id: 'Chatwoot answers a create with {payload: {contact, contact_inbox}}; the id is in payload.contact',
        availability_status: 'Chatwoot answers a create with {payload: {contact, contact_inbox}}; it is in payload.contact',
      });
      expect(contact).toMatchObject({
        name: 'Joana Prado',
        email: 'joana.prado@example.test',
        phone_number: '+5511987654321',
        identifier: body.identifier,
        blocked: false,
        thumbnail: body.avatar_url,
        availability_status: 'offline',
        additional_attributes: body.additional_attributes,
        custom_attributes: body.custom_attributes,
        last_activity_at: null,
        contact_inboxes: [],
      });
      expect(contact.created_at).toBeGreaterThan(Date.now() / 1000 - 60);
      expect(contact_inbox).toEqual({ inbox: null, source_id: null });

      const [event] = eventsOf('contact.created', contact.id);
      expect(event).toMatchObject({ accountId: a.id, realtime: {}, payload: { ...contact, account_id: a.id } });
      const shown = await t.request({ method: 'GET', url: contactUrl(a, contact.id), token: a.agent.token });
      expect(shown.json().payload).toEqual(contact);
    });

    it('with inbox_id, makes the contact known to that website or API inbox under a generated source id', async () => {
      const a = await buildAccount(t.ctx);
      for (const kind of ['web_widget', 'api'] as const) {
        const inbox = await buildInbox(t.ctx, a.id, { kind, memberIds: [a.agent.id] });
        const res = await t.request({ method: 'POST', url: contactsUrl(a), token: a.agent.token, payload: { inbox_id: inbox.id, name: 'Rui' } });
        expect(res.statusCode, res.body).toBe(200);
        expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/contacts', res);
        const { contact, contact_inbox } = res.json().payload;
        expect(contact_inbox.source_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        const channelType = kind === 'api' ? 'Channel::Api' : 'Channel::WebWidget';
        expect(contact_inbox.inbox).toEqual({ id: inbox.id, name: inbox.name, channel_type: channelType, channel_id: inbox.id, avatar_url: '', provider: null });
        expect(contact.contact_inboxes).toEqual([contact_inbox]);
        const [row] = await t.ctx.db.select().from(contactInboxes).where(eq(contactInboxes.contactId, contact.id));
        expect(row).toMatchObject({ inboxId: inbox.id, sourceId: contact_inbox.source_id, accountId: a.id });
        expect(row?.pubsubToken.length).toBeGreaterThanOrEqual(32);
        expect(eventsOf('contact.created', contact.id)[0]?.payload.contact_inboxes).toEqual([contact_inbox]);
      }
    });

    it('refuses an inbox of another account or one the agent does not work in (422 on inbox_id), creating nothing', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const notTheAgents = await buildInbox(t.ctx, a.id);
      const foreign = await buildInbox(t.ctx, other.id);
      const before = await contactState(t, a.id);
      for (const [token, inboxId] of [
        [a.agent.token, notTheAgents.id],
        [a.admin.token, foreign.id],
        [a.admin.token, UNKNOWN_ID],
      ] as const) {
        const res = await t.request({ method: 'POST', url: contactsUrl(a), token, payload: { inbox_id: inboxId, email: 'x@example.test' } });
        expectError(res, 422, 'inbox_id');
        expectNoLeak(res, [foreign.name, notTheAgents.name]);
      }
      expect(await contactState(t, a.id)).toEqual(before);
      const admins = await t.request({ method: 'POST', url: contactsUrl(a), token: a.admin.token, payload: { inbox_id: notTheAgents.id } });
      expect(admins.statusCode).toBe(200);
    });

    it('keeps email (any case), phone number and identifier unique in the account: 422 on each field, nothing created', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const existing = await buildContact(t.ctx, a.id, { email: 'ana@example.test', phoneNumber: '+5511911112222', identifier: 'ana-1' });
      const before = await contactState(t, a.id);
      const cases: [Record<string, unknown>, string[]][] = [
        [{ email: 'ANA@example.test' }, ['email']],
        [{ phone_number: '+55 11 91111-2222' }, ['phone_number']],
        [{ identifier: 'ana-1' }, ['identifier']],
        [{ email: 'ana@example.test', phone_number: '+5511911112222', identifier: 'ana-1' }, ['email', 'phone_number', 'identifier']],
      ];
      for (const [payload, fields] of cases) {
        const res = await t.request({ method: 'POST', url: contactsUrl(a), token: a.admin.token, payload });
        const body = expectError(res, 422);
        expect(body.errors.map((e) => e.field).sort()).toEqual([...fields].sort());
        expect(body.errors.every((e) => e.code === 'taken')).toBe(true);
      }
      expect(await contactState(t, a.id)).toEqual(before);
      // Another account may hold the same values.
      const elsewhere = await t.request({
        method: 'POST',
        url: contactsUrl(other),
        token: other.admin.token,
        payload: { email: 'ana@example.test', phone_number: '+5511911112222', identifier: 'ana-1' },
      });
      expect(elsewhere.statusCode).toBe(200);
      expect(existing.id).not.toBe(elsewhere.json().payload.contact.id);
    });

    it('answers a concurrent duplicate with 422 too (the unique index decides the race)', async () => {
      const a = await buildAccount(t.ctx);
      const payload = { email: `race-${unique()}@example.test` };
      const results = await Promise.all(
        [1, 2, 3].map(() => t.request({ method: 'POST', url: contactsUrl(a), token: a.admin.token, payload })),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422, 422]);
      for (const res of results.filter((r) => r.statusCode === 422)) expectError(res, 422, 'email');
    });

    it('normalises phone numbers to E.164 and refuses anything else with 422 on phone_number', async () => {
      const a = await buildAccount(t.ctx);
      const accepted: [string, string][] = [
        ['+55 (11) 98765-4321', '+5511987654321'],
        ['+44 (0) 20 7946 0958', '+442079460958'],
        ['+1 650-253-0000', '+16502530000'],
        ['+123456789', '+123456789'],
      ];
      for (const [typed, stored] of accepted) {
        const res = await t.request({ method: 'POST', url: contactsUrl(a), token: a.admin.token, payload: { phone_number: typed } });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().payload.contact.phone_number).toBe(stored);
      }
      const before = await contactState(t, a.id);
      for (const typed of ['11987654321', '+0 123 456', '+1-800-FLOWERS', '+55 11 98765-4321 ext 2', '++5511987654321', '+1234567890123456', '+']) {
        const res = await t.request({ method: 'POST', url: contactsUrl(a), token: a.admin.token, payload: { phone_number: typed } });
        expectError(res, 422, 'phone_number');
      }
      expect(await contactState(t, a.id)).toEqual(before);
    });

    it('rejects bad input with a 4xx error naming the field and creates nothing', async () => {
      const a = await buildAccount(t.ctx);
      const before = await contactState(t, a.id);
      const cases: [string, object, number, string?][] = [
        ['malformed email', { payload: { email: 'ana@' } }, 422, 'email'],
        ['email of the wrong type', { payload: { email: 42 } }, 422, 'email'],
        ['over-long name', { payload: { name: 'n'.repeat(256) } }, 422, 'name'],
        ['name of the wrong type', { payload: { name: ['Ana'] } }, 422, 'name'],
        ['over-long identifier', { payload: { identifier: 'i'.repeat(256) } }, 422, 'identifier'],
        ['blocked not a boolean', { payload: { blocked: 'yes' } }, 422, 'blocked'],
        ['avatar_url not http', { payload: { avatar_url: 'javascript:alert(1)' } }, 422, 'avatar_url'],
        ['custom attributes not an object', { payload: { custom_attributes: ['a'] } }, 422, 'custom_attributes'],
        ['additional attributes not an object', { payload: { additional_attributes: 'x' } }, 422, 'additional_attributes'],
        ['inbox_id not an id', { payload: { inbox_id: 'abc' } }, 422, 'inbox_id'],
        ['a null body', rawJson('null'), 422],
        ['invalid JSON', rawJson('{"name":'), 400],
        ['a NUL character', rawJson(JSON.stringify({ name: 'An\u0000a' })), 422],
        ['an unsupported content type', { payload: 'name=Ana', headers: { 'content-type': 'text/csv' } }, 415],
      ];
      for (const [label, options, status, field] of cases) {
        const res = await t.request({ method: 'POST', url: contactsUrl(a), token: a.admin.token, ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
      }
      for (const id of BAD_IDS) {
        expectError(await t.request({ method: 'POST', url: contactsUrl(id as unknown as number), token: a.admin.token, payload: {} }), 422, 'account_id');
      }
      expect(await contactState(t, a.id)).toEqual(before);
    });
  });

  describe('GET /api/v1/accounts/:account_id/contacts/:id', () => {
    it('shows a contact to an agent in the contract shape, {payload: contact}', async () => {
      const a = await buildAccount(t.ctx);
      const contact = await buildContact(t.ctx, a.id, { name: 'Luís Antônio', additionalAttributes: { city: 'Recife' } });
      const res = await t.request({ method: 'GET', url: contactUrl(a, contact.id), token: a.agent.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/contacts/{id}', res);
      expectContractFields(res.json(), 'contact_show_response', CONTACT_ABSENT_IN('payload'));
      expect(res.json().payload).toMatchObject({ id: contact.id, name: 'Luís Antônio', additional_attributes: { city: 'Recife' }, type: 'contact' });
    });

    it('answers 404 for a contact of another account, unknown ids, and to outsiders; 422 for ids that cannot exist', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const theirs = await buildContact(t.ctx, other.id, { name: 'Secret Person' });
      const mine = await buildContact(t.ctx, a.id, { name: 'Mine Person' });
      for (const res of [
        await t.request({ method: 'GET', url: contactUrl(a, theirs.id), token: a.admin.token }),
        await t.request({ method: 'GET', url: contactUrl(other, theirs.id), token: a.admin.token }),
        await t.request({ method: 'GET', url: contactUrl(a, mine.id), token: other.admin.token }),
        await t.request({ method: 'GET', url: contactUrl(a, UNKNOWN_ID), token: a.admin.token }),
      ]) {
        expectError(res, 404);
        expectNoLeak(res, ['Secret Person', 'Mine Person', theirs.email ?? '', mine.email ?? '']);
      }
      for (const token of [undefined, 'bad-token']) expectError(await t.request({ method: 'GET', url: contactUrl(a, mine.id), token }), 401);
      for (const id of BAD_IDS) expectError(await t.request({ method: 'GET', url: contactUrl(a, id), token: a.admin.token }), 422, 'id');
    });
  });

  describe('PUT and PATCH /api/v1/accounts/:account_id/contacts/:id', () => {
    for (const method of ['PUT', 'PATCH'] as const) {
      it(`${method} changes only the fields sent and merges attributes key by key`, async () => {
        const a = await buildAccount(t.ctx);
        const contact = await buildContact(t.ctx, a.id, {
          name: 'Old Name',
          phoneNumber: '+5511900000001',
          additionalAttributes: { city: 'Recife', company_name: 'ACME' },
          customAttributes: { plan: 'free', seats: 1 },
        });
        const res = await t.request({
          method,
          url: contactUrl(a, contact.id),
          token: a.agent.token,
          payload: { name: 'New Name', blocked: true, additional_attributes: { city: 'Olinda' }, custom_attributes: { plan: 'pro' } },
        });
        expect(res.statusCode, res.body).toBe(200);
        expectDocumentedResponse(t.app, `${method} /api/v1/accounts/{account_id}/contacts/{id}`, res);
        expectContractFields(res.json().payload, 'contact_list_item', CONTACT_ABSENT);
        expect(res.json().payload).toMatchObject({
          id: contact.id,
          name: 'New Name',
          email: contact.email,
          phone_number: '+5511900000001',
          blocked: true,
          additional_attributes: { city: 'Olinda', company_name: 'ACME' },
          custom_attributes: { plan: 'pro', seats: 1 },
        });
        expect(eventsOf('contact.updated', contact.id).at(-1)?.payload).toMatchObject({ name: 'New Name', account_id: a.id, blocked: true });
      });
    }

    it('clears email, phone number, identifier and avatar with "" or null', async () => {
      const a = await buildAccount(t.ctx);
      const contact = await buildContact(t.ctx, a.id, { phoneNumber: '+5511900000002', identifier: 'x-1', avatarUrl: 'https://a.example.test/x.png' });
      const res = await t.request({
        method: 'PATCH',
        url: contactUrl(a, contact.id),
        token: a.admin.token,
        payload: { email: '', phone_number: null, identifier: '', avatar_url: null },
      });
      expect(res.json().payload).toMatchObject({ email: null, phone_number: null, identifier: null, thumbnail: '' });
    });

    it('keeps identity fields unique (422 naming the field) but lets a contact keep its own values', async () => {
      const a = await buildAccount(t.ctx);
      const first = await buildContact(t.ctx, a.id, { email: 'one@example.test', phoneNumber: '+5511900000003' });
      const second = await buildContact(t.ctx, a.id, { email: 'two@example.test' });
      const before = await contactState(t, a.id);
      expectError(await t.request({ method: 'PUT', url: contactUrl(a, second.id), token: a.admin.token, payload: { email: 'ONE@example.test' } }), 422, 'email');
      expectError(
        await t.request({ method: 'PUT', url: contactUrl(a, second.id), token: a.admin.token, payload: { phone_number: '+55 11 90000-0003' } }),
        422,
        'phone_number',
      );
      expect(await contactState(t, a.id)).toEqual(before);
      const same = await t.request({ method: 'PUT', url: contactUrl(a, first.id), token: a.admin.token, payload: { email: 'One@Example.test', phone_number: '+5511900000003' } });
      expect(same.statusCode).toBe(200);
      expect(same.json().payload.email).toBe('one@example.test');
    });

    it('rejects bad input naming the field, changing nothing; 404 for others’ contacts', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const contact = await buildContact(t.ctx, a.id);
      const theirs = await buildContact(t.ctx, other.id, { name: 'Their Contact' });
      const before = await contactState(t, a.id);
      const cases: [object, number, string?][] = [
        [{ payload: { email: 'not-an-email' } }, 422, 'email'],
        [{ payload: { phone_number: '98765' } }, 422, 'phone_number'],
        [{ payload: { blocked: null } }, 422, 'blocked'],
        [{ payload: { custom_attributes: { big: 'x'.repeat(70_000) } } }, 422, 'custom_attributes'],
        [rawJson('[]'), 422],
        [rawJson('{"name"'), 400],
      ];
      for (const [options, status, field] of cases) {
        expectError(await t.request({ method: 'PATCH', url: contactUrl(a, contact.id), token: a.admin.token, ...options }), status, field);
      }
      const foreign = await t.request({ method: 'PATCH', url: contactUrl(a, theirs.id), token: a.admin.token, payload: { name: 'Hijacked' } });
      expectError(foreign, 404);
      expectNoLeak(foreign, ['Their Contact']);
      expect(await contactState(t, a.id)).toEqual(before);
      expect((await t.ctx.db.select().from(contacts).where(eq(contacts.id, theirs.id)))[0]?.name).toBe('Their Contact');
    });
  });

  describe('DELETE /api/v1/accounts/:account_id/contacts/:id', () => {
    it('lets an administrator delete a contact with its conversations, messages and contact inboxes, recording contact.deleted', async () => {
      const a = await buildAccount(t.ctx);
      const inbox = await buildInbox(t.ctx, a.id, { kind: 'api' });
      const created = await t.request({ method: 'POST', url: contactsUrl(a), token: a.admin.token, payload: { inbox_id: inbox.id, email: 'bye@example.test' } });
      const contactId = created.json().payload.contact.id as number;
      const kept = await buildContact(t.ctx, a.id);
      const conversation = await buildConversationRow(t.ctx, { accountId: a.id, inboxId: inbox.id, contactId });
      const keptConversation = await buildConversationRow(t.ctx, { accountId: a.id, inboxId: inbox.id, contactId: kept.id });
      await t.ctx.db.insert(messages).values({ accountId: a.id, conversationId: conversation.id, inboxId: inbox.id, messageType: 0, content: 'oi', senderType: 'contact', senderId: contactId });

      const res = await t.request({ method: 'DELETE', url: contactUrl(a, contactId), token: a.admin.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'DELETE /api/v1/accounts/{account_id}/contacts/{id}', res);
      expect(res.json()).toEqual({ success: true });
      expectError(await t.request({ method: 'GET', url: contactUrl(a, contactId), token: a.admin.token }), 404);
      const left = await t.ctx.db.select({ id: conversations.id }).from(conversations).where(eq(conversations.accountId, a.id)).orderBy(asc(conversations.id));
      expect(left).toEqual([{ id: keptConversation.id }]);
      expect(await t.ctx.db.select().from(messages).where(eq(messages.conversationId, conversation.id))).toEqual([]);
      expect(await t.ctx.db.select().from(contactInboxes).where(eq(contactInboxes.contactId, contactId))).toEqual([]);
      expect(eventsOf('contact.deleted', contactId)[0]).toMatchObject({ accountId: a.id, payload: { id: contactId, email: 'bye@example.test', account_id: a.id } });
      expectError(await t.request({ method: 'DELETE', url: contactUrl(a, contactId), token: a.admin.token }), 404);
    });

    it('forbids agents (403) and changes nothing', async () => {
      const a = await buildAccount(t.ctx);
      const contact = await buildContact(t.ctx, a.id);
      const before = await contactState(t, a.id);
      expectError(await t.request({ method: 'DELETE', url: contactUrl(a, contact.id), token: a.agent.token }), 403);
      expect(await contactState(t, a.id)).toEqual(before);
    });
  });
});

/** The contract's `contact_show_response` wraps the contact in `payload`. */
function CONTACT_ABSENT_IN(prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(CONTACT_ABSENT).map(([path, reason]) => [`${prefix}.${path}`, reason]));
}
