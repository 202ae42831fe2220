import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, createContext } from '../../context';
import type { Database } from '../../db/client';
import { createLogger } from '../../platform/logger';
import type { DomainEvent } from '../../platform/outbox/types';
import { type BuiltAccount, type BuiltInbox, buildAccount, buildInbox } from '../../../test/builders';
import { CableClient, roomIdentifier } from '../../../test/cable-client';
import { TEST_REDIS_URL } from '../../../test/database-target';
import { openTestDatabase, testConfig } from '../../../test/harness';
import { messagePayload, userPubsubToken } from '../../../test/live-events';
import { type RedisServer, startRedisServer } from '../../../test/redis-server';
import { bundleScript } from '../../../test/spawn-script';
import { waitFor } from '../../../test/wait';

type Node = { url: string; commit(...events: DomainEvent[]): Promise<void>; stop(): Promise<void> };

/** A real node process (test/fixtures/realtime-node.ts: `rockethub start` plus a way to commit events on it). */
async function startNode(script: string, env: Record<string, string>): Promise<Node> {
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { ...process.env, LOG_LEVEL: 'error', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let port: number | undefined;
  const committed = new Map<string, () => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    output += `${line}\n`;
    port ??= Number(/^listening (\d+)$/.exec(line)?.[1]) || undefined;
    const id = /^committed (.+)$/.exec(line)?.[1];
    if (id) committed.get(id)?.();
  });
  child.stderr!.on('data', (data) => (output += data));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await waitFor(() => port, 60_000).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw new Error(`node did not start: ${String(error)}\n${output}`);
  });
  let sequence = 0;
  return {
    url: `http://127.0.0.1:${port}`,
    commit(...events) {
      const id = String(++sequence);
      const done = new Promise<void>((resolve) => committed.set(id, resolve));
      child.stdin!.write(`${JSON.stringify({ id, events })}\n`);
      return done;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Two app processes on one PostgreSQL and one Redis (their own `redis-server`, so it can be killed):
 * what is committed on one node reaches sockets on the other, and keeps doing so after Redis restarts.
 */
describe.skipIf(!process.env.DATABASE_URL || !TEST_REDIS_URL)('realtime across nodes (PostgreSQL + Redis)', () => {
  let redis: RedisServer;
  let database: Database;
  let ctx: AppContext;
  let a: BuiltAccount;
  let inbox: BuiltInbox;
  let nodeA: Node;
  let nodeB: Node;
  const clients: CableClient[] = [];

  beforeAll(async () => {
    const script = bundleScript(join(__dirname, '../../../test/fixtures/realtime-node.ts'));
    redis = await startRedisServer();
    database = await openTestDatabase();
    ctx = await createContext(testConfig({ redisUrl: undefined, roles: new Set() }), createLogger('silent'), { database });
    a = await buildAccount(ctx);
    inbox = await buildInbox(ctx, a.id, { memberIds: [a.agent.id] });
    const env = { DATABASE_URL: database.url!, REDIS_URL: redis.url, REDIS_KEY_PREFIX: `rht-rt-${process.pid}-${Date.now()}:`, SECRET_KEY_BASE: 'nodes' };
    [nodeA, nodeB] = await Promise.all([startNode(await script, env), startNode(await script, env)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
    await ctx?.close();
    await database?.close();
    await redis?.stop();
  });

  async function socketOn(node: Node, user: { id: number }) {
    const client = await CableClient.connect(node.url);
    clients.push(client);
    const identifier = roomIdentifier({ pubsubToken: await userPubsubToken(ctx, user.id), accountId: a.id, userId: user.id });
    expect(await client.subscribe(identifier)).toBe('confirm_subscription');
    return client;
  }

  const messageEvent = (content: string): DomainEvent => ({
    name: 'message.created',
    accountId: a.id,
    payload: messagePayload({ accountId: a.id, inboxId: inbox.id, content }),
    realtime: { inboxId: inbox.id },
  });

  it('delivers an event committed on one node to sockets on the other, presence included', async () => {
    const agentOnA = await socketOn(nodeA, a.agent);
    const adminOnB = await socketOn(nodeB, a.admin);

    await nodeA.commit(messageEvent('committed on A'));
    await adminOnB.waitForEvent('message.created', (d) => d.content === 'committed on A');
    await agentOnA.waitForEvent('message.created', (d) => d.content === 'committed on A');
    await nodeB.commit(messageEvent('committed on B'));
    await agentOnA.waitForEvent('message.created', (d) => d.content === 'committed on B');
    // Each node delivers each event once: its own directly, the other's through Redis.
    expect(adminOnB.events('message.created').map((e) => e.data.content)).toEqual(['committed on A', 'committed on B']);
    expect(agentOnA.events('message.created').map((e) => e.data.content)).toEqual(['committed on A', 'committed on B']);

    // A transaction's events travel together, and arrive all and in order.
    await nodeA.commit(messageEvent('batch 1'), messageEvent('batch 2'), messageEvent('batch 3'));
    await adminOnB.waitForEvent('message.created', (d) => d.content === 'batch 3');
    expect(adminOnB.events('message.created').map((e) => e.data.content).slice(2)).toEqual(['batch 1', 'batch 2', 'batch 3']);

    // The agent connected to A is online for the administrator connected to B.
    await adminOnB.waitForEvent('presence.update', (d) => (d.users as Record<string, string>)[a.agent.id] === 'online');
  });

  it('keeps local delivery while Redis is down, and resumes delivery across nodes by itself once it is back', async () => {
    const agentOnA = await socketOn(nodeA, a.agent);
    const adminOnB = await socketOn(nodeB, a.admin);

    await redis.crash();
    await nodeA.commit(messageEvent('while Redis is down'));
    await agentOnA.waitForEvent('message.created', (d) => d.content === 'while Redis is down');
    // Down long enough for the clients' reconnect backoff to grow.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(adminOnB.events('message.created').map((e) => e.data.content)).not.toContain('while Redis is down');

    await redis.restart();
    const restarted = Date.now();
    let n = 0;
    await waitFor(
      async () => {
        await nodeA.commit(messageEvent(`after restart ${++n}`));
        return adminOnB.events('message.created').some((e) => String(e.data.content).startsWith('after restart'));
      },
      30_000,
      250,
    );
    const resumedAfterMs = Date.now() - restarted;
    expect(resumedAfterMs).toBeLessThan(30_000);
    await nodeB.commit(messageEvent('B after restart'));
    await agentOnA.waitForEvent('message.created', (d) => d.content === 'B after restart');

    // New subscriptions work too.
    const lateOnB = await socketOn(nodeB, a.agent);
    await nodeA.commit(messageEvent('to a late socket'));
    await lateOnB.waitForEvent('message.created', (d) => d.content === 'to a late socket');
  }, 60_000);
});
