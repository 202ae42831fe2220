import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { at, createdAt, id, ref, updatedAt } from './columns';
import { conversations } from './conversations';
import { users } from './users';

/** Chatwoot's notification types: the 8 events a user can be told about (in-app, email, push). */
export const NOTIFICATION_TYPES = [
  'conversation_creation',
  'conversation_assignment',
  'conversation_mention',
  'assigned_conversation_new_message',
  'participating_conversation_new_message',
  'sla_missed_first_response',
  'sla_missed_next_response',
  'sla_missed_resolution',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** What the notification center lists: one row per (source event, user). */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    notificationType: text('notification_type', { enum: NOTIFICATION_TYPES }).notNull(),
    /** Always a conversation today (`primary_actor_type: Conversation`). */
    conversationId: ref('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** `Message` or `User` (who assigned), with its id; null for events without one. */
    secondaryActorType: text('secondary_actor_type'),
    secondaryActorId: ref('secondary_actor_id'),
    /** The secondary actor as it was (message or user push data), so lists need no further query. */
    secondaryActor: jsonb('secondary_actor').$type<Record<string, unknown> | null>(),
    /** The outbox event that produced it: a repeated delivery creates nothing twice. */
    eventId: ref('event_id').notNull(),
    readAt: at('read_at'),
    snoozedUntil: at('snoozed_until'),
    lastActivityAt: at('last_activity_at').notNull().defaultNow(),
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
    /** Waiting for the batched email of its (user, conversation). */
    emailPending: boolean('email_pending').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('notifications_event_user_idx').on(t.eventId, t.userId),
    // The list: newest first per user and account (100k per user stay a short index walk). The read
    // and snooze times ride along so that the counts and a deep page's ids are index-only scans.
    index('notifications_list_idx').on(t.userId, t.accountId, t.lastActivityAt, t.id, t.readAt, t.snoozedUntil),
    // The badge (unread, not snoozed) and the unread-only list, a tenth of the rows or less.
    index('notifications_unread_idx')
      .on(t.userId, t.accountId, t.lastActivityAt, t.id)
      .where(sql`${t.readAt} IS NULL AND ${t.snoozedUntil} IS NULL`),
    index('notifications_snoozed_idx').on(t.snoozedUntil).where(sql`${t.snoozedUntil} IS NOT NULL`),
    index('notifications_email_pending_idx').on(t.userId, t.conversationId).where(sql`${t.emailPending}`),
    index('notifications_conversation_idx').on(t.conversationId),
    index('notifications_created_idx').on(t.createdAt),
  ],
);

/** Which notification types reach a user by email and by push, per account (Chatwoot's flags). */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    emailTypes: text('email_types').array().$type<NotificationType[]>().notNull(),
    pushTypes: text('push_types').array().$type<NotificationType[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('notification_settings_account_user_idx').on(t.accountId, t.userId)],
);

/** A browser's Web Push subscription (one per push endpoint). */
export const notificationSubscriptions = pgTable(
  'notification_subscriptions',
  {
    id: id(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subscriptionType: text('subscription_type', { enum: ['browser_push'] }).notNull().default('browser_push'),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('notification_subscriptions_endpoint_idx').on(t.endpoint), index('notification_subscriptions_user_idx').on(t.userId)],
);

/**
 * Each user's notification counts per account, kept by statement triggers on `notifications`
 * (migration 0012: every insert, update and delete, cascades and purges included, in the same
 * transaction), so the list's `meta` and the badge are one row, however many notifications there
 * are. No foreign keys: a cascade that deletes a user's notifications updates this row while the
 * user goes (a leftover row of zeros is harmless).
 */
export const notificationCounts = pgTable(
  'notification_counts',
  {
    userId: ref('user_id').notNull(),
    accountId: ref('account_id').notNull(),
    total: integer('total').notNull().default(0),
    snoozed: integer('snoozed').notNull().default(0),
    /** Not read, snoozed or not. */
    unread: integer('unread').notNull().default(0),
    /** Not read and not snoozed: the badge. */
    unreadActive: integer('unread_active').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.accountId] })],
);
