import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { at, createdAt, id, ref, updatedAt } from './columns';
import { users } from './users';

/** Channel kinds: website live chat and API today; email, WhatsApp, SMS, Telegram arrive later. */
export const CHANNEL_TYPES = ['web_widget', 'api'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export type WorkingHour = {
  day_of_week: number;
  closed_all_day: boolean;
  open_all_day?: boolean;
  open_hour: number | null;
  open_minutes: number | null;
  close_hour: number | null;
  close_minutes: number | null;
};

/**
 * Channel-specific settings. Web widget: website_url, widget_color, welcome_title,
 * welcome_tagline, reply_time, pre_chat_form_*, feature_flags, hmac_mandatory. API: webhook_url,
 * hmac_mandatory, additional_attributes.
 */
export type ChannelConfig = Record<string, unknown>;

export const inboxes = pgTable(
  'inboxes',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    channelType: text('channel_type', { enum: CHANNEL_TYPES }).notNull(),
    /**
     * How the outside world names this inbox: the website token of a web widget, the inbox
     * identifier of an API channel (public client API). Unique across the installation.
     */
    channelIdentifier: text('channel_identifier').notNull(),
    /** Secret for identity validation (`identifier_hash`) and webhook signatures. */
    hmacToken: text('hmac_token').notNull(),
    channelConfig: jsonb('channel_config').$type<ChannelConfig>().notNull().default({}),
    avatarUrl: text('avatar_url'),
    greetingEnabled: boolean('greeting_enabled').notNull().default(false),
    greetingMessage: text('greeting_message'),
    enableEmailCollect: boolean('enable_email_collect').notNull().default(true),
    csatSurveyEnabled: boolean('csat_survey_enabled').notNull().default(false),
    enableAutoAssignment: boolean('enable_auto_assignment').notNull().default(true),
    autoAssignmentConfig: jsonb('auto_assignment_config').$type<Record<string, unknown>>().notNull().default({}),
    workingHoursEnabled: boolean('working_hours_enabled').notNull().default(false),
    workingHours: jsonb('working_hours').$type<WorkingHour[]>().notNull().default([]),
    outOfOfficeMessage: text('out_of_office_message'),
    timezone: text('timezone').notNull().default('America/Sao_Paulo'),
    allowMessagesAfterResolved: boolean('allow_messages_after_resolved').notNull().default(true),
    lockToSingleConversation: boolean('lock_to_single_conversation').notNull().default(false),
    senderNameType: text('sender_name_type', { enum: ['friendly', 'professional'] }).notNull().default('friendly'),
    businessName: text('business_name'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('inboxes_account_idx').on(t.accountId, t.id),
    uniqueIndex('inboxes_channel_identifier_idx').on(t.channelIdentifier),
  ],
);

export const inboxMembers = pgTable(
  'inbox_members',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    inboxId: ref('inbox_id')
      .notNull()
      .references(() => inboxes.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** When auto-assignment last gave this agent a conversation of this inbox (round-robin order). */
    lastAssignedAt: at('last_assigned_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('inbox_members_inbox_user_idx').on(t.inboxId, t.userId),
    index('inbox_members_user_idx').on(t.accountId, t.userId),
  ],
);

export const teams = pgTable(
  'teams',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    allowAutoAssign: boolean('allow_auto_assign').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('teams_account_name_idx').on(t.accountId, sql`lower(${t.name})`)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    teamId: ref('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('team_members_team_user_idx').on(t.teamId, t.userId), index('team_members_user_idx').on(t.accountId, t.userId)],
);

export const labels = pgTable(
  'labels',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** Lower case, letters, digits, '-' and '_' (as Chatwoot): labels are referred to by title. */
    title: text('title').notNull(),
    description: text('description'),
    color: text('color').notNull().default('#1f93ff'),
    showOnSidebar: boolean('show_on_sidebar').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('labels_account_title_idx').on(t.accountId, t.title)],
);

export const cannedResponses = pgTable(
  'canned_responses',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    shortCode: text('short_code').notNull(),
    content: text('content').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // An account has tens to hundreds of these: searching them scans the account's rows.
  (t) => [uniqueIndex('canned_responses_account_code_idx').on(t.accountId, sql`lower(${t.shortCode})`)],
);
