import { asc } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema';
import type { Database } from '../../db/client';
import { openTestDatabase } from '../../../test/harness';
import { waitFor } from '../../../test/wait';
import { Jobs } from '../jobs/jobs';
import { createLogger } from '../logger';
import { Outbox } from './outbox';
import { listDeliveries } from './repository';
import type { EventHandler, StoredEvent } from './types';

const log = createLogger('silent');
const fastRetry = { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true, retryDelayMaxSeconds: 2 };

type Rig = { database: Database; jobs: Jobs; outbox: Outbox; close(): Promise<void> };
const rigs: Rig[] = [];

async function startRig(handlers: EventHandler[], database?: Database): Promise<Rig> {
  const db = database ?? (await openTestDatabase());
  const jobs = await Jobs.start(db, log, { maintenance: true });
  const outbox = new Outbox(db, jobs, log);
  for (const handler of handlers) outbox.subscribe(handler);
  await outbox.start({ pollIntervalMs: 100 });
  const rig = {
    database: db,
    jobs,
    outbox,
    async close() {
      await outbox.stop();
      await jobs.stop();
      if (!database) await db.close();
    },
  };
  rigs.push(rig);
  return rig;
}

afterEach(async () => {
  while (rigs.length > 0) await rigs.pop()?.close();
});

function recorder(name: string, events: string[], behaviour: (event: StoredEvent, attempt: number) => Promise<void> = async () => {}) {
  const calls: { event: StoredEvent; attempt: number }[] = [];
  const handler: EventHandler = {
    name,
    events,
    retry: fastRetry,
    async handle(event, attempt) {
      calls.push({ event, attempt });
      await behaviour(event, attempt);
    },
  };
  return { handler, calls };
}

