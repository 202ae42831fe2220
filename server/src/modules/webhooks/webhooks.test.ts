import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxes, outbox, outboxDeliveries } from '../../db/schema';
import type { DomainEvent } from '../../platform/outbox/types';
import { type BuiltAccount, buildAccount, buildInbox } from '../../../test/builders';
import { insertContact } from '../../../test/conversation-builders';
import { settleDeliveries } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { waitFor } from '../../../test/wait';
import { postSigned } from './delivery';

type Received = { method: string; path: string; headers: IncomingHttpHeaders; body: string };
type Reply = { status: number; headers?: Record<string, string> };

const HANDLER = 'webhooks.api-inbox';

describe('API inbox webhooks', () => {
  let t: TestApp;
  const servers: Server[] = [];
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  /** A real HTTP receiver on 127.0.0.1 that records every request and answers what `reply` says. */
  async function startReceiver(reply: (request: Received, index: number) => Reply = () => ({ status: 200 })) {
    const received: Received[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        received.push(request);
        const answer = reply(request, received.length - 1);
        res.writeHead(answer.status, answer.headers).end('{}');
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    return { url: `http://127.0.0.1:${port}/rockethub/events`, port, received };
  }

  /** An API inbox created through the API (the administrator sees its HMAC token). */
  async function apiInbox(a: BuiltAccount, webhookUrl?: string) {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${a.id}/inboxes`,
      token: a.admin.token,
      payload: { name: `Bridge ${a.id}`, channel: { type: 'api', ...(webhookUrl ? { webhook_url: webhookUrl } : {}) } },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: number; name: string; hmac_token: string };
  }

  const record = (...events: DomainEvent[]) => t.ctx.transaction((tx) => t.ctx.outbox.record(tx, ...events));

  const messageEvent = (accountId: number, inboxId: number, extra: Record<string, unknown> = {}): DomainEvent => ({
    name: 'message.created',
    accountId,
    payload: { id: 501, content: 'Olá, tudo bem?', account_id: accountId, inbox_id: inboxId, conversation_id: 7, message_type: 0, private: false, ...extra },
  });

  /** What a receiver checks: the timestamp is recent and the signature is HMAC-SHA256 of "<timestamp>.<body>". */
  function expectSigned(request: Received, secret: string) {
    const timestamp = Number(request.headers['x-rockethub-timestamp']);
    expect(Number.isInteger(timestamp)).toBe(true);
    expect(Math.abs(Date.now() / 1000 - timestamp)).toBeLessThan(120);
    const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
    expect(request.headers['x-rockethub-signature']).toBe(expected);
  }

  async function deliveriesOf(accountId: number) {
    return t.ctx.db
      .select({ eventId: outbox.id, name: outbox.name, status: outboxDeliveries.status, attempts: outboxDeliveries.attempts, lastError: outboxDeliveries.lastError })
      .from(outboxDeliveries)
      .innerJoin(outbox, eq(outbox.id, outboxDeliveries.eventId))
      .where(and(eq(outbox.accountId, accountId), eq(outboxDeliveries.handler, HANDLER)))
      .orderBy(asc(outbox.id));
  }

  it('POSTs each conversation and message event of an API inbox to its webhook URL, signed with the inbox’s HMAC token', async () => {
    const receiver = await startReceiver();
    const a = await buildAccount(t.ctx);
    const inbox = await apiInbox(a, receiver.url);
    const conversation = { id: 7, account_id: a.id, inbox_id: inbox.id, status: 'open', labels: ['vip'], meta: { sender: { name: 'Maria' } } };
    await record(
      { name: 'conversation.created', accountId: a.id, payload: conversation },
      { name: 'conversation.updated', accountId: a.id, payload: { ...conversation, labels: [] } },
      { name: 'conversation.status_changed', accountId: a.id, payload: { ...conversation, status: 'resolved' } },
      messageEvent(a.id, inbox.id),
      { name: 'message.updated', accountId: a.id, payload: { id: 501, account_id: a.id, inbox_id: inbox.id, content: 'editada', message_type: 1 } },
    );
    await waitFor(() => receiver.received.length >= 5);
    await settleDeliveries(t);
    expect(receiver.received).toHaveLength(5);

    const events = await t.ctx.db.select().from(outbox).where(eq(outbox.accountId, a.id)).orderBy(asc(outbox.id));
    const byEvent = new Map(receiver.received.map((r) => [JSON.parse(r.body).event as string, r]));
    expect([...byEvent.keys()].sort()).toEqual(['conversation_created', 'conversation_status_changed', 'conversation_updated', 'message_created', 'message_updated']);
    for (const event of events) {
      const name = event.name.replace('.', '_');
      const request = byEvent.get(name);
      if (!request) throw new Error(`${name} was not delivered`);
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/rockethub/events');
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['x-rockethub-event']).toBe(name);
      expect(request.headers['x-rockethub-delivery']).toBe(String(event.id));
      expect(request.headers['user-agent']).toMatch(/^RocketHub-Webhooks\//);
      expectSigned(request, inbox.hmac_token);
      // Messages are shown as Chatwoot's webhooks show them: the type as a word.
      const data = name.startsWith('message_')
        ? { ...event.payload, message_type: ['incoming', 'outgoing'][event.payload.message_type as number], sender: null }
        : event.payload;
      expect(JSON.parse(request.body)).toEqual({ event: name, account: { id: a.id, name: a.name }, inbox: { id: inbox.id, name: inbox.name }, ...data });
    }
    expect((await deliveriesOf(a.id)).map((d) => [d.status, d.attempts])).toEqual(Array(5).fill(['delivered', 1]));
  });

  it('sends real messages the way Chatwoot’s webhooks do: type as a word, ISO times, the conversation and the sender', async () => {
    const receiver = await startReceiver();
    const a = await buildAccount(t.ctx);
    const inbox = await apiInbox(a, receiver.url);
    const { contactInbox } = await insertContact(t.ctx, a.id, inbox.id, { name: 'Maria Silva' });
    const sourceId = contactInbox.sourceId;
    const conversation = await t.request({ method: 'POST', url: `/api/v1/accounts/${a.id}/conversations`, token: a.admin.token, payload: { inbox_id: inbox.id, source_id: sourceId } });
    const displayId = conversation.json().id as number;
    const messages = `/api/v1/accounts/${a.id}/conversations/${displayId}/messages`;
    await t.request({ method: 'POST', url: messages, token: a.admin.token, payload: { content: 'Oi, preciso de ajuda', message_type: 'incoming' } });
    await t.request({ method: 'POST', url: messages, token: a.admin.token, payload: { content: 'Claro! Como posso ajudar?' } });
    await waitFor(() => receiver.received.filter((r) => JSON.parse(r.body).event === 'message_created').length === 2);
    const created = receiver.received.map((r) => JSON.parse(r.body)).filter((b) => b.event === 'message_created');
    expect(created.map((b) => [b.message_type, b.content, b.sender?.type])).toEqual([
      ['incoming', 'Oi, preciso de ajuda', 'contact'],
      ['outgoing', 'Claro! Como posso ajudar?', 'user'],
    ]);
    expect(new Date(created[0].created_at).toISOString()).toBe(created[0].created_at);
    expect(created[0]).toMatchObject({
      account: { id: a.id, name: a.name },
      inbox: { id: inbox.id, name: inbox.name },
      conversation: { id: displayId, inbox_id: inbox.id, contact_inbox: { source_id: sourceId }, meta: { sender: { name: 'Maria Silva' } } },
      sender: { name: 'Maria Silva', account: { id: a.id, name: a.name } },
    });
  });

  it('retries a receiver that fails twice (an error answer, then a dropped connection) until it accepts', { timeout: 60_000 }, async () => {
    const receiver = await startReceiver((_request, index) => ({ status: index === 0 ? 500 : 200 }));
    const a = await buildAccount(t.ctx);
    const inbox = await apiInbox(a, receiver.url);
    // The second attempt finds the port closed: point the inbox at a dead port after the first failure.
    const dead = await startReceiver();
    servers.pop()?.close();
    await record(messageEvent(a.id, inbox.id));
    await waitFor(() => receiver.received.length === 1);
    await t.ctx.db
      .update(inboxes)
      .set({ channelConfig: { webhook_url: `http://127.0.0.1:${dead.port}/gone`, hmac_mandatory: false, additional_attributes: {} } })
      .where(eq(inboxes.id, inbox.id));
    await waitFor(async () => (await deliveriesOf(a.id))[0]?.attempts === 2, 30_000);
    expect((await deliveriesOf(a.id))[0]).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/^webhook POST to 127\.0\.0\.1:\d+ failed/) });
    await t.ctx.db
      .update(inboxes)
      .set({ channelConfig: { webhook_url: receiver.url, hmac_mandatory: false, additional_attributes: {} } })
      .where(eq(inboxes.id, inbox.id));

    await waitFor(() => receiver.received.length === 2, 30_000);
    await settleDeliveries(t, 30_000);
    const [delivery] = await deliveriesOf(a.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3 });
    // Each attempt is signed afresh, and carries the same delivery id for the receiver to de-duplicate.
    for (const request of receiver.received) expectSigned(request, inbox.hmac_token);
    expect(receiver.received[0]?.body).toBe(receiver.received[1]?.body);
    expect(receiver.received[0]?.headers['x-rockethub-delivery']).toBe(receiver.received[1]?.headers['x-rockethub-delivery']);
  });

  it('sends nothing for web widgets, API inboxes without a URL, another account’s inbox, activity messages or other events', async () => {
    const receiver = await startReceiver();
    const a = await buildAccount(t.ctx);
    const b = await buildAccount(t.ctx);
    const hooked = await apiInbox(a, receiver.url);
    const silent = await apiInbox(a);
    const widget = await buildInbox(t.ctx, a.id);
    // Even a URL left in a web widget's settings is ignored: only API inboxes have webhooks.
    await t.ctx.db
      .update(inboxes)
      .set({ channelConfig: { ...widget.channelConfig, webhook_url: receiver.url } })
      .where(eq(inboxes.id, widget.id));
    const theirs = await apiInbox(b, receiver.url);

    await record(
      messageEvent(a.id, silent.id),
      messageEvent(a.id, widget.id),
      // An event of account A naming account B's inbox: never sent to B's URL.
      messageEvent(a.id, theirs.id),
      messageEvent(a.id, hooked.id, { message_type: 2, content: 'Conversa atribuída a Ana' }),
      { name: 'contact.created', accountId: a.id, payload: { id: 3, account_id: a.id, inbox_id: hooked.id } },
      { name: 'conversation.read', accountId: a.id, payload: { id: 7, account_id: a.id, inbox_id: hooked.id } },
      { name: 'message.created', accountId: a.id, payload: { id: 9, account_id: a.id, inbox_id: String(hooked.id) } },
      { name: 'message.created', accountId: null, payload: { id: 10, inbox_id: hooked.id } },
      messageEvent(a.id, hooked.id, { id: 777, private: true, message_type: 1, content: 'nota interna' }),
    );
    await settleDeliveries(t);
    expect(receiver.received.map((r) => JSON.parse(r.body))).toEqual([
      expect.objectContaining({ event: 'message_created', id: 777, inbox_id: hooked.id, private: true }),
    ]);
    const statuses = (await deliveriesOf(a.id)).map((d) => d.status);
    expect(statuses.every((s) => s === 'delivered')).toBe(true);
  });

  describe('the signed POST', () => {
    it('follows a redirect on the same host, re-posting the body, but never one to another host', async () => {
      const final = await startReceiver();
      const sameHost = await startReceiver(() => ({ status: 308, headers: { location: `http://127.0.0.1:${final.port}/moved` } }));
      await postSigned({ url: sameHost.url, body: '{"a":1}', secret: 's3cret', headers: {} });
      expect(final.received).toHaveLength(1);
      expect(final.received[0]).toMatchObject({ method: 'POST', path: '/moved', body: '{"a":1}' });
      expectSigned(final.received[0] as Received, 's3cret');

      const elsewhere = await startReceiver();
      const away = await startReceiver(() => ({ status: 302, headers: { location: `http://localhost:${elsewhere.port}/steal` } }));
      await expect(postSigned({ url: away.url, body: '{}', secret: 's', headers: {} })).rejects.toThrow(/redirects to another host are not followed/);
      expect(elsewhere.received).toHaveLength(0);

      const loop = await startReceiver(() => ({ status: 307, headers: { location: '/again' } }));
      await expect(postSigned({ url: loop.url, body: '{}', secret: 's', headers: {} })).rejects.toThrow(/redirected more than/);
    });

    it('throws on any answer but 2xx, so the outbox retries', async () => {
      for (const status of [301, 400, 404, 410, 500, 503]) {
        const receiver = await startReceiver(() => ({ status }));
        await expect(postSigned({ url: receiver.url, body: '{}', secret: 's', headers: {} })).rejects.toThrow(`answered HTTP ${status}`);
      }
      const accepting = await startReceiver(() => ({ status: 204 }));
      await expect(postSigned({ url: accepting.url, body: '{}', secret: 's', headers: {} })).resolves.toBeUndefined();
    });
  });
});
