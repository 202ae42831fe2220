import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { type BuiltAccount, buildAccount, buildUser, PASSWORD, signIn } from '../../../test/builders';
import {
  accountState,
  BAD_IDS,
  clientAddress,
  expectError,
  expectNoLeak,
  linkToken,
  mailsTo,
  rawJson,
  sessionFrom,
  settleDeliveries,
  UNKNOWN_ID,
  unique,
} from '../../../test/expect-api';
import { insertInbox, insertTeam } from '../../../test/conversation-builders';
import { startTestApp, type TestApp } from '../../../test/harness';

/** Fields of the contract's `agent` RocketHub does not send: none. Values differ in one place, see the availability test. */
const AGENT_ABSENT = {};

type Agent = { id: number; email: string; role: string; confirmed: boolean; availability_status: string; auto_offline: boolean };

describe('agents API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const agentsUrl = (accountId: number | string) => `/api/v1/accounts/${accountId}/agents`;
  const agentUrl = (accountId: number | string, id: number | string) => `/api/v1/accounts/${accountId}/agents/${id}`;
  const invitation = () => ({ name: `Bia ${unique()}`, email: `bia-${unique()}@example.test`, role: 'agent' });

  async function listAgents(a: BuiltAccount): Promise<Agent[]> {
    const res = await t.request({ method: 'GET', url: agentsUrl(a.id), token: a.admin.token });
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  /** Each mutation, as a request against account `a` (its agent as the target where there is one). */
  const mutations = [
    { route: 'POST /api/v1/accounts/{account_id}/agents', method: 'POST', url: (a: BuiltAccount) => agentsUrl(a.id), payload: invitation },
    {
      route: 'PATCH /api/v1/accounts/{account_id}/agents/{id}',
      method: 'PATCH',
      url: (a: BuiltAccount) => agentUrl(a.id, a.agent.id),
      payload: () => ({ role: 'administrator' }),
    },
    {
      route: 'PUT /api/v1/accounts/{account_id}/agents/{id}',
      method: 'PUT',
      url: (a: BuiltAccount) => agentUrl(a.id, a.agent.id),
      payload: () => ({ availability_status: 'busy' }),
    },
    {
      route: 'DELETE /api/v1/accounts/{account_id}/agents/{id}',
      method: 'DELETE',
      url: (a: BuiltAccount) => agentUrl(a.id, a.agent.id),
      payload: () => undefined,
    },
  ] as const;

  describe('GET /api/v1/accounts/:account_id/agents', () => {
    it('lists every member for an administrator, in the documented and contract shape', async () => {
      const a = await buildAccount(t.ctx);
      const res = await t.request({ method: 'GET', url: agentsUrl(a.id), token: a.admin.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/agents', res);
      const agents = res.json() as Agent[];
      for (const agent of agents) expectContractFields(agent, 'agent', AGENT_ABSENT);
      expect(agents.map((x) => [x.id, x.email, x.role]).sort()).toEqual(
        [
          [a.admin.id, a.admin.email, 'administrator'],
          [a.agent.id, a.agent.email, 'agent'],
        ].sort(),
      );
    });

    it('lists the members for an agent too', async () => {
      const a = await buildAccount(t.ctx);
      const res = await t.request({ method: 'GET', url: agentsUrl(a.id), token: a.agent.token });
      expect(res.statusCode).toBe(200);
      expect((res.json() as Agent[]).map((x) => x.id).sort()).toEqual([a.admin.id, a.agent.id].sort());
    });

    it('answers 401 without a token or with a bad one', async () => {
      const a = await buildAccount(t.ctx);
      for (const token of [undefined, 'bad-token']) {
        const res = await t.request({ method: 'GET', url: agentsUrl(a.id), token });
        expectError(res, 401);
        expectNoLeak(res, [a.admin.email, a.agent.email]);
      }
    });

    it('answers 404 to an administrator of another account, without the members', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const res = await t.request({ method: 'GET', url: agentsUrl(a.id), token: other.admin.token });
      expectError(res, 404);
      expectNoLeak(res, [a.name, a.admin.email, a.agent.email, a.admin.name]);
    });

    it('rejects account ids that cannot exist with 422 and unknown ones with 404', async () => {
      const a = await buildAccount(t.ctx);
      for (const id of BAD_IDS) expectError(await t.request({ method: 'GET', url: agentsUrl(id), token: a.admin.token }), 422, 'account_id');
      expectError(await t.request({ method: 'GET', url: agentsUrl(UNKNOWN_ID), token: a.admin.token }), 404);
    });
  });

  describe('who may change agents', () => {
    for (const m of mutations) {
      it(`${m.route}: an agent gets 403 and nothing changes`, async () => {
        const a = await buildAccount(t.ctx);
        const before = await accountState(t, a.id);
        const res = await t.request({ method: m.method, url: m.url(a), token: a.agent.token, payload: m.payload() });
        expectError(res, 403);
        expect(await accountState(t, a.id)).toEqual(before);
      });

      it(`${m.route}: no token or a bad token gets 401 and nothing changes`, async () => {
        const a = await buildAccount(t.ctx);
        const before = await accountState(t, a.id);
        for (const token of [undefined, 'bad-token']) {
          const res = await t.request({ method: m.method, url: m.url(a), token, payload: m.payload() });
          expectError(res, 401);
          expectNoLeak(res, [a.agent.email]);
        }
        expect(await accountState(t, a.id)).toEqual(before);
      });

      it(`${m.route}: an administrator of another account gets 404, no data, and nothing changes`, async () => {
        const a = await buildAccount(t.ctx);
        const other = await buildAccount(t.ctx);
        const before = await accountState(t, a.id);
        const res = await t.request({ method: m.method, url: m.url(a), token: other.admin.token, payload: m.payload() });
        expectError(res, 404);
        expectNoLeak(res, [a.name, a.admin.email, a.agent.email, a.agent.name]);
        expect(await accountState(t, a.id)).toEqual(before);
      });
    }

    for (const m of mutations.filter((x) => x.method !== 'POST')) {
      it(`${m.route}: an administrator targeting a member of another account gets 404, no data, and nothing changes`, async () => {
        const a = await buildAccount(t.ctx);
        const other = await buildAccount(t.ctx);
        const before = await accountState(t, other.id);
        const res = await t.request({ method: m.method, url: agentUrl(a.id, other.agent.id), token: a.admin.token, payload: m.payload() });
        expectError(res, 404);
        expectNoLeak(res, [other.agent.email, other.agent.name]);
        expect(await accountState(t, other.id)).toEqual(before);
      });
    }
  });

  describe('POST /api/v1/accounts/:account_id/agents', () => {
    it('invites someone new: the agent is listed unconfirmed and gets a mail with a set-password link that signs them in', async () => {
      const a = await buildAccount(t.ctx);
      const body = { ...invitation(), role: 'administrator' };
      const res = await t.request({ method: 'POST', url: agentsUrl(a.id), token: a.admin.token, payload: body });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/agents', res);
      expectContractFields(res.json(), 'agent', AGENT_ABSENT);
      expect(res.json()).toMatchObject({ account_id: a.id, email: body.email, name: body.name, role: 'administrator', confirmed: false });

      await settleDeliveries(t);
      const mails = await mailsTo(t, body.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.accountId).toBe(a.id);
      expect(mails[0]?.text).toContain(a.name);
      const mailbox = await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}/dev_mailbox`, token: a.admin.token });
      expect(mailbox.json().payload.map((m: { to: string }) => m.to)).toContain(body.email);

      const token = linkToken(mails[0]?.text ?? '');
      expect(mails[0]?.text).toContain(`reset_password_token=${encodeURIComponent(token)}`);
      const described = await t.request({ method: 'GET', url: `/auth/password/token?reset_password_token=${encodeURIComponent(token)}` });
      expect(described.statusCode).toBe(200);
      expect(described.json()).toEqual({ purpose: 'invitation', email: body.email, name: body.name });

      const newPassword = 'Invited-pass-42';
      const set = await t.request({
        method: 'PUT',
        url: '/auth/password',
        payload: { reset_password_token: token, password: newPassword, password_confirmation: newPassword },
      });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json().data).toMatchObject({ email: body.email, confirmed: true, role: 'administrator', account_id: a.id });
      const session = sessionFrom(set);
      const profile = await t.request({ method: 'GET', url: '/api/v1/profile', headers: { cookie: session.cookie } });
      expect(profile.json().email).toBe(body.email);
      await signIn(t, body.email, newPassword, { remoteAddress: clientAddress() });
      const listed = (await listAgents(a)).find((x) => x.email === body.email);
      expect(listed?.confirmed).toBe(true);
    });

    it('adds an existing user of another account with a different role there, and mails them', async () => {
      const a = await buildAccount(t.ctx);
      const b = await buildAccount(t.ctx);
      const res = await t.request({
        method: 'POST',
        url: agentsUrl(b.id),
        token: b.admin.token,
        payload: { name: 'Ignored Name', email: a.admin.email.toUpperCase(), role: 'agent' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: a.admin.id, account_id: b.id, role: 'agent', name: a.admin.name, confirmed: true });

      const profile = await t.request({ method: 'GET', url: '/api/v1/profile', token: a.admin.token });
      const roles = (profile.json().accounts as { id: number; role: string }[]).map((m) => [m.id, m.role]).sort();
      expect(roles).toEqual([
        [a.id, 'administrator'],
        [b.id, 'agent'],
      ]);

      await settleDeliveries(t);
      const mails = await mailsTo(t, a.admin.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.accountId).toBe(b.id);
      expect(mails[0]?.text).toContain(b.name);
      expect(mails[0]?.text).not.toContain('reset_password_token');
      const aMailbox = await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}/dev_mailbox`, token: a.admin.token });
      expectNoLeak(aMailbox, [b.name]);

      const asAgentInB = await t.request({ method: 'POST', url: agentsUrl(b.id), token: a.admin.token, payload: invitation() });
      expectError(asAgentInB, 403);
      await signIn(t, a.admin.email, PASSWORD, { remoteAddress: clientAddress() });
    });

    it('accepts the availability and auto-offline settings, answering "available" as "online"', async () => {
      const a = await buildAccount(t.ctx);
      const busy = await t.request({
        method: 'POST',
        url: agentsUrl(a.id),
        token: a.admin.token,
        payload: { ...invitation(), availability_status: 'busy', auto_offline: false },
      });
      expect(busy.json()).toMatchObject({ availability_status: 'busy', auto_offline: false });
      // The contract lists `available`; Chatwoot itself stores and answers `online`, as RocketHub does.
      const available = await t.request({
        method: 'POST',
        url: agentsUrl(a.id),
        token: a.admin.token,
        payload: { ...invitation(), availability_status: 'available', auto_offline: false },
      });
      expect(available.json().availability_status).toBe('online');
      // With auto-offline on, others see an agent online only while they are connected.
      const away = await t.request({ method: 'POST', url: agentsUrl(a.id), token: a.admin.token, payload: { ...invitation(), availability_status: 'online' } });
      expect(away.json()).toMatchObject({ availability_status: 'offline', auto_offline: true });
    });

    it('rejects inviting a current member again with 422 on email and changes nothing', async () => {
      const a = await buildAccount(t.ctx);
      const before = await accountState(t, a.id);
      for (const email of [a.agent.email, a.admin.email.toUpperCase()]) {
        const res = await t.request({ method: 'POST', url: agentsUrl(a.id), token: a.admin.token, payload: { name: 'X', email, role: 'agent' } });
        expectError(res, 422, 'email');
      }
      expect(await accountState(t, a.id)).toEqual(before);
      await settleDeliveries(t);
      expect(await mailsTo(t, a.agent.email)).toHaveLength(0);
    });

    it('rejects bad input with a 4xx error naming the field and changes nothing', async () => {
      const a = await buildAccount(t.ctx);
      const before = await accountState(t, a.id);
      const ok = invitation();
      const cases: [string, object, number, string?][] = [
        ['empty body', { payload: {} }, 422, 'name'],
        ['missing email', { payload: { name: ok.name, role: 'agent' } }, 422, 'email'],
        ['missing role', { payload: { name: ok.name, email: ok.email } }, 422, 'role'],
        ['unknown role', { payload: { ...ok, role: 'owner' } }, 422, 'role'],
        ['malformed email', { payload: { ...ok, email: 'bia@' } }, 422, 'email'],
        ['email of the wrong type', { payload: { ...ok, email: ['bia@example.test'] } }, 422, 'email'],
        ['over-long email', { payload: { ...ok, email: `${'b'.repeat(250)}@example.test` } }, 422, 'email'],
        ['blank name', { payload: { ...ok, name: ' ' } }, 422, 'name'],
        ['over-long name', { payload: { ...ok, name: 'n'.repeat(101) } }, 422, 'name'],
        ['name of the wrong type', { payload: { ...ok, name: { first: 'Bia' } } }, 422, 'name'],
        ['unknown availability', { payload: { ...ok, availability_status: 'away' } }, 422, 'availability_status'],
        ['auto-offline not a boolean', { payload: { ...ok, auto_offline: 'no' } }, 422, 'auto_offline'],
        ['a null body', rawJson('null'), 422],
        ['invalid JSON', rawJson('{"name":'), 400],
        ['a NUL character', rawJson(JSON.stringify({ ...ok, name: 'Bi\u0000a' })), 422],
        ['an unsupported content type', { payload: 'name=Bia', headers: { 'content-type': 'text/csv' } }, 415],
      ];
      for (const [label, options, status, field] of cases) {
        const res = await t.request({ method: 'POST', url: agentsUrl(a.id), token: a.admin.token, ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
      }
      for (const id of BAD_IDS) {
        expectError(await t.request({ method: 'POST', url: agentsUrl(id), token: a.admin.token, payload: ok }), 422, 'account_id');
      }
      expectError(await t.request({ method: 'POST', url: agentsUrl(UNKNOWN_ID), token: a.admin.token, payload: ok }), 404);
      expect(await accountState(t, a.id)).toEqual(before);
      await settleDeliveries(t);
      expect(await mailsTo(t, ok.email)).toHaveLength(0);
    });

    it('needs the X-CSRF-Token header when authenticated by the session cookie', async () => {
      const a = await buildAccount(t.ctx);
      const session = await signIn(t, a.admin.email, PASSWORD, { remoteAddress: clientAddress() });
      const before = await accountState(t, a.id);
      for (const headers of [{ cookie: session.cookie }, { cookie: session.cookie, 'x-csrf-token': `${session.csrf}x` }]) {
        expectError(await t.request({ method: 'POST', url: agentsUrl(a.id), headers, payload: invitation() }), 403);
        expectError(await t.request({ method: 'DELETE', url: agentUrl(a.id, a.agent.id), headers }), 403);
      }
      expect(await accountState(t, a.id)).toEqual(before);
      const res = await t.request({
        method: 'POST',
        url: agentsUrl(a.id),
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
        payload: invitation(),
      });
      expect(res.statusCode).toBe(200);
    });
  });

  describe('PATCH and PUT /api/v1/accounts/:account_id/agents/:id', () => {
    for (const method of ['PATCH', 'PUT'] as const) {
      it(`${method} lets an administrator change a member's role and availability`, async () => {
        const a = await buildAccount(t.ctx);
        const res = await t.request({
          method,
          url: agentUrl(a.id, a.agent.id),
          token: a.admin.token,
          payload: { role: 'administrator', availability_status: 'busy', auto_offline: false },
        });
        expect(res.statusCode, res.body).toBe(200);
        expectDocumentedResponse(t.app, `${method} /api/v1/accounts/{account_id}/agents/{id}`, res);
        expectContractFields(res.json(), 'agent', AGENT_ABSENT);
        expect(res.json()).toMatchObject({ id: a.agent.id, role: 'administrator', availability_status: 'busy', auto_offline: false });
        const listed = (await listAgents(a)).find((x) => x.id === a.agent.id);
        expect(listed).toMatchObject({ role: 'administrator', availability_status: 'busy', auto_offline: false });
        // The promoted agent now administers the account.
        const invite = await t.request({ method: 'POST', url: agentsUrl(a.id), token: a.agent.token, payload: invitation() });
        expect(invite.statusCode).toBe(200);
      });
    }

    it('never demotes the last administrator (422 on role) but demotes one of two', async () => {
      const a = await buildAccount(t.ctx);
      const before = await accountState(t, a.id);
      const res = await t.request({ method: 'PATCH', url: agentUrl(a.id, a.admin.id), token: a.admin.token, payload: { role: 'agent' } });
      expectError(res, 422, 'role');
      expect(await accountState(t, a.id)).toEqual(before);

      const second = await buildUser(t.ctx, { accountId: a.id, role: 'administrator' });
      const demoted = await t.request({ method: 'PATCH', url: agentUrl(a.id, a.admin.id), token: a.admin.token, payload: { role: 'agent' } });
      expect(demoted.statusCode).toBe(200);
      expect(demoted.json().role).toBe('agent');
      const last = await t.request({ method: 'PATCH', url: agentUrl(a.id, second.id), token: second.token, payload: { role: 'agent' } });
      expectError(last, 422, 'role');
    });

    it('rejects bad input with a 4xx error naming the field and changes nothing', async () => {
      const a = await buildAccount(t.ctx);
      const before = await accountState(t, a.id);
      const url = agentUrl(a.id, a.agent.id);
      const cases: [string, object, number, string?][] = [
        ['unknown role', { payload: { role: 'owner' } }, 422, 'role'],
        ['role of the wrong type', { payload: { role: 1 } }, 422, 'role'],
        ['unknown availability', { payload: { availability_status: 'away' } }, 422, 'availability_status'],
        ['auto-offline not a boolean', { payload: { auto_offline: 'false' } }, 422, 'auto_offline'],
        ['an array body', rawJson('[]'), 422],
        ['invalid JSON', rawJson('{"role"'), 400],
        ['a NUL character', rawJson('{"role":"agent\\u0000"}'), 422],
        ['an unsupported content type', { payload: 'role: agent', headers: { 'content-type': 'application/yaml' } }, 415],
      ];
      for (const [label, options, status, field] of cases) {
        const res = await t.request({ method: 'PATCH', url, token: a.admin.token, ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
      }
      for (const id of BAD_IDS) {
        expectError(await t.request({ method: 'PATCH', url: agentUrl(a.id, id), token: a.admin.token, payload: { role: 'agent' } }), 422, 'id');
        expectError(await t.request({ method: 'PATCH', url: agentUrl(id, a.agent.id), token: a.admin.token, payload: { role: 'agent' } }), 422, 'account_id');
      }
      expectError(await t.request({ method: 'PUT', url: agentUrl(a.id, UNKNOWN_ID), token: a.admin.token, payload: { role: 'agent' } }), 404);
      expect(await accountState(t, a.id)).toEqual(before);
    });
  });

  describe('DELETE /api/v1/accounts/:account_id/agents/:id', () => {
    it('takes a removed agent out of the account’s inboxes and teams, so an invitation back starts clean', async () => {
      const a = await buildAccount(t.ctx);
      const inbox = await insertInbox(t.ctx, a.id, { memberIds: [a.agent.id] });
      const team = await insertTeam(t.ctx, a.id, [a.agent.id]);
      expect((await t.request({ method: 'DELETE', url: agentUrl(a.id, a.agent.id), token: a.admin.token })).statusCode).toBe(200);
      await t.request({ method: 'POST', url: `/api/v1/accounts/${a.id}/agents`, token: a.admin.token, payload: { name: a.agent.name, email: a.agent.email, role: 'agent' } });
      const members = await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}/inbox_members/${inbox.id}`, token: a.admin.token });
      expect(members.json().payload.map((m: { id: number }) => m.id)).not.toContain(a.agent.id);
      const teamMembers = await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}/teams/${team.id}/team_members`, token: a.admin.token });
      expect(teamMembers.json().map((m: { id: number }) => m.id)).not.toContain(a.agent.id);
    });

    it('removes a member from the account only: their token no longer reaches it, their other account stays', async () => {
      const a = await buildAccount(t.ctx);
      const b = await buildAccount(t.ctx);
      await t.request({ method: 'POST', url: agentsUrl(b.id), token: b.admin.token, payload: { name: 'x', email: a.agent.email, role: 'administrator' } });
      const res = await t.request({ method: 'DELETE', url: agentUrl(a.id, a.agent.id), token: a.admin.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'DELETE /api/v1/accounts/{account_id}/agents/{id}', res);
      expect(res.json()).toEqual({ success: true });
      expect((await listAgents(a)).map((x) => x.id)).toEqual([a.admin.id]);
      const gone = await t.request({ method: 'GET', url: `/api/v1/accounts/${a.id}`, token: a.agent.token });
      expectError(gone, 404);
      expectNoLeak(gone, [a.name]);
      const stays = await t.request({ method: 'GET', url: `/api/v1/accounts/${b.id}`, token: a.agent.token });
      expect(stays.statusCode).toBe(200);
      expectError(await t.request({ method: 'DELETE', url: agentUrl(a.id, a.agent.id), token: a.admin.token }), 404);
    });

    it('never removes the last administrator (422) but removes one of two', async () => {
      const a = await buildAccount(t.ctx);
      const before = await accountState(t, a.id);
      expectError(await t.request({ method: 'DELETE', url: agentUrl(a.id, a.admin.id), token: a.admin.token }), 422, 'role');
      expect(await accountState(t, a.id)).toEqual(before);
      const second = await buildUser(t.ctx, { accountId: a.id, role: 'administrator' });
      const res = await t.request({ method: 'DELETE', url: agentUrl(a.id, a.admin.id), token: second.token });
      expect(res.statusCode).toBe(200);
      expectError(await t.request({ method: 'DELETE', url: agentUrl(a.id, second.id), token: second.token }), 422, 'role');
    });

    it('rejects ids that cannot exist with 422 and unknown ones with 404, changing nothing', async () => {
      const a = await buildAccount(t.ctx);
      const before = await accountState(t, a.id);
      for (const id of BAD_IDS) {
        expectError(await t.request({ method: 'DELETE', url: agentUrl(a.id, id), token: a.admin.token }), 422, 'id');
        expectError(await t.request({ method: 'DELETE', url: agentUrl(id, a.agent.id), token: a.admin.token }), 422, 'account_id');
      }
      expectError(await t.request({ method: 'DELETE', url: agentUrl(a.id, UNKNOWN_ID), token: a.admin.token }), 404);
      expectError(await t.request({ method: 'DELETE', url: agentUrl(a.id, a.agent.id), token: a.admin.token, ...rawJson('{"x"') }), 400);
      expect(await accountState(t, a.id)).toEqual(before);
    });
  });
});
