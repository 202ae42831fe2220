import { unixSeconds } from '../../platform/time';
import type { NotificationRow } from './repository';
import { type Locale, preview, TITLES } from './texts';

export type PresentContext = {
  /** Conversation push data by conversation row id. */
  conversations: Map<number, Record<string, unknown> & { id: number }>;
  inboxNames: Map<number, string>;
  /** The recipient, as Chatwoot's user push data. */
  user: Record<string, unknown>;
  locale: Locale;
};

export function notificationTitle(row: NotificationRow, displayId: number, inboxName: string, locale: Locale): string {
  return TITLES[locale][row.notificationType]({ displayId, inbox: inboxName });
}

/** The line under the title: who wrote what, or the contact of the conversation. */
export function notificationBody(row: NotificationRow, conversation: Record<string, unknown> | undefined): string {
  const actor = row.secondaryActor;
  if (actor && row.secondaryActorType === 'Message') {
    const sender = actor.sender as { name?: unknown; available_name?: unknown } | null | undefined;
    const name = typeof sender?.available_name === 'string' ? sender.available_name : typeof sender?.name === 'string' ? sender.name : '';
    const content = typeof actor.content === 'string' ? preview(actor.content) : '';
    return name && content ? `${name}: ${content}` : content || name;
  }
  const contact = (conversation?.meta as { sender?: { name?: unknown } } | undefined)?.sender;
  return typeof contact?.name === 'string' ? contact.name : '';
}

/**
 * A notification as Chatwoot's API and `notification.*` events show it: the conversation as
 * `primary_actor` (its `id` is the display id), the message or the assigning agent as
 * `secondary_actor`, times as Unix seconds except `read_at` and `snoozed_until` (ISO, as Chatwoot).
 */
export function presentNotification(row: NotificationRow, c: PresentContext) {
  const conversation = c.conversations.get(row.conversationId);
  const displayId = conversation?.id ?? 0;
  const inboxId = typeof conversation?.inbox_id === 'number' ? conversation.inbox_id : undefined;
  return {
    id: row.id,
    notification_type: row.notificationType,
    push_message_title: notificationTitle(row, displayId, inboxId === undefined ? '' : (c.inboxNames.get(inboxId) ?? ''), c.locale),
    push_message_body: notificationBody(row, conversation),
    primary_actor_type: 'Conversation',
    primary_actor_id: displayId,
    primary_actor: conversation ?? null,
    secondary_actor_type: row.secondaryActorType,
    secondary_actor_id: row.secondaryActorId,
    secondary_actor: row.secondaryActor ?? null,
    read_at: row.readAt?.toISOString() ?? null,
    snoozed_until: row.snoozedUntil?.toISOString() ?? null,
    user: c.user,
    account_id: row.accountId,
    meta: row.meta,
    created_at: unixSeconds(row.createdAt)!,
    last_activity_at: unixSeconds(row.lastActivityAt)!,
  };
}

export type NotificationJson = ReturnType<typeof presentNotification>;
