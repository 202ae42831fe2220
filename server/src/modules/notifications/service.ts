import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import { NOTIFICATION_TYPES, type NotificationType } from '../../db/schema';
import { invalidField, notFound } from '../../platform/errors';
import type { DomainEvent } from '../../platform/outbox/types';
import * as accounts from '../accounts/service';
import { presentUserSender } from '../conversations/presenter';
import * as conversations from '../conversations/service';
import * as users from '../users/service';
import { notificationMail } from './mails';
import { type NotificationJson, presentNotification, type PresentContext } from './presenter';
import * as repository from './repository';
import type { NotificationRow } from './repository';
import { localeOf } from './texts';

export const PUSH_REQUESTED = 'notification.push_requested';
export const EMAIL_JOB = 'notifications.email';
export const PAGE_SIZE = 15;

// ——— settings (Chatwoot's `email_*` / `push_*` flags) ———

/** New members hear of assignments and mentions by email and push until they choose otherwise. */
export const DEFAULT_TYPES: NotificationType[] = ['conversation_assignment', 'conversation_mention'];

export type UserSettings = { email: NotificationType[]; push: NotificationType[] };

export async function loadSettings(db: Executor, accountId: number, userIds: number[]): Promise<Map<number, UserSettings>> {
  const rows = await repository.findSettingsOf(db, accountId, userIds);
  const map = new Map<number, UserSettings>(userIds.map((id) => [id, { email: DEFAULT_TYPES, push: DEFAULT_TYPES }]));
  for (const row of rows) map.set(row.userId, { email: row.emailTypes, push: row.pushTypes });
  return map;
}

function presentSettings(accountId: number, userId: number, id: number | null, s: UserSettings) {
  return {
    id,
    user_id: userId,
    account_id: accountId,
    all_email_flags: NOTIFICATION_TYPES.map((t) => `email_${t}`),
    selected_email_flags: s.email.map((t) => `email_${t}`),
    all_push_flags: NOTIFICATION_TYPES.map((t) => `push_${t}`),
    selected_push_flags: s.push.map((t) => `push_${t}`),
  };
}

export async function getSettings(ctx: AppContext, accountId: number, userId: number) {
  const row = await repository.findSettings(ctx.db, accountId, userId);
  return presentSettings(accountId, userId, row?.id ?? null, row ? { email: row.emailTypes, push: row.pushTypes } : { email: DEFAULT_TYPES, push: DEFAULT_TYPES });
}

const typeOfFlag = (prefix: 'email' | 'push', field: string, flags: string[]): NotificationType[] => {
  const types = new Set<NotificationType>();
  for (const flag of flags) {
    const type = flag.startsWith(`${prefix}_`) ? flag.slice(prefix.length + 1) : flag;
    if (!(NOTIFICATION_TYPES as readonly string[]).includes(type)) throw invalidField(field, `has an unknown flag: ${flag}`, 'inclusion');
    types.add(type as NotificationType);
  }
  return NOTIFICATION_TYPES.filter((t) => types.has(t));
};

export async function updateSettings(
  ctx: AppContext,
  accountId: number,
  userId: number,
  input: { selectedEmailFlags?: string[] | undefined; selectedPushFlags?: string[] | undefined },
) {
  const email = input.selectedEmailFlags === undefined ? undefined : typeOfFlag('email', 'selected_email_flags', input.selectedEmailFlags);
  const push = input.selectedPushFlags === undefined ? undefined : typeOfFlag('push', 'selected_push_flags', input.selectedPushFlags);
  const row = await ctx.transaction(async (tx) => {
    const current = (await loadSettings(tx, accountId, [userId])).get(userId)!;
    return repository.upsertSettings(tx, accountId, userId, { emailTypes: email ?? current.email, pushTypes: push ?? current.push });
  });
  return presentSettings(accountId, userId, row.id, { email: row.emailTypes, push: row.pushTypes });
}

// ——— presenting ———

async function contextFor(db: Executor, userId: number, accountId: number, rows: NotificationRow[]): Promise<PresentContext> {
  const [user] = await repository.findUsers(db, [userId]);
  const account = await accounts.getAccount(db, accountId);
  const conversationRows = await repository.findConversationsByIds(db, [...new Set(rows.map((r) => r.conversationId))]);
  const presented = await conversations.presentMany(db, conversationRows);
  const byId = new Map(conversationRows.map((row, i) => [row.id, presented[i] as Record<string, unknown> & { id: number }]));
  return {
    conversations: byId,
    inboxNames: await repository.inboxNames(db, [...new Set(conversationRows.map((c) => c.inboxId))]),
    user: user ? presentUserSender(user) : { id: userId },
    locale: localeOf(user?.locale, account?.locale),
  };
}

export async function presentRows(db: Executor, userId: number, accountId: number, rows: NotificationRow[]): Promise<NotificationJson[]> {
  if (rows.length === 0) return [];
  const context = await contextFor(db, userId, accountId, rows);
  return rows.map((row) => presentNotification(row, context));
}

