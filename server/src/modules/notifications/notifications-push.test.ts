import { createPublicKey, verify } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildUser, type BuiltAccount, type BuiltUser } from '../../../test/builders';
import { insertContact, insertInbox } from '../../../test/conversation-builders';
import { expectError, settleDeliveries } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { createPushSubscriber, type PushRequest, startPushService } from '../../../test/push-service';
import { waitFor } from '../../../test/wait';
import { installationConfigs, notificationSubscriptions } from '../../db/schema';

describe('browser push notifications', () => {
  let pushService: Awaited<ReturnType<typeof startPushService>>;
  let t: TestApp;
  const flaky = new Map<string, number>();
  beforeAll(async () => {
    pushService = await startPushService((path) => {
      if (path.startsWith('/gone')) return 410;
      if (path.startsWith('/flaky')) {
        const seen = (flaky.get(path) ?? 0) + 1;
        flaky.set(path, seen);
        return seen === 1 ? 503 : 201;
      }
      return 201;
    });
    t = await startTestApp({ webPushAllowHttp: true, mailFrom: 'RocketHub <support@rockethub.test>' });
  });
  afterAll(async () => {
    await t.close();
    await pushService.close();
  });

  const subscribeAs = async (user: BuiltUser, path: string) => {
    const browser = createPushSubscriber();
    const endpoint = `${pushService.url}${path}`;
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/notification_subscriptions',
      token: user.token,
      payload: { subscription_type: 'browser_push', subscription_attributes: { endpoint, p256dh: browser.p256dh, auth: browser.auth } },
    });
    expect(res.statusCode, res.body).toBe(200);
    return { browser, endpoint, json: res.json() };
  };
  const requestsTo = (path: string) => pushService.received.filter((r) => r.path === path);

  async function assignedConversation(account: BuiltAccount, assignee: BuiltUser) {
    const inbox = await insertInbox(t.ctx, account.id, { channelType: 'api', memberIds: [assignee.id] });
    const { contact } = await insertContact(t.ctx, account.id, inbox.id, { name: 'Ana Costa' });
    const created = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/conversations`,
      token: account.admin.token,
      payload: { inbox_id: inbox.id, contact_id: contact.id },
    });
    const displayId = created.json().id as number;
    const assigned = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/conversations/${displayId}/assignments`,
      token: account.admin.token,
      payload: { assignee_id: assignee.id },
    });
    expect(assigned.statusCode).toBe(200);
    return { displayId, inbox };
  }

  /** Checks the VAPID `Authorization: vapid t=<JWT>, k=<public key>` header: signed by our key, for the push service's origin. */
  function expectVapid(request: PushRequest, publicKey: string) {
    const match = /^vapid t=([^,]+), k=(.+)$/.exec(String(request.headers.authorization));
    expect(match?.[2]).toBe(publicKey);
    const [header, claims, signature] = match![1]!.split('.');
    const raw = Buffer.from(publicKey, 'base64url');
    const key = createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') },
      format: 'jwk',
    });
    expect(verify('sha256', Buffer.from(`${header}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature!, 'base64url'))).toBe(true);
    const payload = JSON.parse(Buffer.from(claims!, 'base64url').toString());
    expect(payload).toMatchObject({ aud: pushService.url, sub: 'mailto:support@rockethub.test' });
  }

  it('keeps one VAPID key pair for the installation and gives out its public key', async () => {
    const first = await t.request({ method: 'GET', url: '/api/v1/notification_subscriptions/vapid_public_key' });
    expect(first.statusCode).toBe(200);
    const key = first.json().vapid_public_key as string;
    expect(Buffer.from(key, 'base64url')).toHaveLength(65);
    const again = await t.request({ method: 'GET', url: '/api/v1/notification_subscriptions/vapid_public_key' });
    expect(again.json().vapid_public_key).toBe(key);
    const [stored] = await t.ctx.db.select().from(installationConfigs).where(eq(installationConfigs.name, 'vapid_keys'));
    expect(stored?.value).toMatchObject({ public_key: key, private_key: expect.any(String) });
  });

  it('pushes enabled events to the user’s browsers, encrypted for them (decrypted here) and signed with VAPID', async () => {
    const account = await buildAccount(t.ctx);
    const { browser, json } = await subscribeAs(account.agent, '/sub/agent-1');
    expect(json).toMatchObject({
      user_id: account.agent.id,
      subscription_type: 'browser_push',
      subscription_attributes: { endpoint: `${pushService.url}/sub/agent-1`, p256dh: browser.p256dh, auth: browser.auth },
    });
    const { displayId } = await assignedConversation(account, account.agent);
    const request = await waitFor(() => requestsTo('/sub/agent-1')[0]);
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(request.headers.ttl).toBe(String(24 * 3600));
    const key = (await t.request({ method: 'GET', url: '/api/v1/notification_subscriptions/vapid_public_key' })).json().vapid_public_key;
    expectVapid(request, key);
    const message = JSON.parse(browser.decrypt(request.body));
    expect(message).toMatchObject({
      title: `A conversa #${displayId} foi atribuída a você`,
      body: 'Ana Costa',
      url: `http://rockethub.test/app/accounts/${account.id}/conversations/${displayId}`,
      notification_type: 'conversation_assignment',
      account_id: account.id,
      conversation_id: displayId,
      notification_id: expect.any(Number),
    });
    // Someone else's key cannot read it.
    expect(() => createPushSubscriber().decrypt(request.body)).toThrow();

    // A new message in the assigned conversation is not in the default push choices: nothing is pushed.
    await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/conversations/${displayId}/messages`,
      token: account.admin.token,
      payload: { content: 'Oi', message_type: 'incoming' },
    });
    await settleDeliveries(t);
    expect(requestsTo('/sub/agent-1')).toHaveLength(1);
    // Once chosen, it is.
    await t.request({
      method: 'PATCH',
      url: `/api/v1/accounts/${account.id}/notification_settings`,
      token: account.agent.token,
      payload: { selected_push_flags: ['push_assigned_conversation_new_message'] },
    });
    await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/conversations/${displayId}/messages`,
      token: account.admin.token,
      payload: { content: 'Preciso de ajuda com a fatura', message_type: 'incoming' },
    });
    const second = await waitFor(() => requestsTo('/sub/agent-1')[1]);
    expect(JSON.parse(browser.decrypt(second.body))).toMatchObject({
      notification_type: 'assigned_conversation_new_message',
      body: 'Ana Costa: Preciso de ajuda com a fatura',
    });
  });

  it('removes a subscription the push service says is gone, and retries one that failed for a while', async () => {
    const account = await buildAccount(t.ctx);
    const gone = await subscribeAs(account.agent, '/gone/1');
    const retried = await subscribeAs(account.agent, '/flaky/1');
    await assignedConversation(account, account.agent);
    await waitFor(() => requestsTo('/gone/1')[0]);
    await waitFor(async () => (await t.ctx.db.select().from(notificationSubscriptions).where(eq(notificationSubscriptions.endpoint, gone.endpoint))).length === 0);
    const delivered = await waitFor(() => requestsTo('/flaky/1')[1], 30_000);
    expect(JSON.parse(retried.browser.decrypt(delivered.body)).notification_type).toBe('conversation_assignment');
    const mine = await t.request({ method: 'GET', url: '/api/v1/notification_subscriptions', token: account.agent.token });
    expect(mine.json().map((s: { identifier: string }) => s.identifier)).toEqual([retried.endpoint]);
  });

  it('unsubscribes only one’s own browsers, and refuses bad subscriptions naming the field', async () => {
    const account = await buildAccount(t.ctx);
    const stranger = await buildUser(t.ctx);
    const { endpoint, browser } = await subscribeAs(account.agent, '/sub/to-remove');
    expectError(await t.request({ method: 'DELETE', url: '/api/v1/notification_subscriptions', token: stranger.token, payload: { endpoint } }), 404);
    expectError(await t.request({ method: 'DELETE', url: '/api/v1/notification_subscriptions', payload: { endpoint } }), 401);
    expectError(await t.request({ method: 'DELETE', url: '/api/v1/notification_subscriptions', token: account.agent.token, payload: {} }), 422);
    const removed = await t.request({ method: 'DELETE', url: '/api/v1/notification_subscriptions', token: account.agent.token, payload: { subscription_attributes: { endpoint } } });
    expect(removed.statusCode, removed.body).toBe(200);
    expectError(await t.request({ method: 'DELETE', url: '/api/v1/notification_subscriptions', token: account.agent.token, payload: { endpoint } }), 404);

    const attributes = { endpoint: `${pushService.url}/sub/x`, p256dh: browser.p256dh, auth: browser.auth };
    for (const [change, field] of [
      [{ endpoint: 'ftp://push.example.test/1' }, 'subscription_attributes.endpoint'],
      [{ endpoint: 'not a url' }, 'subscription_attributes.endpoint'],
      [{ p256dh: Buffer.alloc(65, 1).toString('base64url') }, 'subscription_attributes.p256dh'],
      [{ p256dh: 'not-base64!' }, 'subscription_attributes.p256dh'],
      [{ auth: Buffer.alloc(8).toString('base64url') }, 'subscription_attributes.auth'],
      [{ auth: '' }, 'subscription_attributes.auth'],
    ] as const) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/notification_subscriptions',
        token: account.agent.token,
        payload: { subscription_type: 'browser_push', subscription_attributes: { ...attributes, ...change } },
      });
      expectError(res, 422, field);
    }
    expectError(
      await t.request({ method: 'POST', url: '/api/v1/notification_subscriptions', token: account.agent.token, payload: { subscription_type: 'fcm', subscription_attributes: attributes } }),
      422,
      'subscription_type',
    );
    expectError(await t.request({ method: 'POST', url: '/api/v1/notification_subscriptions', token: account.agent.token, payload: {} }), 422);
    expectError(await t.request({ method: 'POST', url: '/api/v1/notification_subscriptions', payload: { subscription_attributes: attributes } }), 401);
    const mine = await t.request({ method: 'GET', url: '/api/v1/notification_subscriptions', token: account.agent.token });
    expect(mine.json()).toEqual([]);
  });

  it('refuses plain-http endpoints unless the installation allows them', async () => {
    const strict = await startTestApp();
    try {
      const user = await buildUser(strict.ctx);
      const browser = createPushSubscriber();
      const res = await strict.request({
        method: 'POST',
        url: '/api/v1/notification_subscriptions',
        token: user.token,
        payload: { subscription_attributes: { endpoint: `${pushService.url}/sub/y`, p256dh: browser.p256dh, auth: browser.auth } },
      });
      expectError(res, 422, 'subscription_attributes.endpoint');
    } finally {
      await strict.close();
    }
  });
});
