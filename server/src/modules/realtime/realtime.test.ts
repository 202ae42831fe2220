import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type BuiltAccount, type BuiltInbox, buildAccount, buildInbox, buildUser, type BuiltUser } from '../../../test/builders';
import { CableClient, roomIdentifier } from '../../../test/cable-client';
import { startTestApp, type TestApp } from '../../../test/harness';
import { buildContactInbox, type BuiltContactInbox, commitEvent, messagePayload, userPubsubToken } from '../../../test/live-events';
import { waitFor } from '../../../test/wait';
import { updateAgent } from '../agents/service';
import { changeInboxMembers } from '../inboxes/service';
import { ACCESS_TTL_MS } from './audience';
import { agentAvailability, announceTyping, availabilityChanged, hubOf, inboxAccessChanged } from './service';

describe('realtime: /cable (ActionCable)', () => {
  let t: TestApp;
  let a: BuiltAccount;
  let inboxA: BuiltInbox;
  /** An agent of the account who is not a member of inbox A. */
  let outsider: BuiltUser;
  let customer: BuiltContactInbox;
  let otherCustomer: BuiltContactInbox;
  const clients: CableClient[] = [];

  beforeAll(async () => {
    t = await startTestApp({}, { listen: true });
    a = await buildAccount(t.ctx);
    outsider = await buildUser(t.ctx, { accountId: a.id, role: 'agent', password: null });
    inboxA = await buildInbox(t.ctx, a.id, { memberIds: [a.agent.id] });
    // The outsider works in another inbox of the account.
    await buildInbox(t.ctx, a.id, { memberIds: [outsider.id] });
    customer = await buildContactInbox(t.ctx, a.id, inboxA.id);
    otherCustomer = await buildContactInbox(t.ctx, a.id, inboxA.id);
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  async function connect(): Promise<CableClient> {
    const client = await CableClient.connect(t.url);
    clients.push(client);
    return client;
  }

  /** A socket subscribed as this agent of account `accountId` (Chatwoot dashboard's identifier). */
  async function agentSocket(user: BuiltUser, accountId = a.id) {
    const client = await connect();
    const identifier = roomIdentifier({ pubsubToken: await userPubsubToken(t.ctx, user.id), accountId, userId: user.id });
    expect(await client.subscribe(identifier)).toBe('confirm_subscription');
    return Object.assign(client, { identifier });
  }

  /** A socket subscribed as a contact (the widget's identifier: only the token). */
  async function contactSocket(contact: BuiltContactInbox) {
    const client = await connect();
    const identifier = roomIdentifier({ pubsubToken: contact.pubsubToken });
    expect(await client.subscribe(identifier)).toBe('confirm_subscription');
    return Object.assign(client, { identifier });
  }

  /** An event every agent of the account receives: once it arrived, anything committed before it would have too. */
  async function sentinel(...clientsToWait: CableClient[]) {
    const marker = `sentinel-${Math.random()}`;
    await commitEvent(t.ctx, { name: 'contact.updated', accountId: a.id, payload: { account_id: a.id, marker }, realtime: {} });
    for (const client of clientsToWait) await client.waitForEvent('contact.updated', (d) => d.marker === marker);
  }

  /** The same for a contact: an event only its token receives. */
  async function contactSentinel(client: CableClient, contact: BuiltContactInbox) {
    const marker = `sentinel-${Math.random()}`;
    const realtime = { agents: false, contactPubsubToken: contact.pubsubToken };
    await commitEvent(t.ctx, { name: 'conversation.updated', accountId: a.id, payload: { account_id: a.id, marker }, realtime });
    await client.waitForEvent('conversation.updated', (d) => d.marker === marker);
  }

  const message = (input: { inboxId?: number; content?: string; messageType?: 0 | 1 | 2 | 3; private?: boolean } = {}) =>
    messagePayload({ accountId: a.id, inboxId: input.inboxId ?? inboxA.id, ...input });

  describe('protocol', () => {
    it('welcomes with the actioncable-v1-json sub-protocol, pings every 3 s with unix seconds', async () => {
      const client = await connect();
      expect(client.socket.protocol).toBe('actioncable-v1-json');
      expect(client.frames[0]).toEqual({ type: 'welcome' });
      const before = Math.floor(Date.now() / 1000);
      const ping = await client.waitForFrame((f) => f.type === 'ping', 4000);
      expect(ping.message).toBeGreaterThanOrEqual(before);
      expect(ping.message).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    });

    it('accepts clients that offer no sub-protocol', async () => {
      const client = await CableClient.connect(t.url, []);
      clients.push(client);
      expect(client.socket.protocol).toBe('');
    });

    it('confirms agents and contacts, rejects unknown tokens, strangers to the account and other channels', async () => {
      const client = await connect();
      const token = await userPubsubToken(t.ctx, a.agent.id);
      const confirmed = roomIdentifier({ pubsubToken: token, accountId: a.id, userId: a.agent.id });
      expect(await client.subscribe(confirmed)).toBe('confirm_subscription');
      expect(client.frames.find((f) => f.type === 'confirm_subscription')).toEqual({ identifier: confirmed, type: 'confirm_subscription' });
      // Ids as strings (some SDKs send them so).
      expect(await client.subscribe(JSON.stringify({ channel: 'RoomChannel', pubsub_token: token, account_id: String(a.id) }))).toBe(
        'confirm_subscription',
      );
      expect(await client.subscribe(roomIdentifier({ pubsubToken: customer.pubsubToken }))).toBe('confirm_subscription');

      const other = await buildAccount(t.ctx);
      const rejected = [
        roomIdentifier({ pubsubToken: 'no-such-token', accountId: a.id }),
        roomIdentifier({ pubsubToken: token, accountId: other.id, userId: a.agent.id }),
        roomIdentifier({ pubsubToken: token, accountId: a.id, userId: a.admin.id }),
        roomIdentifier({ pubsubToken: token }),
        JSON.stringify({ channel: 'NotificationChannel', pubsub_token: token, account_id: a.id }),
        JSON.stringify({ channel: 'RoomChannel', pubsub_token: 42, account_id: a.id }),
      ];
      for (const identifier of rejected) expect(await client.subscribe(identifier), identifier).toBe('reject_subscription');
    });

    it('ignores malformed frames and keeps the socket and the process working', async () => {
      const client = await connect();
      const garbage = [
        'not json',
        '[]',
        'null',
        '{"command":"subscribe"}',
        '{"command":"subscribe","identifier":"not json"}',
        '{"command":"subscribe","identifier":"[1,2]"}',
        '{"command":"message","identifier":"{}","data":"{broken"}',
        '{"command":"message","identifier":"{}","data":{"action":"update_presence"}}',
        '{"command":"unsubscribe","identifier":"{\\"channel\\":\\"RoomChannel\\"}"}',
        '{"command":"teleport","identifier":"{}"}',
        '\u0000\uffff',
      ];
      for (const frame of garbage) client.send(frame);
      client.socket.send(Buffer.from([0xff, 0x00, 0x13]), { binary: true });
      const identifier = roomIdentifier({ pubsubToken: await userPubsubToken(t.ctx, a.admin.id), accountId: a.id, userId: a.admin.id });
      expect(await client.subscribe(identifier)).toBe('confirm_subscription');
      await commitEvent(t.ctx, { name: 'message.created', accountId: a.id, payload: message({ content: 'still here' }), realtime: { inboxId: inboxA.id } });
      await client.waitForEvent('message.created', (d) => d.content === 'still here');
      expect(client.closed).toBe(false);
      expect((await t.request({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    });

    it('closes a socket that sends an oversized frame, and only that one', async () => {
      const [bully, bystander] = [await connect(), await agentSocket(a.admin)];
      bully.send('x'.repeat(100 * 1024));
      await waitFor(() => bully.closed);
      await sentinel(bystander);
      expect(bystander.closed).toBe(false);
    });

    it('upgrades /cable only, and leaves no socket hanging elsewhere', async () => {
      for (const path of ['/health', '/nothing-here']) {
        const socket = new WebSocket(`${t.url.replace(/^http/, 'ws')}${path}`);
        const frames: string[] = [];
        socket.on('message', (data) => frames.push(String(data)));
        socket.on('error', () => {});
        await new Promise((resolve) => socket.once('close', resolve));
        expect(frames, path).toEqual([]);
      }
    });

    it('stops sending to a subscription after unsubscribe', async () => {
      const admin = await agentSocket(a.admin);
      admin.send({ command: 'unsubscribe', identifier: admin.identifier });
      const watcher = await agentSocket(a.agent);
      await commitEvent(t.ctx, { name: 'message.created', accountId: a.id, payload: message({ content: 'after unsubscribe' }), realtime: { inboxId: inboxA.id } });
      await sentinel(watcher);
      expect(admin.events('message.created')).toEqual([]);
    });
  });

  describe('who receives what', () => {
    it('sends an inbox event to the inbox agents and administrators, not to other agents', async () => {
      const [agent, admin, other] = [await agentSocket(a.agent), await agentSocket(a.admin), await agentSocket(outsider)];
      const payload = message({ content: 'for inbox A' });
      await commitEvent(t.ctx, { name: 'message.created', accountId: a.id, payload, realtime: { inboxId: inboxA.id } });

      const received = await agent.waitForEvent('message.created', (d) => d.content === 'for inbox A');
      expect(received).toEqual({ event: 'message.created', data: payload });
      await admin.waitForEvent('message.created', (d) => d.content === 'for inbox A');
      await sentinel(other);
      expect(other.events('message.created')).toEqual([]);
      // The frame is ActionCable's: the subscription's identifier and the message.
      expect(agent.frames.find((f) => f.message !== undefined && (f.message as { event: string }).event === 'message.created')).toEqual({
        identifier: agent.identifier,
        message: { event: 'message.created', data: payload },
      });
    });

    it('never sends an event of one account to another account', async () => {
      const other = await buildAccount(t.ctx);
      const stranger = await agentSocket(other.admin, other.id);
      const admin = await agentSocket(a.admin);
      await commitEvent(t.ctx, { name: 'message.created', accountId: a.id, payload: message({ content: 'account a only' }), realtime: { inboxId: inboxA.id } });
      await admin.waitForEvent('message.created', (d) => d.content === 'account a only');
      await commitEvent(t.ctx, { name: 'contact.updated', accountId: other.id, payload: { account_id: other.id, marker: 'b' }, realtime: {} });
      await stranger.waitForEvent('contact.updated');
      expect(stranger.events('message.created')).toEqual([]);
    });

    it('sends a contact the public messages of its conversation only', async () => {
      const contact = await contactSocket(customer);
      const otherContact = await contactSocket(otherCustomer);
      const agent = await agentSocket(a.agent);
      const token = customer.pubsubToken;
      const events = [
        { content: 'public reply', realtime: { inboxId: inboxA.id, contactPubsubToken: token } },
        { content: 'private note', private: true, realtime: { inboxId: inboxA.id, contactPubsubToken: token, private: true } },
        // A caller forgetting `private`: the payload still says so.
        { content: 'note, audience unmarked', private: true, realtime: { inboxId: inboxA.id, contactPubsubToken: token } },
        { content: 'Assigned to Bia by Ana', messageType: 2 as const, realtime: { inboxId: inboxA.id, contactPubsubToken: token } },
        { content: 'for the other contact', realtime: { inboxId: inboxA.id, contactPubsubToken: otherCustomer.pubsubToken } },
        { content: 'last', realtime: { inboxId: inboxA.id, contactPubsubToken: token } },
      ];
      for (const e of events) {
        await commitEvent(t.ctx, {
          name: 'message.created',
          accountId: a.id,
          payload: message({ content: e.content, ...(e.private ? { private: true } : {}), ...(e.messageType ? { messageType: e.messageType } : {}) }),
          realtime: e.realtime,
        });
      }
      await contact.waitForEvent('message.created', (d) => d.content === 'last');
      await agent.waitForEvent('message.created', (d) => d.content === 'last');
      expect(contact.events('message.created').map((e) => e.data.content)).toEqual(['public reply', 'last']);
      expect(otherContact.events('message.created').map((e) => e.data.content)).toEqual(['for the other contact']);
      // The inbox's agent sees everything, in commit order.
      expect(agent.events('message.created').map((e) => e.data.content)).toEqual(events.map((e) => e.content));
      // Account-wide agent events never reach contacts.
      await sentinel(agent);
      expect(contact.events('contact.updated')).toEqual([]);
    });

    it('sends `userIds` events to those agents only, and `agents: false` events to the contact only', async () => {
      const [admin, other, agent] = [await agentSocket(a.admin), await agentSocket(outsider), await agentSocket(a.agent)];
      const contact = await contactSocket(customer);
      await commitEvent(t.ctx, {
        name: 'notification.created',
        accountId: a.id,
        payload: { account_id: a.id, notification: 'mentioned' },
        realtime: { userIds: [outsider.id] },
      });
      await commitEvent(t.ctx, {
        name: 'conversation.status_changed',
        accountId: a.id,
        payload: { account_id: a.id, id: 1, status: 'resolved' },
        realtime: { agents: false, contactPubsubToken: customer.pubsubToken },
      });
      await other.waitForEvent('notification.created');
      await contact.waitForEvent('conversation.status_changed');
      await sentinel(admin, agent, other);
      expect(admin.events('notification.created')).toEqual([]);
      expect(agent.events('notification.created')).toEqual([]);
      for (const client of [admin, agent, other]) expect(client.events('conversation.status_changed')).toEqual([]);
    });

    it('keeps receiving events while other sockets come and go', async () => {
      const agent = await agentSocket(a.agent);
      const passing = await agentSocket(a.agent);
      await passing.close();
      await commitEvent(t.ctx, { name: 'message.created', accountId: a.id, payload: message({ content: 'after a tab closed' }), realtime: { inboxId: inboxA.id } });
      await agent.waitForEvent('message.created', (d) => d.content === 'after a tab closed');
    });
  });

  describe('inbox access changes', () => {
    it('stops at once for an agent removed from the inbox when the change is announced', async () => {
      const agent = await buildUser(t.ctx, { accountId: a.id, password: null });
      const inbox = await buildInbox(t.ctx, a.id, { memberIds: [agent.id] });
      const socket = await agentSocket(agent);
      await commitEvent(t.ctx, { name: 'message.created', accountId: a.id, payload: message({ inboxId: inbox.id, content: 'member' }), realtime: { inboxId: inbox.id } });
      await socket.waitForEvent('message.created', (d) => d.content === 'member');

      await changeInboxMembers(t.ctx, a.id, inbox.id, 'remove', [agent.id]);
      inboxAccessChanged(t.ctx, a.id, [agent.id]);
      await commitEvent(t.ctx, { name: 'message.created', accountId: a.id, payload: message({ inboxId: inbox.id, content: 'removed' }), realtime: { inboxId: inbox.id } });
      await sentinel(socket);
      expect(socket.events('message.created').map((e) => e.data.content)).toEqual(['member']);
    });

    it(`stops within ${ACCESS_TTL_MS} ms for a removed agent even when nobody announced it`, async () => {
      const agent = await buildUser(t.ctx, { accountId: a.id, password: null });
      const inbox = await buildInbox(t.ctx, a.id, { memberIds: [agent.id] });
      const socket = await agentSocket(agent);
      await changeInboxMembers(t.ctx, a.id, inbox.id, 'remove', [agent.id]);
      await new Promise((resolve) => setTimeout(resolve, ACCESS_TTL_MS + 200));
      await commitEvent(t.ctx, { name: 'message.created', accountId: a.id, payload: message({ inboxId: inbox.id, content: 'stale?' }), realtime: { inboxId: inbox.id } });
      await sentinel(socket);
      expect(socket.events('message.created')).toEqual([]);
    }, 20_000);
  });

  describe('typing', () => {
    const conversation = () => ({ id: 7, account_id: a.id, inbox_id: inboxA.id });

    it('shows an agent typing a reply to the other inbox agents and the contact, not to the typist', async () => {
      const [typist, admin] = [await agentSocket(a.agent), await agentSocket(a.admin)];
      const contact = await contactSocket(customer);
      const who = { type: 'user' as const, id: a.agent.id, name: a.agent.name };
      announceTyping(t.ctx, { accountId: a.id, inboxId: inboxA.id, conversation: conversation(), who, on: true, contactPubsubToken: customer.pubsubToken });
      const seen = await admin.waitForEvent('conversation.typing_on');
      expect(seen.data).toEqual({ account_id: a.id, inbox_id: inboxA.id, conversation: conversation(), user: who, is_private: false });
      await contact.waitForEvent('conversation.typing_on');

      announceTyping(t.ctx, { accountId: a.id, inboxId: inboxA.id, conversation: conversation(), who, on: false, isPrivate: true, contactPubsubToken: customer.pubsubToken });
      await admin.waitForEvent('conversation.typing_off', (d) => d.is_private === true);
      await sentinel(typist, admin);
      await contactSentinel(contact, customer);
      expect(typist.events('conversation.typing_on')).toEqual([]);
      expect(contact.events('conversation.typing_off')).toEqual([]);
    });

    it('shows a contact typing to the inbox agents only', async () => {
      const agent = await agentSocket(a.agent);
      const contact = await contactSocket(customer);
      const who = { type: 'contact' as const, id: customer.contactId, name: 'Cliente' };
      announceTyping(t.ctx, { accountId: a.id, inboxId: inboxA.id, conversation: conversation(), who, on: true, contactPubsubToken: customer.pubsubToken });
      await agent.waitForEvent('conversation.typing_on', (d) => (d.user as { type: string }).type === 'contact');
      await contactSentinel(contact, customer);
      expect(contact.events('conversation.typing_on')).toEqual([]);
    });
  });

  describe('presence', () => {
    it('shows agents online while connected, their update_presence status, and offline once gone', async () => {
      const watcher = await agentSocket(a.admin);
      const member = { userId: outsider.id, availability: 'online' as const, autoOffline: true };
      // Sockets of earlier tests may still be going away.
      await waitFor(async () => (await agentAvailability(t.ctx, a.id, member)) === 'offline');

      const agent = await agentSocket(outsider);
      const online = await watcher.waitForEvent('presence.update', (d) => (d.users as Record<string, string>)[outsider.id] === 'online');
      expect(online.data).toMatchObject({ account_id: a.id, contacts: {} });
      expect(await agentAvailability(t.ctx, a.id, member)).toBe('online');

      agent.perform(agent.identifier, { action: 'update_presence', userStatus: 'busy' });
      await watcher.waitForEvent('presence.update', (d) => (d.users as Record<string, string>)[outsider.id] === 'busy');
      // The one who asked hears back who is online, as Chatwoot answers update_presence.
      await agent.waitForEvent('presence.update', (d) => (d.users as Record<string, string>)[outsider.id] === 'busy');
      expect(await agentAvailability(t.ctx, a.id, member)).toBe('busy');

      await agent.close();
      await watcher.waitForEvent('presence.update', (d) => !(String(outsider.id) in (d.users as Record<string, string>)));
      // An agent who turned auto offline off stays listed with their stored availability.
      await updateAgent(t.ctx, a.id, outsider.id, { availability: 'busy', autoOffline: false });
      await availabilityChanged(t.ctx, a.id);
      await watcher.waitForEvent('presence.update', (d) => (d.users as Record<string, string>)[outsider.id] === 'busy');
      expect(await agentAvailability(t.ctx, a.id, member)).toBe('offline');
      expect(await agentAvailability(t.ctx, a.id, { ...member, availability: 'busy', autoOffline: false })).toBe('busy');
    });

    it('shows connected contacts to agents, and answers a contact with the agents only', async () => {
      const watcher = await agentSocket(a.admin);
      const contact = await contactSocket(otherCustomer);
      await watcher.waitForEvent('presence.update', (d) => (d.contacts as Record<string, string>)[otherCustomer.contactId] === 'online');
      // Told on subscribing, then on each update_presence.
      const answer = await contact.waitForEvent('presence.update');
      expect(Object.keys(answer.data).sort()).toEqual(['account_id', 'users']);
      expect((answer.data.users as Record<string, string>)[a.admin.id]).toBe('online');
      contact.perform(contact.identifier, { action: 'update_presence' });
      await waitFor(() => contact.events('presence.update').length === 2);
      await contact.close();
      await watcher.waitForEvent('presence.update', (d) => !(String(otherCustomer.contactId) in (d.contacts as Record<string, string>)));
    });
  });

  it('serves 200 sockets in one process', async () => {
    const agents = await Promise.all(Array.from({ length: 40 }, () => buildUser(t.ctx, { accountId: a.id, password: null })));
    const inbox = await buildInbox(t.ctx, a.id, { memberIds: agents.map((u) => u.id) });
    const sockets = [];
    for (let i = 0; i < 200; i += 20) sockets.push(...(await Promise.all(agents.concat(agents, agents, agents, agents).slice(i, i + 20).map((u) => agentSocket(u)))));
    expect(hubOf(t.ctx)?.connectionCount).toBeGreaterThanOrEqual(200);

    const started = performance.now();
    for (let n = 0; n < 5; n++) {
      await commitEvent(t.ctx, { name: 'message.created', accountId: a.id, payload: message({ inboxId: inbox.id, content: `burst ${n}` }), realtime: { inboxId: inbox.id } });
    }
    await Promise.all(sockets.map((s) => s.waitForEvent('message.created', (d) => d.content === 'burst 4', 20_000)));
    const elapsed = performance.now() - started;
    for (const socket of sockets) expect(socket.events('message.created').map((e) => e.data.content)).toEqual([0, 1, 2, 3, 4].map((n) => `burst ${n}`));
    expect(elapsed).toBeLessThan(20_000);
  }, 60_000);
});
