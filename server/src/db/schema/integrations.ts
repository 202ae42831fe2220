import { jsonb, pgTable, text, index } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { users } from './users';
import { createdAt, id, ref, updatedAt } from './columns';

/** One frame of a dashboard app, as Chatwoot stores it: `{ type: 'frame', url }`. */
export type DashboardAppFrame = { type: 'frame'; url: string };

/**
 * Dashboard apps ("Aplicativos do painel"): external pages an account embeds in the conversation
 * details panel, each told the conversation, contact and agent by postMessage.
 */
export const dashboardApps = pgTable(
  'dashboard_apps',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** Who created it (Chatwoot keeps the user); kept when that user is deleted. */
    userId: ref('user_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    content: jsonb('content').$type<DashboardAppFrame[]>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('dashboard_apps_account_idx').on(t.accountId, t.id)],
);
