import { availableName } from '../users/service';
import { unixSeconds as unix } from '../../platform/time';
import type { ContactInboxView, ContactRow, InboxSummary, NoteRow } from './repository';


/** Chatwoot names channels by their class. */
const CHANNEL_CLASS: Record<string, string> = { web_widget: 'Channel::WebWidget', api: 'Channel::Api' };

/** An inbox as contact inboxes show it (Chatwoot's `inbox_slim`; the inbox is its own channel here). */
export function presentInboxSlim(inbox: InboxSummary) {
  return {
    id: inbox.id,
    avatar_url: inbox.avatarUrl ?? '',
    channel_id: inbox.id,
    name: inbox.name,
    channel_type: CHANNEL_CLASS[inbox.channelType] ?? inbox.channelType,
    provider: null,
  };
}

export function presentContactInbox(contactInbox: { sourceId: string; inbox: InboxSummary }) {
  return { source_id: contactInbox.sourceId, inbox: presentInboxSlim(contactInbox.inbox) };
}

/**
 * A contact as the contract's `contact_list_item` (lists, show, update) — also carrying
 * `contact_detail`'s `type`, so one shape serves every place a contact appears.
 * Presence is not tracked for contacts yet: `availability_status` is always offline.
 */
export function presentContact(contact: ContactRow, contactInboxes: ContactInboxView[]) {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone_number: contact.phoneNumber,
    identifier: contact.identifier,
    thumbnail: contact.avatarUrl ?? '',
    blocked: contact.blocked,
    availability_status: 'offline' as const,
    type: 'contact' as const,
    additional_attributes: contact.additionalAttributes,
    custom_attributes: contact.customAttributes,
    last_activity_at: unix(contact.lastActivityAt),
    created_at: unix(contact.createdAt) ?? 0,
    contact_inboxes: contactInboxes.map(presentContactInbox),
  };
}

export type ContactJson = ReturnType<typeof presentContact>;

/** What events carry: the contact as the API shows it, with its account. */
export function contactEventPayload(contact: ContactRow, contactInboxes: ContactInboxView[]) {
  return { ...presentContact(contact, contactInboxes), account_id: contact.accountId };
}

export function presentNote(note: NoteRow) {
  return {
    id: note.id,
    content: note.content,
    contact_id: note.contactId,
    user:
      note.userId === null
        ? null
        : {
            id: note.userId,
            name: note.userName ?? '',
            available_name: availableName({ name: note.userName ?? '', displayName: note.userDisplayName }),
            email: note.userEmail ?? '',
            thumbnail: note.userAvatarUrl ?? '',
            availability_status: note.userAvailability ?? 'offline',
            type: 'user' as const,
          },
    created_at: unix(note.createdAt) ?? 0,
    updated_at: unix(note.updatedAt) ?? 0,
  };
}
