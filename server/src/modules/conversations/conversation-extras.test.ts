import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../platform/outbox/types';
import { buildAccount, type BuiltAccount } from '../../../test/builders';
import { expectDocumentedResponse } from '../../../test/contract';
import { insertContact, insertInbox, insertLabels } from '../../../test/conversation-builders';
import { expectError, mailsTo, settleDeliveries } from '../../../test/expect-api';
import { startTestAppHearing, type TestApp } from '../../../test/harness';

describe('conversation filter, transcript and typing', () => {
  let t: TestApp;
  const live: DomainEvent[] = [];
  beforeAll(async () => {
    t = await startTestAppHearing(live);
  });
  afterAll(() => t.close());

  async function setup() {
    const account = await buildAccount(t.ctx);
    const inbox = await insertInbox(t.ctx, account.id, { memberIds: [account.agent.id] });
    const other = await insertInbox(t.ctx, account.id, { memberIds: [account.agent.id] });
    const { contact } = await insertContact(t.ctx, account.id, inbox.id, { name: 'Carla Dias' });
    await insertLabels(t.ctx, account.id, ['vip', 'billing']);
    const create = async (body: Record<string, unknown>) =>
      (await t.request({ method: 'POST', url: `/api/v1/accounts/${account.id}/conversations`, token: account.admin.token, payload: { contact_id: contact.id, ...body } })).json().id as number;
    const c1 = await create({ inbox_id: inbox.id, additional_attributes: { browser_language: 'pt-BR' }, custom_attributes: { plan: 'pro', seats: 12 } });
    const c2 = await create({ inbox_id: inbox.id, status: 'pending', additional_attributes: { browser_language: 'en' }, custom_attributes: { plan: 'free', seats: 1 } });
    const c3 = await create({ inbox_id: other.id, assignee_id: account.agent.id });
    await t.request({ method: 'POST', url: `/api/v1/accounts/${account.id}/conversations/${c1}/labels`, token: account.admin.token, payload: { labels: ['vip'] } });
    await t.request({ method: 'POST', url: `/api/v1/accounts/${account.id}/conversations/${c3}/toggle_priority`, token: account.admin.token, payload: { priority: 'urgent' } });
    return { account, inbox, other, contact, c1, c2, c3 };
  }

  const filter = (account: BuiltAccount, payload: unknown[], token = account.admin.token) =>
    t.request({ method: 'POST', url: `/api/v1/accounts/${account.id}/conversations/filter`, token, payload: { payload } });
  const ids = async (account: BuiltAccount, payload: unknown[]) =>
    (await filter(account, payload)).json().data.payload.map((c: { id: number }) => c.id).sort();

  it('filters with AND/OR conditions over status, labels, priority, assignee, inbox, attributes and custom attributes', async () => {
    const s = await setup();
    const res = await filter(s.account, [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['open', 'pending'], query_operator: null }]);
    expect(res.statusCode, res.body).toBe(200);
    expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/conversations/filter', res);
    expect(res.json().data.meta.all_count).toBe(3);
    expect(await ids(s.account, [{ attribute_key: 'labels', filter_operator: 'equal_to', values: ['vip'] }])).toEqual([s.c1]);
    expect(await ids(s.account, [{ attribute_key: 'priority', filter_operator: 'equal_to', values: ['urgent'] }])).toEqual([s.c3]);
    expect(await ids(s.account, [{ attribute_key: 'assignee_id', filter_operator: 'is_not_present', values: [] }])).toEqual([s.c1, s.c2]);
    expect(await ids(s.account, [{ attribute_key: 'inbox_id', filter_operator: 'equal_to', values: [String(s.other.id)] }])).toEqual([s.c3]);
    expect(await ids(s.account, [{ attribute_key: 'browser_language', filter_operator: 'contains', values: ['PT'] }])).toEqual([s.c1]);
    expect(await ids(s.account, [{ attribute_key: 'seats', attribute_model: 'custom_attribute', filter_operator: 'is_greater_than', values: [5] }])).toEqual([s.c1]);
    expect(await ids(s.account, [{ attribute_key: 'plan', attribute_model: 'custom_attribute', filter_operator: 'equal_to', values: ['FREE'] }])).toEqual([s.c2]);
    // status = pending OR labels has vip AND priority urgent  →  pending OR (vip AND urgent)
    expect(
      await ids(s.account, [
        { attribute_key: 'status', filter_operator: 'equal_to', values: ['pending'], query_operator: 'OR' },
        { attribute_key: 'labels', filter_operator: 'equal_to', values: ['vip'], query_operator: 'AND' },
        { attribute_key: 'priority', filter_operator: 'equal_to', values: ['urgent'] },
      ]),
    ).toEqual([s.c2]);
    expect(await ids(s.account, [{ attribute_key: 'created_at', filter_operator: 'days_before', values: [3] }])).toEqual([]);
  });

  it('names the condition that is wrong', async () => {
    const s = await setup();
    expectError(await filter(s.account, [{ attribute_key: 'status', filter_operator: 'contains', values: ['o'] }]), 422, 'payload[0].filter_operator');
    expectError(await filter(s.account, [{ attribute_key: 'nonsense', attribute_model: 'standard', filter_operator: 'equal_to', values: ['x'] }]), 422, 'payload[0].attribute_key');
    expectError(
      await filter(s.account, [
        { attribute_key: 'status', filter_operator: 'equal_to', values: ['open'] },
        { attribute_key: 'inbox_id', filter_operator: 'equal_to', values: ['abc'] },
      ]),
      422,
      'payload[1].values',
    );
    expectError(await filter(s.account, [{ attribute_key: 'status', filter_operator: 'equal_to', values: [] }]), 422, 'payload[0].values');
    expectError(await filter(s.account, [{ attribute_key: "x'); DROP TABLE conversations; --", filter_operator: 'equal_to', values: ['1'] }]), 422, 'payload[0].attribute_key');
    expectError(await filter(s.account, []), 422, 'payload');
  });

  it('emails the public history as a transcript, without private notes', async () => {
    const s = await setup();
    const base = `/api/v1/accounts/${s.account.id}/conversations/${s.c1}`;
    await t.request({ method: 'POST', url: `${base}/messages`, token: s.account.agent.token, payload: { content: 'Olá Carla, tudo certo?' } });
    await t.request({ method: 'POST', url: `${base}/messages`, token: s.account.agent.token, payload: { content: 'nota interna secreta', private: true } });
    const res = await t.request({ method: 'POST', url: `${base}/transcript`, token: s.account.agent.token, payload: { email: 'carla@example.test' } });
    expect(res.json()).toEqual({ success: true });
    await settleDeliveries(t);
    const [mail] = await mailsTo(t, 'carla@example.test');
    expect(mail?.subject).toContain(`Transcrição da conversa #${s.c1}`);
    expect(mail?.text).toContain('Olá Carla, tudo certo?');
    expect(mail?.text).not.toContain('nota interna secreta');
    expectError(await t.request({ method: 'POST', url: `${base}/transcript`, token: s.account.agent.token, payload: { email: 'nope' } }), 422, 'email');
  });

  it('announces typing to agents, and to the contact only without agent details', async () => {
    const s = await setup();
    const base = `/api/v1/accounts/${s.account.id}/conversations/${s.c1}`;
    live.length = 0;
    await t.request({ method: 'POST', url: `${base}/toggle_typing_status`, token: s.account.agent.token, payload: { typing_status: 'on' } });
    const typing = live.filter((e) => e.name === 'conversation.typing_on');
    expect(typing).toHaveLength(2);
    const forContact = typing.find((e) => e.realtime?.agents === false);
    expect(forContact?.payload).toEqual({
      account_id: s.account.id,
      inbox_id: s.inbox.id,
      conversation: { id: s.c1, inbox_id: s.inbox.id },
      user: { id: s.account.agent.id, name: s.account.agent.name, avatar_url: '', type: 'user' },
      is_private: false,
    });
    live.length = 0;
    await t.request({ method: 'POST', url: `${base}/toggle_typing_status`, token: s.account.agent.token, payload: { typing_status: 'on', is_private: true } });
    expect(live.filter((e) => e.name === 'conversation.typing_on').map((e) => e.realtime)).toEqual([{ inboxId: s.inbox.id }]);
  });
});
