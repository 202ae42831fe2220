import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import type { Availability } from '../../db/schema';

export type AssignmentInbox = { id: number; accountId: number; enableAutoAssignment: boolean; maxAssignmentLimit: number | null };

/**
 * Locks the inbox's row for auto-assignment until the transaction ends: every decision for one
 * inbox (on any node) runs one at a time, so counting open conversations and assigning cannot
 * interleave. `FOR NO KEY UPDATE` leaves new conversations (their foreign-key check) unblocked.
 */
export async function lockInbox(tx: Executor, inboxId: number): Promise<AssignmentInbox | undefined> {
  const rows = await queryRows<{ id: string; account_id: string; enable_auto_assignment: boolean; max_limit: unknown }>(tx, sql`
    SELECT id, account_id, enable_auto_assignment, auto_assignment_config->'max_assignment_limit' AS max_limit
    FROM inboxes WHERE id = ${inboxId} FOR NO KEY UPDATE`);
  const row = rows[0];
  if (!row) return undefined;
  const limit = typeof row.max_limit === "number" && row.max_limit > 0 ? row.max_limit : null;
  return { id: Number(row.id), accountId: Number(row.account_id), enableAutoAssignment: row.enable_auto_assignment, maxAssignmentLimit: limit };
}

export async function inboxAutoAssigns(db: Executor, inboxId: number): Promise<boolean> {
  const rows = await queryRows<{ enabled: boolean }>(db, sql`SELECT enable_auto_assignment AS enabled FROM inboxes WHERE id = ${inboxId}`);
  return rows[0]?.enabled === true;
}

export type Candidate = { userId: number; lastAssignedAt: Date | null; openCount: number; availability: Availability; autoOffline: boolean };

/**
 * The inbox's agents who could take a conversation — only members of `teamId` when given — with
 * how many open conversations of this inbox each has now.
 */
export async function listCandidates(tx: Executor, inbox: { id: number; accountId: number }, teamId: number | null): Promise<Candidate[]> {
  const rows = await queryRows<{ user_id: string; last_assigned_at: string | Date | null; open_count: string; availability: Availability; auto_offline: boolean }>(tx, sql`
    SELECT im.user_id, im.last_assigned_at, au.availability, au.auto_offline,
      (SELECT count(*) FROM conversations c
        WHERE c.account_id = ${inbox.accountId} AND c.assignee_id = im.user_id AND c.status = 'open' AND c.inbox_id = ${inbox.id}) AS open_count
    FROM inbox_members im
    JOIN account_users au ON au.account_id = im.account_id AND au.user_id = im.user_id
    WHERE im.inbox_id = ${inbox.id}
      ${teamId === null ? sql`` : sql`AND EXISTS (SELECT 1 FROM team_members tm WHERE tm.team_id = ${teamId} AND tm.user_id = im.user_id)`}`);
  return rows.map((r) => ({
    userId: Number(r.user_id),
    lastAssignedAt: r.last_assigned_at === null ? null : new Date(r.last_assigned_at),
    openCount: Number(r.open_count),
    availability: r.availability,
    autoOffline: r.auto_offline,
  }));
}

export async function markAssigned(tx: Executor, inboxId: number, userId: number): Promise<void> {
  await tx.execute(sql`UPDATE inbox_members SET last_assigned_at = clock_timestamp() WHERE inbox_id = ${inboxId} AND user_id = ${userId}`);
}

export async function findTeamAutoAssign(db: Executor, accountId: number, teamId: number): Promise<boolean | undefined> {
  const rows = await queryRows<{ allow_auto_assign: boolean }>(db, sql`SELECT allow_auto_assign FROM teams WHERE account_id = ${accountId} AND id = ${teamId}`);
  return rows[0]?.allow_auto_assign;
}

/**
 * Open conversations nobody has, in inboxes with auto-assignment on: the oldest `perInbox` of each
 * inbox (an inbox where nobody is free never hides the others' leftovers).
 */
export async function listLeftovers(db: Executor, perInbox: number): Promise<{ id: number; inboxId: number }[]> {
  const rows = await queryRows<{ id: string; inbox_id: string }>(
    db,
    sql`SELECT l.id, i.id AS inbox_id FROM inboxes i
        CROSS JOIN LATERAL (
          SELECT c.id FROM conversations c
          WHERE c.inbox_id = i.id AND c.status = 'open' AND c.assignee_id IS NULL
          ORDER BY c.id LIMIT ${perInbox}) l
        WHERE i.enable_auto_assignment
        ORDER BY i.id, l.id`,
  );
  return rows.map((r) => ({ id: Number(r.id), inboxId: Number(r.inbox_id) }));
}
