import type { DomainEvent } from '../../platform/outbox/types';
import type { ConversationJson } from './presenter';
import type { ConversationRow } from './repository';

/** A conversation event for the inbox's agents (see docs/EVENTS.md). */
export function conversationEvent(name: string, conversation: ConversationRow, json: ConversationJson): DomainEvent {
  return { name, accountId: conversation.accountId, payload: json, realtime: { inboxId: conversation.inboxId } };
}

/** What the contact's widget hears of a status change: no agent-side details. */
export function contactStatusEvent(conversation: ConversationRow, pubsubToken: string | null): DomainEvent | undefined {
  if (!pubsubToken) return undefined;
  return {
    name: 'conversation.status_changed',
    accountId: conversation.accountId,
    payload: {
      id: conversation.displayId,
      account_id: conversation.accountId,
      inbox_id: conversation.inboxId,
      status: conversation.status,
      snoozed_until: conversation.snoozedUntil ? Math.floor(conversation.snoozedUntil.getTime() / 1000) : null,
    },
    realtime: { agents: false, contactPubsubToken: pubsubToken },
    liveOnly: true,
  };
}

/**
 * What the contact's widget hears when an agent reads the conversation: only when (the widget
 * shows its messages as read), never who read it or anything else of the conversation.
 */
export function contactReadEvent(conversation: ConversationRow, pubsubToken: string | null): DomainEvent | undefined {
  if (!pubsubToken) return undefined;
  return {
    name: 'conversation.read',
    accountId: conversation.accountId,
    payload: {
      id: conversation.displayId,
      inbox_id: conversation.inboxId,
      agent_last_seen_at: conversation.agentLastSeenAt ? Math.floor(conversation.agentLastSeenAt.getTime() / 1000) : null,
    },
    realtime: { agents: false, contactPubsubToken: pubsubToken },
    liveOnly: true,
  };
}
