import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, ref, updatedAt } from './columns';

/** Platform apps provision accounts and users through the platform API (token in access_tokens). */
export const platformApps = pgTable('platform_apps', {
  id: id(),
  name: text('name').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const PERMISSIBLE_TYPES = ['account', 'user'] as const;
export type PermissibleType = (typeof PERMISSIBLE_TYPES)[number];

/** What a platform app may act on: the accounts and users it created (or was granted). */
export const platformAppPermissibles = pgTable(
  'platform_app_permissibles',
  {
    id: id(),
    platformAppId: ref('platform_app_id')
      .notNull()
      .references(() => platformApps.id, { onDelete: 'cascade' }),
    permissibleType: text('permissible_type', { enum: PERMISSIBLE_TYPES }).notNull(),
    permissibleId: ref('permissible_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('platform_app_permissibles_idx').on(t.platformAppId, t.permissibleType, t.permissibleId)],
);
