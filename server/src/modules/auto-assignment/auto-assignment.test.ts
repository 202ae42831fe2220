import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountUsers, conversations, inboxes, messages } from '../../db/schema';
import type { DomainEvent } from '../../platform/outbox/types';
import { buildAccount, buildUser, type BuiltAccount, type BuiltUser } from '../../../test/builders';
import { insertContact, insertInbox, insertTeam } from '../../../test/conversation-builders';
import { expectError, settleDeliveries } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { assignLeftovers, autoAssign, chooseAgent } from './service';

describe('auto-assignment', () => {
  let t: TestApp;
  const committed: DomainEvent[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    t.ctx.outbox.onCommitted((events) => committed.push(...events));
  });
  afterAll(() => t.close());

  /** Marks agents available without a socket: `auto_offline` off keeps their chosen status. */
  async function setAvailability(accountId: number, users: BuiltUser[], availability: 'online' | 'busy' | 'offline') {
    for (const user of users) {
      await t.ctx.db
        .update(accountUsers)
        .set({ availability, autoOffline: false })
        .where(and(eq(accountUsers.accountId, accountId), eq(accountUsers.userId, user.id)));
    }
  }

  /** An account with `agents` extra agents (online), an inbox they work in with auto-assignment as given. */
  async function setup(options: { agents?: number; limit?: number | null; enabled?: boolean } = {}) {
    const account = await buildAccount(t.ctx);
    const agents: BuiltUser[] = [];
    for (let i = 0; i < (options.agents ?? 2); i++) agents.push(await buildUser(t.ctx, { accountId: account.id, role: 'agent', name: `Agente ${i + 1}` }));
    await setAvailability(account.id, agents, 'online');
    const inbox = await insertInbox(t.ctx, account.id, { memberIds: agents.map((a) => a.id) });
    await t.ctx.db
      .update(inboxes)
      .set({ enableAutoAssignment: options.enabled ?? true, autoAssignmentConfig: options.limit ? { max_assignment_limit: options.limit } : {} })
      .where(eq(inboxes.id, inbox.id));
    return { account, agents, inbox };
  }

  let contacts = 0;
  /** An open, unassigned conversation written straight to the table (no event: nothing reacts to it). */
  async function conversationRow(accountId: number, inboxId: number, extra: { teamId?: number; status?: 'open' | 'resolved' } = {}) {
    const { contact, contactInbox } = await insertContact(t.ctx, accountId, inboxId, { name: `Cliente ${++contacts}` });
    const [row] = await t.ctx.db
      .insert(conversations)
      .values({
        accountId,
        inboxId,
        contactId: contact.id,
        contactInboxId: contactInbox.id,
        displayId: contacts * 10 + Math.floor(Math.random() * 9),
        status: extra.status ?? 'open',
        teamId: extra.teamId ?? null,
      })
      .returning();
    return row!;
  }

  async function assigneesOf(inboxId: number) {
    const rows = await t.ctx.db.select().from(conversations).where(eq(conversations.inboxId, inboxId)).orderBy(asc(conversations.id));
    return rows.map((r) => r.assigneeId);
  }

  function countBy(ids: (number | null)[]) {
    const counts = new Map<number | null, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }

  it('picks the online agent under capacity whose last assignment is oldest', () => {
    const at = (ms: number) => new Date(ms);
    const candidates = [
      { userId: 1, lastAssignedAt: at(3000), openCount: 0, availability: 'online' as const, autoOffline: true },
      { userId: 2, lastAssignedAt: null, openCount: 5, availability: 'online' as const, autoOffline: true },
      { userId: 3, lastAssignedAt: at(1000), openCount: 1, availability: 'online' as const, autoOffline: true },
      { userId: 4, lastAssignedAt: null, openCount: 0, availability: 'online' as const, autoOffline: true },
    ];
    expect(chooseAgent(candidates, new Set([1, 2, 3, 4]), null)).toBe(2);
    expect(chooseAgent(candidates, new Set([1, 2, 3, 4]), 5)).toBe(4);
    expect(chooseAgent(candidates, new Set([1, 3]), 5)).toBe(3);
    expect(chooseAgent(candidates, new Set([1, 3]), 1)).toBe(1);
    expect(chooseAgent(candidates, new Set([3]), 1)).toBeUndefined();
    expect(chooseAgent(candidates, new Set(), null)).toBeUndefined();
  });

  it('assigns a conversation created through the API to an online agent, with an activity line and events', async () => {
    const { account, agents, inbox } = await setup({ agents: 1 });
    const { contact } = await insertContact(t.ctx, account.id, inbox.id);
    const created = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/conversations`,
      token: account.admin.token,
      payload: { inbox_id: inbox.id, contact_id: contact.id },
    });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json().meta.assignee).toBeNull();
    await settleDeliveries(t);
    const shown = await t.request({ method: 'GET', url: `/api/v1/accounts/${account.id}/conversations/${created.json().id}`, token: account.admin.token });
    expect(shown.json().meta.assignee).toMatchObject({ id: agents[0]!.id });
    const [row] = await t.ctx.db.select().from(conversations).where(eq(conversations.inboxId, inbox.id));
    const lines = await t.ctx.db.select().from(messages).where(eq(messages.conversationId, row!.id));
    expect(lines.map((m) => m.content)).toContain(`Atribuída a Agente 1 pela atribuição automática`);
    expect(committed.some((e) => e.name === 'assignee.changed' && e.accountId === account.id && e.payload.id === created.json().id)).toBe(true);
  });

  it('assigns a reopened conversation that has no agent', async () => {
    const { account, agents, inbox } = await setup({ agents: 1, enabled: false });
    const row = await conversationRow(account.id, inbox.id, { status: 'resolved' });
    await t.ctx.db.update(inboxes).set({ enableAutoAssignment: true }).where(eq(inboxes.id, inbox.id));
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/conversations/${row.displayId}/toggle_status`,
      token: account.admin.token,
      payload: { status: 'open' },
    });
    expect(res.statusCode, res.body).toBe(200);
    await settleDeliveries(t);
    expect(await assigneesOf(inbox.id)).toEqual([agents[0]!.id]);
  });

  it('spreads conversations round-robin over the online agents and skips busy and offline ones', async () => {
    const { account, agents, inbox } = await setup({ agents: 4 });
    await setAvailability(account.id, [agents[2]!], 'busy');
    // auto_offline on and no socket: offline whatever the stored status.
    await t.ctx.db.update(accountUsers).set({ autoOffline: true }).where(and(eq(accountUsers.accountId, account.id), eq(accountUsers.userId, agents[3]!.id)));
    const rows = [];
    for (let i = 0; i < 6; i++) rows.push(await conversationRow(account.id, inbox.id));
    for (const row of rows) expect(await autoAssign(t.ctx, row.id)).toBe('assigned');
    const counts = countBy(await assigneesOf(inbox.id));
    expect(counts.get(agents[0]!.id)).toBe(3);
    expect(counts.get(agents[1]!.id)).toBe(3);
    expect(counts.has(agents[2]!.id)).toBe(false);
    expect(counts.has(agents[3]!.id)).toBe(false);
    // Alternating, not three then three.
    const order = await assigneesOf(inbox.id);
    expect(order[0]).not.toBe(order[1]);
  });

  it('never goes over the capacity; the periodic pass assigns leftovers once someone is free', async () => {
    const { account, agents, inbox } = await setup({ agents: 2, limit: 1 });
    const rows = [];
    for (let i = 0; i < 3; i++) rows.push(await conversationRow(account.id, inbox.id));
    const outcomes = [];
    for (const row of rows) outcomes.push(await autoAssign(t.ctx, row.id));
    expect(outcomes).toEqual(['assigned', 'assigned', 'nobody_free']);
    expect(await assigneesOf(inbox.id)).toEqual([agents[0]!.id, agents[1]!.id, null]);
    // Someone becomes free: their conversation is resolved.
    await t.ctx.db.update(conversations).set({ status: 'resolved' }).where(eq(conversations.id, rows[0]!.id));
    await assignLeftovers(t.ctx);
    expect(await assigneesOf(inbox.id)).toEqual([agents[0]!.id, agents[1]!.id, agents[0]!.id]);
  });

  it('the periodic pass also assigns when an offline agent comes online', async () => {
    const { account, agents, inbox } = await setup({ agents: 1 });
    await setAvailability(account.id, agents, 'offline');
    const row = await conversationRow(account.id, inbox.id);
    expect(await autoAssign(t.ctx, row.id)).toBe('nobody_free');
    await setAvailability(account.id, agents, 'online');
    expect(await assignLeftovers(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await assigneesOf(inbox.id)).toEqual([agents[0]!.id]);
  });

  it('with a team that allows auto-assign, only its members of the inbox are chosen; without it, anyone', async () => {
    const { account, agents, inbox } = await setup({ agents: 3 });
    const team = await insertTeam(t.ctx, account.id, [agents[2]!.id, account.admin.id]);
    const closed = await insertTeam(t.ctx, account.id, [agents[2]!.id]);
    await t.ctx.db.execute(`UPDATE teams SET allow_auto_assign = false WHERE id = ${closed.id}` as never);
    const teamRows = [await conversationRow(account.id, inbox.id, { teamId: team.id }), await conversationRow(account.id, inbox.id, { teamId: team.id })];
    for (const row of teamRows) await autoAssign(t.ctx, row.id);
    expect(await assigneesOf(inbox.id)).toEqual([agents[2]!.id, agents[2]!.id]);
    const other = await conversationRow(account.id, inbox.id, { teamId: closed.id });
    await autoAssign(t.ctx, other.id);
    const [, , last] = await assigneesOf(inbox.id);
    expect([agents[0]!.id, agents[1]!.id]).toContain(last);
  });

  it('assigns a conversation when a team that allows auto-assign is set on it', async () => {
    const { account, agents, inbox } = await setup({ agents: 2, enabled: false });
    const team = await insertTeam(t.ctx, account.id, [agents[1]!.id]);
    const row = await conversationRow(account.id, inbox.id);
    await t.ctx.db.update(inboxes).set({ enableAutoAssignment: true }).where(eq(inboxes.id, inbox.id));
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/conversations/${row.displayId}/assignments`,
      token: account.admin.token,
      payload: { team_id: team.id },
    });
    expect(res.statusCode, res.body).toBe(200);
    await settleDeliveries(t);
    expect(await assigneesOf(inbox.id)).toEqual([agents[1]!.id]);
  });

  it('does nothing when the inbox has auto-assignment off, or the conversation is assigned or not open', async () => {
    const off = await setup({ enabled: false });
    const row = await conversationRow(off.account.id, off.inbox.id);
    expect(await autoAssign(t.ctx, row.id)).toBe('not_needed');
    expect(await assignLeftovers(t.ctx)).toBeGreaterThanOrEqual(0);
    expect(await assigneesOf(off.inbox.id)).toEqual([null]);
    const on = await setup();
    const resolved = await conversationRow(on.account.id, on.inbox.id, { status: 'resolved' });
    expect(await autoAssign(t.ctx, resolved.id)).toBe('not_needed');
    const taken = await conversationRow(on.account.id, on.inbox.id);
    await t.ctx.db.update(conversations).set({ assigneeId: on.agents[1]!.id }).where(eq(conversations.id, taken.id));
    expect(await autoAssign(t.ctx, taken.id)).toBe('not_needed');
    expect(await assigneesOf(on.inbox.id)).toEqual([null, on.agents[1]!.id]);
  });

  it('under many parallel assignments for one inbox, no agent ever exceeds the capacity', async () => {
    const { account, agents, inbox } = await setup({ agents: 3, limit: 2 });
    const rows = [];
    for (let i = 0; i < 15; i++) rows.push(await conversationRow(account.id, inbox.id));
    // Every assignment at once (on PostgreSQL: over several pooled connections), and twice each, as two nodes would.
    const outcomes = await Promise.all([...rows, ...rows].map((row) => autoAssign(t.ctx, row.id)));
    expect(outcomes.filter((o) => o === 'assigned')).toHaveLength(6);
    const counts = countBy(await assigneesOf(inbox.id));
    for (const agent of agents) expect(counts.get(agent.id)).toBe(2);
    expect(counts.get(null)).toBe(9);
  });

  it('spreads 30 conversations created through the API evenly over 3 online agents with capacity 10, then holds the 31st', async () => {
    const { account, agents, inbox } = await setup({ agents: 3, enabled: false });
    // Turned on as an administrator does it in the inbox settings.
    const on = await t.request({
      method: 'PATCH',
      url: `/api/v1/accounts/${account.id}/inboxes/${inbox.id}`,
      token: account.admin.token,
      payload: { enable_auto_assignment: true, auto_assignment_config: { max_assignment_limit: 10 } },
    });
    expect(on.statusCode, on.body).toBe(200);
    const create = async () => {
      const { contact } = await insertContact(t.ctx, account.id, inbox.id, { name: `Cliente ${++contacts}` });
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/accounts/${account.id}/conversations`,
        token: account.admin.token,
        payload: { inbox_id: inbox.id, contact_id: contact.id },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { id: number };
    };
    for (let i = 0; i < 30; i++) await create();
    await settleDeliveries(t);
    const counts = countBy(await assigneesOf(inbox.id));
    expect(agents.map((agent) => counts.get(agent.id))).toEqual([10, 10, 10]);
    expect(counts.has(null)).toBe(false);

    // Everyone is at capacity: the next conversation waits, unassigned.
    const waiting = await create();
    await settleDeliveries(t);
    expect((await assigneesOf(inbox.id)).at(-1)).toBeNull();
    // One of the first agent's conversations is resolved: the periodic pass hands the waiting one to her.
    const [first] = await t.ctx.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.inboxId, inbox.id), eq(conversations.assigneeId, agents[0]!.id)))
      .limit(1);
    await t.ctx.db.update(conversations).set({ status: 'resolved' }).where(eq(conversations.id, first!.id));
    await assignLeftovers(t.ctx);
    const shown = await t.request({ method: 'GET', url: `/api/v1/accounts/${account.id}/conversations/${waiting.id}`, token: account.admin.token });
    expect(shown.json().meta.assignee).toMatchObject({ id: agents[0]!.id });
  });

  describe('inbox settings', () => {
    const url = (a: BuiltAccount, inboxId: number) => `/api/v1/accounts/${a.id}/inboxes/${inboxId}`;

    it('an administrator turns it on with a capacity; agents get 403, other accounts 404, bad capacities 422', async () => {
      const { account, inbox } = await setup({ enabled: false });
      const other = await buildAccount(t.ctx);
      const body = { enable_auto_assignment: true, auto_assignment_config: { max_assignment_limit: 10 } };
      expectError(await t.request({ method: 'PATCH', url: url(account, inbox.id), token: account.agent.token, payload: body }), 403);
      expectError(await t.request({ method: 'PATCH', url: url(account, inbox.id), token: other.admin.token, payload: body }), 404);
      for (const bad of [0, -1, 1.5, 'ten', 100_000]) {
        const res = await t.request({ method: 'PATCH', url: url(account, inbox.id), token: account.admin.token, payload: { auto_assignment_config: { max_assignment_limit: bad } } });
        expectError(res, 422, 'auto_assignment_config.max_assignment_limit');
      }
      const [before] = await t.ctx.db.select().from(inboxes).where(eq(inboxes.id, inbox.id));
      expect(before).toMatchObject({ enableAutoAssignment: false, autoAssignmentConfig: {} });
      const res = await t.request({ method: 'PATCH', url: url(account, inbox.id), token: account.admin.token, payload: body });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject(body);
      const [after] = await t.ctx.db.select().from(inboxes).where(eq(inboxes.id, inbox.id));
      expect(after).toMatchObject({ enableAutoAssignment: true, autoAssignmentConfig: { max_assignment_limit: 10 } });
    });
  });
});
