import type { Message } from './api';

/** Agent replies (outgoing) and templates (CSAT and other bot messages). */
export const isAgent = (m: Message) => m.message_type === 1 || m.message_type === 3;

/**
 * The conversation as the widget shows it after `fresh` came from the server: every message once
 * (the server's version wins), oldest first. Used after a live event and after a resync, when the
 * socket (re)connects and may have missed what was sent meanwhile.
 */
export function mergeMessages(list: Message[], fresh: Message[]): Message[] {
  const byId = new Map<number, Message>();
  for (const m of list) byId.set(m.id, m);
  for (const m of fresh) byId.set(m.id, { ...byId.get(m.id), ...m });
  return [...byId.values()].sort((a, b) => a.created_at - b.created_at || a.id - b.id);
}

/** The agent messages of `fresh` the visitor was not told about yet (`seen` is updated). */
export function unseenAgentMessages(seen: Set<number>, fresh: Message[]): Message[] {
  const unseen = fresh.filter((m) => !seen.has(m.id) && isAgent(m));
  for (const m of fresh) seen.add(m.id);
  return unseen;
}
