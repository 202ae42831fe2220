import { describe, expect, it } from 'vitest';
import { runBulk } from './run-bulk';

describe('runBulk', () => {
  it('changes every conversation, never more at once than allowed, and reports the failures', async () => {
    let running = 0;
    let most = 0;
    const outcome = await runBulk(
      [1, 2, 3, 4, 5, 6, 7],
      async (id) => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        if (id % 3 === 0) throw new Error('refused');
      },
      3,
    );
    expect(most).toBe(3);
    expect(outcome.done.sort()).toEqual([1, 2, 4, 5, 7]);
    expect(outcome.failed.sort()).toEqual([3, 6]);
  });

  it('does nothing for an empty selection', async () => {
    expect(await runBulk([], () => Promise.reject(new Error('never')))).toEqual({ done: [], failed: [] });
  });
});