async function counts(db: Executor, userId: number, accountId: number) {
  const [unread, all] = await Promise.all([repository.countUnread(db, userId, accountId), repository.countAll(db, userId, accountId)]);
  return { unread_count: unread, count: all };
}

/**
 * `notification.created|updated|deleted` for the user's sockets only (live, not stored): the
 * notification (only its id when deleted) with the user's new unread and total counts.
 */
export async function liveEvent(
  tx: Executor,
  name: 'notification.created' | 'notification.updated' | 'notification.deleted',
  notification: NotificationRow,
  conversationJson?: unknown,
): Promise<DomainEvent> {
  let json: Record<string, unknown> = { id: notification.id };
  if (name !== 'notification.deleted') {
    const context = await contextFor(tx, notification.userId, notification.accountId, conversationJson ? [] : [notification]);
    if (conversationJson) context.conversations.set(notification.conversationId, conversationJson as Record<string, unknown> & { id: number });
    if (conversationJson) {
      const inboxId = (conversationJson as { inbox_id?: unknown }).inbox_id;
      if (typeof inboxId === 'number') context.inboxNames = await repository.inboxNames(tx, [inboxId]);
    }
    json = presentNotification(notification, context);
  }
  return {
    name,
    accountId: notification.accountId,
    payload: { account_id: notification.accountId, notification: json, ...(await counts(tx, notification.userId, notification.accountId)) },
    realtime: { userIds: [notification.userId] },
    liveOnly: true,
  };
}

/** A summary event after a change to many notifications at once (read all, delete all). */
async function bulkEvent(tx: Executor, name: 'notification.updated' | 'notification.deleted', userId: number, accountId: number): Promise<DomainEvent> {
  return {
    name,
    accountId,
    payload: { account_id: accountId, notification: null, all: true, ...(await counts(tx, userId, accountId)) },
    realtime: { userIds: [userId] },
    liveOnly: true,
  };
}

// ——— the notification center API ———

export type Viewer = { userId: number; accountId: number };

export type ListQuery = { page?: number | undefined; includes?: string[] | undefined; sortOrder?: 'asc' | 'desc' | undefined };

/**
 * Newest first (by last activity), 15 a page. Without `includes[]`, read notifications are listed
 * and snoozed ones are not; with it, only what it names (`read`, `snoozed`) is added to the unread.
 */
export async function listNotifications(ctx: AppContext, viewer: Viewer, query: ListQuery) {
  const page = Math.max(1, query.page ?? 1);
  const filter: repository.ListFilter = {
    ...viewer,
    includeRead: query.includes === undefined ? true : query.includes.includes('read'),
    includeSnoozed: query.includes?.includes('snoozed') ?? false,
  };
  const [rows, count, unreadCount] = await Promise.all([
    repository.listNotifications(ctx.db, filter, query.sortOrder ?? 'desc', PAGE_SIZE, (page - 1) * PAGE_SIZE),
    repository.countNotifications(ctx.db, filter),
    repository.countUnread(ctx.db, viewer.userId, viewer.accountId),
  ]);
  return {
    data: {
      meta: { unread_count: unreadCount, count, current_page: page },
      payload: await presentRows(ctx.db, viewer.userId, viewer.accountId, rows),
    },
  };
}

export async function unreadCount(ctx: AppContext, viewer: Viewer): Promise<number> {
  return repository.countUnread(ctx.db, viewer.userId, viewer.accountId);
}

async function changeOne(ctx: AppContext, viewer: Viewer, id: number, patch: Partial<repository.NewNotification> | ((row: NotificationRow) => Partial<repository.NewNotification>)) {
  return ctx.transaction(async (tx) => {
    const row = await repository.findNotification(tx, viewer.userId, viewer.accountId, id);
    if (!row) throw notFound('Notification');
    const updated = await repository.updateNotification(tx, row.id, typeof patch === 'function' ? patch(row) : patch);
    const event = await liveEvent(tx, 'notification.updated', updated);
    await ctx.outbox.record(tx, event);
    return event.payload.notification as NotificationJson;
  });
}

export const markRead = (ctx: AppContext, viewer: Viewer, id: number) => changeOne(ctx, viewer, id, (row) => ({ readAt: row.readAt ?? new Date() }));

export const markUnread = (ctx: AppContext, viewer: Viewer, id: number) => changeOne(ctx, viewer, id, { readAt: null });

export async function snooze(ctx: AppContext, viewer: Viewer, id: number, until: Date) {
  if (until.getTime() <= Date.now()) throw invalidField('snoozed_until', 'must be in the future', 'in_the_past');
  return changeOne(ctx, viewer, id, { snoozedUntil: until });
}

