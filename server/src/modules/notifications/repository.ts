import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  accountUsers,
  conversationParticipants,
  conversations,
  inboxes,
  inboxMembers,
  notificationCounts,
  notifications,
  notificationSettings,
  notificationSubscriptions,
  type NotificationType,
  teamMembers,
  users,
} from '../../db/schema';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type SubscriptionRow = typeof notificationSubscriptions.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;

// ——— who is told (reads of other modules' tables, for the engine only) ———

/**
 * Of these conversations (by display id), those where a message can concern anyone: not muted, with
 * an assignee or participants. One indexed look-up for a dispatch pass, so most messages of
 * unattended conversations queue nothing.
 */
export async function conversationsThatMayNotify(db: Executor, accountId: number, displayIds: number[]): Promise<Set<number>> {
  if (displayIds.length === 0) return new Set();
  const rows = await db
    .select({ displayId: conversations.displayId })
    .from(conversations)
    .where(
      and(
        eq(conversations.accountId, accountId),
        inArray(conversations.displayId, displayIds),
        eq(conversations.muted, false),
        or(
          isNotNull(conversations.assigneeId),
          sql`EXISTS (SELECT 1 FROM ${conversationParticipants} WHERE ${conversationParticipants.conversationId} = ${conversations.id})`,
        ),
      ),
    );
  return new Set(rows.map((r) => r.displayId));
}

export async function findConversation(db: Executor, accountId: number, displayId: number): Promise<ConversationRow | undefined> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.accountId, accountId), eq(conversations.displayId, displayId)));
  return row;
}

export async function findConversationsByIds(db: Executor, ids: number[]): Promise<ConversationRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(conversations).where(inArray(conversations.id, ids));
}

/** Members of the account among these users (someone who left is told nothing). */
export async function filterMembers(db: Executor, accountId: number, userIds: number[]): Promise<number[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: accountUsers.userId })
    .from(accountUsers)
    .where(and(eq(accountUsers.accountId, accountId), inArray(accountUsers.userId, userIds)));
  return rows.map((r) => r.userId);
}

/** Of these users, the account's members who may see the inbox: its agents, and every administrator. */
export async function filterRecipients(db: Executor, accountId: number, inboxId: number, userIds: number[]): Promise<number[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: accountUsers.userId })
    .from(accountUsers)
    .where(
      and(
        eq(accountUsers.accountId, accountId),
        inArray(accountUsers.userId, userIds),
        or(
          eq(accountUsers.role, 'administrator'),
          sql`EXISTS (SELECT 1 FROM ${inboxMembers} WHERE ${inboxMembers.inboxId} = ${inboxId} AND ${inboxMembers.userId} = ${accountUsers.userId})`,
        ),
      ),
    );
  return rows.map((r) => r.userId);
}

export async function inboxNames(db: Executor, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: inboxes.id, name: inboxes.name }).from(inboxes).where(inArray(inboxes.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function listInboxMemberIds(db: Executor, accountId: number, inboxId: number): Promise<number[]> {
  const rows = await db
    .select({ userId: inboxMembers.userId })
    .from(inboxMembers)
    .innerJoin(accountUsers, and(eq(accountUsers.accountId, inboxMembers.accountId), eq(accountUsers.userId, inboxMembers.userId)))
    .where(and(eq(inboxMembers.accountId, accountId), eq(inboxMembers.inboxId, inboxId)));
  return rows.map((r) => r.userId);
}

export async function listParticipantIds(db: Executor, conversationId: number): Promise<number[]> {
  const rows = await db
    .select({ userId: conversationParticipants.userId })
    .from(conversationParticipants)
    .where(eq(conversationParticipants.conversationId, conversationId));
  return rows.map((r) => r.userId);
}

export async function listAdministratorIds(db: Executor, accountId: number): Promise<number[]> {
  const rows = await db
    .select({ userId: accountUsers.userId })
    .from(accountUsers)
    .where(and(eq(accountUsers.accountId, accountId), eq(accountUsers.role, 'administrator')));
  return rows.map((r) => r.userId);
}

export async function listTeamMemberIds(db: Executor, accountId: number, teamIds: number[]): Promise<number[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .select({ userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.accountId, accountId), inArray(teamMembers.teamId, teamIds)));
  return rows.map((r) => r.userId);
}

export async function findUsers(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db.select().from(users).where(inArray(users.id, ids));
}

// ——— notifications ———

/** Inserts what is not there yet for (event, user); returns only the rows it created. */
export async function insertNotifications(tx: Executor, rows: NewNotification[]): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(notifications).values(rows).onConflictDoNothing().returning();
}

