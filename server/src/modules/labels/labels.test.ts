import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts, conversations, labels } from '../../db/schema';
import { expectDocumentedResponse } from '../../../test/contract';
import { type BuiltAccount, buildAccount, buildInbox } from '../../../test/builders';
import { BAD_IDS, expectError, expectNoLeak, rawJson, UNKNOWN_ID, unique } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';

type Label = { id: number; title: string; description: string | null; color: string; show_on_sidebar: boolean };

/** Labels are not in the contract: their shape is Chatwoot's (`{payload: [...]}` for the list), checked against RocketHub's own document. */
describe('labels API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const labelsUrl = (accountId: number | string) => `/api/v1/accounts/${accountId}/labels`;
  const labelUrl = (accountId: number | string, id: number | string) => `/api/v1/accounts/${accountId}/labels/${id}`;

  const labelState = (accountId: number) => t.ctx.db.select().from(labels).where(eq(labels.accountId, accountId)).orderBy(asc(labels.id));

  async function createLabel(a: BuiltAccount, body: object = { title: `l-${unique()}` }): Promise<Label> {
    const res = await t.request({ method: 'POST', url: labelsUrl(a.id), token: a.admin.token, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  let displayIds = 0;

  /** A contact and a conversation of the account carrying these label titles. */
  async function labelled(accountId: number, titles: string[]) {
    const inbox = await buildInbox(t.ctx, accountId);
    const [contact] = await t.ctx.db.insert(contacts).values({ accountId, name: 'Maria', labels: titles }).returning();
    if (!contact) throw new Error('no contact');
    const [conversation] = await t.ctx.db
      .insert(conversations)
      .values({ accountId, displayId: ++displayIds, inboxId: inbox.id, contactId: contact.id, labels: titles })
      .returning();
    if (!conversation) throw new Error('no conversation');
    return { contactId: contact.id, conversationId: conversation.id };
  }

  async function titlesOf(records: { contactId: number; conversationId: number }[]) {
    const contactRows = await t.ctx.db
      .select({ id: contacts.id, labels: contacts.labels })
      .from(contacts)
      .where(inArray(contacts.id, records.map((r) => r.contactId)));
    const conversationRows = await t.ctx.db
      .select({ id: conversations.id, labels: conversations.labels })
      .from(conversations)
      .where(inArray(conversations.id, records.map((r) => r.conversationId)));
    return records.map((r) => ({
      contact: contactRows.find((c) => c.id === r.contactId)?.labels,
      conversation: conversationRows.find((c) => c.id === r.conversationId)?.labels,
    }));
  }

  const mutations = [
    { route: 'POST /api/v1/accounts/{account_id}/labels', method: 'POST', url: (a: BuiltAccount) => labelsUrl(a.id), payload: () => ({ title: `x-${unique()}` }) },
    { route: 'PATCH /api/v1/accounts/{account_id}/labels/{id}', method: 'PATCH', url: (a: BuiltAccount, id: number) => labelUrl(a.id, id), payload: () => ({ title: 'renamed' }) },
    { route: 'PUT /api/v1/accounts/{account_id}/labels/{id}', method: 'PUT', url: (a: BuiltAccount, id: number) => labelUrl(a.id, id), payload: () => ({ color: '#000000' }) },
    { route: 'DELETE /api/v1/accounts/{account_id}/labels/{id}', method: 'DELETE', url: (a: BuiltAccount, id: number) => labelUrl(a.id, id), payload: () => undefined },
  ] as const;

  describe('who may change labels', () => {
    for (const m of mutations) {
      it(`${m.route}: an agent gets 403, no token or a bad one 401, another account 404, and nothing changes`, async () => {
        const a = await buildAccount(t.ctx);
        const other = await buildAccount(t.ctx);
        const label = await createLabel(a);
        const records = [await labelled(a.id, [label.title])];
        const before = await labelState(a.id);
        expectError(await t.request({ method: m.method, url: m.url(a, label.id), token: a.agent.token, payload: m.payload() }), 403);
        for (const token of [undefined, 'bad-token']) {
          const res = await t.request({ method: m.method, url: m.url(a, label.id), token, payload: m.payload() });
          expectError(res, 401);
          expectNoLeak(res, [label.title]);
        }
        const outsider = await t.request({ method: m.method, url: m.url(a, label.id), token: other.admin.token, payload: m.payload() });
        expectError(outsider, 404);
        expectNoLeak(outsider, [a.name, label.title]);
        expect(await labelState(a.id)).toEqual(before);
        expect(await labelState(other.id)).toEqual([]);
        expect(await titlesOf(records)).toEqual([{ contact: [label.title], conversation: [label.title] }]);
      });
    }

    for (const m of mutations.filter((x) => x.route.includes('{id}'))) {
      it(`${m.route}: an administrator naming a label of another account gets 404, no data, and nothing changes`, async () => {
        const a = await buildAccount(t.ctx);
        const other = await buildAccount(t.ctx);
        const theirs = await createLabel(other);
        const before = await labelState(other.id);
        const res = await t.request({ method: m.method, url: m.url(a, theirs.id), token: a.admin.token, payload: m.payload() });
        expectError(res, 404);
        expectNoLeak(res, [theirs.title]);
        expect(await labelState(other.id)).toEqual(before);
      });
    }
  });

  describe('reading labels', () => {
    it('lists and shows labels to administrators and agents, in the documented shape', async () => {
      const a = await buildAccount(t.ctx);
      const billing = await createLabel(a, { title: 'Financeiro', description: 'Boletos', color: '#FF0000', show_on_sidebar: false });
      const login = await createLabel(a, { title: 'problema-login' });
      await createLabel(await buildAccount(t.ctx), { title: 'outra-conta' });
      for (const token of [a.admin.token, a.agent.token]) {
        const list = await t.request({ method: 'GET', url: labelsUrl(a.id), token });
        expect(list.statusCode).toBe(200);
        expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/labels', list);
        expect(list.json()).toEqual({ payload: [billing, login] });
        const shown = await t.request({ method: 'GET', url: labelUrl(a.id, billing.id), token });
        expect(shown.statusCode).toBe(200);
        expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/labels/{id}', shown);
        expect(shown.json()).toEqual(billing);
      }
    });

    it('answers 401 without a valid token and 404 to another account, for unknown labels and labels of another account', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const label = await createLabel(a);
      const theirs = await createLabel(other);
      for (const url of [labelsUrl(a.id), labelUrl(a.id, label.id)]) {
        for (const token of [undefined, 'bad-token']) expectError(await t.request({ method: 'GET', url, token }), 401);
        const res = await t.request({ method: 'GET', url, token: other.admin.token });
        expectError(res, 404);
        expectNoLeak(res, [a.name, label.title]);
      }
      for (const url of [labelUrl(a.id, theirs.id), labelUrl(a.id, UNKNOWN_ID)]) {
        const res = await t.request({ method: 'GET', url, token: a.admin.token });
        expectError(res, 404);
        expectNoLeak(res, [theirs.title]);
      }
      for (const id of BAD_IDS) {
        expectError(await t.request({ method: 'GET', url: labelUrl(a.id, id), token: a.admin.token }), 422, 'id');
        expectError(await t.request({ method: 'GET', url: labelsUrl(id), token: a.admin.token }), 422, 'account_id');
      }
    });
  });

  describe('POST /api/v1/accounts/:account_id/labels', () => {
    it('creates a label with its title in lower case and Chatwoot’s defaults', async () => {
      const a = await buildAccount(t.ctx);
      const res = await t.request({ method: 'POST', url: labelsUrl(a.id), token: a.admin.token, payload: { title: ' Problema-Login_2 ' } });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/labels', res);
      expect(res.json()).toEqual({ id: expect.any(Number), title: 'problema-login_2', description: null, color: '#1f93ff', show_on_sidebar: true });
      const accented = await createLabel(a, { title: 'Promoção' });
      expect(accented.title).toBe('promoção');
    });

    it('refuses a title the account already has, in any case (422 on title); another account may use it', async () => {
      const a = await buildAccount(t.ctx);
      await createLabel(a, { title: 'vip' });
      const before = await labelState(a.id);
      expectError(await t.request({ method: 'POST', url: labelsUrl(a.id), token: a.admin.token, payload: { title: 'VIP' } }), 422, 'title');
      expect(await labelState(a.id)).toEqual(before);
      await createLabel(await buildAccount(t.ctx), { title: 'vip' });
    });

    it('rejects bad input with a 4xx error naming the field and changes nothing', async () => {
      const a = await buildAccount(t.ctx);
      const before = await labelState(a.id);
      const cases: [string, object, number, string?][] = [
        ['empty body', { payload: {} }, 422, 'title'],
        ['blank title', { payload: { title: '   ' } }, 422, 'title'],
        ['a space in the title', { payload: { title: 'problema login' } }, 422, 'title'],
        ['a # in the title', { payload: { title: '#vip' } }, 422, 'title'],
        ['over-long title', { payload: { title: 'l'.repeat(256) } }, 422, 'title'],
        ['title of the wrong type', { payload: { title: 7 } }, 422, 'title'],
        ['a color name', { payload: { title: 'ok', color: 'blue' } }, 422, 'color'],
        ['a color without #', { payload: { title: 'ok', color: '1f93ff' } }, 422, 'color'],
        ['show_on_sidebar not a boolean', { payload: { title: 'ok', show_on_sidebar: 1 } }, 422, 'show_on_sidebar'],
        ['over-long description', { payload: { title: 'ok', description: 'd'.repeat(1001) } }, 422, 'description'],
        ['a NUL character', rawJson(JSON.stringify({ title: 'o\u0000k' })), 422],
        ['invalid JSON', rawJson('{"title":'), 400],
      ];
      for (const [label, options, status, field] of cases) {
        const res = await t.request({ method: 'POST', url: labelsUrl(a.id), token: a.admin.token, ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
      }
      for (const id of BAD_IDS) expectError(await t.request({ method: 'POST', url: labelsUrl(id), token: a.admin.token, payload: { title: 'x' } }), 422, 'account_id');
      expectError(await t.request({ method: 'POST', url: labelsUrl(UNKNOWN_ID), token: a.admin.token, payload: { title: 'x' } }), 404);
      expect(await labelState(a.id)).toEqual(before);
    });
  });

  describe('PATCH /api/v1/accounts/:account_id/labels/:id', () => {
    it('updates a label; a new title replaces the old one on the account’s contacts and conversations only', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const label = await createLabel(a, { title: 'suporte', description: 'N1' });
      const mine = [await labelled(a.id, ['vip', 'suporte']), await labelled(a.id, ['vip'])];
      // A stale copy of the new title must not end up twice.
      const both = await labelled(a.id, ['suporte', 'atendimento']);
      const theirs = await labelled(other.id, ['suporte']);

      const res = await t.request({ method: 'PATCH', url: labelUrl(a.id, label.id), token: a.admin.token, payload: { title: 'Atendimento', color: '#00AA00' } });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'PATCH /api/v1/accounts/{account_id}/labels/{id}', res);
      expect(res.json()).toEqual({ ...label, title: 'atendimento', color: '#00AA00' });
      expect(await titlesOf([...mine, both, theirs])).toEqual([
        { contact: ['vip', 'atendimento'], conversation: ['vip', 'atendimento'] },
        { contact: ['vip'], conversation: ['vip'] },
        { contact: ['atendimento'], conversation: ['atendimento'] },
        { contact: ['suporte'], conversation: ['suporte'] },
      ]);

      const put = await t.request({ method: 'PUT', url: labelUrl(a.id, label.id), token: a.admin.token, payload: { description: '', show_on_sidebar: false } });
      expect(put.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'PUT /api/v1/accounts/{account_id}/labels/{id}', put);
      expect(put.json()).toEqual({ ...label, title: 'atendimento', color: '#00AA00', description: null, show_on_sidebar: false });
      const same = await t.request({ method: 'PATCH', url: labelUrl(a.id, label.id), token: a.admin.token, payload: { title: 'ATENDIMENTO' } });
      expect(same.statusCode).toBe(200);
    });

    it('refuses another label’s title (422 on title) and bad input, changing nothing', async () => {
      const a = await buildAccount(t.ctx);
      await createLabel(a, { title: 'vip' });
      const label = await createLabel(a, { title: 'suporte' });
      const records = [await labelled(a.id, ['suporte'])];
      const before = await labelState(a.id);
      const cases: [object, number, string?][] = [
        [{ payload: { title: 'Vip' } }, 422, 'title'],
        [{ payload: { title: '' } }, 422, 'title'],
        [{ payload: { title: 'a/b' } }, 422, 'title'],
        [{ payload: { color: '#GGGGGG' } }, 422, 'color'],
        [{ payload: { show_on_sidebar: null } }, 422, 'show_on_sidebar'],
        [rawJson('{"title":'), 400],
      ];
      for (const [options, status, field] of cases) {
        expectError(await t.request({ method: 'PATCH', url: labelUrl(a.id, label.id), token: a.admin.token, ...options }), status, field);
      }
      for (const id of BAD_IDS) expectError(await t.request({ method: 'PATCH', url: labelUrl(a.id, id), token: a.admin.token, payload: { title: 'x' } }), 422, 'id');
      expectError(await t.request({ method: 'PATCH', url: labelUrl(a.id, UNKNOWN_ID), token: a.admin.token, payload: { title: 'x' } }), 404);
      expect(await labelState(a.id)).toEqual(before);
      expect(await titlesOf(records)).toEqual([{ contact: ['suporte'], conversation: ['suporte'] }]);
    });
  });

  describe('DELETE /api/v1/accounts/:account_id/labels/:id', () => {
    it('deletes a label and takes it off the account’s contacts and conversations only', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const label = await createLabel(a, { title: 'spam' });
      const kept = await createLabel(a, { title: 'vip' });
      const mine = await labelled(a.id, ['vip', 'spam']);
      const theirs = await labelled(other.id, ['spam']);
      const res = await t.request({ method: 'DELETE', url: labelUrl(a.id, label.id), token: a.admin.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'DELETE /api/v1/accounts/{account_id}/labels/{id}', res);
      expect(res.json()).toEqual({ success: true });
      expect((await labelState(a.id)).map((l) => l.id)).toEqual([kept.id]);
      expect(await titlesOf([mine, theirs])).toEqual([
        { contact: ['vip'], conversation: ['vip'] },
        { contact: ['spam'], conversation: ['spam'] },
      ]);
      expectError(await t.request({ method: 'DELETE', url: labelUrl(a.id, label.id), token: a.admin.token }), 404);
      for (const id of BAD_IDS) expectError(await t.request({ method: 'DELETE', url: labelUrl(a.id, id), token: a.admin.token }), 422, 'id');
    });
  });
});
