import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { contactInboxes, users } from '../../db/schema';

// Read-only look-ups of the two kinds of realtime token. They belong to the users and contacts
// modules, and move there once their services offer them.

export async function findUserIdByPubsubToken(db: Executor, token: string): Promise<number | undefined> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.pubsubToken, token));
  return row?.id;
}

export async function findContactInboxByPubsubToken(
  db: Executor,
  token: string,
): Promise<{ accountId: number; contactId: number; inboxId: number } | undefined> {
  const [row] = await db
    .select({ accountId: contactInboxes.accountId, contactId: contactInboxes.contactId, inboxId: contactInboxes.inboxId })
    .from(contactInboxes)
    .where(eq(contactInboxes.pubsubToken, token));
  return row;
}
