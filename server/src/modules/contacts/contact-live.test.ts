import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltAccount, buildAccount, buildInbox, buildUser, type BuiltUser } from '../../../test/builders';
import { CableClient, roomIdentifier } from '../../../test/cable-client';
import { startTestApp, type TestApp } from '../../../test/harness';
import { buildContactInbox, type BuiltContactInbox, userPubsubToken } from '../../../test/live-events';
import { createDefinition } from '../custom-attributes/service';

/**
 * A contact edited by one agent reaches every other agent of the account live, as Chatwoot's
 * `contact.updated`, so the details panel, contact page and conversation cards show it without reload.
 */
describe('contact.updated on /cable', () => {
  let t: TestApp;
  let a: BuiltAccount;
  /** An agent of the account in another inbox: contacts are account-wide, so they hear it too. */
  let colleague: BuiltUser;
  let customer: BuiltContactInbox;
  const clients: CableClient[] = [];

  beforeAll(async () => {
    t = await startTestApp({}, { listen: true });
    a = await buildAccount(t.ctx);
    colleague = await buildUser(t.ctx, { accountId: a.id, role: 'agent', password: null });
    const inbox = await buildInbox(t.ctx, a.id, { memberIds: [a.agent.id] });
    await buildInbox(t.ctx, a.id, { memberIds: [colleague.id] });
    customer = await buildContactInbox(t.ctx, a.id, inbox.id);
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  async function socket(identifier: string): Promise<CableClient> {
    const client = await CableClient.connect(t.url);
    clients.push(client);
    expect(await client.subscribe(identifier)).toBe('confirm_subscription');
    return client;
  }

  const agentSocket = async (user: BuiltUser, accountId: number) =>
    socket(roomIdentifier({ pubsubToken: await userPubsubToken(t.ctx, user.id), accountId, userId: user.id }));

  it('tells the account’s agents the new name, email, phone and custom attributes; not the contact, not another account', async () => {
    await createDefinition(t.ctx, a.id, {
      attributeKey: 'plano',
      attributeDisplayName: 'Plano',
      attributeDisplayType: 'text',
      attributeModel: 'contact_attribute',
    });
    const other = await buildAccount(t.ctx);
    const admin = await agentSocket(a.admin, a.id);
    const mate = await agentSocket(colleague, a.id);
    const editor = await agentSocket(a.agent, a.id);
    const stranger = await agentSocket(other.admin, other.id);
    const widget = await socket(roomIdentifier({ pubsubToken: customer.pubsubToken }));

    const res = await t.request({
      method: 'PUT',
      url: `/api/v1/accounts/${a.id}/contacts/${customer.contactId}`,
      token: a.agent.token,
      payload: { name: 'Maria Clara', email: 'maria.clara@example.test', phone_number: '+5511987654321', custom_attributes: { plano: 'Ouro' } },
    });
    expect(res.statusCode, res.body).toBe(200);

    const expected = {
      id: customer.contactId,
      account_id: a.id,
      name: 'Maria Clara',
      email: 'maria.clara@example.test',
      phone_number: '+5511987654321',
      custom_attributes: { plano: 'Ouro' },
    };
    for (const client of [admin, mate, editor]) {
      const { data } = await client.waitForEvent('contact.updated', (d) => d.id === customer.contactId && d.name === 'Maria Clara');
      expect(data).toMatchObject(expected);
    }

    // Something committed after the edit that the stranger does receive: the edit would have come first.
    const theirs = await t.request({ method: 'POST', url: `/api/v1/accounts/${other.id}/contacts`, token: other.admin.token, payload: { name: 'Deles' } });
    expect(theirs.statusCode, theirs.body).toBe(200);
    await stranger.waitForEvent('contact.created');
    expect(stranger.events('contact.updated')).toEqual([]);
    expect(widget.events('contact.updated')).toEqual([]);
  });
});
