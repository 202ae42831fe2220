import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import { AppError, invalidField, notFound, tooManyRequests } from '../../platform/errors';
import * as contacts from '../contacts/service';
import { presentContactSender } from '../conversations/presenter';
import * as conversations from '../conversations/service';
import type { ConversationRow } from '../conversations/service';
import { changeSessionMayMake } from '../contacts/session-privacy';
import { identityVerified } from '../inboxes/identity';
import * as inboxes from '../inboxes/service';
import { postMessage } from '../messages/post-message';
import * as messages from '../messages/service';
import type { AttachmentUpload } from '../attachments/service';
import { presentPublicContact, presentPublicConversation, presentPublicMessage } from './presenter';

/** Per client address or contact session: [hits, window in seconds]. */
export const LIMITS = {
  contactsPerIp: [60, 60],
  conversationsPerIp: [30, 60],
  messagesPerSession: [600, 60],
} as const;

async function enforce(ctx: AppContext, key: string, [limit, window]: readonly [number, number]) {
  const hit = await ctx.rateLimiter.hit(key, limit, window);
  if (!hit.allowed) throw tooManyRequests(hit.retryAfterSeconds);
}

/** The client API serves API inboxes, named by their inbox identifier. */
export async function apiInbox(db: Executor, identifier: string) {
  const inbox = await inboxes.findByChannelIdentifier(db, identifier);
  if (!inbox || inbox.channelType !== 'api') throw notFound('Inbox');
  return inbox;
}

type Inbox = Awaited<ReturnType<typeof apiInbox>>;

export function presentInbox(inbox: Inbox) {
  return {
    identifier: inbox.channelIdentifier,
    name: inbox.name,
    timezone: inbox.timezone,
    working_hours_enabled: inbox.workingHoursEnabled,
    working_hours: inbox.workingHours,
    greeting_enabled: inbox.greetingEnabled,
    greeting_message: inbox.greetingMessage,
    csat_survey_enabled: inbox.csatSurveyEnabled,
    identity_validation_enabled: inbox.channelConfig.hmac_mandatory === true,
  };
}

export type ContactFields = {
  identifier?: string | undefined;
  identifierHash?: string | undefined;
  name?: string | undefined;
  email?: string | null | undefined;
  phoneNumber?: string | null | undefined;
  avatarUrl?: string | null | undefined;
  customAttributes?: Record<string, unknown> | undefined;
};

/** The contact fields of a client API body (the identity proof is checked apart). */
const contactInput = ({ identifierHash: _proof, ...fields }: ContactFields): contacts.ContactInput => fields;

export async function createContact(ctx: AppContext, inboxIdentifier: string, input: ContactFields, ip: string) {
  const inbox = await apiInbox(ctx.db, inboxIdentifier);
  await enforce(ctx, `client:contacts:${ip}`, LIMITS.contactsPerIp);
  const hmacVerified = identityVerified(inbox, input.identifier, input.identifierHash);
  const { contact, contactInbox } = await ctx.transaction((tx) =>
    contacts.contactForChannel(ctx, tx, {
      accountId: inbox.accountId,
      inboxId: inbox.id,
      hmacVerified,
      contact: contactInput(input),
    }),
  );
  return presentPublicContact(contact, contactInbox, input);
}

/** The contact session a `contact_identifier` (its source id) names in this inbox. */
async function session(db: Executor, inbox: Inbox, sourceId: string) {
  const found = await contacts.findSessionBySource(db, inbox.id, sourceId);
  if (!found || found.contact.accountId !== inbox.accountId) throw notFound('Contact');
  return found;
}

export async function getContact(ctx: AppContext, inboxIdentifier: string, sourceId: string) {
  const inbox = await apiInbox(ctx.db, inboxIdentifier);
  const { contact, contactInbox } = await session(ctx.db, inbox, sourceId);
  return presentPublicContact(contact, contactInbox);
}

