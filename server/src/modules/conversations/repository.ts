import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, unionAll } from 'drizzle-orm/pg-core';
import { type Executor, queryRows, runQueries } from '../../db/client';
import {
  accountSequences,
  accountUsers,
  contactInboxes,
  contacts,
  conversationParticipants,
  CONVERSATION_STATUSES,
  conversations,
  inboxes,
  labels,
  mentions,
  messages,
  teamMembers,
  teams,
  users,
} from '../../db/schema';
import { countableFromTotals, sumTabCounts, type TabCounts } from './counts-repository';

export type ConversationRow = typeof conversations.$inferSelect;
export type NewConversation = typeof conversations.$inferInsert;

/** The next display id of the account (1, 2, 3...): the counter row is locked until commit. */
export async function nextDisplayId(tx: Executor, accountId: number): Promise<number> {
  const [row] = await queryRows<{ id: string | number }>(
    tx,
    sql`INSERT INTO ${accountSequences} (account_id, last_conversation_display_id) VALUES (${accountId}, 1)
        ON CONFLICT (account_id) DO UPDATE SET last_conversation_display_id = ${accountSequences}.last_conversation_display_id + 1
        RETURNING last_conversation_display_id AS id`,
  );
  return Number(row?.id);
}

export async function insertConversation(tx: Executor, values: NewConversation): Promise<ConversationRow> {
  const [row] = await tx.insert(conversations).values(values).returning();
  if (!row) throw new Error('insert conversations returned nothing');
  return row;
}

