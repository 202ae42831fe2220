import { asc, eq } from 'drizzle-orm';
import { contactInboxes, contactNotes, contacts, conversations } from '../../db/schema';
import type { TestApp } from '../../../test/harness';

/** Test helpers of the contacts module's tests. */

/** Contract fields of a contact RocketHub does not always send, and why. */
export const CONTACT_ABSENT = {
  'additional_attributes.*': 'additional_attributes is free-form: a contact carries only the keys it was given',
};

/** What the database holds about an account's contacts: tests compare it before and after a rejected request. */
export async function contactState(t: TestApp, accountId: number) {
  const db = t.ctx.db;
  return {
    contacts: await db.select().from(contacts).where(eq(contacts.accountId, accountId)).orderBy(asc(contacts.id)),
    contactInboxes: await db.select().from(contactInboxes).where(eq(contactInboxes.accountId, accountId)).orderBy(asc(contactInboxes.id)),
    notes: await db.select().from(contactNotes).where(eq(contactNotes.accountId, accountId)).orderBy(asc(contactNotes.id)),
    conversations: await db
      .select({ id: conversations.id, contactId: conversations.contactId })
      .from(conversations)
      .where(eq(conversations.accountId, accountId))
      .orderBy(asc(conversations.id)),
  };
}