/** Marks every unread notification read, or only those of one conversation (`primary_actor_id`, its display id). */
export async function readAll(ctx: AppContext, viewer: Viewer, conversationDisplayId?: number): Promise<void> {
  await ctx.transaction(async (tx) => {
    let conversationId: number | undefined;
    if (conversationDisplayId !== undefined) {
      const conversation = await repository.findConversation(tx, viewer.accountId, conversationDisplayId);
      if (!conversation) return;
      conversationId = conversation.id;
    }
    const changed = await repository.markAllRead(tx, viewer.userId, viewer.accountId, conversationId);
    if (changed > 0) await ctx.outbox.record(tx, await bulkEvent(tx, 'notification.updated', viewer.userId, viewer.accountId));
  });
}

export async function deleteOne(ctx: AppContext, viewer: Viewer, id: number): Promise<void> {
  await ctx.transaction(async (tx) => {
    const row = await repository.findNotification(tx, viewer.userId, viewer.accountId, id);
    if (!row) throw notFound('Notification');
    await repository.deleteNotification(tx, row.id);
    await ctx.outbox.record(tx, await liveEvent(tx, 'notification.deleted', row));
  });
}

export async function deleteAll(ctx: AppContext, viewer: Viewer, onlyRead: boolean): Promise<void> {
  await ctx.transaction(async (tx) => {
    const removed = await repository.deleteAll(tx, viewer.userId, viewer.accountId, onlyRead);
    if (removed > 0) await ctx.outbox.record(tx, await bulkEvent(tx, 'notification.deleted', viewer.userId, viewer.accountId));
  });
}

// ——— scheduled work ———

/** Snoozed notifications whose time has come are back, unread and on top. */
export async function unsnoozeDue(ctx: AppContext): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await ctx.transaction(async (tx) => {
      const rows = await repository.unsnoozeDue(tx, new Date(), 200);
      for (const row of rows) await ctx.outbox.record(tx, await liveEvent(tx, 'notification.updated', row));
      return rows.length;
    });
    total += count;
    if (count < 200) return total;
  }
}

/** Deletes notifications older than the retention (NOTIFICATION_RETENTION_DAYS), in batches. */
export async function purgeOld(ctx: AppContext, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - ctx.config.notificationRetentionDays * 86_400_000);
  let total = 0;
  for (;;) {
    const removed = await repository.purgeOlderThan(ctx.db, cutoff, 5000);
    total += removed;
    if (removed < 5000) return total;
  }
}

// ——— email, batched per (user, conversation) ———

/**
 * A notification to email: the first pending one of its (user, conversation) starts a job that
 * runs after NOTIFICATION_EMAIL_DELAY_SECONDS and sends one email with everything pending by then.
 */
export async function queueEmail(ctx: AppContext, tx: Executor, notification: NotificationRow): Promise<void> {
  if (await repository.hasPendingEmail(tx, notification.userId, notification.conversationId, [notification.id])) return;
  await ctx.jobs.send(
    EMAIL_JOB,
    { userId: notification.userId, conversationId: notification.conversationId },
    { tx, ...(ctx.config.notificationEmailDelaySeconds > 0 ? { startAfterSeconds: ctx.config.notificationEmailDelaySeconds } : {}) },
  );
}

/** Sends the batched email of (user, conversation): the pending notifications not read meanwhile. */
export async function sendBatchedEmail(ctx: AppContext, userId: number, conversationId: number): Promise<void> {
  await ctx.transaction(async (tx) => {
    const claimed = await repository.claimPendingEmails(tx, userId, conversationId);
    const unread = claimed.filter((n) => n.readAt === null).sort((a, b) => a.id - b.id);
    if (unread.length === 0) return;
    const first = unread[0]!;
    const [user] = await repository.findUsers(tx, [userId]);
    if (!user || !(await accounts.findMembership(tx, first.accountId, userId))) return;
    const account = await accounts.getAccount(tx, first.accountId);
    const context = await contextFor(tx, userId, first.accountId, unread);
    const conversation = context.conversations.get(conversationId);
    if (!account || !conversation) return;
    const url = `${ctx.config.frontendUrl}/app/accounts/${first.accountId}/conversations/${conversation.id}`;
    await ctx.mailer.queue(
      tx,
      notificationMail({
        to: user.email,
        name: users.availableName(user),
        accountId: first.accountId,
        locale: context.locale,
        url,
        displayId: conversation.id,
        items: unread.map((n) => presentNotification(n, context)),
      }),
    );
  });
}

/** Pending emails whose job was lost (a crash between commit and queue is impossible, but a purge of jobs is not). */
export async function sendStaleEmails(ctx: AppContext): Promise<void> {
  const before = new Date(Date.now() - (ctx.config.notificationEmailDelaySeconds + 300) * 1000);
  for (const pair of await repository.listStalePendingEmails(ctx.db, before, 200)) await sendBatchedEmail(ctx, pair.userId, pair.conversationId);
}
