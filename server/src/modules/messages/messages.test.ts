import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../platform/outbox/types';
import { buildAccount, type BuiltAccount } from '../../../test/builders';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { insertContact, insertInbox } from '../../../test/conversation-builders';
import { expectError, settleDeliveries, UNKNOWN_ID } from '../../../test/expect-api';
import { filePart, multipart } from '../../../test/multipart';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { attachments } from '../../db/schema';
import { startTestApp, type TestApp } from '../../../test/harness';

describe('messages API', () => {
  let t: TestApp;
  const committed: DomainEvent[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    t.ctx.outbox.onCommitted((events) => committed.push(...events));
  });
  afterAll(() => t.close());

  async function setup(channelType: 'api' | 'web_widget' = 'api') {
    const account = await buildAccount(t.ctx);
    const inbox = await insertInbox(t.ctx, account.id, { channelType, memberIds: [account.agent.id] });
    const { contact, contactInbox } = await insertContact(t.ctx, account.id, inbox.id, { name: 'João Pereira' });
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/conversations`,
      token: account.admin.token,
      payload: { inbox_id: inbox.id, contact_id: contact.id },
    });
    expect(res.statusCode).toBe(200);
    return { account, inbox, contact, contactInbox, conversationId: res.json().id as number };
  }

  const url = (account: BuiltAccount, conversationId: number, rest = '') =>
    `/api/v1/accounts/${account.id}/conversations/${conversationId}/messages${rest}`;
  const send = (account: BuiltAccount, conversationId: number, payload: Record<string, unknown>, token = account.agent.token) =>
    t.request({ method: 'POST', url: url(account, conversationId), token, payload });

  it('posts a reply in the contract shape, tells the inbox’s agents and the contact, and updates the conversation', async () => {
    const s = await setup();
    const res = await send(s.account, s.conversationId, { content: 'Olá, João! Já verifico seu pedido.' });
    expect(res.statusCode, res.body).toBe(200);
    const message = res.json();
    expect(message).toMatchObject({
      content: 'Olá, João! Já verifico seu pedido.',
      message_type: 1,
      private: false,
      status: 'sent',
      sender_type: 'User',
      sender_id: s.account.agent.id,
      conversation_id: s.conversationId,
      inbox_id: s.inbox.id,
      sender: { id: s.account.agent.id, type: 'user' },
    });
    expectContractFields(message, 'message', { attachment: 'Chatwoot sends files in the array `attachments` (present)' });
    expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/messages', res);
    const event = committed.find((e) => e.name === 'message.created' && e.payload.id === message.id);
    expect(event?.realtime).toEqual({ inboxId: s.inbox.id, contactPubsubToken: s.contactInbox.pubsubToken, private: false });
    const conversation = (await t.request({ method: 'GET', url: `/api/v1/accounts/${s.account.id}/conversations/${s.conversationId}`, token: s.account.agent.token })).json();
    expect(conversation.last_non_activity_message.id).toBe(message.id);
    expect(conversation.first_reply_created_at).toEqual(expect.any(Number));
  });

  it('keeps private notes from the contact, and records mentions: the mentioned agent follows and is told', async () => {
    const s = await setup();
    const note = await send(
      s.account,
      s.conversationId,
      { content: `[@Admin](mention://user/${s.account.admin.id}/Admin) pode olhar?`, private: true },
    );
    expect(note.statusCode).toBe(200);
    const event = committed.find((e) => e.name === 'message.created' && e.payload.id === note.json().id);
    expect(event?.realtime?.private).toBe(true);
    const mentioned = committed.find((e) => e.name === 'conversation.mentioned' && e.accountId === s.account.id);
    expect(mentioned?.realtime).toEqual({ userIds: [s.account.admin.id] });
    const mentions = await t.request({ method: 'GET', url: `/api/v1/accounts/${s.account.id}/conversations?conversation_type=mention`, token: s.account.admin.token });
    expect(mentions.json().data.payload.map((c: { id: number }) => c.id)).toEqual([s.conversationId]);
    const conversation = (await t.request({ method: 'GET', url: `/api/v1/accounts/${s.account.id}/conversations/${s.conversationId}`, token: s.account.agent.token })).json();
    expect(conversation.last_non_activity_message).toBeNull();
  });

  it('takes the contact’s messages from integrations on API inboxes only', async () => {
    const api = await setup('api');
    const incoming = await send(api.account, api.conversationId, { content: 'Meu pedido não chegou', message_type: 'incoming', source_id: 'wamid.1' });
    expect(incoming.json()).toMatchObject({ message_type: 0, sender_type: 'Contact', sender_id: api.contact.id, source_id: 'wamid.1' });
    const repeated = await send(api.account, api.conversationId, { content: 'Meu pedido não chegou', message_type: 'incoming', source_id: 'wamid.1' });
    expect(repeated.json().id).toBe(incoming.json().id);
    const widget = await setup('web_widget');
    expectError(await send(widget.account, widget.conversationId, { content: 'x', message_type: 'incoming' }), 422, 'message_type');
    const conversation = (await t.request({ method: 'GET', url: `/api/v1/accounts/${api.account.id}/conversations/${api.conversationId}`, token: api.account.agent.token })).json();
    expect(conversation).toMatchObject({ unread_count: 1, waiting_since: expect.any(Number) });
  });

  it('rejects bad input naming the field, posting nothing', async () => {
    const s = await setup();
    const other = await setup();
    const theirs = (await send(other.account, other.conversationId, { content: 'theirs' })).json();
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'content'],
      [{ content: '   ' }, 'content'],
      [{ content: 'x'.repeat(150_001) }, 'content'],
      [{ content: 'x', private: 'yes' }, 'private'],
      [{ content: 'x', message_type: 'activity' }, 'message_type'],
      [{ content: 'x', content_attributes: { in_reply_to: theirs.id } }, 'content_attributes.in_reply_to'],
      [{ content: 'x', content_attributes: { in_reply_to: UNKNOWN_ID } }, 'content_attributes.in_reply_to'],
    ];
    for (const [payload, field] of cases) expectError(await send(s.account, s.conversationId, payload), 422, field);
    const list = await t.request({ method: 'GET', url: url(s.account, s.conversationId), token: s.account.agent.token });
    expect(list.json().payload).toEqual([]);
  });

  it('quotes a message with in_reply_to, pages through history and answers 404 to outsiders', async () => {
    const s = await setup();
    const other = await setup();
    const ids: number[] = [];
    for (let i = 1; i <= 25; i++) ids.push((await send(s.account, s.conversationId, { content: `mensagem ${i}` })).json().id);
    const reply = await send(s.account, s.conversationId, { content: 'respondendo', content_attributes: { in_reply_to: ids[0] } });
    expect(reply.json().content_attributes).toEqual({ in_reply_to: ids[0] });

    const newest = await t.request({ method: 'GET', url: url(s.account, s.conversationId), token: s.account.agent.token });
    expect(newest.statusCode).toBe(200);
    expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/conversations/{conversation_id}/messages', newest);
    const page = newest.json().payload.map((m: { id: number }) => m.id);
    expect(page).toHaveLength(20);
    expect(page.at(-1)).toBe(reply.json().id);
    expect(newest.json().meta.contact).toMatchObject({ name: 'João Pereira' });
    const older = await t.request({ method: 'GET', url: url(s.account, s.conversationId, `?before=${page[0]}`), token: s.account.agent.token });
    expect(older.json().payload.map((m: { id: number }) => m.id)).toEqual(ids.slice(0, 6));
    const newer = await t.request({ method: 'GET', url: url(s.account, s.conversationId, `?after=${ids[22]}`), token: s.account.agent.token });
    expect(newer.json().payload.map((m: { id: number }) => m.id)).toEqual([ids[23], ids[24], reply.json().id]);

    expectError(await t.request({ method: 'GET', url: url(s.account, s.conversationId), token: other.account.admin.token }), 404);
    expectError(await t.request({ method: 'GET', url: url(s.account, s.conversationId) }), 401);
  });

  it('deletes only agents’ messages, softly, and keeps the placeholder', async () => {
    const s = await setup();
    const mine = (await send(s.account, s.conversationId, { content: 'enviado por engano' })).json();
    const theirs = (await send(s.account, s.conversationId, { content: 'do cliente', message_type: 'incoming' })).json();
    const deleted = await t.request({ method: 'DELETE', url: url(s.account, s.conversationId, `/${mine.id}`), token: s.account.agent.token });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toMatchObject({ id: mine.id, content: null, content_attributes: { deleted: true } });
    expect(committed.some((e) => e.name === 'message.updated' && e.payload.id === mine.id)).toBe(true);
    expectError(await t.request({ method: 'DELETE', url: url(s.account, s.conversationId, `/${theirs.id}`), token: s.account.agent.token }), 422, 'message_id');
    expectError(await t.request({ method: 'DELETE', url: url(s.account, s.conversationId, `/${UNKNOWN_ID}`), token: s.account.agent.token }), 404);
    const history = (await t.request({ method: 'GET', url: url(s.account, s.conversationId), token: s.account.agent.token })).json().payload;
    expect(history.map((m: { id: number; content: string | null }) => [m.id, m.content])).toEqual([
      [mine.id, null],
      [theirs.id, 'do cliente'],
    ]);
  });

  it('adds and removes emoji reactions, and records delivery status on API inboxes', async () => {
    const s = await setup();
    const message = (await send(s.account, s.conversationId, { content: 'Pronto!' })).json();
    const reacted = await t.request({ method: 'POST', url: url(s.account, s.conversationId, `/${message.id}/reactions`), token: s.account.agent.token, payload: { emoji: '👍' } });
    expect(reacted.json().reactions).toEqual([{ emoji: '👍', sender_type: 'user', sender_id: s.account.agent.id, created_at: expect.any(Number) }]);
    expectError(await t.request({ method: 'POST', url: url(s.account, s.conversationId, `/${message.id}/reactions`), token: s.account.agent.token, payload: { emoji: 'abc' } }), 422, 'emoji');
    const removed = await t.request({ method: 'DELETE', url: url(s.account, s.conversationId, `/${message.id}/reactions`), token: s.account.agent.token, payload: { emoji: '👍' } });
    expect(removed.json().reactions).toEqual([]);

    const failed = await t.request({ method: 'PATCH', url: url(s.account, s.conversationId, `/${message.id}`), token: s.account.admin.token, payload: { status: 'failed', external_error: 'Número sem WhatsApp' } });
    expect(failed.json()).toMatchObject({ status: 'failed', content_attributes: { external_error: 'Número sem WhatsApp' } });
    const widget = await setup('web_widget');
    const widgetMessage = (await send(widget.account, widget.conversationId, { content: 'x' })).json();
    expectError(await t.request({ method: 'PATCH', url: url(widget.account, widget.conversationId, `/${widgetMessage.id}`), token: widget.account.admin.token, payload: { status: 'read' } }), 422, 'status');
  });
});

