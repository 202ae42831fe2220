import type { Redis } from 'ioredis';
import type { Executor } from '../../db/client';
import { AVAILABILITIES, type Availability } from '../../db/schema';
import * as accounts from '../accounts/service';

/** How long a presence lasts without a refresh: a node that dies takes its sockets offline after this. */
export const PRESENCE_TTL_MS = 30_000;
/** How often a node refreshes the presence of its connected sockets. */
export const PRESENCE_REFRESH_MS = 10_000;

/** Someone connected to `/cable`: an agent (user) or a contact. */
export type PresenceMember = { kind: 'user' | 'contact'; id: number };

/** Who is connected to an account now, on any node. */
export type PresenceState = {
  /** Connected users, with the status they set over the socket (`update_presence`), if any. */
  users: Map<number, Availability | undefined>;
  contacts: Set<number>;
};

/**
 * Presence of connected sockets, per account. Each node marks its own members with an expiry and
 * refreshes them while connected; entries of a node that stops refreshing expire by themselves.
 */
export interface PresenceStore {
  /** Marks members present (through this node) for another TTL; true when others' entries had expired. */
  refresh(accountId: number, members: PresenceMember[]): Promise<boolean>;
  remove(accountId: number, members: PresenceMember[]): Promise<void>;
  setStatus(accountId: number, userId: number, status: Availability): Promise<void>;
  read(accountId: number): Promise<PresenceState>;
}

export const isAvailability = (value: unknown): value is Availability => (AVAILABILITIES as readonly unknown[]).includes(value);

/** Single-node presence (embedded mode, no Redis). */
export class MemoryPresence implements PresenceStore {
  private readonly accounts = new Map<number, { members: Map<string, number>; statuses: Map<number, Availability> }>();

  constructor(
    private readonly ttlMs = PRESENCE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async refresh(accountId: number, members: PresenceMember[]): Promise<boolean> {
    const account = this.account(accountId);
    const swept = this.sweep(account.members);
    const expiresAt = this.now() + this.ttlMs;
    for (const member of members) account.members.set(memberKey(member), expiresAt);
    return swept;
  }

  async remove(accountId: number, members: PresenceMember[]): Promise<void> {
    const account = this.accounts.get(accountId);
    if (!account) return;
    for (const member of members) account.members.delete(memberKey(member));
    if (account.members.size === 0) this.accounts.delete(accountId);
  }

  async setStatus(accountId: number, userId: number, status: Availability): Promise<void> {
    this.account(accountId).statuses.set(userId, status);
  }

  async read(accountId: number): Promise<PresenceState> {
    const state: PresenceState = { users: new Map(), contacts: new Set() };
    const account = this.accounts.get(accountId);
    if (!account) return state;
    this.sweep(account.members);
    for (const key of account.members.keys()) {
      const member = parseMember(key);
      if (member?.kind === 'user') state.users.set(member.id, account.statuses.get(member.id));
      else if (member) state.contacts.add(member.id);
    }
    for (const userId of account.statuses.keys()) if (!state.users.has(userId)) account.statuses.delete(userId);
    return state;
  }

  private account(accountId: number) {
    let account = this.accounts.get(accountId);
    if (!account) {
      account = { members: new Map(), statuses: new Map() };
      this.accounts.set(accountId, account);
    }
    return account;
  }

  private sweep(members: Map<string, number>): boolean {
    const now = this.now();
    let swept = false;
    for (const [key, expiresAt] of members) {
      if (expiresAt <= now) {
        members.delete(key);
        swept = true;
      }
    }
    return swept;
  }
}

/**
 * Presence shared by every node through Redis: per account a sorted set of `kind:id:node` scored
 * by expiry time, and a hash of the statuses users set over the socket.
 */
export class RedisPresence implements PresenceStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly nodeId: string,
    private readonly ttlMs = PRESENCE_TTL_MS,
  ) {}

  async refresh(accountId: number, members: PresenceMember[]): Promise<boolean> {
    const key = this.membersKey(accountId);
    const now = Date.now();
    const pipeline = this.redis.multi().zremrangebyscore(key, '-inf', now);
    if (members.length > 0) {
      pipeline.zadd(key, ...members.flatMap((m) => [now + this.ttlMs, this.entry(m)]));
      pipeline.pexpire(key, this.ttlMs * 2).pexpire(this.statusKey(accountId), this.ttlMs * 2);
    }
    const results = await pipeline.exec();
    return Number(results?.[0]?.[1] ?? 0) > 0;
  }

  async remove(accountId: number, members: PresenceMember[]): Promise<void> {
    if (members.length === 0) return;
    await this.redis.zrem(this.membersKey(accountId), ...members.map((m) => this.entry(m)));
  }

  async setStatus(accountId: number, userId: number, status: Availability): Promise<void> {
    const key = this.statusKey(accountId);
    await this.redis.multi().hset(key, String(userId), status).pexpire(key, this.ttlMs * 2).exec();
  }

  async read(accountId: number): Promise<PresenceState> {
    const statusKey = this.statusKey(accountId);
    const [entries, statuses] = await Promise.all([
      this.redis.zrangebyscore(this.membersKey(accountId), Date.now(), '+inf'),
      this.redis.hgetall(statusKey),
    ]);
    const state: PresenceState = { users: new Map(), contacts: new Set() };
    for (const entry of entries) {
      const member = parseMember(entry);
      if (member?.kind === 'user') {
        const status = statuses[String(member.id)];
        state.users.set(member.id, isAvailability(status) ? status : undefined);
      } else if (member) state.contacts.add(member.id);
    }
    // A status lasts while its user is connected somewhere.
    const stale = Object.keys(statuses).filter((id) => !state.users.has(Number(id)));
    if (stale.length > 0) await this.redis.hdel(statusKey, ...stale);
    return state;
  }

  private membersKey = (accountId: number) => `${this.prefix}presence:${accountId}`;
  private statusKey = (accountId: number) => `${this.prefix}presence:${accountId}:status`;
  private entry = (member: PresenceMember) => `${memberKey(member)}:${this.nodeId}`;
}

/**
 * An agent's availability as the API shows it (`availability_status`): while connected, the status
 * set over the socket or else the one stored; while not connected, offline — unless the agent turned
 * `auto_offline` off, then the stored one.
 */
export function availabilityOf(state: PresenceState, member: { userId: number; availability: Availability; autoOffline: boolean }): Availability {
  if (state.users.has(member.userId)) return state.users.get(member.userId) ?? member.availability;
  return member.autoOffline ? 'offline' : member.availability;
}

/** The `presence.update` payload: the account's available agents and its connected contacts. */
export async function presencePayload(db: Executor, store: PresenceStore, accountId: number) {
  const [state, members] = await Promise.all([store.read(accountId), accounts.listMembers(db, accountId)]);
  const users: Record<string, Availability> = {};
  for (const member of members) {
    if (state.users.has(member.userId) || !member.autoOffline) users[member.userId] = availabilityOf(state, member);
  }
  const contacts: Record<string, 'online'> = {};
  for (const id of state.contacts) contacts[id] = 'online';
  return { account_id: accountId, users, contacts };
}

const memberKey = (member: PresenceMember) => `${member.kind === 'user' ? 'u' : 'c'}:${member.id}`;

function parseMember(entry: string): PresenceMember | undefined {
  const [kind, id] = entry.split(':');
  const number = Number(id);
  if (!Number.isSafeInteger(number)) return undefined;
  if (kind === 'u') return { kind: 'user', id: number };
  if (kind === 'c') return { kind: 'contact', id: number };
  return undefined;
}
