import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { outbox, outboxDeliveries } from '../../db/schema';
import type { DomainEvent, StoredEvent } from './types';

const eventColumns = {
  id: outbox.id,
  name: outbox.name,
  accountId: outbox.accountId,
  payload: outbox.payload,
  createdAt: outbox.createdAt,
};

/**
 * Stores events in the order given. The rows travel as one JSON document: building a multi-row
 * insert with a parameter per value costs more than the insert itself for a batch of messages.
 */
export async function insertEvents(db: Executor, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = JSON.stringify(events.map((e) => ({ name: e.name, account_id: e.accountId ?? null, payload: e.payload })));
  await db.execute(sql`
    INSERT INTO ${outbox} (name, account_id, payload)
    SELECT name, account_id, payload FROM jsonb_to_recordset(${rows}::jsonb) AS e(name text, account_id bigint, payload jsonb)`);
}

/** Locks up to `limit` undispatched events; other nodes skip them (SKIP LOCKED). */
export async function claimPendingEvents(tx: Executor, limit: number): Promise<StoredEvent[]> {
  return tx
    .select(eventColumns)
    .from(outbox)
    .where(isNull(outbox.dispatchedAt))
    .orderBy(asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markDispatched(tx: Executor, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(outbox).set({ dispatchedAt: sql`now()` }).where(inArray(outbox.id, ids));
}

export async function insertDeliveries(tx: Executor, rows: { eventId: number; handler: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(outboxDeliveries).values(rows).onConflictDoNothing();
}

export async function findEvent(db: Executor, id: number): Promise<StoredEvent | undefined> {
  const [row] = await db.select(eventColumns).from(outbox).where(eq(outbox.id, id));
  return row;
}

/** Of the given events, those whose delivery to `handler` is still pending, oldest first. */
export async function findPendingFor(db: Executor, handler: string, ids: number[]): Promise<StoredEvent[]> {
  if (ids.length === 0) return [];
  return db
    .select(eventColumns)
    .from(outbox)
    .innerJoin(outboxDeliveries, and(eq(outboxDeliveries.eventId, outbox.id), eq(outboxDeliveries.handler, handler)))
    .where(and(inArray(outbox.id, ids), eq(outboxDeliveries.status, 'pending')))
    .orderBy(asc(outbox.id));
}

/** Records a successful attempt for each of these events' deliveries to `handler`, in one statement. */
export async function recordDelivered(db: Executor, handler: string, eventIds: number[]): Promise<void> {
  if (eventIds.length === 0) return;
  await db
    .update(outboxDeliveries)
    .set({ status: 'delivered', attempts: sql`${outboxDeliveries.attempts} + 1`, lastError: null, updatedAt: sql`now()` })
    .where(and(eq(outboxDeliveries.handler, handler), inArray(outboxDeliveries.eventId, eventIds)));
}

export async function recordAttempt(
  db: Executor,
  delivery: { eventId: number; handler: string },
  outcome: { status: 'delivered' | 'pending' | 'failed'; error?: string },
): Promise<void> {
  await db
    .update(outboxDeliveries)
    .set({
      status: outcome.status,
      attempts: sql`${outboxDeliveries.attempts} + 1`,
      lastError: outcome.error ?? null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(outboxDeliveries.eventId, delivery.eventId), eq(outboxDeliveries.handler, delivery.handler)));
}

export async function listDeliveries(db: Executor, eventId: number) {
  return db.select().from(outboxDeliveries).where(eq(outboxDeliveries.eventId, eventId)).orderBy(asc(outboxDeliveries.handler));
}

/**
 * Deletes up to `limit` dispatched events older than the cut-off whose deliveries all succeeded
 * (failed ones stay for inspection); answers how many went.
 */
export async function purgeSettledEvents(db: Executor, olderThan: Date, limit: number): Promise<number> {
  const batch = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        lt(outbox.dispatchedAt, olderThan),
        sql`NOT EXISTS (SELECT 1 FROM ${outboxDeliveries} d WHERE d.event_id = ${outbox.id} AND d.status <> 'delivered')`,
      ),
    )
    .limit(limit);
  const rows = await db.delete(outbox).where(inArray(outbox.id, batch)).returning({ id: outbox.id });
  return rows.length;
}
