import { WebSocket, type RawData } from 'ws';
import type { AppContext } from '../../context';
import type { Availability } from '../../db/schema';
import type { DomainEvent } from '../../platform/outbox/types';
import {
  confirmFrame,
  messageFrame,
  parseClientFrame,
  PING_INTERVAL_MS,
  pingFrame,
  rejectFrame,
  welcomeFrame,
} from '../../platform/realtime/action-cable';
import { canAccessInbox } from '../inboxes/access';
import { AccessCache, contactPayload, hiddenFromContacts, typingUserId } from './audience';
import { isAvailability, PRESENCE_REFRESH_MS, presencePayload, type PresenceMember, type PresenceStore } from './presence';
import { loadAgentAccess, resolveSubscriber, type Subscriber } from './room-channel';

/** A client needs one; the dashboard of a multi-account user a few. */
const MAX_SUBSCRIPTIONS_PER_CONNECTION = 16;
/** A client this far behind stopped reading: drop it (it reconnects and resyncs from the API). */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** Presence changes of one account within this window go out as one `presence.update`. */
const PRESENCE_DEBOUNCE_MS = 100;
/** Answers to `update_presence` (every client, every ~20 s) share one read per account this long. */
const PRESENCE_REPLY_CACHE_MS = 1000;

type PresencePayload = Awaited<ReturnType<typeof presencePayload>>;

type Connection = { socket: WebSocket; subscriptions: Map<string, Subscription>; pending: Set<string>; closed: boolean };

type Subscription = Subscriber & {
  connection: Connection;
  identifier: string;
  /** The identifier as it appears in every frame, serialised once. */
  identifierJson: string;
  /** Receives events only once `confirm_subscription` went out. */
  confirmed: boolean;
};
type AgentSubscription = Extract<Subscription, { kind: 'user' }>;
type ContactSubscription = Extract<Subscription, { kind: 'contact' }>;

/** What this node serves of one account: its subscriptions, and its members' presence. */
type Room = {
  accountId: number;
  agents: Set<AgentSubscription>;
  contacts: Map<string, Set<ContactSubscription>>;
  /** Members connected through this node, how many subscriptions each, and the status they set. */
  present: Map<string, { member: PresenceMember; count: number; status?: Availability }>;
  /** The node's subscription to the account's events from other nodes. */
  listening: Promise<void>;
  /** Deliveries waiting for inbox access to load, kept in commit order. */
  queue: Promise<void> | undefined;
};

export type HubOptions = {
  presence: PresenceStore;
  /** Subscribe to an account's events from other nodes (Redis); absent on a single node. */
  listen?: { subscribe(accountId: number): Promise<void>; unsubscribe(accountId: number): void };
};

/**
 * The `/cable` side of a node: its websocket connections speaking ActionCable, their `RoomChannel`
 * subscriptions grouped per account, delivery of live events to them, and their presence.
 */
