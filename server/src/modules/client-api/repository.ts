import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { contactInboxes, contacts, conversations, inboxes } from '../../db/schema';

/** A conversation as the client API names it: inbox identifier, contact session (source id), display id. */
export type SessionConversationKey = { inboxIdentifier: string; sourceId: string; displayId: number };

/**
 * The inboxes, contact sessions, contacts and conversations of many client API requests in one
 * query, the conversations locked in id order (so two batches never wait on each other in a
 * cycle); keys that name nothing are left out. A named statement: PostgreSQL plans it once per
 * connection, not per batch.
 */
export async function lockSessionConversations(tx: Executor, keys: SessionConversationKey[]) {
  if (keys.length === 0) return [];
  const requested = sql`unnest(${sql.placeholder('identifiers')}::text[], ${sql.placeholder('sourceIds')}::text[], ${sql.placeholder('displayIds')}::int[]) AS k(identifier, source_id, display_id)`;
  return tx
    .select({
      inbox: { channelIdentifier: inboxes.channelIdentifier, channelType: inboxes.channelType, allowMessagesAfterResolved: inboxes.allowMessagesAfterResolved },
      contactInbox: { sourceId: contactInboxes.sourceId, pubsubToken: contactInboxes.pubsubToken },
      contact: contacts,
      conversation: conversations,
    })
    .from(requested)
    .innerJoin(inboxes, sql`${inboxes.channelIdentifier} = k.identifier`)
    .innerJoin(conversations, and(eq(conversations.accountId, inboxes.accountId), sql`${conversations.displayId} = k.display_id`))
    .innerJoin(
      contactInboxes,
      and(eq(contactInboxes.id, conversations.contactInboxId), eq(contactInboxes.inboxId, inboxes.id), sql`${contactInboxes.sourceId} = k.source_id`),
    )
    .innerJoin(contacts, and(eq(contacts.id, contactInboxes.contactId), eq(contacts.accountId, inboxes.accountId)))
    .orderBy(asc(conversations.id))
    .for('update', { of: conversations })
    .prepare('client_api_lock_session_conversations')
    .execute({ identifiers: keys.map((k) => k.inboxIdentifier), sourceIds: keys.map((k) => k.sourceId), displayIds: keys.map((k) => k.displayId) });
}
