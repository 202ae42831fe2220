import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { openTestDatabase } from '../../../test/harness';
import { waitFor } from '../../../test/wait';
import { createLogger } from '../logger';
import { Jobs } from './jobs';

describe('job handlers', () => {
  const opened: { jobs: Jobs; database: Database }[] = [];
  afterEach(async () => {
    for (const { jobs, database } of opened.splice(0)) {
      await jobs.stop();
      await database.close();
    }
  });
  async function startJobs() {
    const database = await openTestDatabase();
    const jobs = await Jobs.start(database, createLogger('silent'), { maintenance: false });
    opened.push({ jobs, database });
    return { jobs, database };
  }

  it('take the next job of a queue at once instead of waiting for the next poll', async () => {
    const { jobs } = await startJobs();
    let done = 0;
    await jobs.defineQueue('test.backlog');
    // A poll every 5 minutes: only fetching again right after each job gets through a backlog.
    await jobs.work('test.backlog', async () => void (done += 1), { pollingIntervalSeconds: 300 });
    await jobs.sendMany('test.backlog', [1, 2, 3, 4, 5, 6].map((n) => ({ n })));
    jobs.wake('test.backlog');
    await waitFor(() => done === 6 || undefined, 20_000);
  });

  // With a pool, handlers that each hold a connection and want another could take every
  // connection and wait forever: at most half the pool (less one) runs handlers at once.
  it.skipIf(!process.env.DATABASE_URL)('run at most (pool size − 1) / 2 at once, every queue together', async () => {
    const { jobs, database } = await startJobs();
    expect(database.poolSize).toBe(5);
    let running = 0;
    let most = 0;
    let done = 0;
    const slow = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 150));
      running -= 1;
      done += 1;
    };
    for (const queue of ['test.limit-a', 'test.limit-b', 'test.limit-c', 'test.limit-d']) {
      await jobs.defineQueue(queue);
      await jobs.work(queue, slow, { pollingIntervalSeconds: 0.5 });
      await jobs.sendMany(queue, [{ n: 1 }, { n: 2 }]);
      jobs.wake(queue);
    }
    await waitFor(() => done === 8 || undefined, 20_000);
    expect(most).toBe(2);
  });
});
