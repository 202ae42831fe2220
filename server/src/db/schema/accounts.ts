import { ACCOUNT_ROLES, type AccountRole } from '@rockethub/shared';
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, updatedAt } from './columns';
import { users } from './users';

export type AccountSettings = {
  auto_resolve_after?: number | null;
  auto_resolve_message?: string | null;
  auto_resolve_ignore_waiting?: boolean | null;
  /** A label title the auto-resolve adds to the conversations it resolves. */
  auto_resolve_label?: string | null;
};

export const accounts = pgTable('accounts', {
  id: id(),
  name: text('name').notNull(),
  locale: text('locale').notNull().default('pt_BR'),
  domain: text('domain'),
  supportEmail: text('support_email'),
  status: text('status', { enum: ['active', 'suspended'] }).notNull().default('active'),
  settings: jsonb('settings').$type<AccountSettings>().notNull().default({}),
  customAttributes: jsonb('custom_attributes').$type<Record<string, unknown>>().notNull().default({}),
  limits: jsonb('limits').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export { ACCOUNT_ROLES, type AccountRole };

export const AVAILABILITIES = ['online', 'busy', 'offline'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export const accountUsers = pgTable(
  'account_users',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ACCOUNT_ROLES }).notNull().default('agent'),
    inviterId: ref('inviter_id').references(() => users.id, { onDelete: 'set null' }),
    availability: text('availability', { enum: AVAILABILITIES }).notNull().default('online'),
    autoOffline: boolean('auto_offline').notNull().default(true),
    activeAt: at('active_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('account_users_account_user_idx').on(t.accountId, t.userId),
    index('account_users_user_idx').on(t.userId),
    index('account_users_admins_idx').on(t.accountId).where(sql`${t.role} = 'administrator'`),
  ],
);
