import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildUser, type BuiltAccount, type BuiltUser, signIn } from '../../../test/builders';
import { insertContact, insertInbox } from '../../../test/conversation-builders';
import { BAD_IDS, expectError, settleDeliveries, UNKNOWN_ID } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { buildConversationRow } from '../../../test/builders';
import { type NotificationType, notifications } from '../../db/schema';
import type { DomainEvent } from '../../platform/outbox/types';
import { purgeOld, unsnoozeDue } from './service';

describe('notifications API', () => {
  let t: TestApp;
  const committed: DomainEvent[] = [];
  let nextEventId = 1_000_000;
  beforeAll(async () => {
    t = await startTestApp();
    t.ctx.outbox.onCommitted((events) => committed.push(...events));
  });
  afterAll(() => t.close());

  /** `count` notifications for the user, one second apart (the last is the newest), straight into the table. */
  async function seed(account: BuiltAccount, user: BuiltUser, count: number, type: NotificationType = 'conversation_assignment') {
    const inbox = await insertInbox(t.ctx, account.id, { memberIds: [user.id] });
    const { contact } = await insertContact(t.ctx, account.id, inbox.id, { name: 'Maria Souza' });
    const conversation = await buildConversationRow(t.ctx, { accountId: account.id, inboxId: inbox.id, contactId: contact.id });
    const start = Date.now() - count * 1000;
    const rows = await t.ctx.db
      .insert(notifications)
      .values(
        Array.from({ length: count }, (_, i) => ({
          accountId: account.id,
          userId: user.id,
          notificationType: type,
          conversationId: conversation.id,
          eventId: nextEventId++,
          lastActivityAt: new Date(start + i * 1000),
        })),
      )
      .returning();
    return { conversation, rows };
  }

  const url = (account: BuiltAccount, rest = '') => `/api/v1/accounts/${account.id}/notifications${rest}`;
  const list = async (account: BuiltAccount, token: string, query = '') => {
    const res = await t.request({ method: 'GET', url: url(account, query), token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data as { meta: { unread_count: number; count: number; current_page: number }; payload: { id: number; read_at: string | null }[] };
  };

  it('lists newest first, 15 a page, with the unread and total counts', async () => {
    const account = await buildAccount(t.ctx);
    const { rows, conversation } = await seed(account, account.agent, 17);
    const first = await list(account, account.agent.token);
    expect(first.meta).toEqual({ unread_count: 17, count: 17, current_page: 1 });
    expect(first.payload.map((n) => n.id)).toEqual(rows.slice(2).reverse().map((r) => r.id));
    expect(first.payload[0]).toMatchObject({
      notification_type: 'conversation_assignment',
      primary_actor_type: 'Conversation',
      primary_actor_id: conversation.displayId,
      primary_actor: { id: conversation.displayId },
      user: { id: account.agent.id },
      account_id: account.id,
      read_at: null,
      snoozed_until: null,
      created_at: expect.any(Number),
      last_activity_at: expect.any(Number),
    });
    const second = await list(account, account.agent.token, '?page=2');
    expect(second.payload.map((n) => n.id)).toEqual([rows[1]!.id, rows[0]!.id]);
    expect(second.meta.current_page).toBe(2);
    const oldest = await list(account, account.agent.token, '?sort_order=asc');
    expect(oldest.payload[0]?.id).toBe(rows[0]!.id);
    // Someone else in the account sees none of them.
    expect((await list(account, account.admin.token)).meta).toEqual({ unread_count: 0, count: 0, current_page: 1 });
    const count = await t.request({ method: 'GET', url: url(account, '/unread_count'), token: account.agent.token });
    expect(count.json()).toBe(17);
  });

  it('marks read and unread, one or all (or a conversation’s), telling the user’s sockets', async () => {
    const account = await buildAccount(t.ctx);
    const a = await seed(account, account.agent, 3);
    const b = await seed(account, account.agent, 2);
    const target = a.rows[0]!;
    const read = await t.request({ method: 'PATCH', url: url(account, `/${target.id}`), token: account.agent.token });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ id: target.id, read_at: expect.any(String) });
    const event = committed.findLast((e) => e.name === 'notification.updated' && e.accountId === account.id);
    expect(event).toMatchObject({ realtime: { userIds: [account.agent.id] }, payload: { unread_count: 4, count: 5, notification: { id: target.id } } });
    expect((await list(account, account.agent.token)).meta.unread_count).toBe(4);
    // Only unread ones when `includes[]` leaves out `read`.
    expect((await list(account, account.agent.token, '?includes[]=snoozed')).payload.map((n) => n.id)).not.toContain(target.id);

    const unread = await t.request({ method: 'POST', url: url(account, `/${target.id}/unread`), token: account.agent.token });
    expect(unread.json().read_at).toBeNull();

    const one = await t.request({
      method: 'POST',
      url: url(account, '/read_all'),
      token: account.agent.token,
      payload: { primary_actor_type: 'Conversation', primary_actor_id: b.conversation.displayId },
    });
    expect(one.statusCode, one.body).toBe(200);
    expect((await list(account, account.agent.token)).meta.unread_count).toBe(3);
    const all = await t.request({ method: 'POST', url: url(account, '/read_all'), token: account.agent.token });
    expect(all.json()).toEqual({ success: true });
    expect((await list(account, account.agent.token)).meta).toMatchObject({ unread_count: 0, count: 5 });
    expect(committed.findLast((e) => e.name === 'notification.updated' && e.accountId === account.id)?.payload).toMatchObject({ all: true, unread_count: 0 });
  });

  it('snoozes until a time, then brings the notification back unread and on top', async () => {
    const account = await buildAccount(t.ctx);
    const { rows } = await seed(account, account.agent, 3);
    const target = rows[0]!;
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const snoozed = await t.request({ method: 'POST', url: url(account, `/${target.id}/snooze`), token: account.agent.token, payload: { snoozed_until: until } });
    expect(snoozed.statusCode, snoozed.body).toBe(200);
    expect(snoozed.json().snoozed_until).toBe(until);
    const afterSnooze = await list(account, account.agent.token);
    expect(afterSnooze.payload.map((n) => n.id)).not.toContain(target.id);
    // Hidden until its time, it does not count on the badge either.
    expect(afterSnooze.meta.unread_count).toBe(2);
    expect((await t.request({ method: 'GET', url: url(account, '/unread_count'), token: account.agent.token })).json()).toBe(2);
    expect((await list(account, account.agent.token, '?includes[]=read&includes[]=snoozed')).payload.map((n) => n.id)).toContain(target.id);

    const past = await t.request({
      method: 'POST',
      url: url(account, `/${rows[1]!.id}/snooze`),
      token: account.agent.token,
      payload: { snoozed_until: new Date(Date.now() - 1000).toISOString() },
    });
    expectError(past, 422, 'snoozed_until');
    expectError(await t.request({ method: 'POST', url: url(account, `/${rows[1]!.id}/snooze`), token: account.agent.token, payload: { snoozed_until: 'amanhã' } }), 422, 'snoozed_until');
    expectError(await t.request({ method: 'POST', url: url(account, `/${rows[1]!.id}/snooze`), token: account.agent.token, payload: {} }), 422, 'snoozed_until');

    // Its time comes.
    await t.ctx.db.update(notifications).set({ snoozedUntil: new Date(Date.now() - 1000), readAt: new Date() }).where(eq(notifications.id, target.id));
    expect(await unsnoozeDue(t.ctx)).toBeGreaterThanOrEqual(1);
    const back = await list(account, account.agent.token);
    expect(back.payload[0]).toMatchObject({ id: target.id, read_at: null, snoozed_until: null });
  });

  it('deletes one, the read ones, or all', async () => {
    const account = await buildAccount(t.ctx);
    const { rows } = await seed(account, account.agent, 4);
    const del = await t.request({ method: 'DELETE', url: url(account, `/${rows[0]!.id}`), token: account.agent.token });
    expect(del.statusCode, del.body).toBe(200);
    expect(committed.findLast((e) => e.name === 'notification.deleted' && e.accountId === account.id)?.payload).toMatchObject({
      notification: { id: rows[0]!.id },
      count: 3,
    });
    expectError(await t.request({ method: 'DELETE', url: url(account, `/${rows[0]!.id}`), token: account.agent.token }), 404);
    await t.request({ method: 'PATCH', url: url(account, `/${rows[1]!.id}`), token: account.agent.token });
    const onlyRead = await t.request({ method: 'POST', url: url(account, '/destroy_all'), token: account.agent.token, payload: { type: 'read' } });
    expect(onlyRead.statusCode, onlyRead.body).toBe(200);
    expect((await list(account, account.agent.token)).payload.map((n) => n.id).sort()).toEqual([rows[2]!.id, rows[3]!.id].sort());
    await t.request({ method: 'POST', url: url(account, '/destroy_all'), token: account.agent.token });
    expect((await list(account, account.agent.token)).meta.count).toBe(0);
  });

  it('answers 404 for other users’ notifications and other accounts, 401 without a token, 422 for bad input; changing nothing', async () => {
    const account = await buildAccount(t.ctx);
    const other = await buildAccount(t.ctx);
    const { rows } = await seed(account, account.agent, 2);
    const target = rows[0]!;
    const before = await t.ctx.db.select().from(notifications).where(eq(notifications.userId, account.agent.id));
    // The administrator of the same account cannot touch the agent's notifications.
    for (const [method, rest, payload] of [
      ['PATCH', `/${target.id}`, undefined],
      ['POST', `/${target.id}/unread`, undefined],
      ['POST', `/${target.id}/snooze`, { snoozed_until: Math.floor(Date.now() / 1000) + 600 }],
      ['DELETE', `/${target.id}`, undefined],
    ] as const) {
      expectError(await t.request({ method, url: url(account, rest), token: account.admin.token, ...(payload ? { payload } : {}) }), 404);
      // Another account's member: the account itself is not found.
      expectError(await t.request({ method, url: url(account, rest), token: other.admin.token, ...(payload ? { payload } : {}) }), 404);
      expectError(await t.request({ method, url: url(account, rest), ...(payload ? { payload } : {}) }), 401);
    }
    expectError(await t.request({ method: 'GET', url: url(account), token: other.agent.token }), 404);
    expectError(await t.request({ method: 'POST', url: url(account, '/read_all'), token: other.agent.token }), 404);
    expectError(await t.request({ method: 'POST', url: url(account, '/destroy_all'), token: other.agent.token }), 404);
    expectError(await t.request({ method: 'GET', url: url(account, '/unread_count') }), 401);
    for (const bad of BAD_IDS) expect([404, 422]).toContain((await t.request({ method: 'PATCH', url: url(account, `/${bad}`), token: account.agent.token })).statusCode);
    expectError(await t.request({ method: 'PATCH', url: url(account, `/${UNKNOWN_ID}`), token: account.agent.token }), 404);
    expectError(await t.request({ method: 'GET', url: url(account, '?page=0'), token: account.agent.token }), 422, 'page');
    expectError(await t.request({ method: 'GET', url: url(account, '?includes[]=everything'), token: account.agent.token }), 422);
    expectError(await t.request({ method: 'GET', url: url(account, '?sort_order=sideways'), token: account.agent.token }), 422, 'sort_order');
    expectError(await t.request({ method: 'POST', url: url(account, '/destroy_all'), token: account.agent.token, payload: { type: 'some' } }), 422, 'type');
    expectError(await t.request({ method: 'POST', url: url(account, '/read_all'), token: account.agent.token, payload: { primary_actor_id: 'x' } }), 422, 'primary_actor_id');
    // A dashboard session needs its CSRF token to change anything.
    const session = await signIn(t, account.agent.email);
    expectError(await t.request({ method: 'POST', url: url(account, '/read_all'), headers: { cookie: session.cookie } }), 403);
    const ok = await t.request({ method: 'GET', url: url(account), headers: { cookie: session.cookie } });
    expect(ok.statusCode).toBe(200);
    const after = await t.ctx.db.select().from(notifications).where(eq(notifications.userId, account.agent.id));
    expect(after).toEqual(before);
  });

  it('purges notifications older than the retention', async () => {
    const account = await buildAccount(t.ctx);
    await seed(account, account.agent, 2);
    const later = new Date(Date.now() + (t.ctx.config.notificationRetentionDays + 1) * 86_400_000);
    expect(await purgeOld(t.ctx, later)).toBeGreaterThanOrEqual(2);
    expect((await list(account, account.agent.token)).meta.count).toBe(0);
  });

  it('reads and changes the notification preferences (Chatwoot flags), refusing unknown flags', async () => {
    const account = await buildAccount(t.ctx);
    const other = await buildAccount(t.ctx);
    const settingsUrl = `/api/v1/accounts/${account.id}/notification_settings`;
    const initial = await t.request({ method: 'GET', url: settingsUrl, token: account.agent.token });
    expect(initial.statusCode).toBe(200);
    expect(initial.json()).toMatchObject({
      user_id: account.agent.id,
      account_id: account.id,
      selected_email_flags: ['email_conversation_assignment', 'email_conversation_mention'],
      selected_push_flags: ['push_conversation_assignment', 'push_conversation_mention'],
    });
    expect(initial.json().all_email_flags).toHaveLength(8);
    expect(initial.json().all_push_flags).toContain('push_sla_missed_resolution');
    const changed = await t.request({
      method: 'PATCH',
      url: settingsUrl,
      token: account.agent.token,
      payload: { notification_settings: { selected_email_flags: ['email_sla_missed_resolution', 'email_conversation_creation'], selected_push_flags: [] } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ selected_email_flags: ['email_conversation_creation', 'email_sla_missed_resolution'], selected_push_flags: [] });
    // Only the list given is replaced; the admin's own settings are apart.
    const push = await t.request({ method: 'PUT', url: settingsUrl, token: account.agent.token, payload: { selected_push_flags: ['push_conversation_mention'] } });
    expect(push.json()).toMatchObject({ selected_email_flags: ['email_conversation_creation', 'email_sla_missed_resolution'], selected_push_flags: ['push_conversation_mention'] });
    expect((await t.request({ method: 'GET', url: settingsUrl, token: account.admin.token })).json().selected_push_flags).toHaveLength(2);

    for (const payload of [
      { selected_email_flags: ['email_everything'] },
      { selected_email_flags: ['push_conversation_creation'] },
      { selected_email_flags: 'email_conversation_creation' },
      { selected_push_flags: [42] },
    ]) {
      expectError(await t.request({ method: 'PATCH', url: settingsUrl, token: account.agent.token, payload }), 422);
    }
    expectError(await t.request({ method: 'PATCH', url: settingsUrl, token: other.admin.token, payload: { selected_push_flags: [] } }), 404);
    expectError(await t.request({ method: 'GET', url: settingsUrl, token: other.agent.token }), 404);
    expectError(await t.request({ method: 'GET', url: settingsUrl }), 401);
    expect((await t.request({ method: 'GET', url: settingsUrl, token: account.agent.token })).json().selected_push_flags).toEqual(['push_conversation_mention']);
    await settleDeliveries(t);
  });

  it('a user who left the account no longer reaches its notifications', async () => {
    const account = await buildAccount(t.ctx);
    const leaving = await buildUser(t.ctx, { accountId: account.id });
    await seed(account, leaving, 1);
    const removed = await t.request({ method: 'DELETE', url: `/api/v1/accounts/${account.id}/agents/${leaving.id}`, token: account.admin.token });
    expect(removed.statusCode, removed.body).toBe(200);
    expectError(await t.request({ method: 'GET', url: url(account), token: leaving.token }), 404);
  });
});