describe('retrying a failed reply: POST …/messages/:id/retry', () => {
  let t: TestApp;
  const committed: DomainEvent[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    t.ctx.outbox.onCommitted((events) => committed.push(...events));
  });
  afterAll(() => t.close());

  it('puts a failed reply back to sent for administrators and agents, announcing it; refuses anything else and other accounts', async () => {
    const account = await buildAccount(t.ctx);
    const inbox = await insertInbox(t.ctx, account.id, { channelType: 'api', memberIds: [account.agent.id] });
    const { contact } = await insertContact(t.ctx, account.id, inbox.id);
    const created = await t.request({ method: 'POST', url: `/api/v1/accounts/${account.id}/conversations`, token: account.admin.token, payload: { inbox_id: inbox.id, contact_id: contact.id } });
    const base = `/api/v1/accounts/${account.id}/conversations/${created.json().id}/messages`;
    const post = async (payload: Record<string, unknown>) => (await t.request({ method: 'POST', url: base, token: account.agent.token, payload })).json() as { id: number };
    const fail = (id: number) => t.request({ method: 'PATCH', url: `${base}/${id}`, token: account.admin.token, payload: { status: 'failed', external_error: 'Número sem WhatsApp' } });
    const retry = (id: number, token: string, path = base) => t.request({ method: 'POST', url: `${path}/${id}/retry`, token });

    for (const token of [account.agent.token, account.admin.token]) {
      const reply = await post({ content: 'Seu pedido saiu para entrega.' });
      expect((await fail(reply.id)).json().status).toBe('failed');
      const retried = await retry(reply.id, token);
      expect(retried.statusCode).toBe(200);
      expect(retried.json().status).toBe('sent');
      expect(retried.json().content_attributes).not.toHaveProperty('external_error');
      expect(committed.some((e) => e.name === 'message.updated' && e.payload.id === reply.id && e.payload.status === 'sent')).toBe(true);
      // Already sent: nothing to retry.
      expectError(await retry(reply.id, token), 422, 'message_id');
    }

    const note = await post({ content: 'nota', private: true });
    const incoming = await post({ content: 'do cliente', message_type: 'incoming' });
    expectError(await retry(note.id, account.agent.token), 422, 'message_id');
    expectError(await retry(incoming.id, account.agent.token), 422, 'message_id');
    expectError(await retry(UNKNOWN_ID, account.agent.token), 404);

    const failed = await post({ content: 'outra tentativa' });
    await fail(failed.id);
    const other = await buildAccount(t.ctx);
    expect((await retry(failed.id, other.admin.token)).statusCode).toBe(404);
    expect((await retry(failed.id, other.admin.token, `/api/v1/accounts/${other.id}/conversations/${created.json().id}/messages`)).statusCode).toBe(404);
    const still = await t.request({ method: 'GET', url: base, token: account.agent.token });
    expect(still.json().payload.find((m: { id: number }) => m.id === failed.id).status).toBe('failed');
  });
});

