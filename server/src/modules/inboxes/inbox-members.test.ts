import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxMembers } from '../../db/schema';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { type BuiltAccount, buildAccount, buildInbox, buildUser } from '../../../test/builders';
import { BAD_IDS, expectError, expectNoLeak, rawJson, UNKNOWN_ID } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';

type Agent = { id: number; email: string; role: string };

describe('inbox members API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const membersUrl = (accountId: number | string) => `/api/v1/accounts/${accountId}/inbox_members`;
  const listUrl = (accountId: number | string, inboxId: number | string) => `/api/v1/accounts/${accountId}/inbox_members/${inboxId}`;

  const memberIds = async (accountId: number) =>
    (await t.ctx.db.select().from(inboxMembers).where(eq(inboxMembers.accountId, accountId)).orderBy(asc(inboxMembers.id))).map((m) => [
      m.inboxId,
      m.userId,
    ]);

  async function listed(a: BuiltAccount, inboxId: number): Promise<number[]> {
    const res = await t.request({ method: 'GET', url: listUrl(a.id, inboxId), token: a.admin.token });
    expect(res.statusCode).toBe(200);
    return (res.json().payload as Agent[]).map((x) => x.id).sort((x, y) => x - y);
  }

  const sorted = (...ids: number[]) => [...ids].sort((x, y) => x - y);

  /** Each change of members, as a request against account `a` and one of its inboxes. */
  const mutations = [
    { route: 'POST /api/v1/accounts/{account_id}/inbox_members', method: 'POST' },
    { route: 'PATCH /api/v1/accounts/{account_id}/inbox_members', method: 'PATCH' },
    { route: 'DELETE /api/v1/accounts/{account_id}/inbox_members', method: 'DELETE' },
  ] as const;

  describe('who may change inbox members', () => {
    for (const m of mutations) {
      it(`${m.route}: an agent gets 403, no token or a bad one 401, another account 404, and nothing changes`, async () => {
        const a = await buildAccount(t.ctx);
        const other = await buildAccount(t.ctx);
        const inbox = await buildInbox(t.ctx, a.id, { memberIds: [a.agent.id] });
        const payload = { inbox_id: inbox.id, user_ids: [a.admin.id] };
        const before = await memberIds(a.id);
        expectError(await t.request({ method: m.method, url: membersUrl(a.id), token: a.agent.token, payload }), 403);
        for (const token of [undefined, 'bad-token']) {
          const res = await t.request({ method: m.method, url: membersUrl(a.id), token, payload });
          expectError(res, 401);
          expectNoLeak(res, [a.agent.email]);
        }
        const outsider = await t.request({ method: m.method, url: membersUrl(a.id), token: other.admin.token, payload });
        expectError(outsider, 404);
        expectNoLeak(outsider, [a.name, a.agent.email, inbox.name]);
        // An administrator naming an inbox of another account, in their own account's URL.
        const theirs = await t.request({
          method: m.method,
          url: membersUrl(other.id),
          token: other.admin.token,
          payload: { inbox_id: inbox.id, user_ids: [other.agent.id] },
        });
        expectError(theirs, 404);
        expectNoLeak(theirs, [inbox.name, a.agent.email]);
        expect(await memberIds(a.id)).toEqual(before);
        expect(await memberIds(other.id)).toEqual([]);
      });

      it(`${m.route}: bad input gets a 4xx error naming the field and changes nothing`, async () => {
        const a = await buildAccount(t.ctx);
        const other = await buildAccount(t.ctx);
        const inbox = await buildInbox(t.ctx, a.id, { memberIds: [a.agent.id] });
        const before = await memberIds(a.id);
        const cases: [string, object, number, string?][] = [
          ['no inbox', { payload: { user_ids: [a.admin.id] } }, 422, 'inbox_id'],
          ['no users', { payload: { inbox_id: inbox.id } }, 422, 'user_ids'],
          ['users not a list', { payload: { inbox_id: inbox.id, user_ids: a.admin.id } }, 422, 'user_ids'],
          ['a user id that cannot exist', { payload: { inbox_id: inbox.id, user_ids: [0] } }, 422, 'user_ids.0'],
          ['a user id of the wrong type', { payload: { inbox_id: inbox.id, user_ids: [{ id: 1 }] } }, 422, 'user_ids.0'],
          ['a user of another account', { payload: { inbox_id: inbox.id, user_ids: [a.admin.id, other.agent.id] } }, 422, 'user_ids'],
          ['an unknown user', { payload: { inbox_id: inbox.id, user_ids: [UNKNOWN_ID] } }, 422, 'user_ids'],
          ['an inbox id that cannot exist', { payload: { inbox_id: 'abc', user_ids: [a.admin.id] } }, 422, 'inbox_id'],
          ['an unknown inbox', { payload: { inbox_id: UNKNOWN_ID, user_ids: [a.admin.id] } }, 404],
          ['invalid JSON', rawJson('{"inbox_id":'), 400],
        ];
        if (m.method !== 'PATCH') cases.push(['an empty list', { payload: { inbox_id: inbox.id, user_ids: [] } }, 422, 'user_ids']);
        for (const [label, options, status, field] of cases) {
          const res = await t.request({ method: m.method, url: membersUrl(a.id), token: a.admin.token, ...options });
          expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
          expectError(res, status, field);
          expectNoLeak(res, [other.agent.email]);
        }
        for (const id of BAD_IDS) {
          const res = await t.request({ method: m.method, url: membersUrl(id), token: a.admin.token, payload: { inbox_id: inbox.id, user_ids: [a.admin.id] } });
          expectError(res, 422, 'account_id');
        }
        expect(await memberIds(a.id)).toEqual(before);
      });
    }
  });

  describe('GET /api/v1/accounts/:account_id/inbox_members/:inbox_id', () => {
    it('lists the agents of an inbox to an administrator and to an agent member, in the documented and contract shape', async () => {
      const a = await buildAccount(t.ctx);
      const inbox = await buildInbox(t.ctx, a.id, { memberIds: [a.agent.id, a.admin.id] });
      for (const token of [a.admin.token, a.agent.token]) {
        const res = await t.request({ method: 'GET', url: listUrl(a.id, inbox.id), token });
        expect(res.statusCode).toBe(200);
        expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/inbox_members/{inbox_id}', res);
        const agents = res.json().payload as Agent[];
        for (const agent of agents) expectContractFields(agent, 'agent');
        expect(agents.map((x) => [x.id, x.email, x.role]).sort()).toEqual(
          [
            [a.admin.id, a.admin.email, 'administrator'],
            [a.agent.id, a.agent.email, 'agent'],
          ].sort(),
        );
      }
    });

    it('answers 404 to an agent who is not a member, to another account and for unknown inboxes; 401 without a valid token', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const inbox = await buildInbox(t.ctx, a.id, { memberIds: [a.admin.id] });
      const theirs = await buildInbox(t.ctx, other.id, { memberIds: [other.agent.id] });
      const probes = [
        { url: listUrl(a.id, inbox.id), token: a.agent.token },
        { url: listUrl(a.id, inbox.id), token: other.admin.token },
        { url: listUrl(a.id, theirs.id), token: a.admin.token },
        { url: listUrl(a.id, UNKNOWN_ID), token: a.admin.token },
      ];
      for (const probe of probes) {
        const res = await t.request({ method: 'GET', ...probe });
        expectError(res, 404);
        expectNoLeak(res, [a.admin.email, other.agent.email, inbox.name, theirs.name]);
      }
      for (const token of [undefined, 'bad-token']) expectError(await t.request({ method: 'GET', url: listUrl(a.id, inbox.id), token }), 401);
      for (const id of BAD_IDS) {
        expectError(await t.request({ method: 'GET', url: listUrl(a.id, id), token: a.admin.token }), 422, 'inbox_id');
        expectError(await t.request({ method: 'GET', url: listUrl(id, inbox.id), token: a.admin.token }), 422, 'account_id');
      }
    });

    it('leaves out users who no longer belong to the account', async () => {
      const a = await buildAccount(t.ctx);
      const leaving = await buildUser(t.ctx, { accountId: a.id });
      const inbox = await buildInbox(t.ctx, a.id, { memberIds: [a.agent.id, leaving.id] });
      await t.request({ method: 'DELETE', url: `/api/v1/accounts/${a.id}/agents/${leaving.id}`, token: a.admin.token });
      expect(await listed(a, inbox.id)).toEqual([a.agent.id]);
    });
  });

  describe('changing the members', () => {
    it('POST adds agents (again is harmless) and answers all of them; the agent then sees the inbox', async () => {
      const a = await buildAccount(t.ctx);
      const second = await buildUser(t.ctx, { accountId: a.id });
      const inbox = await buildInbox(t.ctx, a.id, { memberIds: [a.admin.id] });
      expectError(await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}/inboxes/${inbox.id}`, token: a.agent.token }), 404);

      const res = await t.request({ method: 'POST', url: membersUrl(a.id), token: a.admin.token, payload: { inbox_id: inbox.id, user_ids: [a.agent.id, a.agent.id] } });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/inbox_members', res);
      for (const agent of res.json().payload) expectContractFields(agent, 'agent');
      expect((res.json().payload as Agent[]).map((x) => x.id).sort((x, y) => x - y)).toEqual(sorted(a.admin.id, a.agent.id));

      const again = await t.request({ method: 'POST', url: membersUrl(a.id), token: a.admin.token, payload: { inbox_id: String(inbox.id), user_ids: [a.agent.id, second.id] } });
      expect(again.statusCode).toBe(200);
      expect(await listed(a, inbox.id)).toEqual(sorted(a.admin.id, a.agent.id, second.id));

      const seen = await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}/inboxes`, token: a.agent.token });
      expect(seen.json().payload.map((i: { id: number }) => i.id)).toEqual([inbox.id]);
    });

    it('PATCH replaces the agents with exactly the given ones (an empty list removes all)', async () => {
      const a = await buildAccount(t.ctx);
      const second = await buildUser(t.ctx, { accountId: a.id });
      const inbox = await buildInbox(t.ctx, a.id, { memberIds: [a.admin.id, a.agent.id] });
      const untouched = await buildInbox(t.ctx, a.id, { memberIds: [a.agent.id] });
      const res = await t.request({ method: 'PATCH', url: membersUrl(a.id), token: a.admin.token, payload: { inbox_id: inbox.id, user_ids: [a.agent.id, second.id] } });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'PATCH /api/v1/accounts/{account_id}/inbox_members', res);
      for (const agent of res.json().payload) expectContractFields(agent, 'agent');
      expect((res.json().payload as Agent[]).map((x) => x.id).sort((x, y) => x - y)).toEqual(sorted(a.agent.id, second.id));

      const emptied = await t.request({ method: 'PATCH', url: membersUrl(a.id), token: a.admin.token, payload: { inbox_id: inbox.id, user_ids: [] } });
      expect(emptied.json()).toEqual({ payload: [] });
      expect(await listed(a, untouched.id)).toEqual([a.agent.id]);
    });

    it('DELETE removes the given agents only; the agent then no longer sees the inbox', async () => {
      const a = await buildAccount(t.ctx);
      const inbox = await buildInbox(t.ctx, a.id, { memberIds: [a.admin.id, a.agent.id] });
      const res = await t.request({ method: 'DELETE', url: membersUrl(a.id), token: a.admin.token, payload: { inbox_id: inbox.id, user_ids: [a.agent.id] } });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'DELETE /api/v1/accounts/{account_id}/inbox_members', res);
      expect(res.json()).toEqual({ success: true });
      expect(await listed(a, inbox.id)).toEqual([a.admin.id]);
      expectError(await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}/inboxes/${inbox.id}`, token: a.agent.token }), 404);
      const seen = await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}/inboxes`, token: a.agent.token });
      expect(seen.json()).toEqual({ payload: [] });
    });
  });
});
