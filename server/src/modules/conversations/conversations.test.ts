import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../platform/outbox/types';
import { buildAccount, buildUser, type BuiltAccount } from '../../../test/builders';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { insertContact, insertInbox, insertLabels, insertTeam } from '../../../test/conversation-builders';
import { BAD_IDS, expectError, expectNoLeak, UNKNOWN_ID } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { waitFor } from '../../../test/wait';

describe('conversations API', () => {
  let t: TestApp;
  const committed: DomainEvent[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    t.ctx.outbox.onCommitted((events) => committed.push(...events));
  });
  afterAll(() => t.close());

  /** An account whose agent works in `inbox`, with one contact there. */
  async function setup() {
    const account = await buildAccount(t.ctx);
    const inbox = await insertInbox(t.ctx, account.id, { memberIds: [account.agent.id] });
    const { contact, contactInbox } = await insertContact(t.ctx, account.id, inbox.id, { name: 'Fernanda Souza', email: 'fernanda@example.test' });
    return { account, inbox, contact, contactInbox };
  }

  const api = (account: BuiltAccount, path: string) => `/api/v1/accounts/${account.id}/conversations${path}`;

  async function create(account: BuiltAccount, body: Record<string, unknown>, token = account.admin.token) {
    const res = await t.request({ method: 'POST', url: api(account, ''), token, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; inbox_id: number; status: string };
  }

  async function post(account: BuiltAccount, displayId: number, body: Record<string, unknown>, token = account.admin.token) {
    return t.request({ method: 'POST', url: api(account, `/${displayId}/messages`), token, payload: body });
  }

  describe('creating and showing', () => {
    it('numbers conversations 1, 2, 3 in each account and shows them in the contract shape', async () => {
      const a = await setup();
      const b = await setup();
      const first = await create(a.account, { inbox_id: a.inbox.id, source_id: a.contactInbox.sourceId });
      const second = await create(a.account, { inbox_id: a.inbox.id, contact_id: a.contact.id, message: { content: 'Olá! Como posso ajudar?' } });
      const other = await create(b.account, { inbox_id: b.inbox.id, source_id: b.contactInbox.sourceId });
      expect([first.id, second.id, other.id]).toEqual([1, 2, 1]);

      const shown = await t.request({ method: 'GET', url: api(a.account, '/2'), token: a.account.agent.token });
      expect(shown.statusCode).toBe(200);
      const json = shown.json();
      expect(json).toMatchObject({ id: 2, inbox_id: a.inbox.id, status: 'open', channel: 'Channel::Api', meta: { sender: { name: 'Fernanda Souza' } } });
      expect(json.messages[0]).toMatchObject({ content: 'Olá! Como posso ajudar?', message_type: 1, sender_type: 'User' });
      expect(json.first_reply_created_at).toEqual(expect.any(Number));
      expectContractFields(json, 'conversation', {
        'messages[].attachment': 'Chatwoot sends a message’s files as the array `attachments` (present); the contract’s singular field is not what its server sends',
        'last_non_activity_message.attachment': 'as above: files are in `attachments`',
      });
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/conversations/{conversation_id}', shown);
      expect(committed.some((e) => e.name === 'conversation.created' && e.payload.id === 1 && e.accountId === a.account.id)).toBe(true);
    });

    it('answers 404 to other accounts, agents outside the inbox, and unknown ids; 401 without a token', async () => {
      const a = await setup();
      const other = await setup();
      const outsider = await buildUser(t.ctx, { accountId: a.account.id, role: 'agent' });
      await create(a.account, { inbox_id: a.inbox.id, source_id: a.contactInbox.sourceId });
      for (const token of [other.account.admin.token, outsider.token]) {
        const res = await t.request({ method: 'GET', url: api(a.account, '/1'), token });
        expectError(res, 404);
        expectNoLeak(res, ['Fernanda Souza', 'fernanda@example.test']);
      }
      expectError(await t.request({ method: 'GET', url: api(a.account, `/${UNKNOWN_ID}`), token: a.account.admin.token }), 404);
      expectError(await t.request({ method: 'GET', url: api(a.account, '/1') }), 401);
      expectError(await t.request({ method: 'GET', url: api(a.account, '/1'), token: 'bad-token' }), 401);
      for (const bad of BAD_IDS) {
        expectError(await t.request({ method: 'GET', url: api(a.account, `/${bad}`), token: a.account.admin.token }), 422);
      }
    });

    it('rejects bad creation input naming the field, and creates nothing', async () => {
      const a = await setup();
      const other = await setup();
      const cases: [Record<string, unknown>, string][] = [
        [{}, 'inbox_id'],
        [{ inbox_id: a.inbox.id }, 'contact_id'],
        [{ inbox_id: other.inbox.id, source_id: other.contactInbox.sourceId }, 'inbox_id'],
        [{ inbox_id: a.inbox.id, source_id: 'nobody' }, 'source_id'],
        [{ inbox_id: a.inbox.id, contact_id: other.contact.id }, 'contact_id'],
        [{ inbox_id: a.inbox.id, contact_id: a.contact.id, assignee_id: other.account.agent.id }, 'assignee_id'],
        [{ inbox_id: a.inbox.id, contact_id: a.contact.id, status: 'closed' }, 'status'],
        [{ inbox_id: a.inbox.id, contact_id: a.contact.id, snoozed_until: 1 }, 'snoozed_until'],
      ];
      for (const [body, field] of cases) {
        expectError(await t.request({ method: 'POST', url: api(a.account, ''), token: a.account.admin.token, payload: body }), 422, field);
      }
      const list = await t.request({ method: 'GET', url: api(a.account, '?status=all'), token: a.account.admin.token });
      expect(list.json().data.meta.all_count).toBe(0);
    });
  });

  describe('listing', () => {
    it('shows the tabs’ counts in one answer and filters by assignee, status and inbox; agents see only their inboxes', async () => {
      const a = await setup();
      const hidden = await insertInbox(t.ctx, a.account.id);
      const hiddenContact = await insertContact(t.ctx, a.account.id, hidden.id);
      await create(a.account, { inbox_id: a.inbox.id, contact_id: a.contact.id, assignee_id: a.account.agent.id });
      await create(a.account, { inbox_id: a.inbox.id, contact_id: a.contact.id });
      await create(a.account, { inbox_id: a.inbox.id, contact_id: a.contact.id, status: 'pending' });
      await create(a.account, { inbox_id: hidden.id, source_id: hiddenContact.contactInbox.sourceId });

      const asAgent = await t.request({ method: 'GET', url: api(a.account, '?assignee_type=me'), token: a.account.agent.token });
      expect(asAgent.statusCode).toBe(200);
      expect(asAgent.json().data.meta).toEqual({ mine_count: 1, unassigned_count: 1, assigned_count: 1, all_count: 2 });
      expect(asAgent.json().data.payload.map((c: { id: number }) => c.id)).toEqual([1]);
      expectContractFields(asAgent.json(), 'conversation_list', {
        'data.payload[].meta.assignee.*':
          'the contract shows the assignee as a full user with their access and pubsub tokens; RocketHub shows colleagues only as agents (id, name, avatar, availability) and never shares a user’s secrets',
      });
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/conversations', asAgent);

      const asAdmin = await t.request({ method: 'GET', url: api(a.account, '?assignee_type=unassigned'), token: a.account.admin.token });
      expect(asAdmin.json().data.meta).toEqual({ mine_count: 0, unassigned_count: 2, assigned_count: 1, all_count: 3 });
      expect(asAdmin.json().data.payload.map((c: { id: number }) => c.id).sort()).toEqual([2, 4]);

      const pending = await t.request({ method: 'GET', url: api(a.account, '?status=pending'), token: a.account.admin.token });
      expect(pending.json().data.payload.map((c: { id: number }) => c.id)).toEqual([3]);
      const byInbox = await t.request({ method: 'GET', url: api(a.account, `?status=all&inbox_id=${hidden.id}`), token: a.account.agent.token });
      expect(byInbox.json().data.payload).toEqual([]);

      const meta = await t.request({ method: 'GET', url: api(a.account, '/meta?status=all'), token: a.account.admin.token });
      expect(meta.json()).toEqual({ meta: { mine_count: 0, unassigned_count: 3, assigned_count: 1, all_count: 4 } });
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/conversations/meta', meta);
    });

    it('sorts by each of the 8 orders', async () => {
      const a = await setup();
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push((await create(a.account, { inbox_id: a.inbox.id, contact_id: a.contact.id })).id);
      await t.request({ method: 'POST', url: api(a.account, '/1/toggle_priority'), token: a.account.admin.token, payload: { priority: 'urgent' } });
      await t.request({ method: 'POST', url: api(a.account, '/3/toggle_priority'), token: a.account.admin.token, payload: { priority: 'low' } });
      await post(a.account, 2, { content: 'customer writes', message_type: 'incoming' });
      await post(a.account, 1, { content: 'customer writes', message_type: 'incoming' });
      const order = async (sort: string) =>
        (await t.request({ method: 'GET', url: api(a.account, `?sort_by=${sort}`), token: a.account.admin.token })).json().data.payload.map((c: { id: number }) => c.id);
      expect(await order('last_activity_at_desc')).toEqual([1, 2, 3]);
      expect(await order('last_activity_at_asc')).toEqual([3, 2, 1]);
      expect(await order('created_at_desc')).toEqual([3, 2, 1]);
      expect(await order('created_at_asc')).toEqual([1, 2, 3]);
      expect(await order('priority_desc')).toEqual([1, 3, 2]);
      expect(await order('priority_asc')).toEqual([2, 3, 1]);
      expect(await order('waiting_since_asc')).toEqual([2, 1, 3]);
      expect(await order('waiting_since_desc')).toEqual([1, 2, 3]);
      expectError(await t.request({ method: 'GET', url: api(a.account, '?sort_by=random'), token: a.account.admin.token }), 422, 'sort_by');
    });

    it('filters by labels, team, mentions, participation, unattended and what changed since a time', async () => {
      const a = await setup();
      await insertLabels(t.ctx, a.account.id, ['billing', 'vip']);
      const team = await insertTeam(t.ctx, a.account.id, [a.account.agent.id]);
      for (let i = 0; i < 4; i++) await create(a.account, { inbox_id: a.inbox.id, contact_id: a.contact.id });
      await t.request({ method: 'POST', url: api(a.account, '/1/labels'), token: a.account.admin.token, payload: { labels: ['billing'] } });
      await t.request({ method: 'POST', url: api(a.account, '/2/assignments'), token: a.account.admin.token, payload: { team_id: team.id } });
      await post(a.account, 3, { content: `[@${a.account.agent.name}](mention://user/${a.account.agent.id}/${encodeURIComponent(a.account.agent.name)}) olha isso`, private: true });
      await post(a.account, 4, { content: 'Respondido', private: false });
      await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
      const before = Math.floor(Date.now() / 1000);
      await post(a.account, 2, { content: 'later', private: true });

      const ids = async (query: string, token = a.account.agent.token) =>
        (await t.request({ method: 'GET', url: api(a.account, `?${query}`), token })).json().data.payload.map((c: { id: number }) => c.id).sort();
      expect(await ids('labels[]=billing')).toEqual([1]);
      expect(await ids('labels=billing,vip')).toEqual([1]);
      expect(await ids(`team_id=${team.id}`)).toEqual([2]);
      expect(await ids('conversation_type=mention')).toEqual([3]);
      expect(await ids('conversation_type=participating', a.account.admin.token)).toEqual([2, 3, 4]);
      expect(await ids('conversation_type=unattended')).toEqual([1, 2, 3]);
      expect(await ids(`updated_after=${before}`)).toEqual([2]);
    });
  });

  describe('status, snooze, priority, assignment, labels', () => {
    it('toggles and sets status with activity lines in the account language, and tells the contact only the status', async () => {
      const a = await setup();
      await create(a.account, { inbox_id: a.inbox.id, contact_id: a.contact.id });
      const toggled = await t.request({ method: 'POST', url: api(a.account, '/1/toggle_status'), token: a.account.agent.token, payload: {} });
      expect(toggled.json()).toEqual({ meta: {}, payload: { success: true, current_status: 'resolved', conversation_id: 1, snoozed_until: null } });
      expectContractFields(toggled.json(), 'conversation_status_toggle');
      const pending = await t.request({ method: 'POST', url: api(a.account, '/1/toggle_status'), token: a.account.agent.token, payload: { status: 'pending' } });
      expect(pending.json().payload.current_status).toBe('pending');
      const messages = await t.request({ method: 'GET', url: api(a.account, '/1/messages'), token: a.account.agent.token });
      const activity = messages.json().payload.filter((m: { message_type: number }) => m.message_type === 2).map((m: { content: string }) => m.content);
      expect(activity).toEqual([`Conversa marcada como resolvida por ${a.account.agent.name}`, `Conversa marcada como pendente por ${a.account.agent.name}`]);
      const contactCopy = committed.find((e) => e.name === 'conversation.status_changed' && e.realtime?.agents === false && e.accountId === a.account.id);
      expect(contactCopy?.realtime?.contactPubsubToken).toBe(a.contactInbox.pubsubToken);
      expect(Object.keys(contactCopy?.payload ?? {}).sort()).toEqual(['account_id', 'id', 'inbox_id', 'snoozed_until', 'status']);
    });

    it('snoozes until a time (reopened by the scheduled job) or until the next customer message', async () => {
      const a = await setup();
      await create(a.account, { inbox_id: a.inbox.id, contact_id: a.contact.id });
      await create(a.account, { inbox_id: a.inbox.id, contact_id: a.contact.id });
      const until = Math.floor(Date.now() / 1000) + 2;
      const snoozed = await t.request({ method: 'POST', url: api(a.account, '/1/toggle_status'), token: a.account.admin.token, payload: { status: 'snoozed', snoozed_until: until } });
      expect(snoozed.json().payload).toMatchObject({ current_status: 'snoozed', snoozed_until: until });
      await t.request({ method: 'POST', url: api(a.account, '/2/toggle_status'), token: a.account.admin.token, payload: { status: 'snoozed' } });
      await post(a.account, 2, { content: 'Oi, ainda preciso de ajuda', message_type: 'incoming' });
      const status = async (id: number) => (await t.request({ method: 'GET', url: api(a.account, `/${id}`), token: a.account.admin.token })).json().status;
      expect(await status(2)).toBe('open');
      await waitFor(async () => (await status(1)) === 'open', 20_000, 200);
      expectError(await t.request({ method: 'POST', url: api(a.account, '/1/toggle_status'), token: a.account.admin.token, payload: { status: 'snoozed', snoozed_until: 100 } }), 422, 'snoozed_until');
    });

    it('assigns agents and teams, only agents of the inbox, and answers the assignee', async () => {
      const a = await setup();
      const outsider = await buildUser(t.ctx, { accountId: a.account.id, role: 'agent' });
      const team = await insertTeam(t.ctx, a.account.id, [], 'Financeiro');
      await create(a.account, { inbox_id: a.inbox.id, contact_id: a.contact.id });
      const assigned = await t.request({ method: 'POST', url: api(a.account, '/1/assignments'), token: a.account.admin.token, payload: { assignee_id: a.account.agent.id } });
      expect(assigned.json()).toMatchObject({ id: a.account.agent.id, name: a.account.agent.name });
      expectError(await t.request({ method: 'POST', url: api(a.account, '/1/assignments'), token: a.account.admin.token, payload: { assignee_id: outsider.id } }), 422, 'assignee_id');
      const teamAssigned = await t.request({ method: 'POST', url: api(a.account, '/1/assignments'), token: a.account.agent.token, payload: { team_id: team.id } });
      expect(teamAssigned.json()).toMatchObject({ id: team.id, name: 'Financeiro' });
      const unassigned = await t.request({ method: 'POST', url: api(a.account, '/1/assignments'), token: a.account.admin.token, payload: { assignee_id: null } });
      expect(unassigned.json()).toBeNull();
      const shown = (await t.request({ method: 'GET', url: api(a.account, '/1'), token: a.account.admin.token })).json();
      expect(shown.meta).toMatchObject({ assignee: null, team: { name: 'Financeiro' } });
      expect(committed.filter((e) => e.name === 'assignee.changed' && e.accountId === a.account.id)).toHaveLength(2);
    });

    it('replaces labels (only the account’s), sets priority, mutes and marks read/unread', async () => {
      const a = await setup();
      await insertLabels(t.ctx, a.account.id, ['billing', 'problema-login']);
      await create(a.account, { inbox_id: a.inbox.id, contact_id: a.contact.id });
      const labels = await t.request({ method: 'POST', url: api(a.account, '/1/labels'), token: a.account.agent.token, payload: { labels: ['Billing', 'problema-login'] } });
      expect(labels.json()).toEqual({ payload: ['billing', 'problema-login'] });
      expectContractFields(labels.json(), 'conversation_labels');
      expectError(await t.request({ method: 'POST', url: api(a.account, '/1/labels'), token: a.account.agent.token, payload: { labels: ['nope'] } }), 422, 'labels');
      expect((await t.request({ method: 'GET', url: api(a.account, '/1/labels'), token: a.account.agent.token })).json()).toEqual({ payload: ['billing', 'problema-login'] });

      const priority = await t.request({ method: 'PATCH', url: api(a.account, '/1'), token: a.account.agent.token, payload: { priority: 'high' } });
      expect(priority.json().priority).toBe('high');
      expect((await t.request({ method: 'POST', url: api(a.account, '/1/mute'), token: a.account.agent.token })).json().muted).toBe(true);
      expect((await t.request({ method: 'POST', url: api(a.account, '/1/unmute'), token: a.account.agent.token })).json().muted).toBe(false);

      await post(a.account, 1, { content: 'uma', message_type: 'incoming' });
      await post(a.account, 1, { content: 'duas', message_type: 'incoming' });
      expect((await t.request({ method: 'GET', url: api(a.account, '/1'), token: a.account.agent.token })).json().unread_count).toBe(2);
      const read = await t.request({ method: 'POST', url: api(a.account, '/1/update_last_seen'), token: a.account.agent.token });
      expect(read.json()).toMatchObject({ unread_count: 0, agent_last_seen_at: expect.any(Number) });
      expect((await t.request({ method: 'POST', url: api(a.account, '/1/unread'), token: a.account.agent.token })).json().unread_count).toBe(1);
      const attributes = await t.request({ method: 'POST', url: api(a.account, '/1/custom_attributes'), token: a.account.agent.token, payload: { custom_attributes: { order_id: '12345', plan: 'pro' } } });
      expect(attributes.json()).toEqual({ custom_attributes: { order_id: '12345', plan: 'pro' } });
      const removed = await t.request({ method: 'DELETE', url: api(a.account, '/1/custom_attributes'), token: a.account.agent.token, payload: { custom_attributes: ['plan'] } });
      expect(removed.json()).toEqual({ custom_attributes: { order_id: '12345' } });
    });

    it('manages participants (account members only)', async () => {
      const a = await setup();
      const other = await setup();
      await create(a.account, { inbox_id: a.inbox.id, contact_id: a.contact.id });
      const added = await t.request({ method: 'POST', url: api(a.account, '/1/participants'), token: a.account.agent.token, payload: { user_ids: [a.account.admin.id] } });
      expect(added.json().map((u: { id: number }) => u.id)).toEqual([a.account.admin.id]);
      expectError(await t.request({ method: 'POST', url: api(a.account, '/1/participants'), token: a.account.agent.token, payload: { user_ids: [other.account.admin.id] } }), 422, 'user_ids');
      const set = await t.request({ method: 'PATCH', url: api(a.account, '/1/participants'), token: a.account.agent.token, payload: { user_ids: [a.account.agent.id] } });
      expect(set.json().map((u: { id: number }) => u.id)).toEqual([a.account.agent.id]);
      const removed = await t.request({ method: 'DELETE', url: api(a.account, '/1/participants'), token: a.account.agent.token, payload: { user_ids: [a.account.agent.id] } });
      expect(removed.json()).toEqual([]);
    });

    it('refuses every change from another account, an agent outside the inbox or without a token, changing nothing', async () => {
      const a = await setup();
      const other = await setup();
      const outsider = await buildUser(t.ctx, { accountId: a.account.id, role: 'agent' });
      await create(a.account, { inbox_id: a.inbox.id, contact_id: a.contact.id });
      const before = (await t.request({ method: 'GET', url: api(a.account, '/1'), token: a.account.admin.token })).json();
      const changes: [string, string, Record<string, unknown>][] = [
        ['POST', '/1/toggle_status', { status: 'resolved' }],
        ['POST', '/1/toggle_priority', { priority: 'urgent' }],
        ['POST', '/1/assignments', { assignee_id: null }],
        ['POST', '/1/labels', { labels: [] }],
        ['POST', '/1/mute', {}],
        ['POST', '/1/custom_attributes', { custom_attributes: { x: 1 } }],
        ['POST', '/1/messages', { content: 'intruder' }],
        ['PATCH', '/1', { priority: 'low' }],
      ];
      for (const [method, path, payload] of changes) {
        for (const token of [other.account.admin.token, outsider.token]) {
          expectError(await t.request({ method: method as 'POST', url: api(a.account, path), token, payload }), 404);
        }
        expectError(await t.request({ method: method as 'POST', url: api(a.account, path), payload }), 401);
      }
      const after = (await t.request({ method: 'GET', url: api(a.account, '/1'), token: a.account.admin.token })).json();
      expect(after).toEqual(before);
    });
  });
});
