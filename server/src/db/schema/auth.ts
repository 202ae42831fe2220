import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref } from './columns';
import { users } from './users';

/** Dashboard sign-in sessions. The cookie holds a random secret; only its hash is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    tokenHash: text('token_hash').notNull(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at').notNull().defaultNow(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [uniqueIndex('sessions_token_hash_idx').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

export const ACCESS_TOKEN_OWNERS = ['user', 'platform_app', 'agent_bot'] as const;
export type AccessTokenOwner = (typeof ACCESS_TOKEN_OWNERS)[number];

/**
 * `api_access_token` values. One per owner. Kept readable because the profile page shows it to its
 * owner (as Chatwoot does); regenerating replaces the row, so the old value stops working at once.
 */
export const accessTokens = pgTable(
  'access_tokens',
  {
    id: id(),
    ownerType: text('owner_type', { enum: ACCESS_TOKEN_OWNERS }).notNull(),
    ownerId: ref('owner_id').notNull(),
    token: text('token').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('access_tokens_token_idx').on(t.token),
    uniqueIndex('access_tokens_owner_idx').on(t.ownerType, t.ownerId),
  ],
);

export const USER_TOKEN_PURPOSES = ['reset_password', 'invitation', 'sso', 'mfa', 'email_confirmation'] as const;
export type UserTokenPurpose = (typeof USER_TOKEN_PURPOSES)[number];

/** One-time tokens sent to a user: password reset, invitation (set your password), platform SSO link. */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: id(),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: USER_TOKEN_PURPOSES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('user_tokens_token_hash_idx').on(t.tokenHash), index('user_tokens_user_idx').on(t.userId)],
);