export async function updateContact(ctx: AppContext, inboxIdentifier: string, sourceId: string, input: ContactFields) {
  const inbox = await apiInbox(ctx.db, inboxIdentifier);
  const current = await session(ctx.db, inbox, sourceId);
  const { contactInbox } = current;
  const verified = input.identifier !== undefined && identityVerified(inbox, input.identifier, input.identifierHash);
  // Without proof, a session that joined a known contact only fills in what is missing.
  const change = changeSessionMayMake(current, contactInput(input), verified);
  const contact = await ctx.transaction(async (tx) => {
    if (verified) await contacts.markContactInboxVerified(tx, contactInbox.id);
    return contacts.updateContactFromChannel(ctx, tx, inbox.accountId, contactInbox.contactId, change);
  });
  return presentPublicContact(contact, { ...contactInbox, hmacVerified: contactInbox.hmacVerified || verified }, input);
}

async function publicMessagesOf(db: Executor, conversation: ConversationRow, sourceId: string, cursor: { before?: number | undefined } = {}) {
  const rows = await messages.listMessageRows(db, conversation.id, cursor, 20, { includePrivate: false, includeActivity: false });
  return (await messages.presentMessages(db, conversation, sourceId, rows)).map(presentPublicMessage);
}

export async function listConversations(ctx: AppContext, inboxIdentifier: string, sourceId: string) {
  const inbox = await apiInbox(ctx.db, inboxIdentifier);
  const { contact, contactInbox } = await session(ctx.db, inbox, sourceId);
  const rows = await conversations.listOfContactInbox(ctx.db, contactInbox.id);
  return Promise.all(rows.map(async (row) => presentPublicConversation(row, contact, await publicMessagesOf(ctx.db, row, sourceId))));
}

export async function createConversation(
  ctx: AppContext,
  inboxIdentifier: string,
  sourceId: string,
  input: { customAttributes?: Record<string, unknown> | undefined },
  ip: string,
) {
  const inbox = await apiInbox(ctx.db, inboxIdentifier);
  const { contact, contactInbox } = await session(ctx.db, inbox, sourceId);
  await enforce(ctx, `client:conversations:${ip}`, LIMITS.conversationsPerIp);
  const conversation = await ctx.transaction(async (tx) => {
    if (inbox.lockToSingleConversation) {
      const existing = (await conversations.listOfContactInbox(tx, contactInbox.id)).find((c) => c.status !== 'resolved');
      if (existing) return existing;
    }
    return conversations.openConversation(ctx, tx, contactInbox, { customAttributes: input.customAttributes });
  });
  return presentPublicConversation(conversation, contact, await publicMessagesOf(ctx.db, conversation, sourceId));
}

type Found = { conversation: ConversationRow; contact: Awaited<ReturnType<typeof session>>['contact']; contactInbox: Awaited<ReturnType<typeof session>>['contactInbox']; inbox: Inbox };

/** Runs `fn` on the session's conversation (404 when it is not theirs), locked in a transaction. */
async function withConversation<T>(
  ctx: AppContext,
  inboxOrIdentifier: string | Inbox,
  sourceId: string,
  displayId: number,
  fn: (tx: Executor, found: Found) => Promise<T>,
) {
  const inbox = typeof inboxOrIdentifier === 'string' ? await apiInbox(ctx.db, inboxOrIdentifier) : inboxOrIdentifier;
  const { contact, contactInbox } = await session(ctx.db, inbox, sourceId);
  return ctx.transaction(async (tx) => {
    const conversation = await conversations.findOfContactInbox(tx, contactInbox, displayId, true);
    if (!conversation) throw notFound('Conversation');
    return fn(tx, { conversation, contact, contactInbox, inbox });
  });
}

export async function getConversation(ctx: AppContext, inboxIdentifier: string, sourceId: string, displayId: number) {
  const found = await withConversation(ctx, inboxIdentifier, sourceId, displayId, async (_tx, f) => f);
  return presentPublicConversation(found.conversation, found.contact, await publicMessagesOf(ctx.db, found.conversation, sourceId));
}

export async function resolveConversation(ctx: AppContext, inboxIdentifier: string, sourceId: string, displayId: number) {
  const found = await withConversation(ctx, inboxIdentifier, sourceId, displayId, async (tx, f) => ({
    ...f,
    conversation: await conversations.resolveByContact(ctx, tx, f.conversation, f.contact.name || f.contact.email || String(f.contact.id)),
  }));
  return presentPublicConversation(found.conversation, found.contact, await publicMessagesOf(ctx.db, found.conversation, sourceId));
}