export class RealtimeHub {
  private readonly connections = new Set<Connection>();
  private readonly rooms = new Map<number, Room>();
  private readonly access: AccessCache;
  private readonly presence: PresenceStore;
  private readonly presenceDue = new Map<number, NodeJS.Timeout>();
  private readonly presenceReplies = new Map<number, { at: number; payload: Promise<PresencePayload> }>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly timers: NodeJS.Timeout[];
  private stopping = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly options: HubOptions,
  ) {
    this.presence = options.presence;
    this.access = new AccessCache(
      (accountId, userId) => loadAgentAccess(ctx.db, accountId, userId),
      (error) => ctx.log.warn({ err: error }, 'realtime: inbox access refresh failed'),
    );
    this.timers = [setInterval(() => this.ping(), PING_INTERVAL_MS), setInterval(() => this.refreshPresence(), PRESENCE_REFRESH_MS)];
    for (const timer of this.timers) timer.unref();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Takes a new websocket: welcome, then ActionCable commands until it closes. */
  accept(socket: WebSocket): void {
    if (this.stopping) {
      socket.close(1001);
      return;
    }
    const connection: Connection = { socket, subscriptions: new Map(), pending: new Set(), closed: false };
    this.connections.add(connection);
    socket.on('message', (data, isBinary) => {
      if (!isBinary) this.onFrame(connection, text(data));
    });
    socket.on('close', () => this.disconnect(connection));
    socket.send(welcomeFrame());
  }

  /** A live event committed on this node or another: to the sockets that may see it. */
  receive(event: DomainEvent): void {
    if (this.stopping || event.accountId == null) return;
    if (event.name === ACCESS_CHANGED) {
      const userIds = event.payload.user_ids;
      this.access.forget(event.accountId, Array.isArray(userIds) ? userIds.filter((id): id is number => typeof id === 'number') : undefined);
      return;
    }
    const room = this.rooms.get(event.accountId);
    if (!room || !event.realtime) return;
    if (!room.queue && this.missingAccess(room, event).length === 0) {
      this.deliver(room, event);
      return;
    }
    const next = (room.queue ?? Promise.resolve())
      .then(async () => {
        // Twice at most: an entry forgotten while it loaded is loaded again once.
        for (let attempt = 0; attempt < 2; attempt++) {
          const missing = this.missingAccess(room, event);
          if (missing.length === 0) break;
          await this.access.ensure(room.accountId, missing);
        }
        this.deliver(room, event);
      })
      .catch((error: unknown) => this.ctx.log.error({ err: error, event: event.name }, 'realtime: delivery failed'));
    room.queue = next;
    void next.then(() => {
      if (room.queue === next) room.queue = undefined;
    });
  }

  /** Closes every socket, takes this node's members offline and tells the others. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearInterval(timer);
    for (const connection of [...this.connections]) {
      connection.socket.terminate();
      this.disconnect(connection);
    }
    await this.settle();
    const due = [...this.presenceDue.keys()];
    for (const timer of this.presenceDue.values()) clearTimeout(timer);
    this.presenceDue.clear();
    await Promise.allSettled(due.map((accountId) => this.broadcastPresence(accountId)));
  }

  /** Waits for the work started by frames and timers. */
  private async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private onFrame(connection: Connection, frame: string): void {
    const command = parseClientFrame(frame);
    if (!command) return;
    if (command.command === 'subscribe') {
      this.track(this.subscribe(connection, command.identifier, command.params));
      return;
    }
    const subscription = connection.subscriptions.get(command.identifier);
    if (!subscription) return;
    if (command.command === 'unsubscribe') {
      connection.subscriptions.delete(command.identifier);
      this.leave(subscription);
    } else if (command.data.action === 'update_presence' && subscription.confirmed) {
      this.track(this.updatePresence(subscription, command.data));
    }
  }

  private async subscribe(connection: Connection, identifier: string, params: Record<string, unknown>): Promise<void> {
    if (connection.subscriptions.has(identifier)) {
      this.send(connection, confirmFrame(identifier));
      return;
    }
    if (connection.pending.has(identifier)) return;
    if (connection.subscriptions.size + connection.pending.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
      this.send(connection, rejectFrame(identifier));
      return;
    }
    connection.pending.add(identifier);
    try {
      const subscriber = await resolveSubscriber(this.ctx.db, params).catch((error: unknown) => {
        this.ctx.log.error({ err: error }, 'realtime: subscribe failed');
        return undefined;
      });
      if (connection.closed || this.stopping) return;
      if (!subscriber) {
        this.send(connection, rejectFrame(identifier));
        return;
      }
      const subscription = { ...subscriber, connection, identifier, identifierJson: JSON.stringify(identifier), confirmed: false } as Subscription;
      connection.subscriptions.set(identifier, subscription);
      const room = this.join(subscription);
      // Confirmed means "you get what happens from now on", on every node.
      await room.listening;
      if (connection.subscriptions.get(identifier) !== subscription) return;
      subscription.confirmed = true;
      this.send(connection, confirmFrame(identifier));
      // As Chatwoot: a new subscriber learns at once who is online (the widget shows available agents).
      await this.sendPresence(subscription);
    } finally {
      connection.pending.delete(identifier);
    }
  }

  private join(subscription: Subscription): Room {
    const accountId = subscription.accountId;
    let room = this.rooms.get(accountId);
    if (!room) {
      room = {
        accountId,
        agents: new Set(),
        contacts: new Map(),
        present: new Map(),
        listening: this.options.listen?.subscribe(accountId) ?? Promise.resolve(),
        queue: undefined,
      };
      this.rooms.set(accountId, room);
    }
    if (subscription.kind === 'user') {
      room.agents.add(subscription);
      this.access.set(accountId, subscription.userId, subscription.access);
    } else {
      let subscriptions = room.contacts.get(subscription.pubsubToken);
      if (!subscriptions) {
        subscriptions = new Set();
        room.contacts.set(subscription.pubsubToken, subscriptions);
      }
      subscriptions.add(subscription);
    }
    const member = memberOf(subscription);
    const key = `${member.kind}:${member.id}`;
    const present = room.present.get(key);
    if (present) present.count++;
    else {
      room.present.set(key, { member, count: 1 });
      this.track(this.presence.refresh(accountId, [member]).then(() => this.presenceChanged(accountId)));
    }
    return room;
  }

  private leave(subscription: Subscription): void {
    const accountId = subscription.accountId;
    const room = this.rooms.get(accountId);
    if (!room) return;
    if (subscription.kind === 'user') room.agents.delete(subscription);
    else {
      const subscriptions = room.contacts.get(subscription.pubsubToken);
      subscriptions?.delete(subscription);
      if (subscriptions?.size === 0) room.contacts.delete(subscription.pubsubToken);
    }
    const member = memberOf(subscription);
    const key = `${member.kind}:${member.id}`;
    const present = room.present.get(key);
    if (present && --present.count === 0) {
      room.present.delete(key);
      if (member.kind === 'user') this.access.forget(accountId, [member.id]);
      this.track(this.presence.remove(accountId, [member]).then(() => this.presenceChanged(accountId)));
    }
    if (room.agents.size === 0 && room.contacts.size === 0) {
      this.rooms.delete(accountId);
      this.presenceReplies.delete(accountId);
      this.options.listen?.unsubscribe(accountId);
    }
  }

  private disconnect(connection: Connection): void {
    if (connection.closed) return;
    connection.closed = true;
    this.connections.delete(connection);
    for (const subscription of connection.subscriptions.values()) this.leave(subscription);
    connection.subscriptions.clear();
  }

  /** Agents whose inbox access must be loaded before the event can be delivered. */
  private missingAccess(room: Room, event: DomainEvent): number[] {
    const audience = event.realtime;
    if (!audience || audience.agents === false || audience.userIds) return [];
    const missing = new Set<number>();
    for (const subscription of room.agents) {
      if (this.access.peek(room.accountId, subscription.userId) === undefined) missing.add(subscription.userId);
    }
    return [...missing];
  }

  private deliver(room: Room, event: DomainEvent): void {
    const audience = event.realtime;
    if (!audience) return;
    let messageJson: string | undefined;
    const message = () => (messageJson ??= JSON.stringify({ event: event.name, data: event.payload }));

    if (audience.agents !== false && room.agents.size > 0) {
      const only = audience.userIds ? new Set(audience.userIds) : undefined;
      const typist = typingUserId(event);
      for (const subscription of room.agents) {
        if (!subscription.confirmed || subscription.userId === typist) continue;
        if (only) {
          if (!only.has(subscription.userId)) continue;
        } else {
          const access = this.access.peek(room.accountId, subscription.userId);
          if (!access || (audience.inboxId != null && !canAccessInbox(access, audience.inboxId))) continue;
        }
        this.send(subscription.connection, messageFrame(subscription.identifierJson, message()));
      }
    }

    const token = audience.contactPubsubToken;
    if (token && !hiddenFromContacts(event)) {
      let contactJson: string | undefined;
      for (const subscription of room.contacts.get(token) ?? []) {
        contactJson ??= JSON.stringify({ event: event.name, data: contactPayload(event) });
        if (subscription.confirmed) this.send(subscription.connection, messageFrame(subscription.identifierJson, contactJson));
      }
    }
  }

  private send(connection: Connection, frame: string): void {
    const socket = connection.socket;
    if (socket.readyState !== WebSocket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.terminate();
      return;
    }
    socket.send(frame);
  }

  private ping(): void {
    const frame = pingFrame();
    for (const connection of this.connections) this.send(connection, frame);
  }

  /** Keeps this node's members present; notices members of dead nodes that expired. */
  private refreshPresence(): void {
    for (const room of this.rooms.values()) {
      const members = [...room.present.values()].map((p) => p.member);
      if (members.length === 0) continue;
      this.track(
        this.presence.refresh(room.accountId, members).then((expired) => {
          if (expired) this.presenceChanged(room.accountId);
        }),
      );
    }
  }

  /** `update_presence`: still here (and, for agents, maybe a new status); answered with who is online. */
  private async updatePresence(subscription: Subscription, data: Record<string, unknown>): Promise<void> {
    const member = memberOf(subscription);
    await this.presence.refresh(subscription.accountId, [member]);
    const status = data.userStatus === 'available' ? 'online' : data.userStatus;
    const present = this.rooms.get(subscription.accountId)?.present.get(`${member.kind}:${member.id}`);
    if (subscription.kind === 'user' && isAvailability(status) && present && present.status !== status) {
      present.status = status;
      await this.presence.setStatus(subscription.accountId, subscription.userId, status);
      this.presenceChanged(subscription.accountId);
    }
    await this.sendPresence(subscription);
  }

  private async sendPresence(subscription: Subscription): Promise<void> {
    const payload = await this.presenceReply(subscription.accountId).catch((error: unknown) => {
      this.ctx.log.warn({ err: error }, 'realtime: presence unavailable');
    });
    if (!payload) return;
    // Contacts (the widget) learn which agents are available, not who else is on the site.
    const shown = subscription.kind === 'user' ? payload : { account_id: payload.account_id, users: payload.users };
    this.send(subscription.connection, messageFrame(subscription.identifierJson, JSON.stringify({ event: 'presence.update', data: shown })));
  }

  private presenceReply(accountId: number): Promise<PresencePayload> {
    const cached = this.presenceReplies.get(accountId);
    if (cached && Date.now() - cached.at < PRESENCE_REPLY_CACHE_MS) return cached.payload;
    const payload = presencePayload(this.ctx.db, this.presence, accountId);
    this.presenceReplies.set(accountId, { at: Date.now(), payload });
    payload.catch(() => this.presenceReplies.delete(accountId));
    return payload;
  }

  private presenceChanged(accountId: number): void {
    this.presenceReplies.delete(accountId);
    if (this.presenceDue.has(accountId)) return;
    const timer = setTimeout(() => {
      this.presenceDue.delete(accountId);
      this.track(this.broadcastPresence(accountId));
    }, PRESENCE_DEBOUNCE_MS);
    timer.unref();
    this.presenceDue.set(accountId, timer);
  }

  /** Tells the account's agents on every node who is online now. */
  private async broadcastPresence(accountId: number): Promise<void> {
    const payload = await presencePayload(this.ctx.db, this.presence, accountId);
    this.ctx.outbox.announce({ name: 'presence.update', accountId, payload, realtime: {} });
  }

  private track(work: Promise<unknown>): void {
    // Presence and access look-ups fail while Redis or the database is away; the next ones retry.
    const tracked = work.catch((error: unknown) => this.ctx.log.warn({ err: error }, 'realtime: background work failed'));
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }
}

/** A live-only event telling every node to forget cached inbox access (see `inboxAccessChanged`). */
export const ACCESS_CHANGED = 'realtime.access_changed';

function memberOf(subscription: Subscription): PresenceMember {
  return subscription.kind === 'user' ? { kind: 'user', id: subscription.userId } : { kind: 'contact', id: subscription.contactId };
}

function text(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}
