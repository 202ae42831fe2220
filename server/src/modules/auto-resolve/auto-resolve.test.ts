import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, conversations, messages } from '../../db/schema';
import { buildAccount, type BuiltAccount } from '../../../test/builders';
import { insertContact, insertInbox, insertLabels } from '../../../test/conversation-builders';
import { expectError } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { resolveInactive } from './service';

describe('account settings and auto-resolve', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const url = (a: BuiltAccount | { id: number }) => `/api/v1/accounts/${a.id}`;
  const accountRow = async (id: number) => (await t.ctx.db.select().from(accounts).where(eq(accounts.id, id)))[0]!;

  describe('PATCH /api/v1/accounts/{id}', () => {
    it('an administrator sets name, language and auto-resolve (minutes, message, label); everyone in the account reads them', async () => {
      const a = await buildAccount(t.ctx);
      await insertLabels(t.ctx, a.id, ['inativa']);
      const res = await t.request({
        method: 'PATCH',
        url: url(a),
        token: a.admin.token,
        payload: { name: 'Loja Aurora', locale: 'en', auto_resolve_after: 4320, auto_resolve_message: 'Encerramos por inatividade.', auto_resolve_label: 'Inativa' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        name: 'Loja Aurora',
        locale: 'en',
        settings: { auto_resolve_after: 4320, auto_resolve_message: 'Encerramos por inatividade.', auto_resolve_label: 'inativa' },
      });
      const shown = await t.request({ method: 'GET', url: url(a), token: a.agent.token });
      expect(shown.json().settings).toMatchObject({ auto_resolve_after: 4320, auto_resolve_label: 'inativa' });
      const cleared = await t.request({ method: 'PATCH', url: url(a), token: a.admin.token, payload: { auto_resolve_after: null, auto_resolve_label: '' } });
      expect(cleared.json().settings).toMatchObject({ auto_resolve_after: null, auto_resolve_label: null });
    });

    it('agents get 403, other accounts 404, bad values 422 naming the field; nothing changes', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const before = await accountRow(a.id);
      expectError(await t.request({ method: 'PATCH', url: url(a), token: a.agent.token, payload: { auto_resolve_after: 60 } }), 403);
      expectError(await t.request({ method: 'PATCH', url: url(a), token: other.admin.token, payload: { auto_resolve_after: 60 } }), 404);
      const bad: [Record<string, unknown>, string][] = [
        [{ auto_resolve_after: 5 }, 'auto_resolve_after'],
        [{ auto_resolve_after: 'soon' }, 'auto_resolve_after'],
        [{ auto_resolve_after: 2_000_000 }, 'auto_resolve_after'],
        [{ auto_resolve_label: 'nao-existe' }, 'auto_resolve_label'],
        [{ locale: 'português' }, 'locale'],
        [{ name: '  ' }, 'name'],
      ];
      for (const [payload, field] of bad) expectError(await t.request({ method: 'PATCH', url: url(a), token: a.admin.token, payload }), 422, field);
      expect(await accountRow(a.id)).toEqual(before);
    });
  });

  describe('the auto-resolve job', () => {
    const HOUR = 3_600_000;
    const now = new Date('2030-01-10T12:00:00Z');

    async function conversationAt(accountId: number, inboxId: number, lastActivityAt: Date, extra: { waitingSince?: Date; status?: 'open' | 'pending' } = {}) {
      const { contact, contactInbox } = await insertContact(t.ctx, accountId, inboxId);
      const [max] = await t.ctx.db.select({ id: conversations.displayId }).from(conversations).where(eq(conversations.accountId, accountId)).orderBy(asc(conversations.displayId));
      const [row] = await t.ctx.db
        .insert(conversations)
        .values({
          accountId,
          inboxId,
          contactId: contact.id,
          contactInboxId: contactInbox.id,
          displayId: (max?.id ?? 0) + Math.floor(Math.random() * 1_000_000) + 1,
          status: extra.status ?? 'open',
          lastActivityAt,
          waitingSince: extra.waitingSince ?? null,
        })
        .returning();
      return row!;
    }

    async function state(id: number) {
      const [row] = await t.ctx.db.select().from(conversations).where(eq(conversations.id, id));
      const lines = await t.ctx.db.select().from(messages).where(eq(messages.conversationId, id)).orderBy(asc(messages.id));
      return { status: row!.status, labels: row!.labels, lines: lines.map((m) => ({ type: m.messageType, content: m.content, senderType: m.senderType })) };
    }

    it('resolves only conversations inactive longer than the setting, posting the message and adding the label', async () => {
      const a = await buildAccount(t.ctx);
      await insertLabels(t.ctx, a.id, ['inativa']);
      const patched = await t.request({
        method: 'PATCH',
        url: url(a),
        token: a.admin.token,
        payload: { auto_resolve_after: 1440, auto_resolve_message: 'Encerramos por inatividade.', auto_resolve_label: 'inativa', auto_resolve_ignore_waiting: true },
      });
      expect(patched.statusCode).toBe(200);
      const inbox = await insertInbox(t.ctx, a.id);
      const old = await conversationAt(a.id, inbox.id, new Date(now.getTime() - 25 * HOUR));
      const recent = await conversationAt(a.id, inbox.id, new Date(now.getTime() - 23 * HOUR));
      const waiting = await conversationAt(a.id, inbox.id, new Date(now.getTime() - 48 * HOUR), { waitingSince: new Date(now.getTime() - 48 * HOUR) });
      const pending = await conversationAt(a.id, inbox.id, new Date(now.getTime() - 48 * HOUR), { status: 'pending' });
      // An account without the setting keeps its old conversations open.
      const b = await buildAccount(t.ctx);
      const otherInbox = await insertInbox(t.ctx, b.id);
      const untouched = await conversationAt(b.id, otherInbox.id, new Date(now.getTime() - 1000 * HOUR));

      expect(await resolveInactive(t.ctx, now)).toBeGreaterThanOrEqual(1);
      expect(await state(old.id)).toEqual({
        status: 'resolved',
        labels: ['inativa'],
        lines: [
          { type: 3, content: 'Encerramos por inatividade.', senderType: null },
          { type: 2, content: 'Conversa resolvida automaticamente após 1 dia sem atividade', senderType: null },
        ],
      });
      for (const kept of [recent, waiting, untouched]) expect((await state(kept.id)).status).toBe('open');
      expect((await state(pending.id)).status).toBe('pending');
      // Running again changes nothing more.
      await resolveInactive(t.ctx, now);
      expect((await state(old.id)).lines).toHaveLength(2);
    });

    it('without a message or label it only resolves, and waiting conversations count when not ignored', async () => {
      const a = await buildAccount(t.ctx);
      await t.request({ method: 'PATCH', url: url(a), token: a.admin.token, payload: { auto_resolve_after: 90, locale: 'en' } });
      const inbox = await insertInbox(t.ctx, a.id);
      const waiting = await conversationAt(a.id, inbox.id, new Date(now.getTime() - 2 * HOUR), { waitingSince: new Date(now.getTime() - 2 * HOUR) });
      await resolveInactive(t.ctx, now);
      expect(await state(waiting.id)).toEqual({
        status: 'resolved',
        labels: [],
        lines: [{ type: 2, content: 'Conversation was resolved automatically after 90 minutes of inactivity', senderType: null }],
      });
    });
  });
});
