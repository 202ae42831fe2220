import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, inboxes } from '../../db/schema';
import type { DomainEvent } from '../../platform/outbox/types';
import { buildAccount, buildInbox } from '../../../test/builders';
import { insertLabels } from '../../../test/conversation-builders';
import { clientAddress, expectError, mailsTo } from '../../../test/expect-api';
import { startTestAppHearing, type TestApp } from '../../../test/harness';
import { waitFor } from '../../../test/wait';
import { multipart } from '../../../test/multipart';
import { contactPayload } from '../realtime/audience';
import { openNow } from './presenter';
import { signWidgetToken, verifyWidgetToken } from './token';

describe('widget API (website inboxes)', () => {
  let t: TestApp;
  const live: DomainEvent[] = [];
  beforeAll(async () => {
    t = await startTestAppHearing(live);
  });
  afterAll(() => t.close());

  type Settings = { hmacMandatory?: boolean; allowedDomains?: string; csat?: boolean; afterResolved?: boolean };
  async function setup(settings: Settings = {}) {
    const account = await buildAccount(t.ctx);
    const inbox = await buildInbox(t.ctx, account.id, { memberIds: [account.agent.id] });
    const [row] = await t.ctx.db.select().from(inboxes).where(eq(inboxes.id, inbox.id));
    await t.ctx.db
      .update(inboxes)
      .set({
        channelConfig: { ...row!.channelConfig, hmac_mandatory: settings.hmacMandatory ?? false, ...(settings.allowedDomains ? { allowed_domains: settings.allowedDomains } : {}) },
        csatSurveyEnabled: settings.csat ?? false,
        allowMessagesAfterResolved: settings.afterResolved ?? true,
      })
      .where(eq(inboxes.id, inbox.id));
    const websiteToken = row!.channelIdentifier;
    const ip = clientAddress();
    const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, options: { token?: string | undefined; payload?: unknown; headers?: Record<string, string> } = {}) =>
      t.app.inject({
        method,
        url: `/api/v1/widget${path}${path.includes('?') ? '&' : '?'}website_token=${websiteToken}`,
        remoteAddress: ip,
        headers: { ...(options.token ? { 'x-auth-token': options.token } : {}), ...options.headers },
        ...(options.payload !== undefined ? { payload: options.payload as object } : {}),
      });
    const agentApi = (method: 'GET' | 'POST', path: string, payload?: object) =>
      t.request({ method, url: `/api/v1/accounts/${account.id}${path}`, token: account.agent.token, ...(payload ? { payload } : {}) });
    return { account, inbox, websiteToken, hmacToken: row!.hmacToken, call, agentApi };
  }

  /** A visitor who wrote a first message: their token and conversation id. */
  async function visitor(s: Awaited<ReturnType<typeof setup>>, content = 'Olá, preciso de ajuda') {
    const res = await s.call('POST', '/conversations', { payload: { contact: { name: 'Visitante', email: 'visitante@example.test' }, message: { content } } });
    expect(res.statusCode, res.body).toBe(200);
    return { token: res.json().widget_auth_token as string, conversationId: res.json().id as number, contactId: res.json().contact.id as number };
  }

  it('signs visitor tokens that only this installation can make', () => {
    const token = signWidgetToken('secret', { sourceId: 'abc', inboxId: 7 });
    expect(verifyWidgetToken('secret', token)).toEqual({ sourceId: 'abc', inboxId: 7 });
    expect(verifyWidgetToken('other-secret', token)).toBeUndefined();
    const [payload] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ source_id: 'abc', inbox_id: 8 })).toString('base64url');
    expect(verifyWidgetToken('secret', `${forged}.${token.split('.')[1]}`)).toBeUndefined();
    expect(verifyWidgetToken('secret', `${payload}`)).toBeUndefined();
    expect(verifyWidgetToken('secret', 'a.b.c')).toBeUndefined();
    expect(verifyWidgetToken('secret', undefined)).toBeUndefined();
  });

  it('knows whether the inbox is within its working hours, in its time zone', async () => {
    const s = await setup();
    const [row] = await t.ctx.db.select().from(inboxes).where(eq(inboxes.id, s.inbox.id));
    const inbox = {
      ...row!,
      timezone: 'America/Sao_Paulo',
      workingHoursEnabled: true,
      workingHours: [
        { day_of_week: 1, closed_all_day: false, open_hour: 9, open_minutes: 0, close_hour: 17, close_minutes: 30 },
        { day_of_week: 0, closed_all_day: true, open_hour: null, open_minutes: null, close_hour: null, close_minutes: null },
        { day_of_week: 6, closed_all_day: false, open_all_day: true, open_hour: null, open_minutes: null, close_hour: null, close_minutes: null },
      ],
    };
    // Monday 2026-11-23: 12:00 UTC is 09:00 in São Paulo (UTC−3).
    expect(openNow(inbox, new Date('2026-11-23T12:00:00Z'))).toBe(true);
    expect(openNow(inbox, new Date('2026-11-23T11:59:00Z'))).toBe(false);
    expect(openNow(inbox, new Date('2026-11-23T20:29:00Z'))).toBe(true);
    expect(openNow(inbox, new Date('2026-11-23T20:30:00Z'))).toBe(false);
    expect(openNow(inbox, new Date('2026-11-22T15:00:00Z'))).toBe(false); // Sunday, closed
    expect(openNow(inbox, new Date('2026-11-28T02:00:00Z'))).toBe(false); // Friday 23:00 local: no hours that day
    expect(openNow(inbox, new Date('2026-11-28T05:00:00Z'))).toBe(true); // Saturday 02:00 local, open all day
    expect(openNow({ ...inbox, workingHoursEnabled: false }, new Date('2026-11-22T15:00:00Z'))).toBe(true);
  });

  it('answers the config of a website inbox, with online agents, and nothing for other tokens', async () => {
    const s = await setup();
    const res = await s.call('GET', '/config');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      website_channel_config: { website_token: s.websiteToken, website_name: s.inbox.name, widget_color: expect.any(String), reply_time: 'in_a_few_minutes', is_open: expect.any(Boolean) },
      available_agents: [],
      contact: null,
    });
    // No visitor is made by reading the config.
    expect(await t.ctx.db.select().from(contacts).where(eq(contacts.accountId, s.account.id))).toEqual([]);
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/widget/config?website_token=nope' }), 404);
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/widget/config' }), 422, 'website_token');
    const api = await buildInbox(t.ctx, s.account.id, { kind: 'api' });
    const [apiRow] = await t.ctx.db.select().from(inboxes).where(eq(inboxes.id, api.id));
    expectError(await t.app.inject({ method: 'GET', url: `/api/v1/widget/config?website_token=${apiRow!.channelIdentifier}` }), 404);
    // Chatwoot's POST makes a session and answers its token.
    const posted = await s.call('POST', '/config');
    expect(posted.json()).toMatchObject({ auth_token: expect.any(String), contact: { id: expect.any(Number), pubsub_token: expect.any(String) } });
    const again = await s.call('POST', '/config', { token: posted.json().auth_token });
    expect(again.json().contact.id).toBe(posted.json().contact.id);
    const members = await s.call('GET', '/inbox_members');
    expect(members.json().payload).toEqual([expect.objectContaining({ id: s.account.agent.id, availability_status: expect.any(String) })]);
  });

  it('runs a conversation: visitor writes, agent replies, private notes and activity stay hidden', async () => {
    const s = await setup();
    const v = await visitor(s);
    expect(v.token).toEqual(expect.any(String));
    const config = (await s.call('GET', '/config', { token: v.token })).json();
    expect(config.contact).toMatchObject({ id: v.contactId, name: 'Visitante', email: 'visitante@example.test', pubsub_token: expect.any(String) });

    await s.agentApi('POST', `/conversations/${v.conversationId}/messages`, { content: 'Claro! Como posso ajudar?' });
    await s.agentApi('POST', `/conversations/${v.conversationId}/messages`, { content: 'nota interna', private: true });
    const sent = await s.call('POST', '/messages', { token: v.token, payload: { message: { content: 'Meu pedido não chegou', echo_id: 'e1' } } });
    expect(sent.json()).toMatchObject({ content: 'Meu pedido não chegou', message_type: 0, echo_id: 'e1', conversation_id: v.conversationId });

    const history = await s.call('GET', '/messages', { token: v.token });
    expect(history.json().map((m: { content: string }) => m.content)).toEqual(['Olá, preciso de ajuda', 'Claro! Como posso ajudar?', 'Meu pedido não chegou']);
    const current = await s.call('GET', '/conversations', { token: v.token });
    expect(current.json()).toMatchObject({ id: v.conversationId, status: 'open', messages: expect.any(Array) });
    expect(current.json().messages.some((m: { content: string }) => m.content === 'nota interna')).toBe(false);

    live.length = 0;
    expect((await s.call('POST', '/conversations/toggle_typing', { token: v.token, payload: { typing_status: 'on' } })).json()).toEqual({ success: true });
    expect(live.find((e) => e.name === 'conversation.typing_on')?.payload).toMatchObject({ user: { id: v.contactId, type: 'contact' } });
    expect((await s.call('POST', '/conversations/update_last_seen', { token: v.token })).json()).toEqual({ success: true });
    const resolved = await s.call('GET', '/conversations/toggle_status', { token: v.token });
    expect(resolved.json()).toMatchObject({ id: v.conversationId, status: 'resolved', contact_last_seen_at: expect.any(Number) });
    const agentView = await s.agentApi('GET', `/conversations/${v.conversationId}`);
    expect(agentView.json().status).toBe('resolved');
  });

  it('shows read status both ways: the widget hears when an agent read, the agents when the visitor did', async () => {
    const s = await setup();
    const v = await visitor(s);
    const pubsubToken = (await s.call('GET', '/config', { token: v.token })).json().contact.pubsub_token as string;
    expect((await s.call('GET', '/conversations', { token: v.token })).json().agent_last_seen_at).toBeNull();

    live.length = 0;
    expect((await s.agentApi('POST', `/conversations/${v.conversationId}/update_last_seen`)).statusCode).toBe(200);
    const toContact = live.filter((e) => e.realtime?.contactPubsubToken === pubsubToken);
    expect(toContact.map((e) => e.name)).toEqual(['conversation.read']);
    // Only when: nothing about who read it or the rest of the conversation.
    expect(toContact[0]!.payload).toEqual({ id: v.conversationId, inbox_id: s.inbox.id, agent_last_seen_at: expect.any(Number) });
    expect(toContact[0]!.realtime).toMatchObject({ agents: false });
    const readAt = toContact[0]!.payload.agent_last_seen_at as number;
    expect((await s.call('GET', '/conversations', { token: v.token })).json().agent_last_seen_at).toBe(readAt);
    // The agents' own copy is the full conversation, for them only.
    expect(live.find((e) => e.name === 'conversation.read' && e.realtime?.contactPubsubToken !== pubsubToken)?.realtime?.contactPubsubToken ?? null).toBeNull();

    live.length = 0;
    expect((await s.call('POST', '/conversations/update_last_seen', { token: v.token })).json()).toEqual({ success: true });
    const toAgents = live.find((e) => e.name === 'conversation.updated');
    expect(toAgents?.payload).toMatchObject({ id: v.conversationId, contact_last_seen_at: expect.any(Number) });
    expect(toAgents?.realtime?.contactPubsubToken ?? null).toBeNull();
    expect((await s.agentApi('GET', `/conversations/${v.conversationId}`)).json().contact_last_seen_at).toEqual(expect.any(Number));
    // Without a conversation there is nothing to mark.
    const fresh = (await s.call('POST', '/config')).json().auth_token as string;
    expectError(await s.call('POST', '/conversations/update_last_seen', { token: fresh }), 404);
  });

  it('refuses missing, forged and other inboxes’ tokens (401) and never mixes visitors', async () => {
    const s = await setup();
    const other = await setup();
    const v = await visitor(s);
    const w = await visitor(other);
    for (const token of [undefined, 'garbage', `${v.token}x`, w.token, signWidgetToken('another-installation', { sourceId: 'x', inboxId: s.inbox.id })]) {
      expectError(await s.call('GET', '/contact', { token }), 401);
      expectError(await s.call('GET', '/messages', { token }), 401);
      expectError(await s.call('POST', '/conversations/toggle_typing', { token, payload: { typing_status: 'on' } }), 401);
    }
    // A token of this inbox for a session that does not exist.
    expectError(await s.call('GET', '/contact', { token: signWidgetToken(t.ctx.config.secretKeyBase ?? 'test-secret-key-base', { sourceId: 'nobody', inboxId: s.inbox.id }) }), 401);
    // Another visitor writes: a new session, not v's conversation.
    const stranger = await s.call('POST', '/messages', { payload: { message: { content: 'oi' } } });
    expect(stranger.json().conversation_id).not.toBe(v.conversationId);
    expect(stranger.json().widget_auth_token).not.toBe(v.token);
    const vHistory = await s.call('GET', '/messages', { token: v.token });
    expect(vHistory.json().map((m: { content: string }) => m.content)).toEqual(['Olá, preciso de ajuda']);
  });

  it('takes hostile input safely: markup kept as text, bad fields 422, NUL refused, nothing changed', async () => {
    const s = await setup();
    const v = await visitor(s, '<img src=x onerror=alert(1)><script>alert(2)</script>');
    const history = (await s.call('GET', '/messages', { token: v.token })).json();
    expect(history[0].content).toBe('<img src=x onerror=alert(1)><script>alert(2)</script>');
    expectError(await s.call('PATCH', '/contact', { token: v.token, payload: { email: 'not-an-email' } }), 422, 'email');
    expectError(await s.call('PATCH', '/contact', { token: v.token, payload: { phone_number: '12' } }), 422, 'phone_number');
    expectError(await s.call('PATCH', '/contact', { token: v.token, payload: { avatar_url: 'javascript:alert(1)' } }), 422, 'avatar_url');
    expectError(await s.call('POST', '/messages', { token: v.token, payload: { message: { content: '   ' } } }), 422, 'content');
    expectError(await s.call('POST', '/messages', { token: v.token, payload: { message: { content: 'x'.repeat(150_001) } } }), 422);
    expectError(await s.call('POST', '/messages', { token: v.token, payload: { message: { content: 'a\u0000b' } } }), 422);
    expectError(await s.call('POST', '/conversations/toggle_typing', { token: v.token, payload: { typing_status: 'maybe' } }), 422, 'typing_status');
    expectError(await s.call('GET', '/messages?before=abc', { token: v.token }), 422, 'before');
    expectError(await s.call('PATCH', '/messages/abc', { token: v.token, payload: {} }), 422, 'id');
    expectError(await s.call('PATCH', `/messages/${987654321}`, { token: v.token, payload: { contact: { email: 'a@example.test' } } }), 404);
    expectError(await s.call('POST', '/conversations/set_custom_attributes', { token: v.token, payload: { custom_attributes: 'x' } }), 422, 'custom_attributes');
    const contact = (await s.call('GET', '/contact', { token: v.token })).json();
    expect(contact).toMatchObject({ name: 'Visitante', email: 'visitante@example.test', phone_number: null });
    expect((await s.call('GET', '/messages', { token: v.token })).json()).toHaveLength(1);
  });

  it('updates the visitor and their custom attributes, and the conversation’s attributes and labels', async () => {
    const s = await setup();
    await insertLabels(t.ctx, s.account.id, ['vip', 'billing']);
    const v = await visitor(s);
    const updated = await s.call('PATCH', '/contact', { token: v.token, payload: { name: 'Ana Souza', phone_number: '+55 11 98888-7777', custom_attributes: { plan: 'pro', city: 'SP' } } });
    expect(updated.json()).toMatchObject({ name: 'Ana Souza', phone_number: '+5511988887777', custom_attributes: { plan: 'pro', city: 'SP' } });
    const removed = await s.call('POST', '/contact/destroy_custom_attributes', { token: v.token, payload: { custom_attributes: ['city'] } });
    expect(removed.json().custom_attributes).toEqual({ plan: 'pro' });

    expect((await s.call('POST', '/conversations/set_custom_attributes', { token: v.token, payload: { custom_attributes: { order: '123', cart: 2 } } })).json()).toEqual({
      custom_attributes: { order: '123', cart: 2 },
    });
    expect((await s.call('POST', '/conversations/destroy_custom_attributes', { token: v.token, payload: { custom_attributes: ['cart'] } })).json()).toEqual({
      custom_attributes: { order: '123' },
    });
    expect((await s.call('POST', '/labels', { token: v.token, payload: { label: 'VIP' } })).json()).toEqual({ payload: ['vip'] });
    // Labels the account does not have are ignored, as in Chatwoot.
    expect((await s.call('POST', '/labels', { token: v.token, payload: { label: 'made-up' } })).json()).toEqual({ payload: ['vip'] });
    expect((await s.call('DELETE', '/labels/vip', { token: v.token })).json()).toEqual({ payload: [] });
    const agentView = (await s.agentApi('GET', `/conversations/${v.conversationId}`)).json();
    expect(agentView.custom_attributes).toEqual({ order: '123' });
    // Nothing to change without a conversation.
    const fresh = (await s.call('PATCH', '/contact', { payload: { name: 'Sem conversa' } })).json();
    expect(fresh.widget_auth_token).toEqual(expect.any(String));
    expectError(await s.call('POST', '/labels', { token: fresh.widget_auth_token, payload: { label: 'vip' } }), 404);
    expect((await s.call('GET', '/conversations', { token: fresh.widget_auth_token })).json()).toBeNull();
  });

  it('identifies users with set_user: a valid hash verifies, a wrong one is refused when the inbox requires it', async () => {
    const s = await setup({ hmacMandatory: true });
    const hash = createHmac('sha256', s.hmacToken).update('user-42').digest('hex');
    const v = await visitor(s);
    expectError(await s.call('PATCH', '/contact/set_user', { token: v.token, payload: { identifier: 'user-42' } }), 401, 'identifier_hash');
    expectError(await s.call('PATCH', '/contact/set_user', { token: v.token, payload: { identifier: 'user-42', identifier_hash: 'f'.repeat(64) } }), 401, 'identifier_hash');
    expect((await s.call('GET', '/contact', { token: v.token })).json().identifier).toBeNull();
    const ok = await s.call('PATCH', '/contact/set_user', { token: v.token, payload: { identifier: 'user-42', identifier_hash: hash, name: 'Usuária 42' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ identifier: 'user-42', name: 'Usuária 42' });
    const shown = await t.request({ method: 'GET', url: `/api/v1/accounts/${s.account.id}/conversations/${v.conversationId}`, token: s.account.admin.token });
    expect(shown.json().meta.hmac_verified).toBe(true);
    // Another browser of the same user gets a session of the same contact.
    const elsewhere = await s.call('PATCH', '/contact/set_user', { payload: { identifier: 'user-42', identifier_hash: hash } });
    expect(elsewhere.json()).toMatchObject({ id: ok.json().id, widget_auth_token: expect.any(String) });
    // A different user in the same browser gets their own contact.
    const hash7 = createHmac('sha256', s.hmacToken).update('user-7').digest('hex');
    const switched = await s.call('PATCH', '/contact/set_user', { token: v.token, payload: { identifier: 'user-7', identifier_hash: hash7 } });
    expect(switched.json().id).not.toBe(ok.json().id);
    expect(switched.json().widget_auth_token).toEqual(expect.any(String));

    // Without hmac_mandatory a wrong hash is accepted but not verified.
    const loose = await setup();
    const w = await visitor(loose);
    const unverified = await loose.call('PATCH', '/contact', { token: w.token, payload: { identifier: 'u-1', identifier_hash: 'nope' } });
    expect(unverified.json().identifier).toBe('u-1');
    const looseView = await t.request({ method: 'GET', url: `/api/v1/accounts/${loose.account.id}/conversations/${w.conversationId}`, token: loose.account.admin.token });
    expect(looseView.json().meta.hmac_verified).toBe(false);
  });

  it('never shows a known contact’s details to a session that joined it without proof (email, phone or unverified identifier)', async () => {
    const s = await setup();
    const known = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${s.account.id}/contacts`,
      token: s.account.agent.token,
      payload: { name: 'Maria Segura', email: 'maria@example.test', phone_number: '+5511912345678', identifier: 'maria-1', custom_attributes: { cpf: '123.456.789-00' } },
    });
    expect(known.statusCode, known.body).toBe(200);
    const mariaId = (known.json().payload?.contact?.id ?? known.json().payload?.id ?? known.json().id) as number;
    // Maria's own, verified session, with a conversation of hers.
    const hash = createHmac('sha256', s.hmacToken).update('maria-1').digest('hex');
    const maria = (await s.call('PATCH', '/contact/set_user', { payload: { identifier: 'maria-1', identifier_hash: hash } })).json();
    expect(maria).toMatchObject({ id: mariaId, email: 'maria@example.test', details_hidden: false });
    await s.call('POST', '/messages', { token: maria.widget_auth_token, payload: { message: { content: 'segredo da Maria' } } });

    const secrets: string[] = ['Maria Segura', 'maria@example.test', '5511912345678', '123.456.789-00', 'maria-1', 'segredo da Maria'];
    const expectNoSecrets = (body: string) => {
      for (const secret of secrets) expect(body).not.toContain(secret);
    };
    const hidden = { id: mariaId, name: '', email: null, phone_number: null, identifier: null, avatar_url: '', custom_attributes: {}, details_hidden: true };

    // Paula is known by email and phone only (she never signed in on the site).
    const paula = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${s.account.id}/contacts`,
      token: s.account.agent.token,
      payload: { name: 'Paula Privada', email: 'paula@example.test', phone_number: '+5521987654321', custom_attributes: { plano: 'ouro' } },
    });
    const paulaId = (paula.json().payload?.contact?.id ?? paula.json().payload?.id ?? paula.json().id) as number;
    secrets.push('Paula Privada', 'paula@example.test', '5521987654321', 'ouro');

    // An anonymous visitor types Maria's email: a signed-in user of the site is not merged by email (422, nothing shown).
    const stranger = await s.call('POST', '/messages', { payload: { message: { content: 'oi, sou eu' } } });
    const token = stranger.json().widget_auth_token as string;
    const pubsubToken = (await s.call('GET', '/config', { token })).json().contact.pubsub_token as string;
    const refused = await s.call('PATCH', '/contact', { token, payload: { email: 'maria@example.test' } });
    expectError(refused, 422, 'email');
    expectNoSecrets(refused.body);
    // Paula's email: one person for the agents, nothing of Paula for the visitor.
    const claimed = await s.call('PATCH', '/contact', { token, payload: { email: 'paula@example.test', name: 'Quem Sabe' } });
    expect(claimed.json()).toEqual({ ...hidden, id: paulaId });
    const agentView = await s.agentApi('GET', `/conversations/${stranger.json().conversation_id}`);
    expect(agentView.json().meta.sender.id).toBe(paulaId);
    live.length = 0;
    const written = await s.call('POST', '/messages', { token, payload: { message: { content: 'me diga meu telefone' } } });
    for (const res of [
      written,
      await s.call('GET', '/contact', { token }),
      await s.call('GET', '/config', { token }),
      await s.call('GET', '/conversations', { token }),
      await s.call('GET', '/messages', { token }),
      await s.call('POST', '/contact/destroy_custom_attributes', { token, payload: { custom_attributes: ['nada'] } }),
      await s.call('POST', '/conversations', { token, payload: { message: { content: 'outra' } } }),
    ]) {
      expect(res.statusCode, res.body).toBe(200);
      expectNoSecrets(res.body);
    }
    expect((await s.call('GET', '/config', { token })).json().contact).toMatchObject({ ...hidden, id: paulaId, pubsub_token: pubsubToken, hmac_verified: false });
    // Live: what the visitor's socket gets of their own message names the contact by id only.
    const echo = live.find((e) => e.name === 'message.created' && e.realtime?.contactPubsubToken === pubsubToken);
    expect(echo).toBeDefined();
    expectNoSecrets(JSON.stringify(contactPayload(echo!)));

    // Blind, the session fills in only what Paula's contact lacks: it neither replaces nor erases her details.
    expect((await s.call('PATCH', '/contact', { token, payload: { name: 'Outra Pessoa', phone_number: '+5511900000000', custom_attributes: { plano: 'bronze', origem: 'site' } } })).statusCode).toBe(200);
    expect((await s.call('PATCH', '/contact', { token, payload: { name: 'Só o nome' } })).statusCode).toBe(200);
    expect((await s.call('POST', '/contact/destroy_custom_attributes', { token, payload: { custom_attributes: ['plano'] } })).json()).toEqual({ ...hidden, id: paulaId });
    const paulaNow = (await t.request({ method: 'GET', url: `/api/v1/accounts/${s.account.id}/contacts/${paulaId}`, token: s.account.agent.token })).json();
    expect(paulaNow.payload ?? paulaNow).toMatchObject({ name: 'Paula Privada', email: 'paula@example.test', phone_number: '+5521987654321', custom_attributes: { plano: 'ouro', origem: 'site' } });

    // setUser with Maria's identifier and no valid hash: a session of Maria's contact, but blind, and without her conversations.
    for (const payload of [{ identifier: 'maria-1' }, { identifier: 'maria-1', identifier_hash: 'f'.repeat(64) }, { identifier: 'outra-pessoa', email: 'maria@example.test' }]) {
      const unverified = await s.call('PATCH', '/contact/set_user', { payload });
      expect(unverified.statusCode, unverified.body).toBe(200);
      const other = unverified.json().widget_auth_token as string;
      expect(unverified.json()).toMatchObject(hidden);
      expectNoSecrets(unverified.body);
      expect((await s.call('GET', '/conversations', { token: other })).json()).toBeNull();
      expect((await s.call('GET', '/messages', { token: other })).json()).toEqual([]);
      expectNoSecrets((await s.call('GET', '/contact', { token: other })).body);
    }

    // With the valid hash a browser proves it is Maria: her details show.
    const proven = await s.call('PATCH', '/contact/set_user', { payload: { identifier: 'maria-1', identifier_hash: hash } });
    expect(proven.json()).toMatchObject({ id: mariaId, name: 'Maria Segura', email: 'maria@example.test', custom_attributes: { cpf: '123.456.789-00' }, details_hidden: false });
  });

  it('serves only the allowed domains when the inbox lists them', async () => {
    const s = await setup({ allowedDomains: 'shop.example.test, *.brand.example.test' });
    const from = (origin: string) => ({ origin });
    expect((await s.call('GET', '/config', { headers: from('https://shop.example.test') })).statusCode).toBe(200);
    expect((await s.call('GET', '/config', { headers: from('https://app.brand.example.test') })).statusCode).toBe(200);
    expect((await s.call('GET', '/config', { headers: { referer: 'https://brand.example.test/page' } })).statusCode).toBe(200);
    expectError(await s.call('GET', '/config', { headers: from('https://evil.example.test') }), 403);
    expectError(await s.call('POST', '/conversations', { headers: from('https://shop.example.test.evil.test'), payload: { message: { content: 'x' } } }), 403);
    expectError(await s.call('GET', '/config', { headers: { referer: 'https://evil.example.test/' } }), 403);
    // The widget's own page (this installation) always may.
    expect((await s.call('GET', '/config', { headers: from(t.ctx.config.frontendUrl) })).statusCode).toBe(200);
    expect(await t.ctx.db.select().from(contacts).where(eq(contacts.accountId, s.account.id))).toEqual([]);
  });

  it('takes files in multipart messages (Chatwoot’s field names)', async () => {
    const s = await setup();
    const v = await visitor(s);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/widget/messages?website_token=${s.websiteToken}`,
      headers: { 'x-auth-token': v.token, ...multipart([]).headers },
      payload: multipart([
        { name: 'message[content]', data: 'segue o arquivo' },
        { name: 'message[attachments][]', filename: 'nota.txt', contentType: 'text/plain', data: 'linha 1\n' },
      ]).payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ content: 'segue o arquivo', attachments: [expect.objectContaining({ file_type: 'file', data_url: expect.any(String) })] });
    const onlyEmpty = await t.app.inject({
      method: 'POST',
      url: `/api/v1/widget/messages?website_token=${s.websiteToken}`,
      headers: { 'x-auth-token': v.token, ...multipart([]).headers },
      payload: multipart([{ name: 'message[content]', data: ' ' }]).payload,
    });
    expectError(onlyEmpty, 422, 'content');
  });

  it('sends a CSAT survey after resolution and keeps the rating; emails the transcript', async () => {
    const s = await setup({ csat: true });
    const v = await visitor(s);
    await s.agentApi('POST', `/conversations/${v.conversationId}/messages`, { content: 'Resolvido!' });
    await s.agentApi('POST', `/conversations/${v.conversationId}/toggle_status`, { status: 'resolved' });
    // Waits for the survey itself, not for every other handler (notifications) to settle.
    const survey = await waitFor(async () => {
      const history = (await s.call('GET', '/messages', { token: v.token })).json() as { id: number; content_type: string }[];
      return history.find((m) => m.content_type === 'input_csat');
    }, 20_000);
    expectError(await s.call('PATCH', `/messages/${survey.id}`, { token: v.token, payload: { message: { submitted_values: { csat_survey_response: { rating: 9 } } } } }), 422);
    const rated = await s.call('PATCH', `/messages/${survey.id}`, {
      token: v.token,
      payload: { message: { submitted_values: { csat_survey_response: { rating: 5, feedback_message: 'Ótimo' } } } },
    });
    expect(rated.json().content_attributes).toEqual({ submitted_values: { csat_survey_response: { rating: 5, feedback_message: 'Ótimo' } } });
    // The visitor's own messages cannot be "answered", nor another visitor's survey.
    const other = await visitor(s, 'outra aba, outro aparelho');
    // The same email from another browser: one person for the agents, but each session sees only its own conversations.
    expect(other.contactId).toBe(v.contactId);
    expect((await s.call('GET', '/messages', { token: other.token })).json().map((m: { content: string }) => m.content)).toEqual(['outra aba, outro aparelho']);
    expectError(await s.call('PATCH', `/messages/${survey.id}`, { token: other.token, payload: { message: { submitted_values: { csat_survey_response: { rating: 1 } } } } }), 404);

    expect((await s.call('POST', '/conversations/transcript', { token: v.token })).json()).toEqual({ success: true });
    await waitFor(async () => ((await mailsTo(t, 'visitante@example.test')).length === 1 ? true : undefined), 20_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await mailsTo(t, 'visitante@example.test')).length).toBe(1);
  });

  it('limits conversations per address', async () => {
    const s = await setup();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await s.call('POST', '/conversations', { payload: { message: { content: `oi ${i}` } } })).statusCode);
    expect(statuses.slice(0, 20).every((x) => x === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  // The built widget (npm run build runs before the tests in CI).
  it('serves the loader at Chatwoot’s path and the widget page, framed only by the allowed domains', async () => {
    for (const path of ['/packs/js/sdk.js', '/widget/sdk.js']) {
      const sdk = await t.app.inject({ method: 'GET', url: path });
      expect(sdk.statusCode).toBe(200);
      expect(sdk.headers['content-type']).toContain('javascript');
      expect(sdk.body).toContain('chatwootSDK');
    }
    const s = await setup({ allowedDomains: 'shop.example.test' });
    const page = await t.app.inject({ method: 'GET', url: `/widget?website_token=${s.websiteToken}`, headers: { referer: 'https://shop.example.test/produto' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain('frame-ancestors https://shop.example.test http://shop.example.test');
    const script = /src="(\/widget\/app\.js\?v=[0-9a-f]+)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    expect((await t.app.inject({ method: 'GET', url: script! })).statusCode).toBe(200);
    expectError(await t.app.inject({ method: 'GET', url: `/widget?website_token=${s.websiteToken}`, headers: { referer: 'https://evil.example.test/' } }), 403);
    expectError(await t.app.inject({ method: 'GET', url: '/widget?website_token=nope' }), 404);
    const open = await setup();
    const anyPage = await t.app.inject({ method: 'GET', url: `/widget?website_token=${open.websiteToken}` });
    expect(anyPage.headers['content-security-policy']).toContain('frame-ancestors *');
    expect(anyPage.body).toContain(`<title>${open.inbox.name}</title>`);
  });
});
