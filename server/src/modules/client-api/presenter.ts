import type { contactInboxes, contacts } from '../../db/schema';
import { unixSeconds } from '../../platform/time';
import { seesContactDetails } from '../contacts/session-privacy';
import type { ConversationRow } from '../conversations/service';
import type { MessageJson } from '../messages/presenter';

type ContactRow = typeof contacts.$inferSelect;
type ContactInboxRow = typeof contactInboxes.$inferSelect;

/**
 * The contact as their own session sees themselves (the contract's `public_contact`). A session
 * that joined a contact the account already knew, without a valid `identifier_hash`, sees none of
 * that contact's details (see `seesContactDetails`): only what the caller gave itself.
 */
export function presentPublicContact(contact: ContactRow, contactInbox: ContactInboxRow, given: { name?: string | undefined; email?: string | null | undefined; phoneNumber?: string | null | undefined; identifier?: string | undefined } = {}) {
  const sees = seesContactDetails({ contact, contactInbox });
  return {
    id: contact.id,
    source_id: contactInbox.sourceId,
    pubsub_token: contactInbox.pubsubToken,
    name: sees ? contact.name : (given.name ?? ''),
    email: sees ? contact.email : (given.email ?? null),
    phone_number: sees ? contact.phoneNumber : (given.phoneNumber ?? null),
    identifier: sees ? contact.identifier : (given.identifier ?? null),
    custom_attributes: sees ? contact.customAttributes : {},
  };
}

/** A message as the contact sees it: no agent-side fields. */
export function presentPublicMessage(message: MessageJson) {
  const sender = message.sender as { id?: number; name?: string; available_name?: string; thumbnail?: string; type?: string } | null;
  return {
    id: message.id,
    content: message.content,
    message_type: message.message_type,
    content_type: message.content_type,
    content_attributes: message.content_attributes,
    created_at: message.created_at,
    conversation_id: message.conversation_id,
    status: message.status,
    attachments: message.attachments,
    reactions: message.reactions,
    sender: sender && {
      id: sender.id,
      name: sender.available_name ?? sender.name,
      thumbnail: sender.thumbnail ?? '',
      type: sender.type,
    },
  };
}
export type PublicMessageJson = ReturnType<typeof presentPublicMessage>;

/** A conversation as the contact sees it (the contract's `public_conversation`). */
export function presentPublicConversation(conversation: ConversationRow, contact: ContactRow, messages: PublicMessageJson[]) {
  return {
    id: conversation.displayId,
    uuid: conversation.uuid,
    inbox_id: conversation.inboxId,
    status: conversation.status,
    contact_last_seen_at: unixSeconds(conversation.contactLastSeenAt),
    agent_last_seen_at: unixSeconds(conversation.agentLastSeenAt),
    created_at: unixSeconds(conversation.createdAt),
    messages,
    contact: { id: contact.id, name: contact.name, email: contact.email, phone_number: contact.phoneNumber },
  };
}