export type ListFilter = { userId: number; accountId: number; includeRead: boolean; includeSnoozed: boolean };

function listWhere(f: ListFilter): SQL {
  return and(
    eq(notifications.userId, f.userId),
    eq(notifications.accountId, f.accountId),
    f.includeRead ? undefined : isNull(notifications.readAt),
    f.includeSnoozed ? undefined : isNull(notifications.snoozedUntil),
  )!;
}

/**
 * The page query (unawaited, so its plan can be checked): the page's ids first, from the list index
 * alone (a deep page skips its offset in the index without reading the rows), then those rows.
 */
export function listNotificationsQuery(db: Executor, f: ListFilter, order: 'asc' | 'desc', limit: number, offset: number) {
  const by = order === 'asc' ? asc : desc;
  const pageIds = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(listWhere(f))
    .orderBy(by(notifications.lastActivityAt), by(notifications.id))
    .limit(limit)
    .offset(offset);
  return db
    .select()
    .from(notifications)
    .where(inArray(notifications.id, pageIds))
    .orderBy(by(notifications.lastActivityAt), by(notifications.id));
}

export async function listNotifications(db: Executor, f: ListFilter, order: 'asc' | 'desc', limit: number, offset: number) {
  return listNotificationsQuery(db, f, order, limit, offset);
}

type Counts = { total: number; snoozed: number; unread: number; unreadActive: number };

/** The user's counts in the account (kept by triggers on `notifications`, see the schema). */
async function findCounts(db: Executor, userId: number, accountId: number): Promise<Counts> {
  const [row] = await db
    .select({ total: notificationCounts.total, snoozed: notificationCounts.snoozed, unread: notificationCounts.unread, unreadActive: notificationCounts.unreadActive })
    .from(notificationCounts)
    .where(and(eq(notificationCounts.userId, userId), eq(notificationCounts.accountId, accountId)));
  return row ?? { total: 0, snoozed: 0, unread: 0, unreadActive: 0 };
}

/** How many notifications the list filter matches (the list's `meta.count`). */
export async function countNotifications(db: Executor, f: ListFilter): Promise<number> {
  const c = await findCounts(db, f.userId, f.accountId);
  if (f.includeRead) return f.includeSnoozed ? c.total : c.total - c.snoozed;
  return f.includeSnoozed ? c.unread : c.unreadActive;
}

/** Unread and not snoozed: what the badge counts (a snoozed notification counts again once it comes back). */
export async function countUnread(db: Executor, userId: number, accountId: number): Promise<number> {
  return (await findCounts(db, userId, accountId)).unreadActive;
}

export async function countAll(db: Executor, userId: number, accountId: number): Promise<number> {
  return (await findCounts(db, userId, accountId)).total;
}

export async function findNotification(db: Executor, userId: number, accountId: number, id: number): Promise<NotificationRow | undefined> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), eq(notifications.accountId, accountId)));
  return row;
}

export async function updateNotification(tx: Executor, id: number, patch: Partial<NewNotification>): Promise<NotificationRow> {
  const [row] = await tx
    .update(notifications)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(notifications.id, id))
    .returning();
  if (!row) throw new Error(`notification ${id} vanished`);
  return row;
}

export async function deleteNotification(tx: Executor, id: number): Promise<void> {
  await tx.delete(notifications).where(eq(notifications.id, id));
}

/** Marks unread notifications read (optionally only those of one conversation); returns how many. */
export async function markAllRead(tx: Executor, userId: number, accountId: number, conversationId?: number): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.accountId, accountId),
        isNull(notifications.readAt),
        conversationId === undefined ? undefined : eq(notifications.conversationId, conversationId),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

