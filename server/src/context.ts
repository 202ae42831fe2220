import { Redis } from 'ioredis';
import type { Config } from './config';
import { type Database, type Db, openDatabase, type Tx } from './db/client';
import { migrateDatabase } from './db/migrate';
import { resolveSecretKeyBase } from './modules/installation/service';
import { Jobs } from './platform/jobs/jobs';
import type { Logger } from './platform/logger';
import { Mailer } from './platform/mail/mailer';
import { DevMailboxTransport, SmtpTransport } from './platform/mail/transports';
import { Outbox, type OutboxOptions } from './platform/outbox/outbox';
import { rocketHubVersion } from './paths';
import { MemoryRateLimiter, type RateLimiter, RedisRateLimiter } from './platform/rate-limit';
import { openStorage } from './platform/storage/open-storage';
import type { Storage } from './platform/storage/storage';

/** Everything a use case may need, built once per process. Services take the parts they use. */
export type AppContext = {
  config: Config;
  log: Logger;
  database: Database;
  db: Db;
  jobs: Jobs;
  outbox: Outbox;
  mailer: Mailer;
  rateLimiter: RateLimiter;
  redis: Redis | undefined;
  /** Files (attachments): the local disk or an S3-compatible bucket. */
  storage: Storage;
  secretKeyBase: string;
  /** RocketHub's version (root package.json). */
  version: string;
  /**
   * Runs `fn` in one transaction; after it commits, the events it recorded go live to connected
   * clients and the outbox dispatches them to their handlers.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export type ContextOptions = {
  /** Use this database instead of opening one from the config (tests). */
  database?: Database;
  outbox?: OutboxOptions;
};

export async function createContext(config: Config, log: Logger, options: ContextOptions = {}): Promise<AppContext> {
  const database =
    options.database ??
    (await openDatabase(
      config.databaseUrl
        ? { kind: 'postgres', url: config.databaseUrl, poolSize: config.databasePoolSize }
        : { kind: 'embedded', dataDir: `${config.dataDir}/db` },
    ));
  const closers: (() => Promise<void> | void)[] = [];
  try {
    const applied = await migrateDatabase(database);
    if (applied > 0) log.info({ applied }, 'database migrated');
    const secretKeyBase = config.secretKeyBase ?? (await resolveSecretKeyBase(database.db));

    const isWorker = config.roles.has('worker');
    const jobs = await Jobs.start(database, log, { maintenance: isWorker, superviseIntervalSeconds: 30 });
    closers.push(() => jobs.stop());
    const outbox = new Outbox(database, jobs, log);
    const transport = config.smtpUrl ? new SmtpTransport(config.smtpUrl) : new DevMailboxTransport(database);
    closers.push(() => transport.close());
    const mailer = new Mailer(outbox, transport, config.mailFrom);
    const storage = await openStorage(config);
    closers.push(() => storage.close());

    let redis: Redis | undefined;
    if (config.redisUrl) {
      // Reconnect within a second after an outage (ioredis' default backoff grows to 5 s).
      // Commands issued in one turn of the event loop go out in one write (auto-pipelining).
      redis = new Redis(config.redisUrl, { lazyConnect: true, enableAutoPipelining: true, maxRetriesPerRequest: 2, retryStrategy: (times) => Math.min(times * 200, 1000) });
      redis.on('error', (error) => log.warn({ err: error }, 'redis error'));
      await redis.connect();
      const connection = redis;
      closers.push(async () => {
        await connection.quit().catch(() => connection.disconnect());
      });
    }
    const rateLimiter = redis ? new RedisRateLimiter(redis, `${config.redisKeyPrefix}rl:`) : new MemoryRateLimiter();

    const context: AppContext = {
      config,
      log,
      database,
      db: database.db,
      jobs,
      outbox,
      mailer,
      rateLimiter,
      redis,
      storage,
      secretKeyBase,
      version: rocketHubVersion(),
      transaction: (fn) => outbox.commit(() => database.db.transaction(fn)),
      async close() {
        await outbox.stop();
        for (const close of closers.reverse()) await close();
        if (!options.database) await database.close();
      },
    };
    outbox.subscribe(mailer.handler());
    return context;
  } catch (error) {
    for (const close of closers.reverse()) await close();
    if (!options.database) await database.close();
    throw error;
  }
}
