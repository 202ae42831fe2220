import { randomBytes } from 'node:crypto';
import type { AppContext } from '../src/context';
import { contactInboxes, contacts } from '../src/db/schema';
import type { DomainEvent } from '../src/platform/outbox/types';
import * as users from '../src/modules/users/service';

/**
 * Commits a domain event exactly as a service does (recorded in a transaction, pushed live after
 * commit): realtime tests use it for events whose real APIs live in other modules.
 */
export async function commitEvent(ctx: AppContext, event: DomainEvent): Promise<void> {
  await ctx.transaction((tx) => ctx.outbox.record(tx, event));
}

/** A `message.created` payload as the messages presenter shapes it, enough for delivery tests. */
export function messagePayload(input: {
  accountId: number;
  inboxId: number;
  conversationId?: number;
  content?: string;
  messageType?: 0 | 1 | 2 | 3;
  private?: boolean;
}): Record<string, unknown> {
  return {
    id: Math.floor(Math.random() * 1e9),
    content: input.content ?? `Olá ${randomBytes(3).toString('hex')}`,
    account_id: input.accountId,
    inbox_id: input.inboxId,
    conversation_id: input.conversationId ?? 1,
    message_type: input.messageType ?? 1,
    private: input.private ?? false,
    created_at: Math.floor(Date.now() / 1000),
  };
}

/** The realtime token of a user (the agent's `pubsub_token`). */
export async function userPubsubToken(ctx: AppContext, userId: number): Promise<string> {
  const user = await users.getUser(ctx.db, userId);
  if (!user) throw new Error(`no user ${userId}`);
  return user.pubsubToken;
}

export type BuiltContactInbox = { contactId: number; contactInboxId: number; sourceId: string; pubsubToken: string };

/** A contact known to an inbox, with its contact-inbox realtime token (what the widget subscribes with). */
export async function buildContactInbox(ctx: AppContext, accountId: number, inboxId: number): Promise<BuiltContactInbox> {
  const unique = randomBytes(4).toString('hex');
  return ctx.transaction(async (tx) => {
    const [contact] = await tx.insert(contacts).values({ accountId, name: `Contact ${unique}` }).returning({ id: contacts.id });
    if (!contact) throw new Error('insert contacts returned nothing');
    const sourceId = `source-${unique}`;
    const pubsubToken = `contact-${randomBytes(12).toString('hex')}`;
    const [row] = await tx
      .insert(contactInboxes)
      .values({ accountId, contactId: contact.id, inboxId, sourceId, pubsubToken })
      .returning({ id: contactInboxes.id });
    if (!row) throw new Error('insert contact_inboxes returned nothing');
    return { contactId: contact.id, contactInboxId: row.id, sourceId, pubsubToken };
  });
}
