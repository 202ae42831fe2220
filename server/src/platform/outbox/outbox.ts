import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Executor } from '../../db/client';
import { DEFAULT_RETRY, type Jobs } from '../jobs/jobs';
import type { Logger } from '../logger';
import * as repository from './repository';
import type { DispatchMemo, DomainEvent, EventHandler } from './types';

const QUEUE_PREFIX = 'outbox.';
const BATCH = 100;
/**
 * How long a kick waits for more commits before dispatching: 5 ms, plus a millisecond for each
 * event the last pass dispatched, up to 50 ms. A lone commit is dispatched at once; under a
 * steady stream, passes grow instead of multiplying (each costs a transaction of its own).
 */
const DISPATCH_DELAY_MS = 5;
const MAX_DISPATCH_DELAY_MS = 50;

/** A job of a handler's queue: one event, or (batched handlers) the events of a dispatch pass. */
type DeliveryJob = { eventId?: number; eventIds?: number[]; attemptsBefore?: number };

export type OutboxOptions = {
  /** How often a worker looks for events committed by other nodes (or left by a crash). */
  pollIntervalMs?: number;
};

/**
 * Domain events: written in the caller's transaction (`record`), handed to the job queue after
 * commit (one job per subscribed handler, in the same transaction that marks them dispatched),
 * and run by workers with retries and backoff. A crash anywhere leaves either an undispatched
 * event (picked up by the next pass) or a queued job (retried by the queue): nothing is lost.
 */
export class Outbox {
  private readonly handlers = new Map<string, EventHandler>();
  private timer: NodeJS.Timeout | undefined;
  private pending: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private lastPass = 0;
  private stopped = true;
  private readonly scope = new AsyncLocalStorage<DomainEvent[]>();
  private readonly committedListeners: ((events: DomainEvent[]) => void)[] = [];

  constructor(
    private readonly database: Database,
    private readonly jobs: Jobs,
    private readonly log: Logger,
  ) {}

  /** Writes events in the given transaction; they exist only if it commits. */
  async record(tx: Executor, ...events: DomainEvent[]): Promise<void> {
    await repository.insertEvents(tx, events.filter((e) => !e.liveOnly));
    this.scope.getStore()?.push(...events);
  }

  /**
   * Runs a transaction and, once it has committed, tells the committed-event listeners (realtime)
   * what it recorded and wakes the dispatcher. Nothing is told of a transaction that fails.
   */
  async commit<T>(run: () => Promise<T>): Promise<T> {
    const recorded: DomainEvent[] = [];
    const result = await this.scope.run(recorded, run);
    this.kick();
    this.announce(...recorded);
    return result;
  }

  /**
   * Tells the committed-event listeners about events that are not stored at all (typing
   * indicators, presence): live only, gone if nobody listens.
   */
  announce(...events: DomainEvent[]): void {
    if (events.length === 0) return;
    for (const listener of this.committedListeners) {
      try {
        listener(events);
      } catch (error) {
        this.log.error({ err: error }, 'committed-event listener failed');
      }
    }
  }

  /** Called with the events of each committed transaction, in this process, right after commit. */
  onCommitted(listener: (events: DomainEvent[]) => void): void {
    this.committedListeners.push(listener);
  }

  subscribe(handler: EventHandler): void {
    if (!/^[A-Za-z0-9_.-]+$/.test(handler.name)) throw new Error(`Invalid handler name "${handler.name}"`);
    if (this.handlers.has(handler.name)) throw new Error(`Handler "${handler.name}" is already subscribed`);
    this.handlers.set(handler.name, handler);
  }

  /** Starts the worker side: one queue per handler, and the dispatch loop. */
  async start(options: OutboxOptions = {}): Promise<void> {
    for (const handler of this.handlers.values()) {
      const queue = QUEUE_PREFIX + handler.name;
      await this.jobs.defineQueue(queue, handler.retry);
      await this.jobs.work<DeliveryJob>(
        queue,
        (data, meta) =>
          Array.isArray(data.eventIds)
            ? this.deliverBatch(handler, data.eventIds)
            : this.deliver(handler, data.eventId ?? 0, { attempt: meta.attempt + (data.attemptsBefore ?? 0), retryLimit: meta.retryLimit + (data.attemptsBefore ?? 0) }),
        { pollingIntervalSeconds: 1, ...(handler.concurrency ? { concurrency: handler.concurrency } : {}) },
      );
    }
    this.stopped = false;
    const interval = options.pollIntervalMs ?? 1000;
    this.timer = setInterval(() => this.kick(), interval);
    this.timer.unref();
    this.kick();
  }

  /**
   * Dispatch soon (called after a commit that recorded events). Coalesces concurrent calls, and
   * waits a few milliseconds first so that a burst of commits is dispatched in one pass (live
   * delivery does not wait for dispatch: `commit` announces events at once).
   */
  kick(): void {
    if (this.stopped || this.pending) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.pending = setTimeout(
      () => {
        this.pending = undefined;
        this.dispatchNow();
      },
      Math.min(MAX_DISPATCH_DELAY_MS, DISPATCH_DELAY_MS + this.lastPass),
    );
  }

