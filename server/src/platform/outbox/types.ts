import type { RetryPolicy } from '../jobs/jobs';

/** A change worth telling others about, written to the outbox in the transaction that made it. */
export type DomainEvent = {
  name: string;
  accountId?: number | null;
  payload: Record<string, unknown>;
};

export type StoredEvent = {
  id: number;
  name: string;
  accountId: number | null;
  payload: Record<string, unknown>;
  createdAt: Date;
};

/** Reacts to events after commit, at least once: it must be idempotent. Throwing means "retry". */
export type EventHandler = {
  /** Unique, stable name; also the job queue name suffix. Letters, digits, '-', '_', '.'. */
  name: string;
  /** Event names this handler receives. */
  events: readonly string[];
  handle(event: StoredEvent, attempt: number): Promise<void>;
  retry?: RetryPolicy;
};
