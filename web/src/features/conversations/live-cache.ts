import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import { conversationKeys } from './conversation-keys';
import type { ListPage } from './conversations-api';
import type { ContactSummary, Conversation, ListFilter, Message, MessagesPage } from './conversation-types';
import { belongsToList, placeInPages } from './list-membership';

type ListData = InfiniteData<ListPage, unknown>;
type MessagesData = InfiniteData<MessagesPage, unknown>;

const filterOf = (key: QueryKey) => key[4] as ListFilter;

/** Puts a changed conversation everywhere the dashboard shows it: detail, every loaded list, counts. */
export function applyConversation(client: QueryClient, accountId: number, userId: number, conversation: Conversation): void {
  client.setQueryData<Conversation>(conversationKeys.detail(accountId, conversation.id), (old) => (old ? { ...old, ...conversation } : old));
  for (const [key, data] of client.getQueriesData<ListData>({ queryKey: conversationKeys.lists(accountId) })) {
    if (!data) continue;
    const filter = filterOf(key);
    const belongs = belongsToList(conversation, filter, userId);
    if (belongs === undefined) {
      void client.invalidateQueries({ queryKey: key, exact: true });
      continue;
    }
    const pages = placeInPages(
      data.pages.map((p) => p.conversations),
      conversation,
      belongs,
      filter.sort,
      !data.pages[data.pages.length - 1]?.hasMore,
    );
    client.setQueryData<ListData>(key, { ...data, pages: data.pages.map((p, i) => ({ ...p, conversations: pages[i] ?? [] })) });
  }
  void client.invalidateQueries({ queryKey: conversationKeys.counts(accountId) });
}

/** The freshest copy of a conversation the caches hold, if any. */
export function findConversation(client: QueryClient, accountId: number, id: number): Conversation | undefined {
  const detail = client.getQueryData<Conversation>(conversationKeys.detail(accountId, id));
  if (detail) return detail;
  for (const [, data] of client.getQueriesData<ListData>({ queryKey: conversationKeys.lists(accountId) })) {
    const found = data?.pages.flatMap((p) => p.conversations).find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

/** A new or changed message: into the open history, and as the list card's preview. */
export function applyMessage(client: QueryClient, accountId: number, userId: number, message: Message): void {
  client.setQueryData<MessagesData>(conversationKeys.messages(accountId, message.conversation_id), (old) => {
    if (!old) return old;
    let replaced = false;
    const pages = old.pages.map((page) => ({
      ...page,
      payload: page.payload.map((m) => {
        if (m.id !== message.id) return m;
        replaced = true;
        return message;
      }),
    }));
    if (!replaced && pages[0]) pages[0] = { ...pages[0], payload: [...pages[0].payload, message].sort((a, b) => a.id - b.id) };
    return { ...old, pages };
  });

  const conversation = findConversation(client, accountId, message.conversation_id);
  if (!conversation) {
    // A conversation no loaded list holds: the lists that should show it learn of it by refetching.
    void client.invalidateQueries({ queryKey: conversationKeys.lists(accountId) });
    void client.invalidateQueries({ queryKey: conversationKeys.counts(accountId) });
    return;
  }
  const latest = conversation.messages[0];
  const isNewer = !latest || latest.id <= message.id;
  const updated: Conversation = {
    ...conversation,
    messages: isNewer ? [message] : conversation.messages,
    last_non_activity_message: isNewer && message.message_type !== 2 ? message : conversation.last_non_activity_message,
    last_activity_at: message.conversation?.last_activity_at ?? conversation.last_activity_at,
    timestamp: message.conversation?.last_activity_at ?? conversation.timestamp,
    unread_count: message.conversation?.unread_count ?? conversation.unread_count,
  };
  applyConversation(client, accountId, userId, updated);
}

export type Typist = { id: number; name: string; type: 'user' | 'contact'; isPrivate: boolean };

const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
/** A typist who never says "off" (closed tab) stops showing after this long. */
const TYPING_EXPIRY_MS = 30_000;

export function applyTyping(client: QueryClient, accountId: number, conversationId: number, typist: Typist, on: boolean): void {
  const key = conversationKeys.typing(accountId, conversationId);
  const timerKey = `${accountId}:${conversationId}:${typist.type}:${typist.id}`;
  const existing = typingTimers.get(timerKey);
  if (existing) clearTimeout(existing);
  typingTimers.delete(timerKey);
  client.setQueryData<Typist[]>(key, (old = []) => {
    const others = old.filter((t) => !(t.id === typist.id && t.type === typist.type));
    return on ? [...others, typist] : others;
  });
  if (on) typingTimers.set(timerKey, setTimeout(() => applyTyping(client, accountId, conversationId, typist, false), TYPING_EXPIRY_MS));
}

export type Presence = { users: Record<string, string>; contacts: Record<string, string> };

export function applyPresence(client: QueryClient, accountId: number, presence: Presence): void {
  client.setQueryData<Presence>(conversationKeys.presence(accountId), presence);
}

/** The contact fields the workspace shows (card, header, details panel), as `contact.updated` carries them. */
const CONTACT_FIELDS = ['name', 'email', 'phone_number', 'thumbnail', 'avatar_url', 'identifier', 'additional_attributes', 'custom_attributes'] as const;

function mergeContact<T extends ContactSummary>(old: T, contact: Partial<ContactSummary> & { id: number }): T {
  const next = { ...old };
  for (const field of CONTACT_FIELDS) {
    if (field in contact) (next as Record<string, unknown>)[field] = contact[field];
  }
  return next;
}

const withSender = (conversation: Conversation, contact: Partial<ContactSummary> & { id: number }): Conversation =>
  conversation.meta.sender?.id === contact.id ? { ...conversation, meta: { ...conversation.meta, sender: mergeContact(conversation.meta.sender, contact) } } : conversation;

/**
 * A contact changed (another agent edited it): its own query, and every conversation card, header
 * and history showing it, take the new name, email, phone and attributes in place.
 */
export function applyContact(client: QueryClient, accountId: number, contact: Partial<ContactSummary> & { id: number }): void {
  client.setQueryData<{ payload: ContactSummary }>(conversationKeys.contact(accountId, contact.id), (old) =>
    old ? { ...old, payload: mergeContact(old.payload, contact) } : old,
  );
  for (const [key, data] of client.getQueriesData<Conversation>({ queryKey: [...conversationKeys.all(accountId), 'detail'] })) {
    if (data?.meta.sender?.id === contact.id) client.setQueryData(key, withSender(data, contact));
  }
  for (const [key, data] of client.getQueriesData<ListData>({ queryKey: conversationKeys.lists(accountId) })) {
    if (!data?.pages.some((p) => p.conversations.some((c) => c.meta.sender?.id === contact.id))) continue;
    client.setQueryData<ListData>(key, { ...data, pages: data.pages.map((p) => ({ ...p, conversations: p.conversations.map((c) => withSender(c, contact)) })) });
  }
  for (const [key, data] of client.getQueriesData<MessagesData>({ queryKey: [...conversationKeys.all(accountId), 'messages'] })) {
    if (!data?.pages.some((p) => p.meta.contact?.id === contact.id)) continue;
    client.setQueryData<MessagesData>(key, {
      ...data,
      pages: data.pages.map((p) => ({
        ...p,
        meta: { ...p.meta, contact: p.meta.contact ? mergeContact(p.meta.contact, contact) : p.meta.contact },
        payload: p.payload.map((m) =>
          m.sender_type === 'Contact' && m.sender?.id === contact.id && typeof contact.name === 'string' ? { ...m, sender: { ...m.sender, name: contact.name } } : m,
        ),
      })),
    });
  }
}