  private dispatchNow(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then((count) => {
        this.lastPass = count;
      })
      .catch((error: unknown) => this.log.error({ err: error }, 'outbox dispatch failed'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          // Commits came during the pass: the next one waits for more of them (see kick).
          this.again = false;
          this.kick();
        }
      });
  }

  /** Dispatches every pending event; resolves when none is left. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.dispatchBatch();
      total += count;
      if (count < BATCH) return total;
    }
  }

  /** Forgets events delivered more than `days` ago, in batches (failed deliveries are kept). */
  async purge(days = 3): Promise<number> {
    const cutoff = new Date(Date.now() - days * 86_400_000);
    let total = 0;
    for (;;) {
      const removed = await repository.purgeSettledEvents(this.database.db, cutoff, 5000);
      total += removed;
      if (removed < 5000) return total;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.pending) clearTimeout(this.pending);
    this.pending = undefined;
    await this.running;
  }

  private async dispatchBatch(): Promise<number> {
    const woken = new Set<string>();
    const count = await this.database.db.transaction(async (tx) => {
      const events = await repository.claimPendingEvents(tx, BATCH);
      const deliveries: { eventId: number; handler: string }[] = [];
      const memoized = new Map<string, Promise<unknown>>();
      const memo: DispatchMemo = (key, compute) => {
        let value = memoized.get(key);
        if (!value) memoized.set(key, (value = compute()));
        return value as ReturnType<typeof compute>;
      };
      for (const handler of this.handlers.values()) {
        if (!handler.prepare) continue;
        const theirs = events.filter((event) => handler.events.includes(event.name));
        if (theirs.length > 0) await handler.prepare(theirs, tx, memo);
      }
      for (const event of events) {
        for (const handler of this.handlers.values()) {
          if (!handler.events.includes(event.name)) continue;
          if (handler.wants && !(await handler.wants(event, tx, memo))) continue;
          deliveries.push({ eventId: event.id, handler: handler.name });
        }
      }
      await repository.insertDeliveries(tx, deliveries);
      const byHandler = new Map<string, number[]>();
      for (const delivery of deliveries) byHandler.set(delivery.handler, [...(byHandler.get(delivery.handler) ?? []), delivery.eventId]);
      for (const [name, eventIds] of byHandler) {
        const queue = QUEUE_PREFIX + name;
        const jobs: DeliveryJob[] = this.handlers.get(name)?.batched ? [{ eventIds }] : eventIds.map((eventId) => ({ eventId }));
        await this.jobs.sendMany(queue, jobs, { tx });
        woken.add(queue);
      }
      await repository.markDispatched(
        tx,
        events.map((e) => e.id),
      );
      return events.length;
    });
    for (const queue of woken) this.jobs.wake(queue);
    return count;
  }

  /**
   * A batched handler's job: its events still pending, one after another. One that fails gets a
   * job of its own (retried per the handler's policy, the attempt made here counted), so the others
   * are recorded as delivered and a crash before that only repeats them (handlers are idempotent).
   */
  private async deliverBatch(handler: EventHandler, eventIds: number[]) {
    const db = this.database.db;
    const delivered: number[] = [];
    for (const event of await repository.findPendingFor(db, handler.name, eventIds)) {
      try {
        await handler.handle(event, 1);
        delivered.push(event.id);
      } catch (error) {
        await this.splitOff(handler, event.id, error);
      }
    }
    await repository.recordDelivered(db, handler.name, delivered);
  }

  private async splitOff(handler: EventHandler, eventId: number, error: unknown) {
    const retry = handler.retry ?? DEFAULT_RETRY;
    const final = retry.retryLimit === 0;
    const message = error instanceof Error ? error.message : String(error);
    this.log.warn({ err: error, handler: handler.name, eventId, attempt: 1, final }, 'event handler failed');
    await this.database.db.transaction(async (tx) => {
      await repository.recordAttempt(tx, { eventId, handler: handler.name }, { status: final ? 'failed' : 'pending', error: message });
      if (final) return;
      const job: DeliveryJob = { eventId, attemptsBefore: 1 };
      await this.jobs.send(QUEUE_PREFIX + handler.name, job, { tx, startAfterSeconds: retry.retryDelaySeconds, retryLimit: retry.retryLimit - 1 });
    });
  }

  private async deliver(handler: EventHandler, eventId: number, meta: { attempt: number; retryLimit: number }) {
    const db = this.database.db;
    const event = await repository.findEvent(db, eventId);
    if (!event) return; // purged after an earlier successful delivery
    const delivery = { eventId, handler: handler.name };
    try {
      await handler.handle(event, meta.attempt);
    } catch (error) {
      const final = meta.attempt > meta.retryLimit;
      const message = error instanceof Error ? error.message : String(error);
      await repository.recordAttempt(db, delivery, { status: final ? 'failed' : 'pending', error: message });
      this.log.warn({ err: error, handler: handler.name, eventId, attempt: meta.attempt, final }, 'event handler failed');
      throw error;
    }
    await repository.recordAttempt(db, delivery, { status: 'delivered' });
  }
}