export async function findByDisplayId(db: Executor, accountId: number, displayId: number, lock = false) {
  const query = db
    .select()
    .from(conversations)
    .where(and(eq(conversations.accountId, accountId), eq(conversations.displayId, displayId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findByUuid(db: Executor, uuid: string, lock = false) {
  const query = db.select().from(conversations).where(eq(conversations.uuid, uuid));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findById(db: Executor, id: number, lock = false) {
  const query = db.select().from(conversations).where(eq(conversations.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateConversation(tx: Executor, id: number, patch: Partial<NewConversation>): Promise<ConversationRow> {
  const [row] = await tx
    .update(conversations)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(conversations.id, id))
    .returning();
  if (!row) throw new Error(`conversation ${id} vanished`);
  return row;
}

/** A conversation's new state after a batch of messages (see `applyIncomingMessages`). */
export type MessagesApplied = { id: number; lastActivityAt: Date; lastMessage: Record<string, unknown>; unreadCount: number; waitingSince: Date | null };

/** Updates many conversations in one statement, each with its own values. */
export async function updateAfterMessages(tx: Executor, rows: MessagesApplied[]): Promise<void> {
  if (rows.length === 0) return;
  const values = JSON.stringify(
    rows.map((r) => ({ id: r.id, at: r.lastActivityAt.toISOString(), last_message: r.lastMessage, unread_count: r.unreadCount, waiting_since: r.waitingSince?.toISOString() ?? null })),
  );
  await tx.execute(sql`
    UPDATE ${conversations} AS c
       SET last_activity_at = v.at, last_message = v.last_message, unread_count = v.unread_count,
           waiting_since = v.waiting_since, updated_at = now()
      FROM jsonb_to_recordset(${values}::jsonb) AS v(id bigint, at timestamptz, last_message jsonb, unread_count integer, waiting_since timestamptz)
     WHERE c.id = v.id`);
}

/** What a list may be narrowed by. `inboxIds` restricts an agent to their inboxes. */
export type ConversationScope = {
  accountId: number;
  inboxIds?: number[] | undefined;
  status?: ConversationRow['status'] | 'all' | undefined;
  inboxId?: number | undefined;
  teamId?: number | undefined;
  labels?: string[] | undefined;
  /** Conversations where this user was mentioned / participates. */
  mentionedUserId?: number | undefined;
  participantUserId?: number | undefined;
  /** No human reply yet, or the customer is waiting. */
  unattended?: boolean | undefined;
  updatedAfter?: Date | undefined;
  /** Extra conditions (search, advanced filter), already parameterised. */
  where?: SQL | undefined;
};

export type AssigneeFilter = { kind: 'all' } | { kind: 'me'; userId: number } | { kind: 'unassigned' } | { kind: 'assigned' };

/** A column as the sort names it: qualified in a plain select, by its bare name over a union. */
type SortColumn = (column: AnyPgColumn) => SQL;
const qualified: SortColumn = (column) => sql`${column}`;
const bare: SortColumn = (column) => sql`${sql.identifier(column.name)}`;

const SORT_ORDERS = {
  last_activity_at_desc: (col: SortColumn) => [sql`${col(conversations.lastActivityAt)} DESC`, sql`${col(conversations.id)} DESC`],
  last_activity_at_asc: (col: SortColumn) => [sql`${col(conversations.lastActivityAt)} ASC`, sql`${col(conversations.id)} ASC`],
  created_at_desc: (col: SortColumn) => [sql`${col(conversations.createdAt)} DESC`, sql`${col(conversations.id)} DESC`],
  created_at_asc: (col: SortColumn) => [sql`${col(conversations.createdAt)} ASC`, sql`${col(conversations.id)} ASC`],
  priority_desc: (col: SortColumn) => [sql`${col(conversations.priority)} DESC NULLS LAST`, sql`${col(conversations.lastActivityAt)} DESC`, sql`${col(conversations.id)} DESC`],
  priority_asc: (col: SortColumn) => [sql`${col(conversations.priority)} ASC NULLS FIRST`, sql`${col(conversations.lastActivityAt)} ASC`, sql`${col(conversations.id)} ASC`],
  waiting_since_desc: (col: SortColumn) => [sql`${col(conversations.waitingSince)} DESC NULLS LAST`, sql`${col(conversations.id)} DESC`],
  waiting_since_asc: (col: SortColumn) => [sql`${col(conversations.waitingSince)} ASC NULLS LAST`, sql`${col(conversations.id)} ASC`],
} as const;
export const SORTS = SORT_ORDERS;
export type SortKey = keyof typeof SORTS;

function scopeConditions(scope: ConversationScope): SQL[] {
  const c: SQL[] = [eq(conversations.accountId, scope.accountId)];
  if (scope.inboxIds) c.push(scope.inboxIds.length > 0 ? inArray(conversations.inboxId, scope.inboxIds) : sql`false`);
  if (scope.status && scope.status !== 'all') c.push(eq(conversations.status, scope.status));
  if (scope.inboxId !== undefined) c.push(eq(conversations.inboxId, scope.inboxId));
  if (scope.teamId !== undefined) c.push(eq(conversations.teamId, scope.teamId));
  if (scope.labels && scope.labels.length > 0) {
    c.push(sql`${conversations.labels} && ${sql.param(scope.labels)}::text[]`);
  }
  if (scope.mentionedUserId !== undefined) {
    c.push(
      sql`EXISTS (SELECT 1 FROM ${mentions} m WHERE m.conversation_id = ${conversations.id} AND m.user_id = ${scope.mentionedUserId})`,
    );
  }
  if (scope.participantUserId !== undefined) {
    c.push(
      sql`EXISTS (SELECT 1 FROM ${conversationParticipants} p WHERE p.conversation_id = ${conversations.id} AND p.user_id = ${scope.participantUserId})`,
    );
  }
  if (scope.unattended) c.push(or(isNull(conversations.firstReplyCreatedAt), isNotNull(conversations.waitingSince))!);
  if (scope.updatedAfter) c.push(gt(conversations.updatedAt, scope.updatedAfter));
  if (scope.where) c.push(scope.where);
  return c;
}

function assigneeCondition(assignee: AssigneeFilter): SQL | undefined {
  switch (assignee.kind) {
    case 'me':
      return eq(conversations.assigneeId, assignee.userId);
    case 'unassigned':
      return isNull(conversations.assigneeId);
    case 'assigned':
      return isNotNull(conversations.assigneeId);
    default:
      return undefined;
  }
}

/**
 * A page of the list. Across every status the page is the merge of one ordered scan per status
 * (each index is led by account and status, so a single scan could not return them in order and
 * PostgreSQL would sort every conversation of the account).
 */
export async function listConversations(
  db: Executor,
  scope: ConversationScope,
  assignee: AssigneeFilter,
  sort: SortKey,
  page: { limit: number; offset: number },
): Promise<ConversationRow[]> {
  const where = (status?: ConversationRow['status']) =>
    and(...scopeConditions(status ? { ...scope, status } : scope), assigneeCondition(assignee));
  if (assignee.kind === 'me') {
    // One person's conversations are few: read them by the assignee index and sort them. (Left to
    // itself the planner walks a sort index hoping to meet 25 of them soon — over the whole account
    // for someone with few.) A LIMIT keeps the inner query from being merged into the outer one
    // (the usual OFFSET 0 is left out of the SQL by Drizzle).
    const mine = db.select().from(conversations).where(where()).limit(Number.MAX_SAFE_INTEGER).as('mine');
    return db.select().from(mine).orderBy(...SORTS[sort](bare)).limit(page.limit).offset(page.offset);
  }
  if (scope.status !== undefined && scope.status !== 'all') {
    return db.select().from(conversations).where(where()).orderBy(...SORTS[sort](qualified)).limit(page.limit).offset(page.offset);
  }
  const [first, second, ...rest] = CONVERSATION_STATUSES.map((status) =>
    db.select().from(conversations).where(where(status)).orderBy(...SORTS[sort](qualified)).limit(page.offset + page.limit),
  );
  return unionAll(first!, second!, ...rest)
    .orderBy(...SORTS[sort](bare))
    .limit(page.limit)
    .offset(page.offset);
}

/**
 * The list tabs' counts (mine, unassigned, assigned, all) in one query: added up from the kept
 * totals when the scope allows it, otherwise counted.
 */
export async function countByAssignee(db: Executor, scope: ConversationScope, userId: number): Promise<TabCounts> {
  if (countableFromTotals(scope)) return sumTabCounts(db, scope, userId);
  return countConversationsByAssignee(db, scope, userId);
}

/** The same counts, counted from the conversations themselves. */
export async function countConversationsByAssignee(db: Executor, scope: ConversationScope, userId: number): Promise<TabCounts> {
  const [row] = await db
    .select({
      mine: sql<number>`count(*) FILTER (WHERE ${conversations.assigneeId} = ${userId})`.mapWith(Number),
      unassigned: sql<number>`count(*) FILTER (WHERE ${conversations.assigneeId} IS NULL)`.mapWith(Number),
      all: sql<number>`count(*)`.mapWith(Number),
    })
    .from(conversations)
    .where(and(...scopeConditions(scope)));
  const all = row?.all ?? 0;
  const unassigned = row?.unassigned ?? 0;
  return { mine: row?.mine ?? 0, unassigned, assigned: all - unassigned, all };
}

/** Conversations whose snooze time has come. */
export async function listDueSnoozed(db: Executor, now: Date, limit: number) {
  return db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.status, 'snoozed'), isNotNull(conversations.snoozedUntil), lte(conversations.snoozedUntil, now)))
    .limit(limit);
}

/** What presenting conversations needs besides their rows, fetched in one query per table. */
export async function loadRelated(db: Executor, rows: ConversationRow[]) {
  const ids = (pick: (r: ConversationRow) => number | null) => [...new Set(rows.map(pick).filter((v): v is number => v !== null))];
  const contactIds = ids((r) => r.contactId);
  const userIds = ids((r) => r.assigneeId);
  const teamIds = ids((r) => r.teamId);
  const inboxIds = ids((r) => r.inboxId);
  const contactInboxIds = ids((r) => r.contactInboxId);
  const accountId = rows[0]?.accountId ?? 0;
  const [contactRows, userRows, teamRows, inboxRows, contactInboxRows] = await runQueries(db, [
    async () => (contactIds.length ? db.select().from(contacts).where(inArray(contacts.id, contactIds)) : []),
    async () =>
      userIds.length
        ? db
            .select({ user: users, membership: accountUsers })
            .from(users)
            .leftJoin(accountUsers, and(eq(accountUsers.userId, users.id), eq(accountUsers.accountId, accountId)))
            .where(inArray(users.id, userIds))
        : [],
    async () => (teamIds.length ? db.select().from(teams).where(inArray(teams.id, teamIds)) : []),
    async () =>
      inboxIds.length
        ? db
            .select({ id: inboxes.id, name: inboxes.name, channelType: inboxes.channelType, allowMessagesAfterResolved: inboxes.allowMessagesAfterResolved })
            .from(inboxes)
            .where(inArray(inboxes.id, inboxIds))
        : [],
    async () => (contactInboxIds.length ? db.select().from(contactInboxes).where(inArray(contactInboxes.id, contactInboxIds)) : []),
  ] as const);
  return {
    contacts: new Map(contactRows.map((r) => [r.id, r])),
    users: new Map(userRows.map((r) => [r.user.id, r.user])),
    /** Assignees' memberships of the conversations' account (role, availability). */
    memberships: new Map(userRows.flatMap((r) => (r.membership ? [[r.user.id, r.membership] as const] : []))),
    teams: new Map(teamRows.map((r) => [r.id, r])),
    inboxes: new Map(inboxRows.map((r) => [r.id, r])),
    contactInboxes: new Map(contactInboxRows.map((r) => [r.id, r])),
  };
}
export type Related = Awaited<ReturnType<typeof loadRelated>>;

export async function listParticipantIds(db: Executor, conversationId: number): Promise<number[]> {
  const rows = await db
    .select({ userId: conversationParticipants.userId })
    .from(conversationParticipants)
    .where(eq(conversationParticipants.conversationId, conversationId))
    .orderBy(asc(conversationParticipants.id));
  return rows.map((r) => r.userId);
}

export async function addParticipants(tx: Executor, accountId: number, conversationId: number, userIds: number[]) {
  if (userIds.length === 0) return;
  await tx
    .insert(conversationParticipants)
    .values(userIds.map((userId) => ({ accountId, conversationId, userId })))
    .onConflictDoNothing();
}

export async function removeParticipants(tx: Executor, conversationId: number, userIds: number[]) {
  if (userIds.length === 0) return;
  await tx
    .delete(conversationParticipants)
    .where(and(eq(conversationParticipants.conversationId, conversationId), inArray(conversationParticipants.userId, userIds)));
}

export async function recordMentions(tx: Executor, accountId: number, conversationId: number, userIds: number[]) {
  if (userIds.length === 0) return;
  await tx
    .insert(mentions)
    .values(userIds.map((userId) => ({ accountId, conversationId, userId })))
    .onConflictDoUpdate({ target: [mentions.conversationId, mentions.userId], set: { mentionedAt: sql`now()` } });
}

// Contact inboxes belong to the contacts module; conversations only look them up (and create one
// when an agent starts a conversation with a contact in an inbox where they have none yet).
export async function findContactInbox(db: Executor, inboxId: number, where: { sourceId?: string; contactId?: number }) {
  const conditions = [eq(contactInboxes.inboxId, inboxId)];
  if (where.sourceId !== undefined) conditions.push(eq(contactInboxes.sourceId, where.sourceId));
  if (where.contactId !== undefined) conditions.push(eq(contactInboxes.contactId, where.contactId));
  const [row] = await db
    .select()
    .from(contactInboxes)
    .where(and(...conditions))
    .orderBy(asc(contactInboxes.id))
    .limit(1);
  return row;
}

export async function findContactInboxById(db: Executor, id: number) {
  const [row] = await db.select().from(contactInboxes).where(eq(contactInboxes.id, id));
  return row;
}

export async function insertContactInbox(
  tx: Executor,
  values: { accountId: number; contactId: number; inboxId: number; sourceId: string; pubsubToken: string },
) {
  const [row] = await tx.insert(contactInboxes).values(values).returning();
  if (!row) throw new Error('insert contact_inboxes returned nothing');
  return row;
}

export async function findContact(db: Executor, accountId: number, contactId: number) {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), eq(contacts.id, contactId)));
  return row;
}

export async function findInbox(db: Executor, accountId: number, inboxId: number) {
  const [row] = await db
    .select()
    .from(inboxes)
    .where(and(eq(inboxes.accountId, accountId), eq(inboxes.id, inboxId)));
  return row;
}

/** The newest conversation of a contact in an inbox that is not resolved (inboxes locked to one conversation). */
export async function findOpenConversationOf(db: Executor, contactInboxId: number) {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.contactInboxId, contactInboxId), sql`${conversations.status} <> 'resolved'`))
    .orderBy(desc(conversations.id))
    .limit(1);
  return row;
}