export async function markSeen(ctx: AppContext, inboxIdentifier: string, sourceId: string, displayId: number) {
  await withConversation(ctx, inboxIdentifier, sourceId, displayId, (tx, f) => conversations.markSeenByContact(ctx, tx, f.conversation));
}

export async function typing(ctx: AppContext, inboxIdentifier: string, sourceId: string, displayId: number, on: boolean) {
  const found = await withConversation(ctx, inboxIdentifier, sourceId, displayId, async (_tx, f) => f);
  await conversations.announceContactTyping(ctx, found.conversation, { id: found.contact.id, name: found.contact.name }, on);
}

export async function listMessages(ctx: AppContext, inboxIdentifier: string, sourceId: string, displayId: number, before?: number) {
  const found = await withConversation(ctx, inboxIdentifier, sourceId, displayId, async (_tx, f) => f);
  return publicMessagesOf(ctx.db, found.conversation, sourceId, { before });
}

export const messagesLimitKey = (inboxIdentifier: string, sourceId: string) => `client:messages:${inboxIdentifier}:${sourceId}`;

/** The contact writes: an incoming message (reopening a resolved conversation when the inbox allows it). */
export async function postContactMessage(
  ctx: AppContext,
  inbox: Inbox,
  sourceId: string,
  displayId: number,
  input: { content: string | null; echoId?: string | undefined; attachments: AttachmentUpload[] },
) {
  await enforce(ctx, messagesLimitKey(inbox.channelIdentifier ?? '', sourceId), LIMITS.messagesPerSession);
  return writeContactMessage(ctx, inbox, sourceId, displayId, input);
}

/** A contact's message, alone in its transaction (no rate limit: the caller has counted it). */
export async function writeContactMessage(
  ctx: AppContext,
  inboxOrIdentifier: Inbox | string,
  sourceId: string,
  displayId: number,
  input: { content: string | null; echoId?: string | undefined; attachments: AttachmentUpload[] },
) {
  const inbox = typeof inboxOrIdentifier === 'string' ? await apiInbox(ctx.db, inboxOrIdentifier) : inboxOrIdentifier;
  const json = await withConversation(ctx, inbox, sourceId, displayId, async (tx, f) => {
    if (f.contact.blocked) throw new AppError('forbidden', 'This contact is blocked');
    if (f.conversation.status === 'resolved' && !f.inbox.allowMessagesAfterResolved) {
      throw invalidField('conversation_id', 'is resolved and this inbox takes no messages after resolution', 'resolved');
    }
    const posted = await postMessage(ctx, tx, f.conversation, {
      content: input.content,
      messageType: 'incoming',
      private: false,
      sender: { type: 'contact', id: f.contact.id },
      attachments: input.attachments,
      known: { contactInbox: f.contactInbox, sender: presentContactSender(f.contact) },
    });
    return posted.json;
  });
  return { ...presentPublicMessage(json), ...(input.echoId ? { echo_id: input.echoId } : {}) };
}

/** Answers an agent's question (input_select, form): the chosen values are kept on the message. */
export async function submitMessageValues(
  ctx: AppContext,
  inboxIdentifier: string,
  sourceId: string,
  displayId: number,
  messageId: number,
  submittedValues: unknown[],
) {
  const json = await withConversation(ctx, inboxIdentifier, sourceId, displayId, async (tx, f) => {
    const message = await messages.findMessage(tx, f.conversation.id, messageId, true);
    if (!message || message.private || message.messageType === 2) throw notFound('Message');
    const updated = await messages.updateMessage(tx, message.id, {
      contentAttributes: { ...message.contentAttributes, submitted_values: submittedValues },
    });
    const [shown] = await messages.presentMessages(tx, f.conversation, sourceId, [updated]);
    await ctx.outbox.record(tx, {
      name: 'message.updated',
      accountId: f.conversation.accountId,
      payload: shown!,
      realtime: { inboxId: f.conversation.inboxId, contactPubsubToken: (await contacts.findContactInboxBySource(tx, f.inbox.id, sourceId))?.pubsubToken ?? null },
    });
    return shown!;
  });
  return presentPublicMessage(json);
}
