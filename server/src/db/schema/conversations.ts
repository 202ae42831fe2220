import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { at, createdAt, id, ref, updatedAt } from './columns';
import { contactInboxes, contacts } from './contacts';
import { inboxes, teams } from './inboxes';
import { users } from './users';

export const CONVERSATION_STATUSES = ['open', 'resolved', 'pending', 'snoozed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** Stored as 0–4 so that sorting by priority is sorting by number; null means none. */
export const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The newest non-activity message as the API presents it (without its `conversation` part). */
export type LastMessagePreview = Record<string, unknown>;

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** The number people see and the API calls `id`: 1, 2, 3... per account. */
    displayId: integer('display_id').notNull(),
    uuid: uuid('uuid').notNull().defaultRandom(),
    inboxId: ref('inbox_id')
      .notNull()
      .references(() => inboxes.id, { onDelete: 'cascade' }),
    contactId: ref('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    contactInboxId: ref('contact_inbox_id').references(() => contactInboxes.id, { onDelete: 'set null' }),
    assigneeId: ref('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    teamId: ref('team_id').references(() => teams.id, { onDelete: 'set null' }),
    status: text('status', { enum: CONVERSATION_STATUSES }).notNull().default('open'),
    /** 1 low, 2 medium, 3 high, 4 urgent; null none. */
    priority: smallint('priority'),
    /** Snoozed until this time; null with status snoozed means "until the next reply". */
    snoozedUntil: at('snoozed_until'),
    muted: boolean('muted').notNull().default(false),
    /** Label titles, kept on the row so lists and filters need no join. */
    labels: text('labels').array().notNull().default(sql`'{}'::text[]`),
    additionalAttributes: jsonb('additional_attributes').$type<Record<string, unknown>>().notNull().default({}),
    customAttributes: jsonb('custom_attributes').$type<Record<string, unknown>>().notNull().default({}),
    lastActivityAt: at('last_activity_at').notNull().defaultNow(),
    /** The first agent reply (null: nobody has answered yet — "unattended"). */
    firstReplyCreatedAt: at('first_reply_created_at'),
    /** Since when the customer waits for an answer (first unanswered incoming message). */
    waitingSince: at('waiting_since'),
    contactLastSeenAt: at('contact_last_seen_at'),
    agentLastSeenAt: at('agent_last_seen_at'),
    assigneeLastSeenAt: at('assignee_last_seen_at'),
    /** Incoming messages since an agent last read the conversation. */
    unreadCount: integer('unread_count').notNull().default(0),
    /** The newest message that is not an activity line, presented, so lists need no message query. */
    lastMessage: jsonb('last_message').$type<LastMessagePreview | null>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('conversations_account_display_idx').on(t.accountId, t.displayId),
    uniqueIndex('conversations_uuid_idx').on(t.uuid),
    // List pages: one index per sort, led by account and status; assignee filters use the second set.
    index('conversations_list_activity_idx').on(t.accountId, t.status, t.lastActivityAt, t.id),
    index('conversations_list_created_idx').on(t.accountId, t.status, t.createdAt, t.id),
    // Read forwards for priority_desc, backwards for priority_asc (NULLS LAST turned around is NULLS FIRST).
    index('conversations_list_priority_idx').on(t.accountId, t.status, t.priority.desc().nullsLast(), t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // Both waiting orders put conversations nobody waits on last: one index each.
    index('conversations_list_waiting_idx').on(t.accountId, t.status, t.waitingSince, t.id),
    index('conversations_list_waiting_desc_idx').on(t.accountId, t.status, t.waitingSince.desc().nullsLast(), t.id.desc().nullsFirst()),
    index('conversations_assignee_activity_idx').on(t.accountId, t.assigneeId, t.status, t.lastActivityAt, t.id),
    index('conversations_inbox_activity_idx').on(t.accountId, t.inboxId, t.status, t.lastActivityAt, t.id),
    index('conversations_team_idx').on(t.accountId, t.teamId, t.status, t.lastActivityAt),
    index('conversations_contact_idx').on(t.contactId, t.id),
    // A contact session's conversations (client API), and deleting a contact: its sessions' conversations are found, not scanned for.
    index('conversations_contact_inbox_idx').on(t.contactInboxId),
    index('conversations_labels_idx').using('gin', t.accountId, t.labels),
    index('conversations_snoozed_idx').on(t.snoozedUntil).where(sql`${t.status} = 'snoozed' AND ${t.snoozedUntil} IS NOT NULL`),
    index('conversations_updated_idx').on(t.accountId, t.updatedAt),
    // Auto-assignment's leftovers: open conversations nobody has yet.
    index('conversations_unassigned_open_idx').on(t.inboxId, t.id).where(sql`${t.status} = 'open' AND ${t.assigneeId} IS NULL`),
  ],
);

/** Agents following a conversation: mentioned, replied, or added by hand. */
export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    conversationId: ref('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('conversation_participants_idx').on(t.conversationId, t.userId),
    index('conversation_participants_user_idx').on(t.accountId, t.userId, t.conversationId),
  ],
);

/** "Menções": each time an agent is @mentioned in a private note. */
export const mentions = pgTable(
  'mentions',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    conversationId: ref('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    mentionedAt: at('mentioned_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mentions_conversation_user_idx').on(t.conversationId, t.userId),
    index('mentions_user_idx').on(t.accountId, t.userId, t.mentionedAt),
  ],
);

/** Per-account counters (the next conversation display id). */
export const accountSequences = pgTable('account_sequences', {
  accountId: ref('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  lastConversationDisplayId: bigint('last_conversation_display_id', { mode: 'number' }).notNull().default(0),
});

/**
 * How many conversations each (account, inbox, team, status, assignee) has, so the list tabs'
 * counts add up a few rows instead of counting conversations. Written only by the trigger on
 * `conversations` (migration 0008): every insert, delete, or change of one of these columns adds a
 * +1 and/or −1 row, with no lock on a shared counter; `foldConversationCounts` folds each key's
 * rows into one, every minute. No foreign keys: rows of a deleted account sum to zero and go away.
 */
export const conversationCounts = pgTable(
  'conversation_counts',
  {
    accountId: ref('account_id').notNull(),
    inboxId: ref('inbox_id').notNull(),
    teamId: ref('team_id'),
    status: text('status', { enum: CONVERSATION_STATUSES }).notNull(),
    assigneeId: ref('assignee_id'),
    n: integer('n').notNull(),
  },
  (t) => [index('conversation_counts_key_idx').on(t.accountId, t.status, t.inboxId)],
);
