import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamMembers, teams } from '../../db/schema';
import { expectContractFields, expectDocumentedResponse } from '../../../test/contract';
import { type BuiltAccount, buildAccount, buildUser } from '../../../test/builders';
import { BAD_IDS, expectError, expectNoLeak, rawJson, UNKNOWN_ID, unique } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';

type Team = { id: number; name: string; description: string | null; allow_auto_assign: boolean; account_id: number; is_member: boolean };
type Agent = { id: number; email: string; role: string };

describe('teams API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const teamsUrl = (accountId: number | string) => `/api/v1/accounts/${accountId}/teams`;
  const teamUrl = (accountId: number | string, id: number | string) => `/api/v1/accounts/${accountId}/teams/${id}`;
  const membersUrl = (accountId: number | string, id: number | string) => `${teamUrl(accountId, id)}/team_members`;
  const sorted = (...ids: number[]) => [...ids].sort((x, y) => x - y);

  async function teamState(accountId: number) {
    const db = t.ctx.db;
    return {
      teams: await db.select().from(teams).where(eq(teams.accountId, accountId)).orderBy(asc(teams.id)),
      members: await db.select().from(teamMembers).where(eq(teamMembers.accountId, accountId)).orderBy(asc(teamMembers.id)),
    };
  }

  async function createTeam(a: BuiltAccount, body: object = { name: `Suporte ${unique()}` }): Promise<Team> {
    const res = await t.request({ method: 'POST', url: teamsUrl(a.id), token: a.admin.token, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  async function addMembers(a: BuiltAccount, teamId: number, userIds: number[]) {
    const res = await t.request({ method: 'POST', url: membersUrl(a.id, teamId), token: a.admin.token, payload: { user_ids: userIds } });
    expect(res.statusCode, res.body).toBe(200);
  }

  /** Every change, as a request against account `a` and one of its teams. */
  const mutations = [
    { route: 'POST /api/v1/accounts/{account_id}/teams', method: 'POST', url: (a: BuiltAccount) => teamsUrl(a.id), payload: () => ({ name: `T ${unique()}` }) },
    { route: 'PATCH /api/v1/accounts/{account_id}/teams/{team_id}', method: 'PATCH', url: (a: BuiltAccount, id: number) => teamUrl(a.id, id), payload: () => ({ name: 'New' }) },
    { route: 'PUT /api/v1/accounts/{account_id}/teams/{team_id}', method: 'PUT', url: (a: BuiltAccount, id: number) => teamUrl(a.id, id), payload: () => ({ allow_auto_assign: false }) },
    { route: 'DELETE /api/v1/accounts/{account_id}/teams/{team_id}', method: 'DELETE', url: (a: BuiltAccount, id: number) => teamUrl(a.id, id), payload: () => undefined },
    {
      route: 'POST /api/v1/accounts/{account_id}/teams/{team_id}/team_members',
      method: 'POST',
      url: (a: BuiltAccount, id: number) => membersUrl(a.id, id),
      payload: (a: BuiltAccount) => ({ user_ids: [a.admin.id] }),
    },
    {
      route: 'PATCH /api/v1/accounts/{account_id}/teams/{team_id}/team_members',
      method: 'PATCH',
      url: (a: BuiltAccount, id: number) => membersUrl(a.id, id),
      payload: () => ({ user_ids: [] }),
    },
    {
      route: 'DELETE /api/v1/accounts/{account_id}/teams/{team_id}/team_members',
      method: 'DELETE',
      url: (a: BuiltAccount, id: number) => membersUrl(a.id, id),
      payload: (a: BuiltAccount) => ({ user_ids: [a.agent.id] }),
    },
  ] as const;

  describe('who may change teams and their members', () => {
    for (const m of mutations) {
      it(`${m.route}: an agent gets 403, no token or a bad one 401, another account 404, and nothing changes`, async () => {
        const a = await buildAccount(t.ctx);
        const other = await buildAccount(t.ctx);
        const team = await createTeam(a);
        await addMembers(a, team.id, [a.agent.id]);
        const before = await teamState(a.id);
        expectError(await t.request({ method: m.method, url: m.url(a, team.id), token: a.agent.token, payload: m.payload(a) }), 403);
        for (const token of [undefined, 'bad-token']) {
          const res = await t.request({ method: m.method, url: m.url(a, team.id), token, payload: m.payload(a) });
          expectError(res, 401);
          expectNoLeak(res, [team.name]);
        }
        const outsider = await t.request({ method: m.method, url: m.url(a, team.id), token: other.admin.token, payload: m.payload(other) });
        expectError(outsider, 404);
        expectNoLeak(outsider, [a.name, team.name, a.agent.email]);
        expect(await teamState(a.id)).toEqual(before);
        expect(await teamState(other.id)).toEqual({ teams: [], members: [] });
      });
    }

    for (const m of mutations.filter((x) => x.route.includes('{team_id}'))) {
      it(`${m.route}: an administrator naming a team of another account gets 404, no data, and nothing changes`, async () => {
        const a = await buildAccount(t.ctx);
        const other = await buildAccount(t.ctx);
        const theirs = await createTeam(other);
        await addMembers(other, theirs.id, [other.agent.id]);
        const before = await teamState(other.id);
        const res = await t.request({ method: m.method, url: m.url(a, theirs.id), token: a.admin.token, payload: m.payload(a) });
        expectError(res, 404);
        expectNoLeak(res, [theirs.name, other.agent.email]);
        expect(await teamState(other.id)).toEqual(before);
        expect(await teamState(a.id)).toEqual({ teams: [], members: [] });
      });
    }
  });

  describe('teams', () => {
    it('POST creates a team in the documented and contract shape; GET lists and shows it, with is_member for the caller', async () => {
      const a = await buildAccount(t.ctx);
      const res = await t.request({
        method: 'POST',
        url: teamsUrl(a.id),
        token: a.admin.token,
        payload: { name: 'Financeiro', description: 'Boletos e notas', allow_auto_assign: false },
      });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/teams', res);
      expectContractFields(res.json(), 'team');
      const team = res.json() as Team;
      expect(team).toEqual({ id: expect.any(Number), name: 'Financeiro', description: 'Boletos e notas', allow_auto_assign: false, account_id: a.id, is_member: false });
      const plain = await createTeam(a, { name: 'Vendas' });
      expect(plain).toMatchObject({ description: null, allow_auto_assign: true });
      await addMembers(a, team.id, [a.agent.id]);

      for (const [token, mine] of [
        [a.agent.token, true],
        [a.admin.token, false],
      ] as const) {
        const list = await t.request({ method: 'GET', url: teamsUrl(a.id), token });
        expect(list.statusCode).toBe(200);
        expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/teams', list);
        for (const x of list.json()) expectContractFields(x, 'team');
        expect((list.json() as Team[]).map((x) => [x.name, x.is_member])).toEqual([
          ['Financeiro', mine],
          ['Vendas', false],
        ]);
        const shown = await t.request({ method: 'GET', url: teamUrl(a.id, team.id), token });
        expect(shown.statusCode).toBe(200);
        expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/teams/{team_id}', shown);
        expectContractFields(shown.json(), 'team');
        expect(shown.json()).toEqual({ ...team, is_member: mine });
      }
    });

    it('GET answers 401 without a valid token and 404 to another account, for unknown teams and for teams of another account', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const team = await createTeam(a);
      const theirs = await createTeam(other);
      for (const url of [teamsUrl(a.id), teamUrl(a.id, team.id)]) {
        for (const token of [undefined, 'bad-token']) expectError(await t.request({ method: 'GET', url, token }), 401);
        const res = await t.request({ method: 'GET', url, token: other.admin.token });
        expectError(res, 404);
        expectNoLeak(res, [a.name, team.name]);
      }
      for (const url of [teamUrl(a.id, theirs.id), teamUrl(a.id, UNKNOWN_ID)]) {
        const res = await t.request({ method: 'GET', url, token: a.admin.token });
        expectError(res, 404);
        expectNoLeak(res, [theirs.name]);
      }
      const list = await t.request({ method: 'GET', url: teamsUrl(a.id), token: a.admin.token });
      expectNoLeak(list, [theirs.name]);
      for (const id of BAD_IDS) {
        expectError(await t.request({ method: 'GET', url: teamUrl(a.id, id), token: a.admin.token }), 422, 'team_id');
        expectError(await t.request({ method: 'GET', url: teamsUrl(id), token: a.admin.token }), 422, 'account_id');
      }
    });

    it('PATCH and PUT update a team, keeping what is not sent', async () => {
      const a = await buildAccount(t.ctx);
      const team = await createTeam(a, { name: 'Suporte', description: 'N1' });
      const res = await t.request({ method: 'PATCH', url: teamUrl(a.id, team.id), token: a.admin.token, payload: { name: 'Suporte N2', allow_auto_assign: false } });
      expect(res.statusCode, res.body).toBe(200);
      expectDocumentedResponse(t.app, 'PATCH /api/v1/accounts/{account_id}/teams/{team_id}', res);
      expectContractFields(res.json(), 'team');
      expect(res.json()).toEqual({ ...team, name: 'Suporte N2', allow_auto_assign: false });
      const put = await t.request({ method: 'PUT', url: teamUrl(a.id, team.id), token: a.admin.token, payload: { description: '', name: 'SUPORTE n2' } });
      expect(put.statusCode, put.body).toBe(200);
      expectDocumentedResponse(t.app, 'PUT /api/v1/accounts/{account_id}/teams/{team_id}', put);
      expect(put.json()).toMatchObject({ name: 'SUPORTE n2', description: null });
    });

    it('refuses a name another team of the account has, ignoring case (422 on name); another account may use it', async () => {
      const a = await buildAccount(t.ctx);
      await createTeam(a, { name: 'Suporte' });
      const second = await createTeam(a, { name: 'Vendas' });
      const before = await teamState(a.id);
      expectError(await t.request({ method: 'POST', url: teamsUrl(a.id), token: a.admin.token, payload: { name: ' suPORte ' } }), 422, 'name');
      expectError(await t.request({ method: 'PATCH', url: teamUrl(a.id, second.id), token: a.admin.token, payload: { name: 'SUPORTE' } }), 422, 'name');
      expect(await teamState(a.id)).toEqual(before);
      const other = await buildAccount(t.ctx);
      await createTeam(other, { name: 'Suporte' });
    });

    it('rejects bad input with a 4xx error naming the field and changes nothing', async () => {
      const a = await buildAccount(t.ctx);
      const team = await createTeam(a);
      const before = await teamState(a.id);
      const cases: [string, string, object, number, string?][] = [
        ['POST', 'empty body', { payload: {} }, 422, 'name'],
        ['POST', 'blank name', { payload: { name: '  ' } }, 422, 'name'],
        ['POST', 'over-long name', { payload: { name: 'n'.repeat(256) } }, 422, 'name'],
        ['POST', 'name of the wrong type', { payload: { name: ['x'] } }, 422, 'name'],
        ['POST', 'over-long description', { payload: { name: 'x', description: 'd'.repeat(1001) } }, 422, 'description'],
        ['POST', 'allow_auto_assign not a boolean', { payload: { name: 'x', allow_auto_assign: 'yes' } }, 422, 'allow_auto_assign'],
        ['POST', 'a NUL character', rawJson(JSON.stringify({ name: 'a\u0000b' })), 422],
        ['POST', 'invalid JSON', rawJson('{"name":'), 400],
        ['PATCH', 'blank name', { payload: { name: '' } }, 422, 'name'],
        ['PATCH', 'allow_auto_assign null', { payload: { allow_auto_assign: null } }, 422, 'allow_auto_assign'],
      ];
      for (const [method, label, options, status, field] of cases) {
        const url = method === 'POST' ? teamsUrl(a.id) : teamUrl(a.id, team.id);
        const res = await t.request({ method: method as 'POST' | 'PATCH', url, token: a.admin.token, ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
      }
      for (const id of BAD_IDS) {
        expectError(await t.request({ method: 'PATCH', url: teamUrl(a.id, id), token: a.admin.token, payload: { name: 'x' } }), 422, 'team_id');
        expectError(await t.request({ method: 'POST', url: teamsUrl(id), token: a.admin.token, payload: { name: 'x' } }), 422, 'account_id');
      }
      expectError(await t.request({ method: 'PATCH', url: teamUrl(a.id, UNKNOWN_ID), token: a.admin.token, payload: { name: 'x' } }), 404);
      expect(await teamState(a.id)).toEqual(before);
    });

    it('DELETE removes a team and its members; unknown teams answer 404', async () => {
      const a = await buildAccount(t.ctx);
      const gone = await createTeam(a);
      const stays = await createTeam(a);
      await addMembers(a, gone.id, [a.agent.id]);
      await addMembers(a, stays.id, [a.agent.id]);
      const res = await t.request({ method: 'DELETE', url: teamUrl(a.id, gone.id), token: a.admin.token });
      expect(res.statusCode).toBe(200);
      expectDocumentedResponse(t.app, 'DELETE /api/v1/accounts/{account_id}/teams/{team_id}', res);
      expect(res.json()).toEqual({ success: true });
      const state = await teamState(a.id);
      expect(state.teams.map((x) => x.id)).toEqual([stays.id]);
      expect(state.members.map((x) => x.teamId)).toEqual([stays.id]);
      expectError(await t.request({ method: 'DELETE', url: teamUrl(a.id, gone.id), token: a.admin.token }), 404);
      for (const id of BAD_IDS) expectError(await t.request({ method: 'DELETE', url: teamUrl(a.id, id), token: a.admin.token }), 422, 'team_id');
    });
  });

  describe('team members', () => {
    it('GET lists the agents of a team to administrators and agents, in the documented and contract shape', async () => {
      const a = await buildAccount(t.ctx);
      const team = await createTeam(a);
      await addMembers(a, team.id, [a.admin.id, a.agent.id]);
      for (const token of [a.admin.token, a.agent.token]) {
        const res = await t.request({ method: 'GET', url: membersUrl(a.id, team.id), token });
        expect(res.statusCode).toBe(200);
        expectDocumentedResponse(t.app, 'GET /api/v1/accounts/{account_id}/teams/{team_id}/team_members', res);
        for (const agent of res.json()) expectContractFields(agent, 'agent');
        expect((res.json() as Agent[]).map((x) => [x.id, x.email, x.role]).sort()).toEqual(
          [
            [a.admin.id, a.admin.email, 'administrator'],
            [a.agent.id, a.agent.email, 'agent'],
          ].sort(),
        );
      }
      const other = await buildAccount(t.ctx);
      for (const token of [undefined, 'bad-token']) expectError(await t.request({ method: 'GET', url: membersUrl(a.id, team.id), token }), 401);
      const outsider = await t.request({ method: 'GET', url: membersUrl(a.id, team.id), token: other.admin.token });
      expectError(outsider, 404);
      expectNoLeak(outsider, [a.agent.email, team.name]);
      expectError(await t.request({ method: 'GET', url: membersUrl(other.id, team.id), token: other.admin.token }), 404);
      expectError(await t.request({ method: 'GET', url: membersUrl(a.id, UNKNOWN_ID), token: a.admin.token }), 404);
    });

    it('POST adds agents and answers all of them; PATCH replaces them; DELETE removes the given ones', async () => {
      const a = await buildAccount(t.ctx);
      const third = await buildUser(t.ctx, { accountId: a.id });
      const team = await createTeam(a);
      const ids = (res: { json(): unknown }) => (res.json() as Agent[]).map((x) => x.id).sort((x, y) => x - y);

      const added = await t.request({ method: 'POST', url: membersUrl(a.id, team.id), token: a.admin.token, payload: { user_ids: [a.agent.id] } });
      expect(added.statusCode, added.body).toBe(200);
      expectDocumentedResponse(t.app, 'POST /api/v1/accounts/{account_id}/teams/{team_id}/team_members', added);
      for (const agent of added.json()) expectContractFields(agent, 'agent');
      expect(ids(added)).toEqual([a.agent.id]);
      const again = await t.request({ method: 'POST', url: membersUrl(a.id, team.id), token: a.admin.token, payload: { user_ids: [a.agent.id, a.admin.id] } });
      expect(ids(again)).toEqual(sorted(a.agent.id, a.admin.id));

      const replaced = await t.request({ method: 'PATCH', url: membersUrl(a.id, team.id), token: a.admin.token, payload: { user_ids: [third.id, a.admin.id] } });
      expect(replaced.statusCode, replaced.body).toBe(200);
      expectDocumentedResponse(t.app, 'PATCH /api/v1/accounts/{account_id}/teams/{team_id}/team_members', replaced);
      for (const agent of replaced.json()) expectContractFields(agent, 'agent');
      expect(ids(replaced)).toEqual(sorted(third.id, a.admin.id));

      const removed = await t.request({ method: 'DELETE', url: membersUrl(a.id, team.id), token: a.admin.token, payload: { user_ids: [a.admin.id] } });
      expect(removed.statusCode, removed.body).toBe(200);
      expectDocumentedResponse(t.app, 'DELETE /api/v1/accounts/{account_id}/teams/{team_id}/team_members', removed);
      expect(removed.json()).toEqual({ success: true });
      const list = await t.request({ method: 'GET', url: membersUrl(a.id, team.id), token: a.admin.token });
      expect(ids(list)).toEqual([third.id]);

      const emptied = await t.request({ method: 'PATCH', url: membersUrl(a.id, team.id), token: a.admin.token, payload: { user_ids: [] } });
      expect(emptied.json()).toEqual([]);
    });

    it('rejects users outside the account and other bad input with a 4xx error naming the field, changing nothing', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const team = await createTeam(a);
      await addMembers(a, team.id, [a.agent.id]);
      const before = await teamState(a.id);
      for (const method of ['POST', 'PATCH', 'DELETE'] as const) {
        const cases: [object, number, string?][] = [
          [{ payload: {} }, 422, 'user_ids'],
          [{ payload: { user_ids: 'all' } }, 422, 'user_ids'],
          [{ payload: { user_ids: [-1] } }, 422, 'user_ids.0'],
          [{ payload: { user_ids: [a.admin.id, other.admin.id] } }, 422, 'user_ids'],
          [{ payload: { user_ids: [UNKNOWN_ID] } }, 422, 'user_ids'],
          [rawJson('{"user_ids":['), 400],
        ];
        if (method !== 'PATCH') cases.push([{ payload: { user_ids: [] } }, 422, 'user_ids']);
        for (const [options, status, field] of cases) {
          const res = await t.request({ method, url: membersUrl(a.id, team.id), token: a.admin.token, ...options });
          expectError(res, status, field);
          expectNoLeak(res, [other.admin.email]);
        }
        expectError(await t.request({ method, url: membersUrl(a.id, UNKNOWN_ID), token: a.admin.token, payload: { user_ids: [a.admin.id] } }), 404);
        for (const id of BAD_IDS) {
          expectError(await t.request({ method, url: membersUrl(a.id, id), token: a.admin.token, payload: { user_ids: [a.admin.id] } }), 422, 'team_id');
        }
      }
      expect(await teamState(a.id)).toEqual(before);
    });
  });
});
