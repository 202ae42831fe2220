import { describe, expect, it } from 'vitest';
import { type BatchOutcome, GroupCommit } from './group-commit';

/** A writer whose batches finish when the test says so; it records every batch and lone write. */
function recorder(answer: (item: number) => BatchOutcome<string> = (item) => ({ ok: true, value: `v${item}` })) {
  const batches: number[][] = [];
  const alone: number[] = [];
  const pending: (() => void)[] = [];
  let failNext: Error | undefined;
  const write = (items: number[]) =>
    new Promise<BatchOutcome<string>[]>((resolve, reject) => {
      batches.push(items);
      const error = failNext;
      failNext = undefined;
      pending.push(() => (error ? reject(error) : resolve(items.map(answer))));
    });
  const writeAlone = async (item: number) => {
    alone.push(item);
    if (item < 0) throw new Error(`bad ${item}`);
    return `alone${item}`;
  };
  return {
    batches,
    alone,
    write,
    writeAlone,
    failNextBatch: (error: Error) => (failNext = error),
    /** Finishes the oldest unfinished batch and lets its callbacks run. */
    async finishOne() {
      pending.shift()?.();
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
    },
  };
}

const settled = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);
const tick = () => new Promise((r) => setImmediate(r));

describe('GroupCommit', () => {
  it('writes what arrives in one turn as one batch, and what arrives meanwhile as the next', async () => {
    const w = recorder();
    const commit = new GroupCommit({ write: w.write, writeAlone: w.writeAlone });
    const first = [1, 2, 3].map((i) => commit.submit(i));
    await tick();
    expect(w.batches).toEqual([[1, 2, 3]]);
    const second = [4, 5].map((i) => commit.submit(i));
    await tick();
    expect(w.batches).toHaveLength(1);
    expect(commit.waiting).toBe(2);
    await w.finishOne();
    expect(await Promise.all(first)).toEqual(['v1', 'v2', 'v3']);
    expect(w.batches).toEqual([[1, 2, 3], [4, 5]]);
    await w.finishOne();
    expect(await Promise.all(second)).toEqual(['v4', 'v5']);
    expect(w.alone).toEqual([]);
  });

  it('keeps to maxBatch and maxInFlight', async () => {
    const w = recorder();
    const commit = new GroupCommit({ write: w.write, writeAlone: w.writeAlone, maxBatch: 2, maxInFlight: 2 });
    const all = [1, 2, 3, 4, 5].map((i) => commit.submit(i));
    await tick();
    expect(w.batches).toEqual([[1, 2], [3, 4]]);
    await w.finishOne();
    expect(w.batches).toEqual([[1, 2], [3, 4], [5]]);
    await w.finishOne();
    await w.finishOne();
    expect(await Promise.all(all)).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
  });

  it('answers each item with its own outcome; items the batch leaves alone are written alone', async () => {
    const w = recorder((item) => (item === 2 ? { ok: false, error: new Error('no 2') } : item === 3 ? { alone: true } : { ok: true, value: `v${item}` }));
    const commit = new GroupCommit({ write: w.write, writeAlone: w.writeAlone });
    const results = settled([1, 2, 3].map((i) => commit.submit(i)));
    await tick();
    await w.finishOne();
    const [one, two, three] = await results;
    expect(one).toEqual({ status: 'fulfilled', value: 'v1' });
    expect(two).toMatchObject({ status: 'rejected', reason: { message: 'no 2' } });
    expect(three).toEqual({ status: 'fulfilled', value: 'alone3' });
    expect(w.alone).toEqual([3]);
  });

  it('writes each item of a failed batch alone, so one bad item fails only itself', async () => {
    const w = recorder();
    const failures: number[] = [];
    const commit = new GroupCommit({ write: w.write, writeAlone: w.writeAlone, onBatchFailed: (_e, size) => failures.push(size) });
    w.failNextBatch(new Error('deadlock detected'));
    const results = settled([1, -2, 3].map((i) => commit.submit(i)));
    await tick();
    await w.finishOne();
    const outcomes = await results;
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 'alone1' });
    expect(w.alone).toEqual([1, -2, 3]);
    expect(failures).toEqual([3]);
  });

  it('reports a writer that answers the wrong number of outcomes as a failed batch', async () => {
    const commit = new GroupCommit<number, string>({ write: async () => [], writeAlone: async (item) => `alone${item}` });
    expect(await Promise.all([commit.submit(1), commit.submit(2)])).toEqual(['alone1', 'alone2']);
  });
});
