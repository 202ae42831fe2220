import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, conversations, inboxes, messages } from '../../db/schema';
import type { AppError } from '../../platform/errors';
import type { DomainEvent } from '../../platform/outbox/types';
import { buildAccount, buildInbox } from '../../../test/builders';
import { clientAddress, expectError } from '../../../test/expect-api';
import { startTestAppHearing, type TestApp } from '../../../test/harness';
import { type ContactText, incomingMessageBatches } from './incoming-messages';
import * as client from './service';

describe('client API messages by group commit', () => {
  let t: TestApp;
  const live: DomainEvent[] = [];
  beforeAll(async () => {
    t = await startTestAppHearing(live);
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object) => t.request({ method: 'POST', url, payload, remoteAddress: clientAddress() });

  async function apiInbox(accountId: number, agentId: number, afterResolved: boolean) {
    const inbox = await buildInbox(t.ctx, accountId, { kind: 'api', memberIds: [agentId] });
    const [row] = await t.ctx.db.update(inboxes).set({ allowMessagesAfterResolved: afterResolved }).where(eq(inboxes.id, inbox.id)).returning();
    return { id: inbox.id, identifier: row!.channelIdentifier!, base: `/public/api/v1/inboxes/${row!.channelIdentifier}` };
  }

  /** A contact session with one conversation, made through the client API. */
  async function session(inbox: { identifier: string; base: string }, name: string) {
    const contact = (await post(`${inbox.base}/contacts`, { name })).json();
    const conversation = (await post(`${inbox.base}/contacts/${contact.source_id}/conversations`, {})).json();
    return { contactId: contact.id as number, sourceId: contact.source_id as string, displayId: conversation.id as number, pubsubToken: contact.pubsub_token as string };
  }

  const rowOf = async (accountId: number, displayId: number) =>
    (await t.ctx.db.select().from(conversations).where(and(eq(conversations.accountId, accountId), eq(conversations.displayId, displayId))))[0]!;

  it('writes a burst in one transaction, answering and telling each message as if alone', async () => {
    const account = await buildAccount(t.ctx);
    const strict = await apiInbox(account.id, account.agent.id, false);
    const lenient = await apiInbox(account.id, account.agent.id, true);
    const ana = await session(strict, 'Ana');
    const bia = await session(strict, 'Bia');
    const closed = await session(strict, 'Caio');
    const reopening = await session(lenient, 'Davi');
    const blocked = await session(strict, 'Eva');
    for (const s of [closed, reopening]) await t.ctx.db.update(conversations).set({ status: 'resolved' }).where(and(eq(conversations.accountId, account.id), eq(conversations.displayId, s.displayId)));
    await t.ctx.db.update(contacts).set({ blocked: true }).where(eq(contacts.id, blocked.contactId));

    const alone: ContactText[] = [];
    const batches = incomingMessageBatches(t.ctx, (text) => {
      alone.push(text);
      return client.writeContactMessage(t.ctx, text.inboxIdentifier, text.sourceId, text.displayId, { content: text.content, echoId: text.echoId, attachments: [] });
    });
    const text = (inbox: { identifier: string }, s: { sourceId: string; displayId: number }, content: string, echoId?: string): ContactText => ({
      inboxIdentifier: inbox.identifier,
      sourceId: s.sourceId,
      displayId: s.displayId,
      content,
      echoId,
    });
    live.length = 0;
    // Submitted in one turn of the event loop: one batch.
    const results = await Promise.allSettled([
      batches.submit(text(strict, ana, 'ana 1', 'e1')),
      batches.submit(text(strict, bia, 'bia 1')),
      batches.submit(text(strict, ana, 'ana 2')),
      batches.submit(text(strict, closed, 'caio 1')),
      batches.submit(text(lenient, reopening, 'davi 1')),
      batches.submit(text(lenient, reopening, 'davi 2')),
      batches.submit(text(strict, blocked, 'eva 1')),
      batches.submit(text(strict, { ...ana, displayId: 999_999 }, 'nowhere')),
      batches.submit(text(lenient, ana, 'wrong inbox')),
      batches.submit(text(strict, ana, 'ana 3')),
    ]);
    const value = (i: number) => {
      const r = results[i]!;
      if (r.status !== 'fulfilled') throw new Error(`message ${i} failed: ${String(r.reason)}`);
      return r.value;
    };
    const reason = (i: number) => (results[i]!.status === 'rejected' ? ((results[i] as PromiseRejectedResult).reason as AppError) : undefined);

    // Answers: the message as the client API shows it, the conversation's counters as they were after it.
    expect(value(0)).toMatchObject({ content: 'ana 1', echo_id: 'e1', message_type: 0, sender: { id: ana.contactId, type: 'contact' }, conversation_id: ana.displayId });
    expect([value(0).id, value(2).id, value(9).id]).toEqual([...[value(0).id, value(2).id, value(9).id]].sort((a, b) => a - b));
    expect(reason(3)).toMatchObject({ status: 422, errors: [{ field: 'conversation_id', code: 'resolved' }] });
    expect(value(4).content).toBe('davi 1');
    expect(value(5).content).toBe('davi 2');
    expect(value(5).id).toBeGreaterThan(value(4).id);
    expect(reason(6)).toMatchObject({ status: 403 });
    expect(reason(7)).toMatchObject({ status: 404 });
    expect(reason(8)).toMatchObject({ status: 404 });
    // Only what the batch could not name went the one-by-one way.
    expect(alone.map((a) => a.content).sort()).toEqual(['nowhere', 'wrong inbox']);

    // Stored: in order, in one transaction (one clock reading), the conversations updated once.
    const stored = await t.ctx.db.select().from(messages).where(eq(messages.conversationId, (await rowOf(account.id, ana.displayId)).id)).orderBy(asc(messages.id));
    expect(stored.map((m) => m.content)).toEqual(['ana 1', 'ana 2', 'ana 3']);
    expect(stored[2]).toMatchObject({ id: value(9).id, messageType: 0, contentType: 'text', status: 'sent', private: false, senderType: 'contact', senderId: ana.contactId, contentAttributes: {} });
    expect(value(9).created_at).toBe(Math.floor(stored[2]!.createdAt.getTime() / 1000));
    const bias = await t.ctx.db.select().from(messages).where(eq(messages.id, value(1).id));
    expect(new Set([...stored, ...bias].map((m) => m.createdAt.getTime())).size).toBe(1);
    const anaRow = await rowOf(account.id, ana.displayId);
    expect(anaRow).toMatchObject({ unreadCount: 3, status: 'open', lastMessage: expect.objectContaining({ content: 'ana 3', id: value(9).id }) });
    expect(anaRow.waitingSince?.getTime()).toBe(stored[0]!.createdAt.getTime());
    expect(await rowOf(account.id, reopening.displayId)).toMatchObject({ status: 'open', unreadCount: 2, lastMessage: expect.objectContaining({ content: 'davi 2' }) });
    expect(await rowOf(account.id, closed.displayId)).toMatchObject({ status: 'resolved', unreadCount: 0 });

    // Told: each stored message once, to the inbox's agents and its own contact; the reopening too.
    const created = live.filter((e) => e.name === 'message.created');
    expect(created.map((e) => e.payload.content).sort()).toEqual(['ana 1', 'ana 2', 'ana 3', 'bia 1', 'davi 1', 'davi 2']);
    const ana3 = created.find((e) => e.payload.content === 'ana 3')!;
    expect(ana3.realtime).toEqual({ inboxId: strict.id, contactPubsubToken: ana.pubsubToken, private: false });
    expect(ana3.payload).toMatchObject({ conversation: { unread_count: 3 } });
    // (once for the agents, once in the contact's shape)
    expect([...new Set(live.filter((e) => e.name === 'conversation.status_changed').map((e) => e.payload.id))]).toEqual([reopening.displayId]);
  });

  it('takes concurrent requests through the route: every message stored, counted and answered', async () => {
    const account = await buildAccount(t.ctx);
    const inbox = await apiInbox(account.id, account.agent.id, true);
    const a = await session(inbox, 'Fábio');
    const b = await session(inbox, 'Gil');
    const url = (s: { sourceId: string; displayId: number }) => `${inbox.base}/contacts/${s.sourceId}/conversations/${s.displayId}/messages`;
    const answers = await Promise.all(Array.from({ length: 24 }, (_, i) => post(url(i % 3 === 0 ? b : a), { content: `m${i}`, echo_id: `e${i}` })));
    expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 200));
    answers.forEach((r, i) => expect(r.json()).toMatchObject({ content: `m${i}`, echo_id: `e${i}` }));
    expect(await rowOf(account.id, a.displayId)).toMatchObject({ unreadCount: 16 });
    expect(await rowOf(account.id, b.displayId)).toMatchObject({ unreadCount: 8 });
    const history = await t.request({ method: 'GET', url: `/api/v1/accounts/${account.id}/conversations/${a.displayId}/messages`, token: account.agent.token });
    expect(history.json().payload).toHaveLength(16);
    // A session that has sent its 600 messages of the minute waits; the others go on.
    await t.ctx.rateLimiter.hitMany(Array.from({ length: 600 - 16 }, () => client.messagesLimitKey(inbox.identifier, a.sourceId)), 600, 60);
    const [over, other] = await Promise.all([post(url(a), { content: 'one too many' }), post(url(b), { content: 'still fine' })]);
    expectError(over, 429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(other.statusCode).toBe(200);
    expect(await rowOf(account.id, a.displayId)).toMatchObject({ unreadCount: 16 });
    // The text path still refuses what it always refused.
    expectError(await post(url(a), { content: '   ' }), 422, 'content');
    expectError(await post(`${inbox.base}/contacts/${b.sourceId}/conversations/424242/messages`, { content: 'x' }), 404);
    expectError(await post(`/public/api/v1/inboxes/nope/contacts/${b.sourceId}/conversations/${b.displayId}/messages`, { content: 'x' }), 404);
  });
});
