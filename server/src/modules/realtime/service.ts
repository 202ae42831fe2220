import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context';
import type { Availability } from '../../db/schema';
import type { DomainEvent } from '../../platform/outbox/types';
import { RedisFanout } from '../../platform/realtime/redis-fanout';
import { ACCESS_CHANGED, RealtimeHub } from './hub';
import { availabilityOf, MemoryPresence, presencePayload, type PresenceStore, RedisPresence } from './presence';

/** A node's realtime parts, one per context (a process may run several in tests). */
type Runtime = { nodeId: string; presence: PresenceStore; hub: RealtimeHub | undefined };
const runtimes = new WeakMap<AppContext, Runtime>();

function runtimeOf(ctx: AppContext): Runtime {
  let runtime = runtimes.get(ctx);
  if (!runtime) {
    const nodeId = randomBytes(6).toString('hex');
    const presence = ctx.redis ? new RedisPresence(ctx.redis, `${ctx.config.redisKeyPrefix}rt:`, nodeId) : new MemoryPresence();
    runtime = { nodeId, presence, hub: undefined };
    runtimes.set(ctx, runtime);
  }
  return runtime;
}

/** The node's `/cable` hub, when it runs the `realtime` role and realtime has started. */
export const hubOf = (ctx: AppContext): RealtimeHub | undefined => runtimes.get(ctx)?.hub;

export type Realtime = { stop(): Promise<void> };

/**
 * Starts realtime on a node. Every node hands the live events it commits to its own sockets and,
 * with Redis, publishes them once to the other nodes (per account channel); a node with the
 * `realtime` role serves `/cable` and listens to the accounts its sockets belong to.
 */
export function startRealtime(ctx: AppContext): Realtime {
  const runtime = runtimeOf(ctx);
  const topic = (accountId: number) => `account:${accountId}`;
  const fanout = ctx.redis
    ? new RedisFanout(ctx.redis, `${ctx.config.redisKeyPrefix}rt:`, runtime.nodeId, ctx.log, (_topic, message) => {
        for (const event of parseEvents(message)) runtime.hub?.receive(event);
      })
    : undefined;
  const hub = ctx.config.roles.has('realtime')
    ? new RealtimeHub(ctx, {
        presence: runtime.presence,
        ...(fanout ? { listen: { subscribe: (id: number) => fanout.subscribe(topic(id)), unsubscribe: (id: number) => fanout.unsubscribe(topic(id)) } } : {}),
      })
    : undefined;
  runtime.hub = hub;

  let stopped = false;
  ctx.outbox.onCommitted((events) => {
    if (stopped) return;
    // A transaction's events go to the other nodes as one message per account (a batch of
    // messages written together is one publish, not one per message).
    const byAccount = new Map<number, Pick<DomainEvent, 'name' | 'accountId' | 'payload' | 'realtime'>[]>();
    for (const event of events) {
      if (event.accountId == null || (!event.realtime && event.name !== ACCESS_CHANGED)) continue;
      hub?.receive(event);
      const { name, accountId, payload, realtime } = event;
      const theirs = byAccount.get(accountId) ?? [];
      if (theirs.length === 0) byAccount.set(accountId, theirs);
      theirs.push({ name, accountId, payload, realtime });
    }
    if (fanout) for (const [accountId, theirs] of byAccount) fanout.publish(topic(accountId), JSON.stringify(theirs));
  });

  return {
    async stop() {
      await hub?.stop();
      stopped = true;
      runtime.hub = undefined;
      await fanout?.close();
    },
  };
}

export type TypingInput = {
  accountId: number;
  inboxId: number;
  /** The conversation's push data. */
  conversation: Record<string, unknown>;
  /** Who types, as the push data of a user or a contact; `type` says which. */
  who: { type: 'user' | 'contact'; id: number } & Record<string, unknown>;
  /** An agent typing a private note. */
  isPrivate?: boolean;
  on: boolean;
  /** The conversation's contact-inbox token: the contact sees an agent typing a public reply. */
  contactPubsubToken?: string | null;
};

/**
 * `conversation.typing_on` / `typing_off`, live only, to the inbox's agents (not the one typing)
 * and, when an agent types a public reply, to the contact. As in Chatwoot the typist is under
 * `user` whether agent or contact.
 */
export function announceTyping(ctx: AppContext, input: TypingInput): void {
  const isPrivate = input.isPrivate ?? false;
  const toContact = input.who.type === 'user' && !isPrivate;
  ctx.outbox.announce({
    name: input.on ? 'conversation.typing_on' : 'conversation.typing_off',
    accountId: input.accountId,
    payload: {
      account_id: input.accountId,
      inbox_id: input.inboxId,
      conversation: input.conversation,
      user: input.who,
      is_private: isPrivate,
    },
    realtime: { inboxId: input.inboxId, contactPubsubToken: toContact ? (input.contactPubsubToken ?? null) : null, private: isPrivate },
  });
}

/**
 * Call after committing a change to who sees which inboxes (inbox members, an agent's role, an
 * agent leaving the account): every node forgets the inbox access it cached for those users (all
 * of the account's when `userIds` is omitted) instead of trusting it a few more seconds.
 */
export function inboxAccessChanged(ctx: AppContext, accountId: number, userIds?: number[]): void {
  ctx.outbox.announce({ name: ACCESS_CHANGED, accountId, payload: { account_id: accountId, ...(userIds ? { user_ids: userIds } : {}) } });
}

export type AgentPresenceInput = { userId: number; availability: Availability; autoOffline: boolean };

/**
 * The agents' `availability_status` as Chatwoot shows it: while connected to `/cable` (on any
 * node), the status they chose (stored, or set over the socket); while not, offline — unless they
 * turned `auto_offline` off.
 */
export async function agentAvailabilities(ctx: AppContext, accountId: number, members: AgentPresenceInput[]): Promise<Map<number, Availability>> {
  // Without Redis for a moment nobody looks connected: the API answers rather than failing.
  const state = await runtimeOf(ctx)
    .presence.read(accountId)
    .catch((error: unknown) => {
      ctx.log.warn({ err: error }, 'realtime: presence unavailable');
      return { users: new Map(), contacts: new Set<number>() };
    });
  return new Map(members.map((member) => [member.userId, availabilityOf(state, member)]));
}

export async function agentAvailability(ctx: AppContext, accountId: number, member: AgentPresenceInput): Promise<Availability> {
  return (await agentAvailabilities(ctx, accountId, [member])).get(member.userId) ?? 'offline';
}

/**
 * Call after an agent's stored availability or `auto_offline` changed (agents or profile API): the
 * account's agents get a fresh `presence.update`.
 */
export async function availabilityChanged(ctx: AppContext, accountId: number): Promise<void> {
  const payload = await presencePayload(ctx.db, runtimeOf(ctx).presence, accountId);
  ctx.outbox.announce({ name: 'presence.update', accountId, payload, realtime: {} });
}

/** The events of a message from another node: an array of them (or, from an older node, one). */
function parseEvents(message: string): DomainEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return [];
  }
  const isEvent = (e: unknown): e is DomainEvent => {
    const event = e as DomainEvent | null;
    return typeof event === 'object' && event !== null && typeof event.name === 'string' && typeof event.accountId === 'number' && typeof event.payload === 'object';
  };
  return (Array.isArray(parsed) ? parsed : [parsed]).filter(isEvent);
}