describe('outbox', () => {
  it('delivers an event committed with the change to every subscribed handler, once', async () => {
    const a = recorder('test.a', ['thing.created']);
    const b = recorder('test.b', ['thing.created', 'thing.deleted']);
    const other = recorder('test.other', ['thing.deleted']);
    const rig = await startRig([a.handler, b.handler, other.handler]);

    await rig.database.db.transaction((tx) => rig.outbox.record(tx, { name: 'thing.created', accountId: 7, payload: { id: 1 } }));
    rig.outbox.kick();

    await waitFor(() => a.calls.length === 1 && b.calls.length === 1);
    expect(a.calls[0]?.event).toMatchObject({ name: 'thing.created', accountId: 7, payload: { id: 1 } });
    expect(a.calls[0]?.attempt).toBe(1);
    const eventId = a.calls[0]!.event.id;
    await waitFor(async () => (await listDeliveries(rig.database.db, eventId)).every((d) => d.status === 'delivered'));
    const deliveries = await listDeliveries(rig.database.db, eventId);
    expect(deliveries.map((d) => [d.handler, d.status, d.attempts])).toEqual([
      ['test.a', 'delivered', 1],
      ['test.b', 'delivered', 1],
    ]);
    expect(other.calls).toHaveLength(0);
  });

  it('tells committed-event listeners what a transaction recorded, only once it commits', async () => {
    const rig = await startRig([]);
    const told: string[][] = [];
    rig.outbox.onCommitted((events) => told.push(events.map((e) => String(e.payload.id))));

    await rig.outbox.commit(() =>
      rig.database.db.transaction(async (tx) => {
        await rig.outbox.record(tx, { name: 'thing.created', payload: { id: 'a' } }, { name: 'thing.created', payload: { id: 'b' } });
      }),
    );
    await expect(
      rig.outbox.commit(() =>
        rig.database.db.transaction(async (tx) => {
          await rig.outbox.record(tx, { name: 'thing.created', payload: { id: 'rolled-back' } });
          throw new Error('the change failed');
        }),
      ),
    ).rejects.toThrow('the change failed');
    await rig.outbox.commit(async () => 'no transaction, no events');

    expect(told).toEqual([['a', 'b']]);
  });

  it('forgets delivered events after a few days but keeps failed ones, and queues nothing a handler does not want', async () => {
    const ok = recorder('test.purge-ok', ['thing.created']);
    const picky: EventHandler = { ...recorder('test.picky', ['thing.created']).handler, wants: (event) => event.payload.wanted === true };
    const failing = recorder('test.purge-fail', ['thing.failed'], async () => {
      throw new Error('never works');
    });
    const rig = await startRig([ok.handler, picky, { ...failing.handler, retry: { retryLimit: 0, retryDelaySeconds: 1, retryBackoff: false } }]);
    await rig.database.db.transaction((tx) =>
      rig.outbox.record(tx, { name: 'thing.created', payload: { wanted: false } }, { name: 'thing.failed', payload: {} }),
    );
    rig.outbox.kick();
    const [created, failed] = await waitFor(async () => {
      const rows = await rig.database.db.select().from(outbox).orderBy(asc(outbox.id));
      const settled = await Promise.all(rows.map((r) => listDeliveries(rig.database.db, r.id)));
      return settled.every((d) => d.length > 0 && d.every((x) => x.status !== 'pending')) && rows.length === 2 ? rows : undefined;
    }, 15_000);
    expect((await listDeliveries(rig.database.db, created!.id)).map((d) => d.handler)).toEqual(['test.purge-ok']);
    await rig.database.db.update(outbox).set({ dispatchedAt: new Date(Date.now() - 4 * 86_400_000) });
    expect(await rig.outbox.purge(3)).toBe(1);
    const left = await rig.database.db.select({ id: outbox.id }).from(outbox);
    expect(left.map((r) => r.id)).toEqual([failed!.id]);
  });

  it('lets a handler look up a whole pass at once before deciding what it wants', async () => {
    const prepared: string[][] = [];
    const asked: string[] = [];
    const base = recorder('test.prepared', ['thing.created']);
    const handler: EventHandler = {
      ...base.handler,
      prepare: async (events, _db, memo) => {
        prepared.push(events.map((e) => String(e.payload.key)));
        // One look-up for the pass: every key's answer left in the memo.
        for (const event of events) await memo(`wanted:${String(event.payload.key)}`, async () => event.payload.key !== 'b');
      },
      wants: (event, _db, memo) =>
        memo(`wanted:${String(event.payload.key)}`, async () => {
          asked.push(String(event.payload.key));
          return true;
        }),
    };
    const rig = await startRig([handler, recorder('test.unprepared', ['other.thing']).handler]);
    await rig.database.db.transaction((tx) =>
      rig.outbox.record(tx, { name: 'thing.created', payload: { key: 'a' } }, { name: 'other.thing', payload: {} }, { name: 'thing.created', payload: { key: 'b' } }),
    );
    rig.outbox.kick();
    await waitFor(async () => (base.calls.length === 1 ? true : undefined), 15_000);
    expect(prepared).toEqual([['a', 'b']]);
    expect(asked).toEqual([]);
    expect(base.calls.map((c) => c.event.payload.key)).toEqual(['a']);
  });

  it('dispatches nothing for a transaction that rolled back', async () => {
    const a = recorder('test.rollback', ['thing.created']);
    const rig = await startRig([a.handler]);

    await expect(
      rig.database.db.transaction(async (tx) => {
        await rig.outbox.record(tx, { name: 'thing.created', payload: { id: 'rolled-back' } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await rig.database.db.transaction((tx) => rig.outbox.record(tx, { name: 'thing.created', payload: { id: 'committed' } }));
    rig.outbox.kick();

    await waitFor(() => a.calls.length >= 1);
    await rig.outbox.drain();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(a.calls.map((c) => c.event.payload.id)).toEqual(['committed']);
  });

  it('retries a failing handler with backoff, then records the delivery as failed', async () => {
    const failing = recorder('test.failing', ['thing.created'], async () => {
      throw new Error('remote end is down');
    });
    const healthy = recorder('test.healthy', ['thing.created']);
    const rig = await startRig([failing.handler, healthy.handler]);

    await rig.database.db.transaction((tx) => rig.outbox.record(tx, { name: 'thing.created', payload: {} }));
    rig.outbox.kick();

    const eventId = await waitFor(async () => failing.calls[0]?.event.id);
    await waitFor(
      async () => (await listDeliveries(rig.database.db, eventId)).find((d) => d.handler === 'test.failing')?.status === 'failed',
      20_000,
    );
    expect(failing.calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
    const deliveries = await listDeliveries(rig.database.db, eventId);
    expect(deliveries.find((d) => d.handler === 'test.failing')).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'remote end is down',
    });
    expect(deliveries.find((d) => d.handler === 'test.healthy')).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(healthy.calls).toHaveLength(1);
  });

  it('delivers a failing handler once it recovers, without repeating the others', async () => {
    let down = true;
    const flaky = recorder('test.flaky', ['thing.created'], async () => {
      if (down) {
        down = false;
        throw new Error('temporarily down');
      }
    });
    const steady = recorder('test.steady', ['thing.created']);
    const rig = await startRig([flaky.handler, steady.handler]);

    await rig.database.db.transaction((tx) => rig.outbox.record(tx, { name: 'thing.created', payload: {} }));
    rig.outbox.kick();

    await waitFor(() => flaky.calls.length === 2, 15_000);
    const eventId = flaky.calls[0]!.event.id;
    await waitFor(async () => (await listDeliveries(rig.database.db, eventId)).every((d) => d.status === 'delivered'));
    expect(steady.calls).toHaveLength(1);
  });

  it('hands a batched handler the events of a pass as one job; one that fails is retried alone, the others are delivered once', async () => {
    const jobsSent: string[] = [];
    const batched = recorder('test.batched', ['thing.created'], async (event, attempt) => {
      if (event.payload.n === 2 && attempt < 3) throw new Error('not yet');
    });
    batched.handler.batched = true;
    const rig = await startRig([batched.handler]);
    const sendMany = rig.jobs.sendMany.bind(rig.jobs);
    rig.jobs.sendMany = async (name, data, options) => {
      jobsSent.push(...data.map(() => name));
      await sendMany(name, data, options);
    };

    await rig.database.db.transaction((tx) =>
      rig.outbox.record(tx, ...[1, 2, 3, 4].map((n) => ({ name: 'thing.created', payload: { n } }))),
    );
    // The poll may be dispatching them already (a pass in progress hides them from drain()).
    await rig.outbox.drain();
    await waitFor(() => jobsSent.length > 0 || undefined);
    await rig.outbox.drain();
    expect(jobsSent).toEqual(['outbox.test.batched']);

    await waitFor(() => batched.calls.filter((c) => c.event.payload.n === 2).length === 3, 15_000);
    const ids = batched.calls.slice(0, 4).map((c) => c.event.id);
    await waitFor(async () => {
      const all = await Promise.all(ids.map((id) => listDeliveries(rig.database.db, id)));
      return all.every(([d]) => d?.status === 'delivered');
    });
    // In order in the batch; the failing one alone afterwards, its attempts counted on from the batch's.
    expect(batched.calls.map((c) => [c.event.payload.n, c.attempt])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
      [2, 2],
      [2, 3],
    ]);
    const [second] = await listDeliveries(rig.database.db, ids[1]!);
    expect(second).toMatchObject({ status: 'delivered', attempts: 3 });
    const [first] = await listDeliveries(rig.database.db, ids[0]!);
    expect(first).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('records a batched event that keeps failing as failed after the same number of attempts as any other', async () => {
    const batched = recorder('test.batched-down', ['thing.created'], async (event) => {
      if (event.payload.n === 1) throw new Error('never');
    });
    batched.handler.batched = true;
    const rig = await startRig([batched.handler]);
    await rig.database.db.transaction((tx) =>
      rig.outbox.record(tx, ...[1, 2].map((n) => ({ name: 'thing.created', payload: { n } }))),
    );
    rig.outbox.kick();
    const eventId = await waitFor(async () => batched.calls[0]?.event.id);
    await waitFor(async () => (await listDeliveries(rig.database.db, eventId))[0]?.status === 'failed', 20_000);
    expect(batched.calls.filter((c) => c.event.payload.n === 1).map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(await listDeliveries(rig.database.db, eventId)).toMatchObject([{ status: 'failed', attempts: 3, lastError: 'never' }]);
  });
});
