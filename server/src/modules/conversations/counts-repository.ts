import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { conversationCounts } from '../../db/schema';
import type { ConversationScope } from './repository';

export type TabCounts = { mine: number; unassigned: number; assigned: number; all: number };

/**
 * Whether the counts of `scope` can be added up from `conversation_counts`: only the account,
 * inbox, team and status narrow it (labels, mentions, participation, search and the advanced
 * filter need the conversations themselves).
 */
export function countableFromTotals(scope: ConversationScope): boolean {
  return (
    (scope.labels === undefined || scope.labels.length === 0) &&
    scope.mentionedUserId === undefined &&
    scope.participantUserId === undefined &&
    !scope.unattended &&
    scope.updatedAfter === undefined &&
    scope.where === undefined
  );
}

/** The tabs' counts of a countable scope, from the kept totals. */
export async function sumTabCounts(db: Executor, scope: ConversationScope, userId: number): Promise<TabCounts> {
  const c = conversationCounts;
  const where: SQL[] = [eq(c.accountId, scope.accountId)];
  if (scope.status && scope.status !== 'all') where.push(eq(c.status, scope.status));
  if (scope.inboxIds) where.push(scope.inboxIds.length > 0 ? inArray(c.inboxId, scope.inboxIds) : sql`false`);
  if (scope.inboxId !== undefined) where.push(eq(c.inboxId, scope.inboxId));
  if (scope.teamId !== undefined) where.push(eq(c.teamId, scope.teamId));
  const [row] = await db
    .select({
      mine: sql<number>`coalesce(sum(${c.n}) FILTER (WHERE ${c.assigneeId} = ${userId}), 0)`.mapWith(Number),
      unassigned: sql<number>`coalesce(sum(${c.n}) FILTER (WHERE ${isNull(c.assigneeId)}), 0)`.mapWith(Number),
      all: sql<number>`coalesce(sum(${c.n}), 0)`.mapWith(Number),
    })
    .from(c)
    .where(and(...where));
  const all = row?.all ?? 0;
  const unassigned = row?.unassigned ?? 0;
  return { mine: row?.mine ?? 0, unassigned, assigned: all - unassigned, all };
}

/**
 * Folds the +1/−1 rows of each key into one (dropping keys that sum to zero). Safe beside writers
 * and other folds: rows added meanwhile stay for the next fold, and a row two folds both select is
 * deleted — and added up — by one of them only.
 */
export async function foldTabCounts(db: Executor): Promise<number> {
  const rows = await queryRows<{ folded: number }>(
    db,
    sql`WITH keys AS (
          SELECT account_id, inbox_id, coalesce(team_id, 0) AS team_id, status, coalesce(assignee_id, 0) AS assignee_id
          FROM conversation_counts GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1 OR sum(n) = 0
        ), gone AS (
          DELETE FROM conversation_counts c USING keys k
          WHERE c.account_id = k.account_id AND c.inbox_id = k.inbox_id AND coalesce(c.team_id, 0) = k.team_id
            AND c.status = k.status AND coalesce(c.assignee_id, 0) = k.assignee_id
          RETURNING c.account_id, c.inbox_id, c.team_id, c.status, c.assignee_id, c.n
        ), folded AS (
          INSERT INTO conversation_counts (account_id, inbox_id, team_id, status, assignee_id, n)
          SELECT account_id, inbox_id, team_id, status, assignee_id, sum(n) FROM gone
          GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0
          RETURNING 1
        )
        SELECT (SELECT count(*) FROM gone)::int AS folded`,
  );
  return rows[0]?.folded ?? 0;
}
