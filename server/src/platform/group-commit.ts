/**
 * Group commit: requests that arrive while a batch is being written wait and are written
 * together in the next one, so a burst of N small writes costs one transaction (one round trip
 * per statement and one WAL flush) instead of N. An idle queue writes at once: a lone request
 * waits for nothing but the current turn of the event loop.
 *
 * `write` answers each item of a batch on its own: a value, an error, or "alone" for an item it
 * leaves to `writeAlone` after the batch (an unusual case the batch does not handle). If it throws
 * as a whole, every item of that batch is written again alone, so one bad item never fails the
 * others; a writer that may have written before failing must answer per item instead of throwing.
 */
export type BatchOutcome<O> = { ok: true; value: O } | { ok: false; error: unknown } | { alone: true };

export type GroupCommitOptions<I, O> = {
  write(items: I[]): Promise<BatchOutcome<O>[]>;
  writeAlone(item: I): Promise<O>;
  /** The most items one batch takes (default 64). */
  maxBatch?: number;
  /** How many batches may be written at once (default 1). */
  maxInFlight?: number;
  onBatchFailed?(error: unknown, size: number): void;
};

type Waiting<I, O> = { item: I; resolve(value: O): void; reject(error: unknown): void };

export class GroupCommit<I, O> {
  private queue: Waiting<I, O>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;

  constructor(private readonly options: GroupCommitOptions<I, O>) {
    this.maxBatch = options.maxBatch ?? 64;
    this.maxInFlight = options.maxInFlight ?? 1;
  }

  /** Resolves once the item's batch has committed (or rejects with the item's own error). */
  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Items waiting for a batch (not counting those being written). */
  get waiting(): number {
    return this.queue.length;
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight) return;
    this.scheduled = true;
    // Requests parsed in the same turn of the event loop join the same batch.
    setImmediate(() => {
      this.scheduled = false;
      this.startBatches();
    });
  }

  private startBatches(): void {
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        if (this.queue.length > 0) this.schedule();
      });
    }
  }

  private async run(batch: Waiting<I, O>[]): Promise<void> {
    let outcomes: BatchOutcome<O>[];
    try {
      outcomes = await this.options.write(batch.map((w) => w.item));
      if (outcomes.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${outcomes.length} outcomes`);
    } catch (error) {
      this.options.onBatchFailed?.(error, batch.length);
      await Promise.all(batch.map((w) => this.options.writeAlone(w.item).then(w.resolve, w.reject)));
      return;
    }
    const alone: Waiting<I, O>[] = [];
    batch.forEach((w, i) => {
      const outcome = outcomes[i]!;
      if ('alone' in outcome) alone.push(w);
      else if (outcome.ok) w.resolve(outcome.value);
      else w.reject(outcome.error);
    });
    await Promise.all(alone.map((w) => this.options.writeAlone(w.item).then(w.resolve, w.reject)));
  }
}