describe('messages with attachments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('takes files as multipart, shows them with signed links and thumbnails, and removes them with the message', async () => {
    const account = await buildAccount(t.ctx);
    const inbox = await insertInbox(t.ctx, account.id, { memberIds: [account.agent.id] });
    const { contact } = await insertContact(t.ctx, account.id, inbox.id);
    const conversation = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/conversations`,
      token: account.admin.token,
      payload: { inbox_id: inbox.id, contact_id: contact.id },
    });
    const base = `/api/v1/accounts/${account.id}/conversations/${conversation.json().id}/messages`;
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#1f93ff' } }).png().toBuffer();
    const res = await t.request({
      method: 'POST',
      url: base,
      token: account.agent.token,
      ...multipart([
        { name: 'content', data: 'Segue o comprovante' },
        { name: 'private', data: 'false' },
        filePart(png, 'comprovante.png', 'image/png'),
        filePart('linha 1\nlinha 2\n', 'notas.txt', 'text/plain'),
      ]),
    });
    expect(res.statusCode, res.body).toBe(200);
    const message = res.json();
    expect(message.content).toBe('Segue o comprovante');
    expect(message.attachments).toEqual([
      expect.objectContaining({ file_type: 'image', width: 640, height: 480, data_url: expect.stringContaining('/attachments/'), thumb_url: expect.stringContaining('thumbnail') }),
      expect.objectContaining({ file_type: 'file', file_size: 16 }),
    ]);
    const image = await t.request({ method: 'GET', url: new URL(message.attachments[0].data_url).pathname });
    expect(image.statusCode).toBe(200);
    expect(image.rawPayload.equals(png)).toBe(true);

    const onlyFile = await t.request({ method: 'POST', url: base, token: account.agent.token, ...multipart([filePart(png, 'foto.png', 'image/png')]) });
    expect(onlyFile.json()).toMatchObject({ content: null, attachments: [expect.objectContaining({ file_type: 'image' })] });
    expectError(await t.request({ method: 'POST', url: base, token: account.agent.token, ...multipart([{ name: 'content', data: ' ' }]) }), 422, 'content');
    expectError(await t.request({ method: 'POST', url: base, token: account.agent.token, ...multipart([{ name: 'private', data: 'maybe' }, filePart(png, 'a.png')]) }), 422, 'private');

    const deleted = await t.request({ method: 'DELETE', url: `${base}/${message.id}`, token: account.agent.token });
    expect(deleted.json().attachments).toEqual([]);
    await settleDeliveries(t);
    expect((await t.request({ method: 'GET', url: new URL(message.attachments[0].data_url).pathname })).statusCode).toBe(404);

    // Deleting the contact deletes their conversations' files too, not only the rows.
    const kept = onlyFile.json().attachments[0];
    const keys = await t.ctx.db.select({ key: attachments.storageKey }).from(attachments).where(eq(attachments.id, kept.id));
    expect(await t.ctx.storage.exists(keys[0]!.key!)).toBe(true);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/accounts/${account.id}/contacts/${contact.id}`, token: account.admin.token })).statusCode).toBe(200);
    await settleDeliveries(t);
    expect(await t.ctx.storage.exists(keys[0]!.key!)).toBe(false);
  });
});