export async function deleteAll(tx: Executor, userId: number, accountId: number, onlyRead: boolean): Promise<number> {
  const rows = await tx
    .delete(notifications)
    .where(
      and(eq(notifications.userId, userId), eq(notifications.accountId, accountId), onlyRead ? isNotNull(notifications.readAt) : undefined),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

/** Snoozed notifications whose time has come come back unread, on top of the list. */
export async function unsnoozeDue(tx: Executor, now: Date, limit: number): Promise<NotificationRow[]> {
  return tx
    .update(notifications)
    .set({ snoozedUntil: null, readAt: null, lastActivityAt: now, updatedAt: now })
    .where(
      inArray(
        notifications.id,
        sql`(SELECT id FROM ${notifications} WHERE ${notifications.snoozedUntil} <= ${now} ORDER BY ${notifications.snoozedUntil} LIMIT ${limit} FOR UPDATE SKIP LOCKED)`,
      ),
    )
    .returning();
}

/** Deletes notifications created before `cutoff`, a batch at a time; returns how many went. */
export async function purgeOlderThan(db: Executor, cutoff: Date, batch: number): Promise<number> {
  const rows = await db
    .delete(notifications)
    .where(inArray(notifications.id, sql`(SELECT id FROM ${notifications} WHERE ${notifications.createdAt} < ${cutoff} LIMIT ${batch})`))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function hasPendingEmail(tx: Executor, userId: number, conversationId: number, exceptIds: number[]): Promise<boolean> {
  const rows = await tx
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.conversationId, conversationId),
        eq(notifications.emailPending, true),
        exceptIds.length > 0 ? notInArray(notifications.id, exceptIds) : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Takes the pending email notifications of (user, conversation): they are no longer pending. */
export async function claimPendingEmails(tx: Executor, userId: number, conversationId: number): Promise<NotificationRow[]> {
  return tx
    .update(notifications)
    .set({ emailPending: false })
    .where(
      inArray(
        notifications.id,
        sql`(SELECT id FROM ${notifications} WHERE ${notifications.userId} = ${userId} AND ${notifications.conversationId} = ${conversationId} AND ${notifications.emailPending} FOR UPDATE SKIP LOCKED)`,
      ),
    )
    .returning();
}

/** (user, conversation) pairs whose pending email is older than `before` (a lost job's leftovers). */
export async function listStalePendingEmails(db: Executor, before: Date, limit: number) {
  return db
    .selectDistinct({ userId: notifications.userId, conversationId: notifications.conversationId })
    .from(notifications)
    .where(and(eq(notifications.emailPending, true), lt(notifications.createdAt, before)))
    .limit(limit);
}

// ——— settings ———

export type SettingsRow = typeof notificationSettings.$inferSelect;

export async function findSettings(db: Executor, accountId: number, userId: number): Promise<SettingsRow | undefined> {
  const [row] = await db
    .select()
    .from(notificationSettings)
    .where(and(eq(notificationSettings.accountId, accountId), eq(notificationSettings.userId, userId)));
  return row;
}

export async function findSettingsOf(db: Executor, accountId: number, userIds: number[]): Promise<SettingsRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(notificationSettings)
    .where(and(eq(notificationSettings.accountId, accountId), inArray(notificationSettings.userId, userIds)));
}

export async function upsertSettings(
  tx: Executor,
  accountId: number,
  userId: number,
  values: { emailTypes: NotificationType[]; pushTypes: NotificationType[] },
): Promise<SettingsRow> {
  const [row] = await tx
    .insert(notificationSettings)
    .values({ accountId, userId, ...values })
    .onConflictDoUpdate({
      target: [notificationSettings.accountId, notificationSettings.userId],
      set: { ...values, updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error('upsert notification_settings returned nothing');
  return row;
}

// ——— push subscriptions ———

/** One row per push endpoint: a browser subscribing again (or for another user) takes it over. */
export async function upsertSubscription(
  tx: Executor,
  values: { userId: number; endpoint: string; p256dh: string; auth: string },
): Promise<SubscriptionRow> {
  const [row] = await tx
    .insert(notificationSubscriptions)
    .values(values)
    .onConflictDoUpdate({
      target: notificationSubscriptions.endpoint,
      set: { userId: values.userId, p256dh: values.p256dh, auth: values.auth, updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error('upsert notification_subscriptions returned nothing');
  return row;
}

export async function listSubscriptions(db: Executor, userIds: number[]): Promise<SubscriptionRow[]> {
  if (userIds.length === 0) return [];
  return db.select().from(notificationSubscriptions).where(inArray(notificationSubscriptions.userId, userIds));
}

export async function findSubscription(db: Executor, id: number): Promise<SubscriptionRow | undefined> {
  const [row] = await db.select().from(notificationSubscriptions).where(eq(notificationSubscriptions.id, id));
  return row;
}

export async function deleteSubscription(db: Executor, id: number): Promise<void> {
  await db.delete(notificationSubscriptions).where(eq(notificationSubscriptions.id, id));
}

export async function deleteSubscriptionOfUser(db: Executor, userId: number, endpoint: string): Promise<boolean> {
  const rows = await db
    .delete(notificationSubscriptions)
    .where(and(eq(notificationSubscriptions.userId, userId), eq(notificationSubscriptions.endpoint, endpoint)))
    .returning({ id: notificationSubscriptions.id });
  return rows.length > 0;
}

