import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, updatedAt } from './columns';

/** Domain events, written in the same transaction as the change that caused them. */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    accountId: ref('account_id'),
    name: text('name').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    /** Set when the event has been handed to the job queue (one job per subscribed handler). */
    dispatchedAt: at('dispatched_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.id).where(sql`${t.dispatchedAt} IS NULL`)],
);

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One row per (event, handler): what happened to each delivery, for operators and tests. */
export const outboxDeliveries = pgTable(
  'outbox_deliveries',
  {
    id: id(),
    eventId: ref('event_id')
      .notNull()
      .references(() => outbox.id, { onDelete: 'cascade' }),
    handler: text('handler').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('outbox_deliveries_event_handler_idx').on(t.eventId, t.handler),
    index('outbox_deliveries_failed_idx').on(t.updatedAt).where(sql`${t.status} = 'failed'`),
  ],
);
