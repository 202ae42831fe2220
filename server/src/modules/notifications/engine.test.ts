import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildUser, type BuiltAccount } from '../../../test/builders';
import { insertContact, insertInbox, insertTeam } from '../../../test/conversation-builders';
import { settleDeliveries } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { commitEvent } from '../../../test/live-events';
import { notifications, outbox, outboxDeliveries } from '../../db/schema';
import type { DomainEvent } from '../../platform/outbox/types';
import { handleEngineEvent, SLA_MISSED } from './engine';

describe('notification engine', () => {
  let t: TestApp;
  const committed: DomainEvent[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    t.ctx.outbox.onCommitted((events) => committed.push(...events));
  });
  afterAll(() => t.close());

  async function setup() {
    const account = await buildAccount(t.ctx);
    const agent2 = await buildUser(t.ctx, { accountId: account.id, role: 'agent', name: 'Bruna Lima' });
    const outsider = await buildUser(t.ctx, { accountId: account.id, role: 'agent', name: 'Fora da Caixa' });
    const inbox = await insertInbox(t.ctx, account.id, { channelType: 'api', name: 'Suporte', memberIds: [account.agent.id, agent2.id] });
    const { contact } = await insertContact(t.ctx, account.id, inbox.id, { name: 'João Pereira' });
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/conversations`,
      token: account.admin.token,
      payload: { inbox_id: inbox.id, contact_id: contact.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    return { account, agent2, outsider, inbox, contact, conversationId: res.json().id as number };
  }

  const api = (account: BuiltAccount, conversationId: number, rest: string) => `/api/v1/accounts/${account.id}/conversations/${conversationId}${rest}`;

  async function notificationsOf(account: BuiltAccount, token: string) {
    await settleDeliveries(t);
    const res = await t.request({ method: 'GET', url: `/api/v1/accounts/${account.id}/notifications`, token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data.payload as { notification_type: string; primary_actor_id: number; secondary_actor: Record<string, unknown> | null; push_message_title: string; push_message_body: string }[];
  }

  it('tells the assignee, with who assigned them, but not someone who assigns themselves', async () => {
    const s = await setup();
    const assign = await t.request({ method: 'POST', url: api(s.account, s.conversationId, '/assignments'), token: s.account.admin.token, payload: { assignee_id: s.account.agent.id } });
    expect(assign.statusCode, assign.body).toBe(200);
    const mine = await notificationsOf(s.account, s.account.agent.token);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      notification_type: 'conversation_assignment',
      primary_actor_type: 'Conversation',
      primary_actor_id: s.conversationId,
      primary_actor: { id: s.conversationId, inbox_id: s.inbox.id },
      secondary_actor_type: 'User',
      secondary_actor: { id: s.account.admin.id, type: 'user' },
      push_message_title: `A conversa #${s.conversationId} foi atribuída a você`,
      push_message_body: 'João Pereira',
      read_at: null,
    });
    const live = committed.find((e) => e.name === 'notification.created' && e.accountId === s.account.id);
    expect(live?.realtime).toEqual({ userIds: [s.account.agent.id] });
    expect(live?.payload).toMatchObject({ unread_count: 1, count: 1, notification: { notification_type: 'conversation_assignment' } });

    // Bruna takes it herself: nobody is told.
    const self = await t.request({ method: 'POST', url: api(s.account, s.conversationId, '/assignments'), token: s.agent2.token, payload: { assignee_id: s.agent2.id } });
    expect(self.statusCode, self.body).toBe(200);
    expect(await notificationsOf(s.account, s.agent2.token)).toEqual([]);
    expect(await notificationsOf(s.account, s.account.admin.token)).toEqual([]);
  });

  it('tells the assignee of a conversation created already assigned, but not an agent who creates it for themselves', async () => {
    const s = await setup();
    const created = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${s.account.id}/conversations`,
      token: s.account.admin.token,
      payload: { inbox_id: s.inbox.id, contact_id: s.contact.id, assignee_id: s.agent2.id },
    });
    expect(created.statusCode, created.body).toBe(200);
    const bruna = await notificationsOf(s.account, s.agent2.token);
    expect(bruna).toHaveLength(1);
    expect(bruna[0]).toMatchObject({ notification_type: 'conversation_assignment', primary_actor_id: created.json().id, secondary_actor: { id: s.account.admin.id } });

    const own = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${s.account.id}/conversations`,
      token: s.account.agent.token,
      payload: { inbox_id: s.inbox.id, contact_id: s.contact.id, assignee_id: s.account.agent.id },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(await notificationsOf(s.account, s.account.agent.token)).toEqual([]);
  });

  it('tells mentioned agents (one notification for the note), and the assignee and participants of new messages', async () => {
    const s = await setup();
    await t.request({ method: 'POST', url: api(s.account, s.conversationId, '/assignments'), token: s.account.admin.token, payload: { assignee_id: s.account.agent.id } });
    await settleDeliveries(t);
    // The assignee mentions Bruna in a note: Bruna hears of the mention only.
    const note = await t.request({
      method: 'POST',
      url: api(s.account, s.conversationId, '/messages'),
      token: s.account.agent.token,
      payload: { content: `[@Bruna](mention://user/${s.agent2.id}/Bruna) pode ver o pedido 123?`, private: true },
    });
    expect(note.statusCode, note.body).toBe(200);
    const bruna = await notificationsOf(s.account, s.agent2.token);
    expect(bruna.map((n) => n.notification_type)).toEqual(['conversation_mention']);
    expect(bruna[0]).toMatchObject({
      secondary_actor_type: 'Message',
      secondary_actor: { id: note.json().id, private: true },
      push_message_body: expect.stringContaining('@Bruna pode ver o pedido 123?'),
    });
    // The author is not told of their own note.
    expect((await notificationsOf(s.account, s.account.agent.token)).map((n) => n.notification_type)).toEqual(['conversation_assignment']);

    // The customer writes: the assignee and Bruna (now a participant) are told, each once.
    const incoming = await t.request({
      method: 'POST',
      url: api(s.account, s.conversationId, '/messages'),
      token: s.account.admin.token,
      payload: { content: 'Alguma novidade?', message_type: 'incoming' },
    });
    expect(incoming.statusCode, incoming.body).toBe(200);
    const agentList = await notificationsOf(s.account, s.account.agent.token);
    expect(agentList.map((n) => n.notification_type)).toEqual(['assigned_conversation_new_message', 'conversation_assignment']);
    expect(agentList[0]).toMatchObject({ secondary_actor: { id: incoming.json().id, content: 'Alguma novidade?' }, push_message_body: 'João Pereira: Alguma novidade?' });
    expect((await notificationsOf(s.account, s.agent2.token)).map((n) => n.notification_type)).toEqual([
      'participating_conversation_new_message',
      'conversation_mention',
    ]);

    // A team mention reaches the team's agents; the agent who replies hears nothing of their reply.
    const team = await insertTeam(t.ctx, s.account.id, [s.agent2.id]);
    await t.request({
      method: 'POST',
      url: api(s.account, s.conversationId, '/messages'),
      token: s.account.agent.token,
      payload: { content: `[@Time](mention://team/${team.id}/Time) ajuda aqui`, private: true },
    });
    const after = await notificationsOf(s.account, s.agent2.token);
    expect(after.map((n) => n.notification_type)).toEqual(['conversation_mention', 'participating_conversation_new_message', 'conversation_mention']);
    expect((await notificationsOf(s.account, s.account.agent.token))).toHaveLength(2);
  });

  it('tells only inbox members who chose to hear about new conversations', async () => {
    const s = await setup();
    // The first conversation's event is handled before anyone changes their choice.
    await settleDeliveries(t);
    const settings = await t.request({
      method: 'PATCH',
      url: `/api/v1/accounts/${s.account.id}/notification_settings`,
      token: s.agent2.token,
      payload: { notification_settings: { selected_push_flags: ['push_conversation_creation'] } },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    // The outsider subscribes too, but does not work in the inbox.
    await t.request({
      method: 'PATCH',
      url: `/api/v1/accounts/${s.account.id}/notification_settings`,
      token: s.outsider.token,
      payload: { selected_email_flags: ['email_conversation_creation'] },
    });
    const created = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${s.account.id}/conversations`,
      token: s.account.admin.token,
      payload: { inbox_id: s.inbox.id, contact_id: s.contact.id },
    });
    expect(created.statusCode).toBe(200);
    const bruna = await notificationsOf(s.account, s.agent2.token);
    expect(bruna).toHaveLength(1);
    expect(bruna[0]).toMatchObject({ notification_type: 'conversation_creation', primary_actor_id: created.json().id, push_message_title: `Nova conversa #${created.json().id} criada em Suporte` });
    expect(await notificationsOf(s.account, s.account.agent.token)).toEqual([]);
    expect(await notificationsOf(s.account, s.outsider.token)).toEqual([]);
  });

  it('tells no one about a muted conversation, and nobody outside its inbox', async () => {
    const s = await setup();
    await t.request({ method: 'POST', url: api(s.account, s.conversationId, '/assignments'), token: s.account.admin.token, payload: { assignee_id: s.account.agent.id } });
    const participants = await t.request({ method: 'POST', url: api(s.account, s.conversationId, '/participants'), token: s.account.admin.token, payload: { user_ids: [s.outsider.id, s.agent2.id] } });
    expect(participants.statusCode, participants.body).toBe(200);
    await t.request({ method: 'POST', url: api(s.account, s.conversationId, '/messages'), token: s.account.admin.token, payload: { content: 'Oi', message_type: 'incoming' } });
    expect(await notificationsOf(s.account, s.outsider.token)).toEqual([]);
    expect((await notificationsOf(s.account, s.agent2.token)).map((n) => n.notification_type)).toEqual(['participating_conversation_new_message']);

    const mute = await t.request({ method: 'POST', url: api(s.account, s.conversationId, '/mute'), token: s.account.agent.token });
    expect(mute.statusCode, mute.body).toBe(200);
    await t.request({ method: 'POST', url: api(s.account, s.conversationId, '/messages'), token: s.account.admin.token, payload: { content: 'Oi de novo', message_type: 'incoming' } });
    await t.request({
      method: 'POST',
      url: api(s.account, s.conversationId, '/messages'),
      token: s.account.admin.token,
      payload: { content: `[@Bruna](mention://user/${s.agent2.id}/Bruna) olha`, private: true },
    });
    expect((await notificationsOf(s.account, s.agent2.token)).map((n) => n.notification_type)).toEqual(['participating_conversation_new_message']);
    expect((await notificationsOf(s.account, s.account.agent.token)).map((n) => n.notification_type)).toEqual([
      'assigned_conversation_new_message',
      'conversation_assignment',
    ]);
  });

  it('queues no engine job for a message nobody can be told of (no assignee, no participant), and does once someone is', async () => {
    const s = await setup();
    const engineJobsFor = async (content: string) => {
      await settleDeliveries(t);
      const rows = await t.ctx.db
        .select({ handler: outboxDeliveries.handler, payload: outbox.payload })
        .from(outbox)
        .leftJoin(outboxDeliveries, and(eq(outboxDeliveries.eventId, outbox.id), eq(outboxDeliveries.handler, 'notifications.engine')))
        .where(and(eq(outbox.name, 'message.created'), eq(outbox.accountId, s.account.id)));
      const row = rows.find((r) => (r.payload as { content?: unknown }).content === content);
      expect(row).toBeDefined();
      return row!.handler === null ? 0 : 1;
    };
    const post = (content: string) =>
      t.request({ method: 'POST', url: api(s.account, s.conversationId, '/messages'), token: s.account.admin.token, payload: { content, message_type: 'incoming' } });
    expect((await post('Ninguém ouve')).statusCode).toBe(200);
    expect(await engineJobsFor('Ninguém ouve')).toBe(0);
    await t.request({ method: 'POST', url: api(s.account, s.conversationId, '/participants'), token: s.account.admin.token, payload: { user_ids: [s.agent2.id] } });
    expect((await post('Agora a Bruna ouve')).statusCode).toBe(200);
    expect(await engineJobsFor('Agora a Bruna ouve')).toBe(1);
    expect((await notificationsOf(s.account, s.agent2.token)).map((n) => n.notification_type)).toEqual(['participating_conversation_new_message']);
  });

  it('creates nothing twice when an event is handled again', async () => {
    const s = await setup();
    await t.request({ method: 'POST', url: api(s.account, s.conversationId, '/assignments'), token: s.account.admin.token, payload: { assignee_id: s.account.agent.id } });
    await settleDeliveries(t);
    const [event] = await t.ctx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.name, 'assignee.changed'), eq(outbox.accountId, s.account.id)))
      .orderBy(asc(outbox.id));
    expect(event).toBeDefined();
    await handleEngineEvent(t.ctx, { id: event!.id, name: event!.name, accountId: event!.accountId, payload: event!.payload, createdAt: event!.createdAt });
    const rows = await t.ctx.db.select().from(notifications).where(eq(notifications.userId, s.account.agent.id));
    expect(rows).toHaveLength(1);
  });

  it('tells the assignee, participants and administrators when an SLA is missed (synthetic events)', async () => {
    const s = await setup();
    await t.request({ method: 'POST', url: api(s.account, s.conversationId, '/assignments'), token: s.account.admin.token, payload: { assignee_id: s.account.agent.id } });
    await t.request({ method: 'POST', url: api(s.account, s.conversationId, '/participants'), token: s.account.admin.token, payload: { user_ids: [s.agent2.id] } });
    await settleDeliveries(t);
    const conversation = (await t.request({ method: 'GET', url: api(s.account, s.conversationId, ''), token: s.account.admin.token })).json();
    for (const slaType of ['first_response', 'next_response', 'resolution', 'made_up']) {
      await commitEvent(t.ctx, { name: SLA_MISSED, accountId: s.account.id, payload: { ...conversation, sla_type: slaType } });
    }
    const expected = ['sla_missed_first_response', 'sla_missed_next_response', 'sla_missed_resolution'];
    const types = async (token: string) => (await notificationsOf(s.account, token)).map((n) => n.notification_type).sort();
    expect(await types(s.account.admin.token)).toEqual(expected);
    expect(await types(s.agent2.token)).toEqual(expected);
    expect(await types(s.account.agent.token)).toEqual(['conversation_assignment', ...expected]);
    const agent = await notificationsOf(s.account, s.account.agent.token);
    expect(agent.find((n) => n.notification_type === 'sla_missed_first_response')?.push_message_title).toBe(
      `A conversa #${s.conversationId} perdeu o SLA de primeira resposta`,
    );
    expect(await notificationsOf(s.account, s.outsider.token)).toEqual([]);
  });

  it('writes titles in the recipient’s language', async () => {
    const s = await setup();
    const profile = await t.request({ method: 'PATCH', url: '/api/v1/profile', token: s.account.agent.token, payload: { locale: 'en' } });
    expect(profile.statusCode, profile.body).toBe(200);
    await t.request({ method: 'POST', url: api(s.account, s.conversationId, '/assignments'), token: s.account.admin.token, payload: { assignee_id: s.account.agent.id } });
    const [n] = await notificationsOf(s.account, s.account.agent.token);
    expect(n?.push_message_title).toBe(`Conversation #${s.conversationId} was assigned to you`);
  });
});
