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

  it('run each queue on its own: a handler stuck on one queue holds up no other', async () => {
    const { jobs } = await startJobs();
    let unblock: () => void = () => undefined;
    const stuck = new Promise<void>((resolve) => (unblock = resolve));
    let started = 0;
    let done = 0;
    for (const queue of ['test.slow-a', 'test.slow-b', 'test.slow-c', 'test.slow-d', 'test.slow-e']) {
      await jobs.defineQueue(queue);
      await jobs.work(queue, async () => {
        started += 1;
        await stuck;
      });
      await jobs.send(queue, { n: 1 });
      jobs.wake(queue);
    }
    await jobs.defineQueue('test.fast');
    await jobs.work('test.fast', async () => void (done += 1), { pollingIntervalSeconds: 300 });
    await waitFor(() => started === 5 || undefined, 20_000);
    await jobs.sendMany('test.fast', [1, 2, 3].map((n) => ({ n })));
    jobs.wake('test.fast');
    await waitFor(() => done === 3 || undefined, 20_000);
    expect(started).toBe(5);
    unblock();
  });

  it('run a queue’s jobs `concurrency` at a time, each retried on its own when it fails', async () => {
    const { jobs } = await startJobs();
    let unblock: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (unblock = resolve));
    let running = 0;
    let most = 0;
    const attempts = new Map<number, number>();
    await jobs.defineQueue('test.concurrent', { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: false });
    await jobs.work<{ n: number }>(
      'test.concurrent',
      async ({ n }) => {
        attempts.set(n, (attempts.get(n) ?? 0) + 1);
        running += 1;
        most = Math.max(most, running);
        try {
          await held;
          if (n === 1 && attempts.get(n) === 1) throw new Error('the first try of job 1 fails');
        } finally {
          running -= 1;
        }
      },
      // A poll every second picks up the retry once its delay has passed.
      { pollingIntervalSeconds: 1, concurrency: 3 },
    );
    await jobs.sendMany('test.concurrent', [1, 2, 3, 4, 5].map((n) => ({ n })));
    jobs.wake('test.concurrent');
    // Three held at once, no more.
    await waitFor(() => running === 3 || undefined, 20_000);
    expect(most).toBe(3);
    unblock();
    await waitFor(() => (attempts.size === 5 && attempts.get(1) === 2 && running === 0) || undefined, 20_000);
    expect([...attempts].sort(([a], [b]) => a - b)).toEqual([[1, 2], [2, 1], [3, 1], [4, 1], [5, 1]]);
    expect(most).toBe(3);
  });
});
