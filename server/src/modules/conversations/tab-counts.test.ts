import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { CONVERSATION_STATUSES, conversations, inboxes, users } from '../../db/schema';
import { buildAccount, buildUser, type BuiltAccount } from '../../../test/builders';
import { insertContact, insertInbox, insertTeam } from '../../../test/conversation-builders';
import { startTestApp, type TestApp } from '../../../test/harness';
import { foldTabCounts, sumTabCounts } from './counts-repository';
import { type ConversationScope, countConversationsByAssignee } from './repository';

describe('list tab counts kept in conversation_counts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const api = (account: BuiltAccount, path: string) => `/api/v1/accounts/${account.id}/conversations${path}`;

  /** Every countable scope of both people agrees with counting the conversations. */
  async function expectTotalsMatchCounting(accountId: number, people: { userId: number; inboxIds?: number[] }[], filters: Partial<ConversationScope>[]) {
    let compared = 0;
    for (const person of people) {
      for (const status of [...CONVERSATION_STATUSES, 'all'] as const) {
        for (const filter of filters) {
          const scope: ConversationScope = { accountId, status, inboxIds: person.inboxIds, ...filter };
          const kept = await sumTabCounts(t.ctx.db, scope, person.userId);
          const counted = await countConversationsByAssignee(t.ctx.db, scope, person.userId);
          expect(kept, JSON.stringify({ person, status, filter })).toEqual(counted);
          compared += counted.all;
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  }

  it('agree with counting after creations, assignments, team and status changes, bulk inserts, deletes and folds', async () => {
    const account = await buildAccount(t.ctx);
    const colleague = await buildUser(t.ctx, { accountId: account.id, role: 'agent', password: null });
    const inboxA = await insertInbox(t.ctx, account.id, { memberIds: [account.agent.id, colleague.id] });
    const inboxB = await insertInbox(t.ctx, account.id, { memberIds: [colleague.id] });
    const team = await insertTeam(t.ctx, account.id, [account.agent.id, colleague.id]);
    const a = await insertContact(t.ctx, account.id, inboxA.id);
    const b = await insertContact(t.ctx, account.id, inboxB.id);
    const request = (method: 'POST' | 'GET', path: string, payload?: object) =>
      t.request({ method, url: api(account, path), token: account.admin.token, ...(payload ? { payload } : {}) });

    for (let i = 0; i < 8; i++) {
      const res = await request('POST', '', { inbox_id: i % 3 === 0 ? inboxB.id : inboxA.id, contact_id: i % 3 === 0 ? b.contact.id : a.contact.id, ...(i === 5 ? { assignee_id: account.agent.id } : {}) });
      expect(res.statusCode, res.body).toBe(200);
    }
    await request('POST', '/1/assignments', { assignee_id: account.agent.id });
    await request('POST', '/2/assignments', { assignee_id: colleague.id });
    await request('POST', '/2/assignments', { team_id: team.id });
    await request('POST', '/3/assignments', { assignee_id: account.agent.id });
    await request('POST', '/3/assignments', { assignee_id: colleague.id });
    await request('POST', '/4/toggle_status', { status: 'resolved' });
    await request('POST', '/5/toggle_status', { status: 'pending' });
    await request('POST', '/6/toggle_status', { status: 'snoozed' });
    await request('POST', '/6/toggle_status', { status: 'open' });
    await request('POST', '/7/assignments', { assignee_id: null });
    // A bulk insert of several keys at once (the statement-level trigger).
    await t.ctx.db.insert(conversations).values(
      [0, 1, 2, 3].map((i) => ({
        accountId: account.id,
        inboxId: i % 2 ? inboxA.id : inboxB.id,
        contactId: i % 2 ? a.contact.id : b.contact.id,
        displayId: 100 + i,
        status: i === 3 ? ('resolved' as const) : ('open' as const),
        assigneeId: i === 1 ? account.agent.id : null,
        teamId: i === 2 ? team.id : null,
      })),
    );

    const people = [{ userId: account.admin.id }, { userId: account.agent.id, inboxIds: [inboxA.id] }, { userId: colleague.id, inboxIds: [inboxA.id, inboxB.id] }];
    const filters = [{}, { inboxId: inboxA.id }, { inboxId: inboxB.id }, { teamId: team.id }];
    await expectTotalsMatchCounting(account.id, people, filters);

    const meta = await request('GET', '/meta?status=open');
    const counted = await countConversationsByAssignee(t.ctx.db, { accountId: account.id, status: 'open' }, account.admin.id);
    expect(meta.json().meta).toEqual({ mine_count: counted.mine, unassigned_count: counted.unassigned, assigned_count: counted.assigned, all_count: counted.all });

    // Folding leaves one row per key with a non-zero total, and the same sums.
    expect(await foldTabCounts(t.ctx.db)).toBeGreaterThan(0);
    await expectTotalsMatchCounting(account.id, people, filters);
    const [shape] = await queryRows<{ rows: number; keys: number; zero: number }>(
      t.ctx.db,
      sql`SELECT count(*)::int AS rows, count(DISTINCT (inbox_id, team_id, status, assignee_id))::int AS keys, count(*) FILTER (WHERE n = 0)::int AS zero
          FROM conversation_counts WHERE account_id = ${account.id}`,
    );
    expect(shape).toEqual({ rows: shape!.keys, keys: shape!.keys, zero: 0 });

    // A colleague who leaves the installation (assignee set null) and an inbox deleted with its conversations.
    await t.ctx.db.delete(users).where(eq(users.id, colleague.id));
    await t.ctx.db.delete(inboxes).where(eq(inboxes.id, inboxB.id));
    await expectTotalsMatchCounting(account.id, people.slice(0, 2), [{}, { inboxId: inboxA.id }, { teamId: team.id }]);
    await foldTabCounts(t.ctx.db);
    await expectTotalsMatchCounting(account.id, people.slice(0, 2), [{}, { inboxId: inboxA.id }, { teamId: team.id }]);
    const [left] = await queryRows<{ n: number }>(t.ctx.db, sql`SELECT count(*)::int AS n FROM conversation_counts WHERE inbox_id = ${inboxB.id}`);
    expect(left!.n).toBe(0);
  });

  it('stay right when folds run beside writers and each other', async () => {
    const account = await buildAccount(t.ctx);
    const inbox = await insertInbox(t.ctx, account.id, { memberIds: [account.agent.id] });
    const { contact } = await insertContact(t.ctx, account.id, inbox.id);
    const request = (path: string, payload: object) => t.request({ method: 'POST', url: api(account, path), token: account.admin.token, payload });
    for (let i = 0; i < 6; i++) await request('', { inbox_id: inbox.id, contact_id: contact.id });
    await Promise.all([
      ...[1, 2, 3, 4, 5, 6].map((id) => request(`/${id}/assignments`, { assignee_id: id % 2 ? account.agent.id : account.admin.id })),
      foldTabCounts(t.ctx.db),
      foldTabCounts(t.ctx.db),
      ...[1, 2, 3].map((id) => request(`/${id}/toggle_status`, { status: 'resolved' })),
      foldTabCounts(t.ctx.db),
    ]);
    await expectTotalsMatchCounting(account.id, [{ userId: account.agent.id }, { userId: account.admin.id }], [{}, { inboxId: inbox.id }]);
    await foldTabCounts(t.ctx.db);
    await expectTotalsMatchCounting(account.id, [{ userId: account.agent.id }, { userId: account.admin.id }], [{}, { inboxId: inbox.id }]);
  });
});