export async function findTeam(db: Executor, accountId: number, teamId: number) {
  const [row] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.accountId, accountId), eq(teams.id, teamId)));
  return row;
}

/** The titles among `titles` that are labels of the account. */
export async function findLabelTitles(db: Executor, accountId: number, titles: string[]): Promise<string[]> {
  const rows = await db
    .select({ title: labels.title })
    .from(labels)
    .where(and(eq(labels.accountId, accountId), inArray(labels.title, titles)));
  return rows.map((r) => r.title);
}

export async function findUsers(db: Executor, ids: number[]) {
  return ids.length === 0 ? [] : db.select().from(users).where(inArray(users.id, ids));
}

export async function findLastIncomingAt(db: Executor, conversationId: number): Promise<Date | undefined> {
  const [row] = await db
    .select({ createdAt: messages.createdAt })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), eq(messages.messageType, 0)))
    .orderBy(desc(messages.id))
    .limit(1);
  return row?.createdAt;
}

export async function listTeamMemberIds(db: Executor, accountId: number, teamId: number): Promise<number[]> {
  const rows = await db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.accountId, accountId), eq(teamMembers.teamId, teamId)));
  return rows.map((r) => r.userId);
}

export async function listByContactInbox(db: Executor, contactInboxId: number) {
  return db
    .select()
    .from(conversations)
    .where(eq(conversations.contactInboxId, contactInboxId))
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(100);
}
