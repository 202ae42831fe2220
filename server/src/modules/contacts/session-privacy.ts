import type { ContactInput, ContactRow } from './service';

/** A channel session (widget, client API) and the contact it speaks for. */
export type SessionView = { contact: ContactRow; contactInbox: { hmacVerified: boolean; createdAt: Date } };

/**
 * Whether a session may see its contact's details. A session sees the contact it made itself; a
 * session that joined a contact the account already knew (an email, phone or identifier of theirs
 * given without a valid `identifier_hash`) sees nothing of that contact's details — anyone can type
 * someone else's email. The contact and its contact inbox of a new visitor are made in one
 * transaction (the same `now()`); a contact older than the session was someone else's first.
 */
export function seesContactDetails(session: SessionView): boolean {
  return session.contactInbox.hmacVerified || session.contact.createdAt.getTime() >= session.contactInbox.createdAt.getTime();
}

/**
 * What a session that may not see its contact's details may still change: it fills what is empty
 * and adds custom attributes the contact does not have, and overwrites nothing.
 */
export function fillOnly(contact: ContactRow, input: ContactInput): ContactInput {
  const empty = (value: string | null) => value === null || value === '';
  const custom = input.customAttributes && Object.fromEntries(Object.entries(input.customAttributes).filter(([key]) => !(key in contact.customAttributes)));
  return {
    name: empty(contact.name) ? input.name : undefined,
    email: empty(contact.email) && input.email ? input.email : undefined,
    phoneNumber: empty(contact.phoneNumber) && input.phoneNumber ? input.phoneNumber : undefined,
    avatarUrl: empty(contact.avatarUrl) && input.avatarUrl ? input.avatarUrl : undefined,
    identifier: empty(contact.identifier) ? input.identifier : undefined,
    customAttributes: custom && Object.keys(custom).length > 0 ? custom : undefined,
  };
}

/** The change a session may make to its contact (all of it once it proved who it is). */
export const changeSessionMayMake = (session: SessionView, input: ContactInput, verifiedNow = false): ContactInput =>
  verifiedNow || seesContactDetails(session) ? input : fillOnly(session.contact, input);
