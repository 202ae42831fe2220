import type { Executor } from '../../db/client';
import type { RetryPolicy } from '../jobs/jobs';

/**
 * Who may see an event live (not stored: realtime delivery happens right after commit). Agents of
 * the account who may see `inboxId` (administrators see all), only `userIds` when given, and —
 * unless `private` — the contact holding `contactPubsubToken`.
 */
export type RealtimeAudience = {
  /** `false`: no agent receives it (a contact-only event). */
  agents?: boolean;
  inboxId?: number | null;
  userIds?: number[];
  contactPubsubToken?: string | null;
  private?: boolean;
};

/**
 * A change worth telling others about, written to the outbox in the transaction that made it.
 * `payload` is the event's data as clients and webhooks receive it (Chatwoot's shapes).
 */
export type DomainEvent = {
  name: string;
  accountId?: number | null;
  payload: Record<string, unknown>;
  /** Set to push the event to connected clients as soon as it commits. */
  realtime?: RealtimeAudience;
  /** Not stored, no handler sees it: only pushed live once the transaction commits. */
  liveOnly?: boolean;
};

export type StoredEvent = {
  id: number;
  name: string;
  accountId: number | null;
  payload: Record<string, unknown>;
  createdAt: Date;
};

/** Computes a value once per dispatch pass for a key. */
export type DispatchMemo = <T>(key: string, compute: () => Promise<T>) => Promise<T>;

/** Reacts to events after commit, at least once: it must be idempotent. Throwing means "retry". */
export type EventHandler = {
  /** Unique, stable name; also the job queue name suffix. Letters, digits, '-', '_', '.'. */
  name: string;
  /** Event names this handler receives. */
  events: readonly string[];
  handle(event: StoredEvent, attempt: number): Promise<void>;
  /**
   * Decides at dispatch, cheaply, whether this event concerns the handler at all (a webhook only
   * for inboxes that have one): no job is queued when it does not. `db` is the dispatch transaction;
   * `memo` shares a look-up between the events of one dispatch pass (the same inbox, say).
   */
  wants?(event: StoredEvent, db: Executor, memo: DispatchMemo): boolean | Promise<boolean>;
  /**
   * Runs once per dispatch pass, before `wants`, with the pass's events this handler receives: to
   * look up in one query what `wants` will ask of each event, and leave the answers in `memo`.
   */
  prepare?(events: StoredEvent[], db: Executor, memo: DispatchMemo): Promise<void>;
  retry?: RetryPolicy;
  /**
   * The events of one dispatch pass reach this handler as one job, handled one after another, and
   * an event that fails is split off into a job of its own that follows `retry`. For handlers that
   * only touch the database: a job per event (queue, fetch, complete, look-ups) costs them more than
   * their work. Handlers that call other servers keep a job per event, so one slow receiver holds up
   * only its own events.
   */
  batched?: boolean;
  /** How many of its jobs a worker process runs at once (default one): for handlers that wait on the network. */
  concurrency?: number;
};
