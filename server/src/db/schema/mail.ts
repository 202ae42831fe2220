import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { createdAt, id, ref } from './columns';

/**
 * The dev mailbox: without SMTP_URL, outgoing mail is kept here and shown to administrators.
 * `accountId` ties a message to the account it concerns (an invitation); null means installation
 * mail (password reset), which only the installation owner sees.
 */
export const devMailbox = pgTable(
  'dev_mailbox',
  {
    id: id(),
    accountId: ref('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    to: text('to').notNull(),
    from: text('from').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** The outbox event that produced it, so a retried delivery stores it once. */
    eventId: ref('event_id'),
    createdAt: createdAt(),
  },
  (t) => [index('dev_mailbox_account_idx').on(t.accountId, t.id), uniqueIndex('dev_mailbox_event_idx').on(t.eventId)],
);
