import type { accountUsers, contacts, teams, users } from '../../db/schema';
import { presentAgent } from '../agents/presenter';
import { unixSeconds as unix } from '../../platform/time';
import { presentContact } from '../contacts/presenter';
import { availableName } from '../users/service';
import type { ConversationRow, Related } from './repository';

export const PRIORITY_NAMES = [null, 'low', 'medium', 'high', 'urgent'] as const;

/** Chatwoot names channels by their class. */
export const CHANNEL_CLASS = { web_widget: 'Channel::WebWidget', api: 'Channel::Api' } as const;

type ContactRow = typeof contacts.$inferSelect;
type UserRow = typeof users.$inferSelect;
type TeamRow = typeof teams.$inferSelect;

/** A contact as conversations and messages show their sender: the contact, without its inboxes. */
export function presentContactSender(contact: ContactRow) {
  const { contact_inboxes: _inboxes, ...sender } = presentContact(contact, []);
  return sender;
}

/** An agent as conversations and messages show them. */
export function presentUserSender(user: UserRow) {
  return {
    id: user.id,
    name: user.name,
    available_name: availableName(user),
    avatar_url: user.avatarUrl ?? '',
    thumbnail: user.avatarUrl ?? '',
    availability_status: 'offline',
    type: 'user',
  };
}

type MembershipRow = typeof accountUsers.$inferSelect;

/**
 * The assignee as Chatwoot shows one (its agent card): who they are, their role and settings —
 * never their tokens. Live presence comes separately (`presence.update`); here an agent with
 * auto-offline shows offline.
 */
export function presentAssignee(user: UserRow, membership: MembershipRow | undefined) {
  if (!membership) return { ...presentUserSender(user), email: user.email, confirmed: user.confirmedAt !== null, provider: 'email' };
  return {
    ...presentAgent({ ...membership, user }, membership.autoOffline ? 'offline' : membership.availability),
    avatar_url: user.avatarUrl ?? '',
    provider: 'email',
    type: 'user',
  };
}

export function presentTeam(team: TeamRow) {
  return { id: team.id, name: team.name, description: team.description, allow_auto_assign: team.allowAutoAssign, account_id: team.accountId };
}

/** A conversation as Chatwoot's list, show and realtime events show it. */
export function presentConversation(conversation: ConversationRow, related: Related) {
  const contactInboxRow = conversation.contactInboxId === null ? undefined : related.contactInboxes.get(conversation.contactInboxId);
  // The stored preview leaves out its conversation part, which would go stale: rebuild it here.
  const lastMessage = conversation.lastMessage
    ? {
        ...conversation.lastMessage,
        conversation: {
          assignee_id: conversation.assigneeId,
          unread_count: conversation.unreadCount,
          last_activity_at: unix(conversation.lastActivityAt),
          contact_inbox: { source_id: contactInboxRow?.sourceId ?? null },
        },
      }
    : null;
  const contact = related.contacts.get(conversation.contactId);
  const assignee = conversation.assigneeId === null ? undefined : related.users.get(conversation.assigneeId);
  const team = conversation.teamId === null ? undefined : related.teams.get(conversation.teamId);
  const inbox = related.inboxes.get(conversation.inboxId);
  const contactInbox = contactInboxRow;
  const channel = inbox ? CHANNEL_CLASS[inbox.channelType] : null;
  return {
    id: conversation.displayId,
    uuid: conversation.uuid,
    account_id: conversation.accountId,
    inbox_id: conversation.inboxId,
    status: conversation.status,
    priority: PRIORITY_NAMES[conversation.priority ?? 0] ?? null,
    labels: conversation.labels,
    muted: conversation.muted,
    snoozed_until: unix(conversation.snoozedUntil),
    unread_count: conversation.unreadCount,
    can_reply: conversation.status !== 'resolved' || (inbox?.allowMessagesAfterResolved ?? true),
    channel,
    contact_inbox: contactInbox ? { source_id: contactInbox.sourceId, inbox_id: contactInbox.inboxId } : null,
    additional_attributes: conversation.additionalAttributes,
    custom_attributes: conversation.customAttributes,
    messages: lastMessage ? [lastMessage] : [],
    last_non_activity_message: lastMessage,
    meta: {
      sender: contact ? presentContactSender(contact) : null,
      assignee: assignee ? presentAssignee(assignee, related.memberships.get(assignee.id)) : null,
      team: team ? presentTeam(team) : null,
      channel,
      hmac_verified: contactInbox?.hmacVerified ?? false,
    },
    agent_last_seen_at: unix(conversation.agentLastSeenAt),
    assignee_last_seen_at: unix(conversation.assigneeLastSeenAt),
    contact_last_seen_at: unix(conversation.contactLastSeenAt),
    first_reply_created_at: unix(conversation.firstReplyCreatedAt),
    waiting_since: unix(conversation.waitingSince),
    last_activity_at: unix(conversation.lastActivityAt),
    timestamp: unix(conversation.lastActivityAt),
    created_at: unix(conversation.createdAt),
    updated_at: unix(conversation.updatedAt),
    sla_policy_id: null,
    applied_sla: null,
    sla_events: [],
  };
}
export type ConversationJson = ReturnType<typeof presentConversation>;
