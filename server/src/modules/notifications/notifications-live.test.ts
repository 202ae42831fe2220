import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, type BuiltUser } from '../../../test/builders';
import { CableClient, roomIdentifier } from '../../../test/cable-client';
import { insertContact, insertInbox } from '../../../test/conversation-builders';
import { startTestApp, type TestApp } from '../../../test/harness';
import { userPubsubToken } from '../../../test/live-events';

describe('notifications live on /cable', () => {
  let t: TestApp;
  const clients: CableClient[] = [];
  beforeAll(async () => {
    t = await startTestApp({}, { listen: true });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await t.close();
  });

  async function socketOf(user: BuiltUser, accountId: number) {
    const client = await CableClient.connect(t.url);
    clients.push(client);
    const identifier = roomIdentifier({ pubsubToken: await userPubsubToken(t.ctx, user.id), accountId, userId: user.id });
    expect(await client.subscribe(identifier)).toBe('confirm_subscription');
    return client;
  }

  it('sends notification.created and notification.updated to the notified user only', async () => {
    const account = await buildAccount(t.ctx);
    const inbox = await insertInbox(t.ctx, account.id, { memberIds: [account.agent.id] });
    const { contact } = await insertContact(t.ctx, account.id, inbox.id);
    const agentSocket = await socketOf(account.agent, account.id);
    const adminSocket = await socketOf(account.admin, account.id);
    const created = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/conversations`,
      token: account.admin.token,
      payload: { inbox_id: inbox.id, contact_id: contact.id },
    });
    const displayId = created.json().id as number;
    await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/conversations/${displayId}/assignments`,
      token: account.admin.token,
      payload: { assignee_id: account.agent.id },
    });
    const event = await agentSocket.waitForEvent('notification.created');
    expect(event.data).toMatchObject({
      account_id: account.id,
      unread_count: 1,
      count: 1,
      notification: { notification_type: 'conversation_assignment', primary_actor_id: displayId, user: { id: account.agent.id } },
    });
    const id = (event.data.notification as { id: number }).id;
    const read = await t.request({ method: 'PATCH', url: `/api/v1/accounts/${account.id}/notifications/${id}`, token: account.agent.token });
    expect(read.statusCode).toBe(200);
    const updated = await agentSocket.waitForEvent('notification.updated');
    expect(updated.data).toMatchObject({ unread_count: 0, notification: { id, read_at: expect.any(String) } });

    // An event every agent gets, sent after: the administrator's socket got no notification before it.
    await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/conversations/${displayId}/toggle_priority`,
      token: account.admin.token,
      payload: { priority: 'high' },
    });
    await adminSocket.waitForEvent('conversation.updated', (data) => data.priority === 'high');
    expect(adminSocket.events().filter((e) => e.event.startsWith('notification.'))).toEqual([]);
  });
});
