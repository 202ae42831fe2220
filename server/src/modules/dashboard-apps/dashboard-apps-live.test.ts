import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, type BuiltAccount, type BuiltUser } from '../../../test/builders';
import { CableClient, roomIdentifier } from '../../../test/cable-client';
import { startTestApp, type TestApp } from '../../../test/harness';
import { userPubsubToken } from '../../../test/live-events';

/** An open details panel hears that the apps changed (live only), so it shows the new list at once. */
describe('dashboard_app.changed on /cable', () => {
  let t: TestApp;
  let a: BuiltAccount;
  let other: BuiltAccount;
  const clients: CableClient[] = [];

  beforeAll(async () => {
    t = await startTestApp({}, { listen: true });
    a = await buildAccount(t.ctx);
    other = await buildAccount(t.ctx);
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  async function agentSocket(user: BuiltUser, accountId: number) {
    const client = await CableClient.connect(t.url);
    clients.push(client);
    expect(await client.subscribe(roomIdentifier({ pubsubToken: await userPubsubToken(t.ctx, user.id), accountId, userId: user.id }))).toBe(
      'confirm_subscription',
    );
    return client;
  }

  it('tells the account’s agents when an app is added, changed or deleted; never another account', async () => {
    const agent = await agentSocket(a.agent, a.id);
    const stranger = await agentSocket(other.admin, other.id);
    const url = `/api/v1/accounts/${a.id}/dashboard_apps`;
    const created = await t.request({
      method: 'POST',
      url,
      token: a.admin.token,
      payload: { title: 'Pedidos', content: [{ type: 'frame', url: 'https://pedidos.example.test/' }] },
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = (created.json() as { id: number }).id;
    await agent.waitForEvent('dashboard_app.changed', (d) => d.id === id && d.account_id === a.id);
    await t.request({ method: 'PATCH', url: `${url}/${id}`, token: a.admin.token, payload: { title: 'Faturas' } });
    await t.request({ method: 'DELETE', url: `${url}/${id}`, token: a.admin.token });
    await expect.poll(() => agent.events('dashboard_app.changed').length).toBe(3);
    // A refused change announces nothing.
    await t.request({ method: 'DELETE', url: `${url}/${id}`, token: a.admin.token });

    const theirs = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${other.id}/dashboard_apps`,
      token: other.admin.token,
      payload: { title: 'Deles', content: [{ type: 'frame', url: 'https://deles.example.test/' }] },
    });
    await stranger.waitForEvent('dashboard_app.changed', (d) => d.id === (theirs.json() as { id: number }).id);
    expect(stranger.events('dashboard_app.changed')).toHaveLength(1);
    expect(agent.events('dashboard_app.changed')).toHaveLength(3);
  });
});
