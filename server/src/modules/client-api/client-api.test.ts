import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, inboxes } from '../../db/schema';
import type { DomainEvent } from '../../platform/outbox/types';
import { buildAccount, buildInbox } from '../../../test/builders';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { clientAddress, expectError } from '../../../test/expect-api';
import { startTestAppHearing, type TestApp } from '../../../test/harness';

describe('client API (API inboxes)', () => {
  let t: TestApp;
  const live: DomainEvent[] = [];
  beforeAll(async () => {
    t = await startTestAppHearing(live);
  });
  afterAll(() => t.close());

  async function setup(settings: { hmacMandatory?: boolean; lock?: boolean; afterResolved?: boolean } = {}) {
    const account = await buildAccount(t.ctx);
    const inbox = await buildInbox(t.ctx, account.id, { kind: 'api', memberIds: [account.agent.id] });
    const [row] = await t.ctx.db.select().from(inboxes).where(eq(inboxes.id, inbox.id));
    await t.ctx.db
      .update(inboxes)
      .set({
        channelConfig: { ...row!.channelConfig, hmac_mandatory: settings.hmacMandatory ?? false },
        lockToSingleConversation: settings.lock ?? false,
        allowMessagesAfterResolved: settings.afterResolved ?? true,
      })
      .where(eq(inboxes.id, inbox.id));
    return { account, inbox, identifier: row!.channelIdentifier, hmacToken: row!.hmacToken, base: `/public/api/v1/inboxes/${row!.channelIdentifier}` };
  }

  const post = (url: string, payload: unknown) => t.request({ method: 'POST', url, payload: payload as object, remoteAddress: clientAddress() });

  it('describes the inbox, and only API inboxes', async () => {
    const s = await setup();
    const res = await t.request({ method: 'GET', url: s.base });
    expect(res.json()).toMatchObject({ identifier: s.identifier, name: s.inbox.name, identity_validation_enabled: false });
    expectContractFields(res.json(), 'public_inbox');
    const widget = await buildInbox(t.ctx, s.account.id, { kind: 'web_widget' });
    const [widgetRow] = await t.ctx.db.select().from(inboxes).where(eq(inboxes.id, widget.id));
    expectError(await t.request({ method: 'GET', url: `/public/api/v1/inboxes/${widgetRow!.channelIdentifier}` }), 404);
    expectError(await t.request({ method: 'GET', url: '/public/api/v1/inboxes/nope' }), 404);
  });

  it('runs a whole conversation: contact session, conversation, messages both ways, seen, resolved', async () => {
    const s = await setup();
    const contact = await post(`${s.base}/contacts`, { name: 'Paula Reis', email: 'paula@example.test', phone_number: '+55 11 98888-7777' });
    expect(contact.statusCode, contact.body).toBe(200);
    const c = contact.json();
    expect(c).toMatchObject({ name: 'Paula Reis', email: 'paula@example.test', phone_number: '+5511988887777', source_id: expect.any(String), pubsub_token: expect.any(String) });
    expectContractFields(c, 'public_contact');
    expectDocumentedResponse(t.app, 'POST /public/api/v1/inboxes/{inbox_identifier}/contacts', contact);
    const session = `${s.base}/contacts/${c.source_id}`;

    const conversation = await post(`${session}/conversations`, { custom_attributes: { order: '123' } });
    expect(conversation.statusCode, conversation.body).toBe(200);
    const conversationId = conversation.json().id as number;
    expectContractFields(conversation.json(), 'public_conversation');

    const sent = await post(`${session}/conversations/${conversationId}/messages`, { content: 'Meu pedido 123 atrasou', echo_id: 'e-1' });
    expect(sent.json()).toMatchObject({ content: 'Meu pedido 123 atrasou', message_type: 0, echo_id: 'e-1', sender: { id: c.id, type: 'contact' } });
    expectContractFields(sent.json(), 'public_message');

    const agentView = await t.request({ method: 'GET', url: `/api/v1/accounts/${s.account.id}/conversations/${conversationId}/messages`, token: s.account.agent.token });
    expect(agentView.json().payload.map((m: { content: string }) => m.content)).toEqual(['Meu pedido 123 atrasou']);
    await t.request({ method: 'POST', url: `/api/v1/accounts/${s.account.id}/conversations/${conversationId}/messages`, token: s.account.agent.token, payload: { content: 'Vou verificar!' } });
    await t.request({ method: 'POST', url: `/api/v1/accounts/${s.account.id}/conversations/${conversationId}/messages`, token: s.account.agent.token, payload: { content: 'nota só para a equipe', private: true } });

    const history = await t.request({ method: 'GET', url: `${session}/conversations/${conversationId}/messages` });
    expect(history.json().map((m: { content: string }) => m.content)).toEqual(['Meu pedido 123 atrasou', 'Vou verificar!']);
    const listed = await t.request({ method: 'GET', url: `${session}/conversations` });
    expect(listed.json().map((x: { id: number }) => x.id)).toEqual([conversationId]);

    live.length = 0;
    await post(`${session}/conversations/${conversationId}/toggle_typing`, { typing_status: 'on' });
    expect(live.find((e) => e.name === 'conversation.typing_on')?.payload).toMatchObject({ user: { id: c.id, type: 'contact' } });
    expect((await post(`${session}/conversations/${conversationId}/update_last_seen`, {})).json()).toEqual({ success: true });
    const resolved = await post(`${session}/conversations/${conversationId}/toggle_status`, {});
    expect(resolved.json()).toMatchObject({ id: conversationId, status: 'resolved', contact_last_seen_at: expect.any(Number) });
  });

  it('reuses the account’s contact with the same email, and keeps sessions apart', async () => {
    const s = await setup();
    const first = (await post(`${s.base}/contacts`, { email: 'same@example.test', name: 'Same' })).json();
    const second = (await post(`${s.base}/contacts`, { email: 'SAME@example.test' })).json();
    expect(second.id).toBe(first.id);
    expect(second.source_id).not.toBe(first.source_id);
    const conversation = (await post(`${s.base}/contacts/${first.source_id}/conversations`, {})).json();
    expectError(await t.request({ method: 'GET', url: `${s.base}/contacts/${second.source_id}/conversations/${conversation.id}` }), 404);
    const other = await setup();
    expectError(await t.request({ method: 'GET', url: `${other.base}/contacts/${first.source_id}` }), 404);
    expectError(await post(`${s.base}/contacts`, { email: 'not-an-email' }), 422, 'email');
    expectError(await post(`${s.base}/contacts`, { phone_number: '12345' }), 422, 'phone_number');
  });

  it('never shows or overwrites a known contact’s details for a session that joined it without proof', async () => {
    const s = await setup();
    const owner = await post(`${s.base}/contacts`, { email: 'dona@example.test', name: 'Dona Maria', phone_number: '+5511988887777', custom_attributes: { plano: 'ouro' } });
    expect(owner.json()).toMatchObject({ name: 'Dona Maria', phone_number: '+5511988887777', custom_attributes: { plano: 'ouro' } });

    // Someone who only knows her email joins the contact: they see what they typed, nothing more.
    const stranger = await post(`${s.base}/contacts`, { email: 'dona@example.test' });
    expect(stranger.statusCode, stranger.body).toBe(200);
    expect(stranger.json()).toMatchObject({ id: owner.json().id, email: 'dona@example.test', name: '', phone_number: null, custom_attributes: {} });
    const read = await t.request({ method: 'GET', url: `${s.base}/contacts/${stranger.json().source_id}` });
    expect(read.json()).toMatchObject({ name: '', email: null, phone_number: null, identifier: null, custom_attributes: {} });

    // Their changes fill in what is missing and overwrite nothing.
    const patched = await t.request({
      method: 'PATCH',
      url: `${s.base}/contacts/${stranger.json().source_id}`,
      payload: { name: 'Impostor', phone_number: '+5511911112222', identifier: 'ext-9', custom_attributes: { plano: 'bronze', cidade: 'Recife' } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Impostor', custom_attributes: {} });
    const stored = await t.request({ method: 'GET', url: `/api/v1/accounts/${s.account.id}/contacts/${owner.json().id}`, token: s.account.admin.token });
    expect(stored.json().payload).toMatchObject({
      name: 'Dona Maria',
      phone_number: '+5511988887777',
      identifier: 'ext-9',
      custom_attributes: { plano: 'ouro', cidade: 'Recife' },
    });
    // The session that made the contact still sees everything.
    expect((await t.request({ method: 'GET', url: `${s.base}/contacts/${owner.json().source_id}` })).json()).toMatchObject({ name: 'Dona Maria', identifier: 'ext-9' });
  });

  it('checks identifier_hash: mandatory inboxes refuse a missing or wrong hash; a right one marks the session verified', async () => {
    const s = await setup({ hmacMandatory: true });
    const hash = createHmac('sha256', s.hmacToken).update('user-42').digest('hex');
    expectError(await post(`${s.base}/contacts`, { identifier: 'user-42' }), 401, 'identifier_hash');
    expectError(await post(`${s.base}/contacts`, { identifier: 'user-42', identifier_hash: 'f'.repeat(64) }), 401, 'identifier_hash');
    const ok = await post(`${s.base}/contacts`, { identifier: 'user-42', identifier_hash: hash, name: 'Verified' });
    expect(ok.statusCode).toBe(200);
    const conversation = (await post(`${s.base}/contacts/${ok.json().source_id}/conversations`, {})).json();
    const shown = await t.request({ method: 'GET', url: `/api/v1/accounts/${s.account.id}/conversations/${conversation.id}`, token: s.account.admin.token });
    expect(shown.json().meta.hmac_verified).toBe(true);
  });

  it('keeps to one open conversation when locked, refuses blocked contacts and messages after resolution when not allowed', async () => {
    const s = await setup({ lock: true, afterResolved: false });
    const c = (await post(`${s.base}/contacts`, { name: 'Lock' })).json();
    const first = (await post(`${s.base}/contacts/${c.source_id}/conversations`, {})).json();
    const again = (await post(`${s.base}/contacts/${c.source_id}/conversations`, {})).json();
    expect(again.id).toBe(first.id);
    await post(`${s.base}/contacts/${c.source_id}/conversations/${first.id}/toggle_status`, {});
    expectError(await post(`${s.base}/contacts/${c.source_id}/conversations/${first.id}/messages`, { content: 'oi?' }), 422, 'conversation_id');
    const fresh = (await post(`${s.base}/contacts/${c.source_id}/conversations`, {})).json();
    expect(fresh.id).not.toBe(first.id);
    await t.ctx.db.update(contacts).set({ blocked: true }).where(eq(contacts.id, c.id));
    expectError(await post(`${s.base}/contacts/${c.source_id}/conversations/${fresh.id}/messages`, { content: 'spam' }), 403);
    expectError(await post(`${s.base}/contacts/${c.source_id}/conversations/${fresh.id}/messages`, { content: '  ' }), 422, 'content');
  });

  it('keeps the answers to a question on its message', async () => {
    const s = await setup();
    const c = (await post(`${s.base}/contacts`, { name: 'Quiz' })).json();
    const conversation = (await post(`${s.base}/contacts/${c.source_id}/conversations`, {})).json();
    const question = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${s.account.id}/conversations/${conversation.id}/messages`,
      token: s.account.agent.token,
      payload: { content: 'Qual plano?', content_type: 'input_select', content_attributes: { items: [{ title: 'Pro', value: 'pro' }] } },
    });
    const answered = await t.request({
      method: 'PATCH',
      url: `${s.base}/contacts/${c.source_id}/conversations/${conversation.id}/messages/${question.json().id}`,
      payload: { submitted_values: [{ title: 'Pro', value: 'pro' }] },
    });
    expect(answered.json().content_attributes).toEqual({ items: [{ title: 'Pro', value: 'pro' }], submitted_values: [{ title: 'Pro', value: 'pro' }] });
  });

  it('limits how many conversations one address opens per minute', async () => {
    const s = await setup();
    const c = (await post(`${s.base}/contacts`, { name: 'Flood' })).json();
    const address = clientAddress();
    const statuses = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await t.request({ method: 'POST', url: `${s.base}/contacts/${c.source_id}/conversations`, payload: {}, remoteAddress: address })).statusCode);
    }
    expect(statuses.slice(0, 30).every((x) => x === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
