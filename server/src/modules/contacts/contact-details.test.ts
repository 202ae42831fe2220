import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactNotes, contacts, conversations, messages, users } from '../../db/schema';
import type { DomainEvent } from '../../platform/outbox/types';
import * as labelService from '../labels/service';
import { buildAccount, buildContact, buildConversationRow, buildInbox, buildUser, type BuiltAccount } from '../../../test/builders';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { expectError, expectNoLeak, rawJson, UNKNOWN_ID } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { insertContact, uniqueViolationField } from './repository';
import { CONTACT_ABSENT, contactState } from './test-support';

describe('contacts API: contact inboxes, labels, notes, conversations, merge', () => {
  let t: TestApp;
  const committed: DomainEvent[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    t.ctx.outbox.onCommitted((events) => committed.push(...events));
  });
  afterAll(() => t.close());

  const contactUrl = (a: BuiltAccount, id: number, path = '') => `/api/v1/accounts/${a.id}/contacts/${id}${path}`;

  describe('POST /api/v1/accounts/:account_id/contacts/:id/contact_inboxes', () => {
    it('makes the contact known to an inbox with the given source id, or a generated one, in the contract shape', async () => {
      const a = await buildAccount(t.ctx);
      const inbox = await buildInbox(t.ctx, a.id, { kind: 'api', memberIds: [a.agent.id] });
      const contact = await buildContact(t.ctx, a.id);
      const given = await t.request({ method: 'POST', url: contactUrl(a, contact.id, '/contact_inboxes'), token: a.agent.token, payload: { inbox_id: inbox.id, source_id: 'wa-5511987654321' } });
      expect(given.statusCode, given.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/contacts/{id}/contact_inboxes', given);
      expectContractFields(given.json(), 'contact_inboxes');
      expect(given.json()).toEqual({
        source_id: 'wa-5511987654321',
        inbox: { id: inbox.id, name: inbox.name, channel_type: 'Channel::Api', channel_id: inbox.id, avatar_url: '', provider: null },
      });
      const generated = await t.request({ method: 'POST', url: contactUrl(a, contact.id, '/contact_inboxes'), token: a.agent.token, payload: { inbox_id: inbox.id } });
      expect(generated.json().source_id).toMatch(/^[0-9a-f-]{36}$/);
      const shown = await t.request({ method: 'GET', url: contactUrl(a, contact.id), token: a.agent.token });
      expect(shown.json().payload.contact_inboxes.map((ci: { source_id: string }) => ci.source_id)).toEqual(['wa-5511987654321', generated.json().source_id]);
    });

    it('keeps a source id unique in its inbox (422 on source_id) and refuses inboxes the caller cannot use (422 on inbox_id)', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const inbox = await buildInbox(t.ctx, a.id, { kind: 'api', memberIds: [a.agent.id] });
      const agentless = await buildInbox(t.ctx, a.id, { kind: 'api' });
      const foreign = await buildInbox(t.ctx, other.id, { kind: 'api' });
      const first = await buildContact(t.ctx, a.id);
      const second = await buildContact(t.ctx, a.id);
      const theirs = await buildContact(t.ctx, other.id, { name: 'Their Contact' });
      await t.request({ method: 'POST', url: contactUrl(a, first.id, '/contact_inboxes'), token: a.admin.token, payload: { inbox_id: inbox.id, source_id: 'same' } });
      const before = await contactState(t, a.id);
      const cases: [string, number, object, number, string?][] = [
        [a.admin.token, second.id, { inbox_id: inbox.id, source_id: 'same' }, 422, 'source_id'],
        [a.admin.token, first.id, { inbox_id: inbox.id, source_id: 'same' }, 422, 'source_id'],
        [a.agent.token, second.id, { inbox_id: agentless.id }, 422, 'inbox_id'],
        [a.admin.token, second.id, { inbox_id: foreign.id }, 422, 'inbox_id'],
        [a.admin.token, second.id, { inbox_id: UNKNOWN_ID }, 422, 'inbox_id'],
        [a.admin.token, second.id, {}, 422, 'inbox_id'],
        [a.admin.token, second.id, { inbox_id: inbox.id, source_id: ' ' }, 422, 'source_id'],
        [a.admin.token, second.id, { inbox_id: inbox.id, source_id: 's'.repeat(256) }, 422, 'source_id'],
        [a.admin.token, theirs.id, { inbox_id: inbox.id }, 404],
        [a.admin.token, UNKNOWN_ID, { inbox_id: inbox.id }, 404],
      ];
      for (const [token, contactId, payload, status, field] of cases) {
        const res = await t.request({ method: 'POST', url: contactUrl(a, contactId, '/contact_inboxes'), token, payload });
        expectError(res, status, field);
        expectNoLeak(res, ['Their Contact', foreign.name]);
      }
      expect(await contactState(t, a.id)).toEqual(before);
      // Another inbox may use the same source id.
      const elsewhere = await t.request({ method: 'POST', url: contactUrl(a, second.id, '/contact_inboxes'), token: a.admin.token, payload: { inbox_id: agentless.id, source_id: 'same' } });
      expect(elsewhere.statusCode).toBe(200);
    });
  });

  describe('GET /api/v1/accounts/:account_id/contacts/:id/contactable_inboxes', () => {
    it('lists the API inboxes the caller works in (known source id or a fresh one) and the website inboxes the contact visited', async () => {
      const a = await buildAccount(t.ctx);
      const apiKnown = await buildInbox(t.ctx, a.id, { kind: 'api', name: 'A api known', memberIds: [a.agent.id] });
      const apiNew = await buildInbox(t.ctx, a.id, { kind: 'api', name: 'B api new', memberIds: [a.agent.id] });
      const webVisited = await buildInbox(t.ctx, a.id, { kind: 'web_widget', name: 'C web visited', memberIds: [a.agent.id] });
      await buildInbox(t.ctx, a.id, { kind: 'web_widget', name: 'D web never', memberIds: [a.agent.id] });
      const notAgents = await buildInbox(t.ctx, a.id, { kind: 'api', name: 'E api admins only' });
      const contact = await buildContact(t.ctx, a.id);
      for (const [inbox, sourceId] of [
        [apiKnown, 'api-source'],
        [webVisited, 'web-session'],
      ] as const) {
        await t.request({ method: 'POST', url: contactUrl(a, contact.id, '/contact_inboxes'), token: a.admin.token, payload: { inbox_id: inbox.id, source_id: sourceId } });
      }
      const res = await t.request({ method: 'GET', url: contactUrl(a, contact.id, '/contactable_inboxes'), token: a.agent.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/contacts/{id}/contactable_inboxes', res);
      expectContractFields(res.json(), 'contactable_inboxes_response');
      const payload = res.json().payload as { source_id: string; inbox: { id: number; name: string } }[];
      expect(payload.map((p) => p.inbox.name).sort()).toEqual(['A api known', 'B api new', 'C web visited']);
      const byName = Object.fromEntries(payload.map((p) => [p.inbox.name, p.source_id]));
      expect(byName['A api known']).toBe('api-source');
      expect(byName['C web visited']).toBe('web-session');
      expect(byName['B api new']).toMatch(/^[0-9a-f-]{36}$/);
      expect(apiNew.id).toBeGreaterThan(0);

      const admins = await t.request({ method: 'GET', url: contactUrl(a, contact.id, '/contactable_inboxes'), token: a.admin.token });
      expect((admins.json().payload as { inbox: { id: number } }[]).map((p) => p.inbox.id)).toContain(notAgents.id);
      expectError(await t.request({ method: 'GET', url: contactUrl(a, UNKNOWN_ID, '/contactable_inboxes'), token: a.admin.token }), 404);
    });
  });

  describe('labels: GET and POST /api/v1/accounts/:account_id/contacts/:id/labels', () => {
    it('replaces the contact’s labels with existing labels of the account and lists them', async () => {
      const a = await buildAccount(t.ctx);
      for (const title of ['vip', 'billing', 'lead']) await labelService.createLabel(t.ctx, a.id, { title });
      const contact = await buildContact(t.ctx, a.id);
      const empty = await t.request({ method: 'GET', url: contactUrl(a, contact.id, '/labels'), token: a.agent.token });
      expect(empty.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/contacts/{id}/labels', empty);
      expectContractFields(empty.json(), 'contact_labels');
      expect(empty.json()).toEqual({ payload: [] });

      const set = await t.request({ method: 'POST', url: contactUrl(a, contact.id, '/labels'), token: a.agent.token, payload: { labels: ['vip', 'Billing', 'vip'] } });
      expect(set.statusCode, set.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/contacts/{id}/labels', set);
      expectContractFields(set.json(), 'contact_labels');
      expect(set.json()).toEqual({ payload: ['billing', 'vip'] });
      const replaced = await t.request({ method: 'POST', url: contactUrl(a, contact.id, '/labels'), token: a.agent.token, payload: { labels: ['lead'] } });
      expect(replaced.json()).toEqual({ payload: ['lead'] });
      expect((await t.request({ method: 'GET', url: contactUrl(a, contact.id, '/labels'), token: a.agent.token })).json()).toEqual({ payload: ['lead'] });
      const cleared = await t.request({ method: 'POST', url: contactUrl(a, contact.id, '/labels'), token: a.agent.token, payload: { labels: [] } });
      expect(cleared.json()).toEqual({ payload: [] });
    });

    it('refuses labels the account does not have (422 on labels) and bad bodies, changing nothing', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      await labelService.createLabel(t.ctx, a.id, { title: 'vip' });
      await labelService.createLabel(t.ctx, other.id, { title: 'theirs' });
      const contact = await buildContact(t.ctx, a.id);
      await t.request({ method: 'POST', url: contactUrl(a, contact.id, '/labels'), token: a.admin.token, payload: { labels: ['vip'] } });
      const before = await contactState(t, a.id);
      for (const [payload, status, field] of [
        [{ labels: ['vip', 'nope'] }, 422, 'labels'],
        [{ labels: ['theirs'] }, 422, 'labels'],
        [{ labels: 'vip' }, 422, 'labels'],
        [{ labels: [''] }, 422, 'labels.0'],
        [{}, 422, 'labels'],
      ] as const) {
        expectError(await t.request({ method: 'POST', url: contactUrl(a, contact.id, '/labels'), token: a.admin.token, payload }), status, field);
      }
      expectError(await t.request({ method: 'POST', url: contactUrl(a, contact.id, '/labels'), token: a.admin.token, ...rawJson('{"labels":') }), 400);
      expect(await contactState(t, a.id)).toEqual(before);
    });
  });

  describe('notes: /api/v1/accounts/:account_id/contacts/:id/notes', () => {
    it('lets agents write, list (newest first), change and delete notes, with their author', async () => {
      const a = await buildAccount(t.ctx);
      const contact = await buildContact(t.ctx, a.id);
      const notesUrl = contactUrl(a, contact.id, '/notes');
      const first = await t.request({ method: 'POST', url: notesUrl, token: a.agent.token, payload: { content: 'Prefere contato por WhatsApp.' } });
      expect(first.statusCode, first.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/contacts/{id}/notes', first);
      expect(first.json()).toMatchObject({
        content: 'Prefere contato por WhatsApp.',
        contact_id: contact.id,
        user: { id: a.agent.id, name: a.agent.name, available_name: a.agent.name, email: a.agent.email, type: 'user', availability_status: 'online' },
      });
      const second = await t.request({ method: 'POST', url: notesUrl, token: a.admin.token, payload: { content: 'Cliente desde 2019.' } });
      const list = await t.request({ method: 'GET', url: notesUrl, token: a.agent.token });
      expect(list.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/contacts/{id}/notes', list);
      expect(list.json().map((n: { id: number }) => n.id)).toEqual([second.json().id, first.json().id]);

      for (const method of ['PATCH', 'PUT'] as const) {
        const changed = await t.request({ method, url: `${notesUrl}/${first.json().id}`, token: a.agent.token, payload: { content: `Editado (${method})` } });
        expect(changed.statusCode, changed.body).toBe(200);
        expectDocumentedResponse(t.app, `${method} /api/v1/accounts/{account_id}/contacts/{id}/notes/{note_id}`, changed);
        expect(changed.json()).toMatchObject({ id: first.json().id, content: `Editado (${method})`, user: { id: a.agent.id } });
      }
      const deleted = await t.request({ method: 'DELETE', url: `${notesUrl}/${first.json().id}`, token: a.agent.token });
      expect(deleted.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'DELETE /api/v1/accounts/{account_id}/contacts/{id}/notes/{note_id}', deleted);
      expect((await t.request({ method: 'GET', url: notesUrl, token: a.agent.token })).json().map((n: { id: number }) => n.id)).toEqual([second.json().id]);
      expectError(await t.request({ method: 'DELETE', url: `${notesUrl}/${first.json().id}`, token: a.agent.token }), 404);
    });

    it('keeps a note whose author is deleted, without an author', async () => {
      const a = await buildAccount(t.ctx);
      const leaving = await buildUser(t.ctx, { accountId: a.id, role: 'agent' });
      const contact = await buildContact(t.ctx, a.id);
      const note = await t.request({ method: 'POST', url: contactUrl(a, contact.id, '/notes'), token: leaving.token, payload: { content: 'Nota antiga' } });
      await t.request({ method: 'DELETE', url: `/api/v1/accounts/${a.id}/agents/${leaving.id}`, token: a.admin.token });
      await t.ctx.db.delete(users).where(eq(users.id, leaving.id));
      const list = await t.request({ method: 'GET', url: contactUrl(a, contact.id, '/notes'), token: a.agent.token });
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/contacts/{id}/notes', list);
      expect(list.json()).toEqual([expect.objectContaining({ id: note.json().id, user: null })]);
    });

    it('refuses blank or over-long notes and notes of other contacts or accounts, changing nothing', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const contact = await buildContact(t.ctx, a.id);
      const sibling = await buildContact(t.ctx, a.id);
      const theirs = await buildContact(t.ctx, other.id);
      const note = await t.request({ method: 'POST', url: contactUrl(a, contact.id, '/notes'), token: a.admin.token, payload: { content: 'Original' } });
      const theirNote = await t.request({ method: 'POST', url: contactUrl(other, theirs.id, '/notes'), token: other.admin.token, payload: { content: 'Their secret note' } });
      const before = await contactState(t, a.id);
      const notesUrl = contactUrl(a, contact.id, '/notes');
      for (const [payload, field] of [
        [{ content: '  ' }, 'content'],
        [{ content: 'x'.repeat(50_001) }, 'content'],
        [{ content: 12 }, 'content'],
        [{}, 'content'],
      ] as const) {
        expectError(await t.request({ method: 'POST', url: notesUrl, token: a.admin.token, payload }), 422, field);
        expectError(await t.request({ method: 'PATCH', url: `${notesUrl}/${note.json().id}`, token: a.admin.token, payload }), 422, field);
      }
      for (const url of [
        `${contactUrl(a, sibling.id, '/notes')}/${note.json().id}`,
        `${notesUrl}/${theirNote.json().id}`,
        `${contactUrl(a, theirs.id, '/notes')}/${theirNote.json().id}`,
        `${notesUrl}/${UNKNOWN_ID}`,
      ]) {
        for (const method of ['PATCH', 'DELETE'] as const) {
          const res = await t.request({ method, url, token: a.admin.token, payload: method === 'PATCH' ? { content: 'Hijack' } : undefined });
          expectError(res, 404);
          expectNoLeak(res, ['Their secret note']);
        }
      }
      const foreignList = await t.request({ method: 'GET', url: contactUrl(a, theirs.id, '/notes'), token: a.admin.token });
      expectError(foreignList, 404);
      expectNoLeak(foreignList, ['Their secret note']);
      expectError(await t.request({ method: 'POST', url: contactUrl(a, theirs.id, '/notes'), token: a.admin.token, payload: { content: 'x' } }), 404);
      expect(await contactState(t, a.id)).toEqual(before);
      const [stored] = await t.ctx.db.select().from(contactNotes).where(eq(contactNotes.id, theirNote.json().id));
      expect(stored?.content).toBe('Their secret note');
    });
  });

  describe('GET /api/v1/accounts/:account_id/contacts/:id/conversations', () => {
    it('lists the contact’s latest conversations the caller may see: agents those of their inboxes', async () => {
      const a = await buildAccount(t.ctx);
      const agentsInbox = await buildInbox(t.ctx, a.id, { kind: 'api', memberIds: [a.agent.id] });
      const adminsInbox = await buildInbox(t.ctx, a.id, { kind: 'api' });
      const contact = await buildContact(t.ctx, a.id, { name: 'Conversa Pessoa' });
      const someoneElse = await buildContact(t.ctx, a.id);
      const older = await buildConversationRow(t.ctx, { accountId: a.id, inboxId: agentsInbox.id, contactId: contact.id, lastActivityAt: new Date('2024-01-01T00:00:00Z') });
      const newer = await buildConversationRow(t.ctx, { accountId: a.id, inboxId: agentsInbox.id, contactId: contact.id, status: 'resolved', lastActivityAt: new Date('2024-02-01T00:00:00Z') });
      const hidden = await buildConversationRow(t.ctx, { accountId: a.id, inboxId: adminsInbox.id, contactId: contact.id, lastActivityAt: new Date('2024-03-01T00:00:00Z') });
      await buildConversationRow(t.ctx, { accountId: a.id, inboxId: agentsInbox.id, contactId: someoneElse.id });

      const res = await t.request({ method: 'GET', url: contactUrl(a, contact.id, '/conversations'), token: a.agent.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/contacts/{id}/conversations', res);
      expectContractFields(res.json(), 'contact_conversations_response', {
        'payload[].can_reply': 'interim presenter (contacts module): the conversations module’s full conversation JSON replaces it',
        'payload[].last_non_activity_message': 'interim presenter (contacts module): the conversations module’s full conversation JSON replaces it',
        'payload[].sla_policy_id': 'interim presenter (contacts module): the conversations module’s full conversation JSON replaces it',
        'payload[].applied_sla': 'interim presenter (contacts module): the conversations module’s full conversation JSON replaces it',
        'payload[].sla_events': 'interim presenter (contacts module): the conversations module’s full conversation JSON replaces it',
        'payload[].meta.channel': 'interim presenter (contacts module): the conversations module’s full conversation JSON replaces it',
        'payload[].meta.assignee': 'interim presenter (contacts module): the conversations module’s full conversation JSON replaces it',
        'payload[].meta.hmac_verified': 'interim presenter (contacts module): the conversations module’s full conversation JSON replaces it',
        'payload[].meta.sender.additional_attributes.*': CONTACT_ABSENT['additional_attributes.*'],
      });
      const payload = res.json().payload as { id: number; inbox_id: number; status: string; messages: unknown[]; meta: { sender: { id: number } } }[];
      expect(payload.map((c) => c.id)).toEqual([newer.displayId, older.displayId]);
      expect(payload[0]).toMatchObject({ inbox_id: agentsInbox.id, status: 'resolved', messages: [], meta: { sender: { id: contact.id, name: 'Conversa Pessoa' } } });

      const admins = await t.request({ method: 'GET', url: contactUrl(a, contact.id, '/conversations'), token: a.admin.token });
      expect(admins.json().payload.map((c: { id: number }) => c.id)).toEqual([hidden.displayId, newer.displayId, older.displayId]);
    });

    it('answers an agent without inboxes with an empty list, and 404 for contacts of other accounts', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const inbox = await buildInbox(t.ctx, a.id, { kind: 'api' });
      const contact = await buildContact(t.ctx, a.id);
      await buildConversationRow(t.ctx, { accountId: a.id, inboxId: inbox.id, contactId: contact.id });
      const res = await t.request({ method: 'GET', url: contactUrl(a, contact.id, '/conversations'), token: a.agent.token });
      expect(res.json()).toEqual({ payload: [] });
      const foreign = await t.request({ method: 'GET', url: contactUrl(other, contact.id, '/conversations'), token: other.admin.token });
      expectError(foreign, 404);
      expectNoLeak(foreign, [contact.email ?? '']);
    });
  });

  describe('POST /api/v1/accounts/:account_id/actions/contact_merge', () => {
    const mergeUrl = (a: BuiltAccount) => `/api/v1/accounts/${a.id}/actions/contact_merge`;

    it('moves everything to the base contact, fills its empty fields, merges attributes (base wins), unites labels, deletes the mergee', async () => {
      const a = await buildAccount(t.ctx);
      for (const title of ['vip', 'lead', 'churn']) await labelService.createLabel(t.ctx, a.id, { title });
      const inbox = await buildInbox(t.ctx, a.id, { kind: 'api', memberIds: [a.agent.id] });
      const web = await buildInbox(t.ctx, a.id, { kind: 'web_widget' });
      const base = await buildContact(t.ctx, a.id, {
        name: 'Maria',
        email: 'maria@example.test',
        phoneNumber: null,
        additionalAttributes: { city: 'Recife', social: { twitter: 'maria' } },
        customAttributes: { plan: 'pro' },
      });
      const mergee = await buildContact(t.ctx, a.id, {
        name: 'Maria S.',
        email: 'maria.s@example.test',
        phoneNumber: '+5581999990000',
        identifier: 'crm-77',
        avatarUrl: 'https://cdn.example.test/m.png',
        additionalAttributes: { city: 'Olinda', company_name: 'Sol', social: { twitter: 'old', linkedin: 'ms' } },
        customAttributes: { plan: 'free', seats: 4 },
      });
      await t.request({ method: 'POST', url: contactUrl(a, base.id, '/labels'), token: a.admin.token, payload: { labels: ['vip', 'lead'] } });
      await t.request({ method: 'POST', url: contactUrl(a, mergee.id, '/labels'), token: a.admin.token, payload: { labels: ['lead', 'churn'] } });
      await t.request({ method: 'POST', url: contactUrl(a, mergee.id, '/contact_inboxes'), token: a.admin.token, payload: { inbox_id: inbox.id, source_id: 'mergee-api' } });
      await t.request({ method: 'POST', url: contactUrl(a, mergee.id, '/contact_inboxes'), token: a.admin.token, payload: { inbox_id: web.id, source_id: 'mergee-web' } });
      await t.request({ method: 'POST', url: contactUrl(a, base.id, '/contact_inboxes'), token: a.admin.token, payload: { inbox_id: inbox.id, source_id: 'base-api' } });
      await t.request({ method: 'POST', url: contactUrl(a, mergee.id, '/notes'), token: a.admin.token, payload: { content: 'Nota do mergee' } });
      const conversation = await buildConversationRow(t.ctx, { accountId: a.id, inboxId: inbox.id, contactId: mergee.id, lastActivityAt: new Date('2024-05-05T00:00:00Z') });
      await t.ctx.db.insert(messages).values([
        { accountId: a.id, conversationId: conversation.id, inboxId: inbox.id, messageType: 0, content: 'Oi', senderType: 'contact', senderId: mergee.id },
        { accountId: a.id, conversationId: conversation.id, inboxId: inbox.id, messageType: 1, content: 'Olá', senderType: 'user', senderId: a.admin.id },
      ]);
      await t.ctx.db.update(contacts).set({ lastActivityAt: new Date('2024-05-05T00:00:00Z') }).where(eq(contacts.id, mergee.id));

      const res = await t.request({ method: 'POST', url: mergeUrl(a), token: a.agent.token, payload: { base_contact_id: base.id, mergee_contact_id: mergee.id } });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/actions/contact_merge', res);
      expectContractFields(res.json(), 'contact_base', {
        payload: 'Chatwoot answers a merge with the base contact itself, not wrapped in payload',
      });
      expectContractFields(res.json(), 'contact_list_item', CONTACT_ABSENT);
      expect(res.json()).toMatchObject({
        id: base.id,
        name: 'Maria',
        email: 'maria@example.test',
        phone_number: '+5581999990000',
        identifier: 'crm-77',
        thumbnail: 'https://cdn.example.test/m.png',
        additional_attributes: { city: 'Recife', company_name: 'Sol', social: { twitter: 'maria', linkedin: 'ms' } },
        custom_attributes: { plan: 'pro', seats: 4 },
        last_activity_at: Date.parse('2024-05-05T00:00:00Z') / 1000,
      });
      expect(res.json().contact_inboxes.map((ci: { source_id: string }) => ci.source_id).sort()).toEqual(['base-api', 'mergee-api', 'mergee-web']);
      expect((await t.request({ method: 'GET', url: contactUrl(a, base.id, '/labels'), token: a.admin.token })).json()).toEqual({ payload: ['churn', 'lead', 'vip'] });
      const notes = await t.request({ method: 'GET', url: contactUrl(a, base.id, '/notes'), token: a.admin.token });
      expect(notes.json().map((n: { content: string }) => n.content)).toEqual(['Nota do mergee']);
      const [moved] = await t.ctx.db.select().from(conversations).where(eq(conversations.id, conversation.id));
      expect(moved?.contactId).toBe(base.id);
      const senders = await t.ctx.db.select({ type: messages.senderType, id: messages.senderId }).from(messages).where(eq(messages.conversationId, conversation.id)).orderBy(asc(messages.id));
      expect(senders).toEqual([
        { type: 'contact', id: base.id },
        { type: 'user', id: a.admin.id },
      ]);
      expectError(await t.request({ method: 'GET', url: contactUrl(a, mergee.id), token: a.admin.token }), 404);
      expect(committed.filter((e) => e.name === 'contact.deleted' && e.payload.id === mergee.id)).toHaveLength(1);
      expect(committed.find((e) => e.name === 'contact.merged' && e.payload.id === base.id)).toMatchObject({ accountId: a.id, payload: { account_id: a.id, identifier: 'crm-77' }, realtime: {} });
    });

    it('refuses merging a contact with itself (422), unknown ids and other accounts’ contacts (404), changing nothing', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const base = await buildContact(t.ctx, a.id);
      const theirs = await buildContact(t.ctx, other.id, { name: 'Their Contact' });
      const before = await contactState(t, a.id);
      const theirsBefore = await contactState(t, other.id);
      const cases: [object, number, string?][] = [
        [{ base_contact_id: base.id, mergee_contact_id: base.id }, 422, 'mergee_contact_id'],
        [{ base_contact_id: base.id, mergee_contact_id: theirs.id }, 404],
        [{ base_contact_id: theirs.id, mergee_contact_id: base.id }, 404],
        [{ base_contact_id: base.id, mergee_contact_id: UNKNOWN_ID }, 404],
        [{ base_contact_id: base.id }, 422, 'mergee_contact_id'],
        [{ base_contact_id: 'x', mergee_contact_id: base.id }, 422, 'base_contact_id'],
        [{ base_contact_id: 0, mergee_contact_id: base.id }, 422, 'base_contact_id'],
      ];
      for (const [payload, status, field] of cases) {
        const res = await t.request({ method: 'POST', url: mergeUrl(a), token: a.admin.token, payload });
        expectError(res, status, field);
        expectNoLeak(res, ['Their Contact', theirs.email ?? '']);
      }
      expect(await contactState(t, a.id)).toEqual(before);
      expect(await contactState(t, other.id)).toEqual(theirsBefore);
    });

    it('takes the mergee’s values for the fields named in prefer_mergee, the base’s elsewhere; an unknown field is a 422 that changes nothing', async () => {
      const a = await buildAccount(t.ctx);
      const base = await buildContact(t.ctx, a.id, {
        name: 'Maria Base',
        email: 'base@example.test',
        phoneNumber: '+5511900002222',
        additionalAttributes: { company_name: 'Base Ltda', city: 'Recife' },
      });
      const mergee = await buildContact(t.ctx, a.id, {
        name: 'Maria Mergee',
        email: 'mergee@example.test',
        phoneNumber: null,
        additionalAttributes: { company_name: 'Mergee SA', city: 'Natal' },
      });
      const before = await contactState(t, a.id);
      const bad = await t.request({
        method: 'POST',
        url: mergeUrl(a),
        token: a.agent.token,
        payload: { base_contact_id: base.id, mergee_contact_id: mergee.id, prefer_mergee: ['password'] },
      });
      expectError(bad, 422, 'prefer_mergee.0');
      expect(await contactState(t, a.id)).toEqual(before);

      const res = await t.request({
        method: 'POST',
        url: mergeUrl(a),
        token: a.agent.token,
        payload: { base_contact_id: base.id, mergee_contact_id: mergee.id, prefer_mergee: ['email', 'company_name', 'phone_number'] },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        id: base.id,
        name: 'Maria Base',
        email: 'mergee@example.test',
        phone_number: '+5511900002222',
        additional_attributes: { company_name: 'Mergee SA', city: 'Recife' },
      });
      expect((await contactState(t, a.id)).contacts.map((c) => c.id)).toEqual([base.id]);
    });

    it('lets the base take the mergee’s email; a unique index violation inside a write names its field', async () => {
      const a = await buildAccount(t.ctx);
      const base = await buildContact(t.ctx, a.id, { email: null, phoneNumber: '+5511900001111' });
      const mergee = await buildContact(t.ctx, a.id, { email: 'taken@example.test' });
      const res = await t.request({ method: 'POST', url: mergeUrl(a), token: a.admin.token, payload: { base_contact_id: base.id, mergee_contact_id: mergee.id } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().email).toBe('taken@example.test');
      const error = await insertContact(t.ctx.db, { accountId: a.id, email: 'TAKEN@example.test' }).catch((e: unknown) => e);
      expect(uniqueViolationField(error)).toBe('email');
      expect((await contactState(t, a.id)).contacts.map((c) => c.id)).toEqual([base.id]);
    });
  });
});
