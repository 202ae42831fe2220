import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { TEST_REDIS_URL } from '../../../test/database-target';
import { availabilityOf, MemoryPresence, type PresenceState, type PresenceStore, RedisPresence } from './presence';

const agent = (id: number) => ({ kind: 'user' as const, id });
const contact = (id: number) => ({ kind: 'contact' as const, id });
const online = (state: PresenceState) => ({ users: Object.fromEntries(state.users), contacts: [...state.contacts] });

/** The same expectations for both stores: `nodes` are the stores of two nodes sharing the presence. */
function presenceStoreBehaviour(name: string, make: (ttlMs: number) => { nodes: [PresenceStore, PresenceStore]; pass(ms: number): Promise<void> }) {
  describe(name, () => {
    it('keeps members while refreshed, and a status only while its user is connected', async () => {
      const { nodes } = make(60_000);
      const [a, b] = nodes;
      await a.refresh(1, [agent(10), contact(20)]);
      await b.refresh(1, [agent(11)]);
      await b.setStatus(1, 11, 'busy');
      expect(online(await a.read(1))).toEqual({ users: { 10: undefined, 11: 'busy' }, contacts: [20] });
      expect(online(await a.read(2))).toEqual({ users: {}, contacts: [] });

      await b.remove(1, [agent(11)]);
      await a.remove(1, [contact(20)]);
      expect(online(await b.read(1))).toEqual({ users: { 10: undefined }, contacts: [] });
      // Back later: the status set over the old socket is gone.
      await b.refresh(1, [agent(11)]);
      expect((await a.read(1)).users.get(11)).toBeUndefined();
    });

    it('takes the members of a node that stopped refreshing offline after the TTL, and says so', async () => {
      const { nodes, pass } = make(300);
      const [a, b] = nodes;
      await a.refresh(1, [agent(10)]);
      await b.refresh(1, [agent(11)]);
      await pass(150);
      expect(await a.refresh(1, [agent(10)])).toBe(false);
      await pass(200);
      // b died: its member expires, and the next refresh on a notices.
      expect(await a.refresh(1, [agent(10)])).toBe(true);
      expect(online(await a.read(1)).users).toEqual({ 10: undefined });
    });
  });
}

presenceStoreBehaviour('memory presence', (ttlMs) => {
  let now = 1_000_000;
  const store = new MemoryPresence(ttlMs, () => now);
  return {
    nodes: [store, store],
    async pass(ms) {
      now += ms;
    },
  };
});

describe.skipIf(!TEST_REDIS_URL)('redis presence', () => {
  const redis = TEST_REDIS_URL ? new Redis(TEST_REDIS_URL) : undefined;
  afterAll(() => redis?.quit());
  let stores = 0;
  presenceStoreBehaviour('shared by nodes', (ttlMs) => {
    const prefix = `rht:${inject('runId')}:${process.pid}:presence-${++stores}:`;
    return {
      nodes: [new RedisPresence(redis!, prefix, 'node-a', ttlMs), new RedisPresence(redis!, prefix, 'node-b', ttlMs)],
      pass: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    };
  });

  it('counts a user once connected to two nodes, until both let go', async () => {
    const prefix = `rht:${inject('runId')}:${process.pid}:presence-two:`;
    const [a, b] = [new RedisPresence(redis!, prefix, 'node-a'), new RedisPresence(redis!, prefix, 'node-b')];
    await a.refresh(1, [agent(10)]);
    await b.refresh(1, [agent(10)]);
    await a.remove(1, [agent(10)]);
    expect(online(await a.read(1)).users).toEqual({ 10: undefined });
    await b.remove(1, [agent(10)]);
    expect(online(await a.read(1)).users).toEqual({});
  });
});

describe('availability shown by the API', () => {
  const state: PresenceState = { users: new Map([[1, undefined], [2, 'busy']]), contacts: new Set() };
  it('is the chosen status while connected, offline when not (unless auto offline is off)', () => {
    expect(availabilityOf(state, { userId: 1, availability: 'online', autoOffline: true })).toBe('online');
    expect(availabilityOf(state, { userId: 1, availability: 'busy', autoOffline: true })).toBe('busy');
    expect(availabilityOf(state, { userId: 2, availability: 'online', autoOffline: true })).toBe('busy');
    expect(availabilityOf(state, { userId: 3, availability: 'online', autoOffline: true })).toBe('offline');
    expect(availabilityOf(state, { userId: 3, availability: 'busy', autoOffline: false })).toBe('busy');
  });
});
