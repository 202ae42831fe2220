import { sql } from 'drizzle-orm';
import { bigint, boolean, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, updatedAt } from './columns';

export const users = pgTable(
  'users',
  {
    id: id(),
    name: text('name').notNull(),
    displayName: text('display_name'),
    /** Stored as typed; uniqueness and look-ups use lower(email). */
    email: text('email').notNull(),
    /** argon2id; null until the user sets a password (invited, or created by a platform app without one). */
    passwordHash: text('password_hash'),
    confirmedAt: at('confirmed_at'),
    pubsubToken: text('pubsub_token').notNull(),
    /** `SuperAdmin` for the installation owner (created by onboarding or the CLI), as Chatwoot names it. */
    type: text('type'),
    locale: text('locale'),
    avatarUrl: text('avatar_url'),
    messageSignature: text('message_signature'),
    uiSettings: jsonb('ui_settings').$type<Record<string, unknown>>().notNull().default({}),
    customAttributes: jsonb('custom_attributes').$type<Record<string, unknown>>().notNull().default({}),
    /** Bumped on password change; lets any cached credential check notice at once. */
    passwordChangedAt: at('password_changed_at'),
    /** A new email waiting for its confirmation link (the current one stays until then). */
    unconfirmedEmail: text('unconfirmed_email'),
    /** Storage key of the profile photo (and of its thumbnail: `<key>.thumb.png`). */
    avatarKey: text('avatar_key'),
    /** TOTP secret (base32); two-factor is on once `otpRequiredForLogin` is set. */
    otpSecret: text('otp_secret'),
    otpRequiredForLogin: boolean('otp_required_for_login').notNull().default(false),
    /** The last TOTP time step accepted: a code is never accepted twice. */
    otpLastStep: bigint('otp_last_step', { mode: 'number' }),
    /** SHA-256 hashes of the unused backup codes. */
    otpBackupCodes: text('otp_backup_codes').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
    uniqueIndex('users_pubsub_token_idx').on(t.pubsubToken),
  ],
);
