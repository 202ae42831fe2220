import { PgBoss, fromDrizzle, fromPglite } from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client';
import type { Logger } from '../logger';

export type RetryPolicy = {
  /** Attempts after the first one. */
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  retryDelayMaxSeconds?: number;
  /**
   * A running job whose worker stops sending heartbeats this long (a crashed process) is retried,
   * instead of waiting for its expiry. At least 10.
   */
  heartbeatSeconds?: number;
};

export const DEFAULT_RETRY: RetryPolicy = {
  retryLimit: 8,
  retryDelaySeconds: 5,
  retryBackoff: true,
  retryDelayMaxSeconds: 3600,
  heartbeatSeconds: 30,
};

export type JobsOptions = {
  /** Run pg-boss maintenance (retries of stalled jobs, schedules, clean-up) on this node. */
  maintenance: boolean;
  /** How often maintenance looks for stalled jobs; the default suits production. */
  superviseIntervalSeconds?: number;
};

export type JobMeta = { id: string; attempt: number; retryLimit: number };
export type JobHandler<T> = (data: T, meta: JobMeta) => Promise<void>;

export type SendOptions = {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  tx?: Executor;
  startAfterSeconds?: number;
  singletonKey?: string;
  /** This job's own number of retries, instead of its queue's. */
  retryLimit?: number;
};

/**
 * The durable job queue (pg-boss on the same database in both modes). Every node can send;
 * only nodes with the worker role call `work`.
 */
export class Jobs {
  /** This process's workers per queue (several when a queue runs jobs concurrently). */
  private readonly workers = new Map<string, string[]>();

  private constructor(
    private readonly boss: PgBoss,
    private readonly log: Logger,
  ) {}

  static async start(database: Database, log: Logger, options: JobsOptions): Promise<Jobs> {
    const common = {
      supervise: options.maintenance,
      schedule: options.maintenance,
      registerInstance: false,
      ...(options.superviseIntervalSeconds
        ? { superviseIntervalSeconds: options.superviseIntervalSeconds, monitorIntervalSeconds: options.superviseIntervalSeconds }
        : {}),
    };
    const boss = database.pglite
      ? new PgBoss({ ...common, db: fromPglite(database.pglite) })
      : new PgBoss({ ...common, connectionString: database.url, max: 4, application_name: 'rockethub-jobs' });
    boss.on('error', (error: unknown) => log.error({ err: error }, 'job queue error'));
    await boss.start();
    return new Jobs(boss, log);
  }

  async defineQueue(name: string, retry: RetryPolicy = DEFAULT_RETRY): Promise<void> {
    const options = {
      retryLimit: retry.retryLimit,
      retryDelay: retry.retryDelaySeconds,
      retryBackoff: retry.retryBackoff,
      ...(retry.heartbeatSeconds !== undefined ? { heartbeatSeconds: retry.heartbeatSeconds } : {}),
      ...(retry.retryDelayMaxSeconds !== undefined ? { retryDelayMax: retry.retryDelayMaxSeconds } : {}),
    };
    const existing = await this.boss.getQueue(name);
    if (existing) await this.boss.updateQueue(name, options);
    else await this.boss.createQueue(name, options);
  }

  /**
   * Runs a queue's jobs in this process, `concurrency` at a time (default one: jobs of the queue
   * run one after another). Each job is still retried on its own when its handler throws.
   */
  async work<T extends object>(name: string, handler: JobHandler<T>, options: { pollingIntervalSeconds?: number; concurrency?: number } = {}) {
    const ids: string[] = [];
    for (let i = 0; i < Math.max(1, options.concurrency ?? 1); i++) {
      let own = '';
      own = await this.boss.work(
        name,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
        async ([job]) => {
          if (!job) return;
          try {
            await handler(job.data as T, { id: job.id, attempt: job.retryCount + 1, retryLimit: job.retryLimit });
          } finally {
            // Fetch the next job at once: pg-boss would otherwise wait its polling interval after
            // every job, one job per interval per worker. An empty fetch goes back to polling.
            this.boss.notifyWorker(own);
          }
        },
      );
      ids.push(own);
    }
    this.workers.set(name, ids);
  }

  /** Wakes this process's workers for a queue now instead of at their next poll. */
  wake(name: string): void {
    for (const id of this.workers.get(name) ?? []) this.boss.notifyWorker(id);
  }

  async send(name: string, data: object, options: SendOptions = {}): Promise<void> {
    await this.boss.send(name, data, {
      ...(options.tx ? { db: fromDrizzle(options.tx as unknown as Parameters<typeof fromDrizzle>[0], sql) } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
    });
  }

  /** Many jobs of one queue at once (one statement), optionally inside a transaction. */
  async sendMany(name: string, data: object[], options: { tx?: Executor } = {}): Promise<void> {
    if (data.length === 0) return;
    await this.boss.insert(
      name,
      data.map((d) => ({ data: d })),
      options.tx ? { db: fromDrizzle(options.tx as unknown as Parameters<typeof fromDrizzle>[0], sql) } : {},
    );
  }

  async schedule(name: string, cron: string, data: object = {}): Promise<void> {
    await this.boss.schedule(name, cron, data);
  }

  async stop(): Promise<void> {
    try {
      await this.boss.stop({ graceful: true, timeout: 5000 });
    } catch (error) {
      this.log.warn({ err: error }, 'job queue did not stop cleanly');
    }
  }
}
