import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../db/client';
import { openTestDatabase } from '../../../test/harness';
import { bundleScript, runScript } from '../../../test/spawn-script';
import { waitFor } from '../../../test/wait';
import { Jobs } from '../jobs/jobs';
import { createLogger } from '../logger';
import { Outbox } from './outbox';
import { listDeliveries } from './repository';
import type { StoredEvent } from './types';

/**
 * A process killed right after committing (or in the middle of a handler) loses nothing: the next
 * process on the same database delivers the event.
 */
describe('outbox after a crash (kill -9)', () => {
  let script: string;
  let dir: string;
  beforeAll(async () => {
    script = await bundleScript(join(__dirname, '../../../test/fixtures/crash-during-dispatch.ts'));
    dir = mkdtempSync(join(tmpdir(), 'rockethub-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Where the crashing child and the restarted process meet: a PostgreSQL database or a PGlite directory. */
  async function sharedDatabase(name: string): Promise<{ env: Record<string, string>; reopen(): Promise<Database>; cleanup(): Promise<void> }> {
    if (process.env.DATABASE_URL) {
      const database = await openTestDatabase();
      const url = database.url!;
      await database.close();
      return { env: { CRASH_DATABASE_URL: url }, reopen: () => openDatabase({ kind: 'postgres', url }), cleanup: async () => {} };
    }
    const dataDir = join(dir, name);
    return { env: { CRASH_DATA_DIR: dataDir }, reopen: () => openDatabase({ kind: 'embedded', dataDir }), cleanup: async () => {} };
  }

  async function restartAndCollect(database: Database, superviseIntervalSeconds?: number, batched = false) {
    const log = createLogger('silent');
    const jobs = await Jobs.start(database, log, { maintenance: true, ...(superviseIntervalSeconds ? { superviseIntervalSeconds } : {}) });
    const outbox = new Outbox(database, jobs, log);
    const delivered: StoredEvent[] = [];
    outbox.subscribe({
      name: 'crash.probe',
      events: ['crash.happened'],
      retry: { retryLimit: 3, retryDelaySeconds: 1, retryBackoff: false, heartbeatSeconds: 10 },
      batched,
      async handle(event) {
        delivered.push(event);
      },
    });
    await outbox.start({ pollIntervalMs: 100 });
    return {
      delivered,
      async stop() {
        await outbox.stop();
        await jobs.stop();
        await database.close();
      },
    };
  }

  it('delivers an event committed just before the process was killed', async () => {
    const shared = await sharedDatabase('after-commit');
    const run = await runScript(script, { ...shared.env, CRASH_AT: 'after-commit' });
    expect(run.signal).toBe('SIGKILL');
    const eventId = Number(/committed (\d+)/.exec(run.stdout)?.[1]);
    expect(eventId).toBeGreaterThan(0);

    const node = await restartAndCollect(await shared.reopen());
    try {
      await waitFor(() => node.delivered.some((e) => e.id === eventId), 15_000);
      expect(node.delivered.filter((e) => e.id === eventId)).toHaveLength(1);
    } finally {
      await node.stop();
    }
  }, 90_000);

  it.each([
    ['an event', false],
    ['a batch of events', true],
  ])('retries %s whose handler was running when the process was killed', async (_what, batched) => {
    const shared = await sharedDatabase(batched ? 'in-batched-handler' : 'in-handler');
    const run = await runScript(script, { ...shared.env, CRASH_AT: 'in-handler', ...(batched ? { CRASH_BATCHED: '1' } : {}) });
    expect(run.signal).toBe('SIGKILL');
    expect(run.stdout).toContain('handling');
    const eventId = Number(/committed (\d+)/.exec(run.stdout)?.[1]);

    const database = await shared.reopen();
    const node = await restartAndCollect(database, 1, batched);
    try {
      // The dead worker stops sending heartbeats; after heartbeatSeconds the job is retried here.
      await waitFor(() => node.delivered.some((e) => e.id === eventId), 45_000, 200);
      const delivery = (await listDeliveries(database.db, eventId))[0];
      await waitFor(async () => (await listDeliveries(database.db, eventId))[0]?.status === 'delivered');
      expect(delivery?.handler).toBe('crash.probe');
    } finally {
      await node.stop();
    }
  }, 90_000);
});
