import type { DomainEvent } from '../../platform/outbox/types';
import type { InboxAccess } from '../inboxes/access';

/** How long an agent's inbox access is trusted without asking the database again. */
export const ACCESS_TTL_MS = 5000;
/** From this age on, a cached access is refreshed in the background while it is still used. */
const ACCESS_REFRESH_AFTER_MS = 3000;

/**
 * Contacts never see private notes, activity messages (message_type 2) or private typing, whatever
 * the audience says: checked on the payload too, in case a caller forgot `private`.
 */
export function hiddenFromContacts(event: DomainEvent): boolean {
  const payload = event.payload;
  if (event.realtime?.private || payload.private === true || payload.is_private === true) return true;
  return event.name.startsWith('message.') && (payload.message_type === 2 || payload.message_type === 'activity');
}

/**
 * What a contact's socket receives of an event. Messages go out in their public shape (as the
 * widget and client APIs answer them), and a contact who wrote is named by id only: the session
 * may have joined a known contact without proving it is them (widget, unverified), and must not
 * learn that contact's name, email, phone or attributes from the echo of its own message.
 */
export function contactPayload(event: DomainEvent): Record<string, unknown> {
  if (!event.name.startsWith('message.')) return event.payload;
  const m = event.payload;
  const sender = m.sender as { id?: unknown; name?: unknown; available_name?: unknown; thumbnail?: unknown; type?: unknown } | null | undefined;
  const shownSender = !sender
    ? null
    : sender.type === 'contact'
      ? { id: sender.id, type: 'contact' }
      : { id: sender.id, name: sender.available_name ?? sender.name, thumbnail: sender.thumbnail ?? '', type: sender.type };
  return {
    id: m.id,
    content: m.content,
    message_type: m.message_type,
    content_type: m.content_type,
    content_attributes: m.content_attributes,
    created_at: m.created_at,
    conversation_id: m.conversation_id,
    status: m.status,
    attachments: m.attachments,
    reactions: m.reactions,
    sender: shownSender,
  };
}

/** Typing indicators are not echoed to the agent who types (as Chatwoot). */
export function typingUserId(event: DomainEvent): number | undefined {
  if (!event.name.startsWith('conversation.typing_')) return undefined;
  const user = event.payload.user as { type?: unknown; id?: unknown } | undefined;
  return user?.type === 'user' && typeof user.id === 'number' ? user.id : undefined;
}

/** `null`: not (or no longer) a member of the account. */
export type AgentAccess = InboxAccess | null;

type Entry = { access: AgentAccess | undefined; loadedAt: number; loading: Promise<void> | undefined };

/**
 * Which inboxes each connected agent may see, per account, kept a few seconds. Old entries are
 * refreshed in the background while events flow; past ACCESS_TTL_MS an entry must be reloaded
 * before it is used, so a removed agent stops receiving within that time (at once on the nodes
 * told through `inboxAccessChanged`).
 */
export class AccessCache {
  private readonly accounts = new Map<number, Map<number, Entry>>();

  constructor(
    private readonly load: (accountId: number, userId: number) => Promise<AgentAccess>,
    private readonly onError: (error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The access if known recently enough; `undefined` means `ensure` it first. */
  peek(accountId: number, userId: number): AgentAccess | undefined {
    const entry = this.accounts.get(accountId)?.get(userId);
    if (!entry || entry.access === undefined) return undefined;
    const age = this.now() - entry.loadedAt;
    if (age >= ACCESS_TTL_MS) return undefined;
    if (age >= ACCESS_REFRESH_AFTER_MS) void this.reload(accountId, userId, entry).catch(this.onError);
    return entry.access;
  }

  /** Loads what is missing or too old; shares loads already running. */
  async ensure(accountId: number, userIds: Iterable<number>): Promise<void> {
    const loads: Promise<void>[] = [];
    for (const userId of userIds) {
      if (this.peek(accountId, userId) !== undefined) continue;
      let entry = this.accounts.get(accountId)?.get(userId);
      if (!entry) entry = this.put(accountId, userId, { access: undefined, loadedAt: 0, loading: undefined });
      loads.push(this.reload(accountId, userId, entry));
    }
    await Promise.all(loads);
  }

  /** Seeds the cache with an access just read (at subscribe). */
  set(accountId: number, userId: number, access: AgentAccess): void {
    this.put(accountId, userId, { access, loadedAt: this.now(), loading: undefined });
  }

  /** Drops the account's entries (or these users'): the next event reloads them. */
  forget(accountId: number, userIds?: number[]): void {
    if (!userIds) {
      this.accounts.delete(accountId);
      return;
    }
    const entries = this.accounts.get(accountId);
    for (const userId of userIds) entries?.delete(userId);
    if (entries?.size === 0) this.accounts.delete(accountId);
  }

  private put(accountId: number, userId: number, entry: Entry): Entry {
    let entries = this.accounts.get(accountId);
    if (!entries) {
      entries = new Map();
      this.accounts.set(accountId, entries);
    }
    entries.set(userId, entry);
    return entry;
  }

  private reload(accountId: number, userId: number, entry: Entry): Promise<void> {
    entry.loading ??= this.load(accountId, userId)
      .then((access) => {
        // Forgotten meanwhile: what was read may predate the change, let the next event reload.
        if (this.accounts.get(accountId)?.get(userId) !== entry) return;
        entry.access = access;
        entry.loadedAt = this.now();
      })
      .finally(() => {
        entry.loading = undefined;
      });
    return entry.loading;
  }
}
