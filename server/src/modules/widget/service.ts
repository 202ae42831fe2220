import type { AppContext } from '../../context';
import type { Executor, Tx } from '../../db/client';
import { AppError, invalidField, notFound, tooManyRequests, unauthorized } from '../../platform/errors';
import * as agents from '../agents/service';
import type { AttachmentUpload } from '../attachments/service';
import { presentPublicMessage } from '../client-api/presenter';
import * as contacts from '../contacts/service';
import type { ContactInput } from '../contacts/service';
import { presentContactSender } from '../conversations/presenter';
import * as conversations from '../conversations/service';
import type { ConversationRow } from '../conversations/service';
import { emailTranscript } from '../conversations/transcript';
import { identityVerified } from '../inboxes/identity';
import * as inboxes from '../inboxes/service';
import { postMessage } from '../messages/post-message';
import * as messages from '../messages/service';
import { changeSessionMayMake, seesContactDetails } from '../contacts/session-privacy';
import { presentWidgetConfig, presentWidgetContact, presentWidgetConversation, presentWidgetMessage } from './presenter';
import { signWidgetToken, verifyWidgetToken } from './token';

/** Per client address or session: [hits, window in seconds]. */
const LIMITS = {
  sessionsPerIp: [30, 60],
  contactUpdatesPerIp: [60, 3600],
  conversationsPerIp: [20, 3600],
  messagesPerSession: [120, 60],
  transcriptsPerSession: [5, 3600],
} as const;

async function enforce(ctx: AppContext, key: string, [limit, window]: readonly [number, number]) {
  const hit = await ctx.rateLimiter.hit(key, limit, window);
  if (!hit.allowed) throw tooManyRequests(hit.retryAfterSeconds);
}

export type Inbox = inboxes.InboxRow;
export type Session = { inbox: Inbox; contact: contacts.ContactRow; contactInbox: NonNullable<Awaited<ReturnType<typeof contacts.findContactInboxBySource>>> };

/** What every widget request carries: the website token, the visitor's token, where it comes from. */
export type WidgetRequest = { websiteToken: string; authToken?: string | undefined; origin?: string | undefined; referer?: string | undefined; ip: string };

/** The allowed-domain patterns of a website inbox (empty: any site may embed it). */
export function allowedDomains(inbox: Inbox): string[] {
  const raw = inbox.channelConfig.allowed_domains;
  if (typeof raw !== 'string') return [];
  return raw
    .split(/[\s,]+/)
    .map((d) => d.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, ''))
    .filter(Boolean);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  return new URL(url).hostname.toLowerCase();
}

/** `example.com` matches itself; `*.example.com` matches its subdomains and itself. */
export function hostAllowed(host: string, patterns: string[]): boolean {
  return patterns.some((pattern) => {
    const bare = pattern.replace(/:\d+$/, '');
    if (bare.startsWith('*.')) return host === bare.slice(2) || host.endsWith(bare.slice(1));
    return host === bare;
  });
}

/**
 * A browser request from a page of another site must come from one of the inbox's allowed
 * domains. The widget's own pages (this installation) always may; so may clients that send no
 * Origin or Referer (servers, privacy settings) — browsers always send Origin on cross-site writes.
 */
export function checkOrigin(ctx: AppContext, inbox: Inbox, origin: string | undefined, referer: string | undefined) {
  const patterns = allowedDomains(inbox);
  if (patterns.length === 0) return;
  const host = hostOf(origin && origin !== 'null' ? origin : referer);
  if (host === undefined) return;
  if (host === hostOf(ctx.config.frontendUrl)) return;
  if (!hostAllowed(host, patterns)) throw new AppError('forbidden', 'This website is not allowed to use this widget');
}

/** The website inbox a website token names (404 for anything else), checked against the caller's site. */
export async function widgetInbox(ctx: AppContext, req: Pick<WidgetRequest, 'websiteToken' | 'origin' | 'referer'>) {
  const inbox = await inboxes.findByChannelIdentifier(ctx.db, req.websiteToken);
  if (!inbox || inbox.channelType !== 'web_widget') throw notFound('Inbox');
  checkOrigin(ctx, inbox, req.origin, req.referer);
  return inbox;
}

/** The session a visitor token names in this inbox; undefined for a bad token or another inbox's. */
async function findSession(ctx: AppContext, db: Executor, inbox: Inbox, authToken: string | undefined): Promise<Session | undefined> {
  const claims = verifyWidgetToken(ctx.secretKeyBase, authToken);
  if (!claims || claims.inboxId !== inbox.id) return undefined;
  const contactInbox = await contacts.findContactInboxBySource(db, inbox.id, claims.sourceId);
  if (!contactInbox) return undefined;
  const contact = await contacts.findContactRow(db, inbox.accountId, contactInbox.contactId);
  return contact ? { inbox, contact, contactInbox } : undefined;
}

async function requireSession(ctx: AppContext, req: WidgetRequest): Promise<Session> {
  const inbox = await widgetInbox(ctx, req);
  const session = await findSession(ctx, ctx.db, inbox, req.authToken);
  if (!session) throw unauthorized('A valid X-Auth-Token of this website inbox is required');
  return session;
}

const tokenOf = (ctx: AppContext, session: Session) => signWidgetToken(ctx.secretKeyBase, { sourceId: session.contactInbox.sourceId, inboxId: session.inbox.id });

/** A new anonymous visitor session (a contact and its contact inbox), limited per client address. */
async function newSession(ctx: AppContext, inbox: Inbox, ip: string, contact: ContactInput = {}, hmacVerified = false): Promise<Session> {
  await enforce(ctx, `widget:sessions:${ip}`, LIMITS.sessionsPerIp);
  const created = await ctx.transaction((tx) => contacts.contactForChannel(ctx, tx, { accountId: inbox.accountId, inboxId: inbox.id, hmacVerified, contact }));
  return { inbox, ...created };
}

/** The visitor's session, or a new one when they have none yet; `authToken` is set when it is new. */
async function sessionOrNew(ctx: AppContext, req: WidgetRequest): Promise<{ session: Session; authToken?: string }> {
  const inbox = await widgetInbox(ctx, req);
  const existing = await findSession(ctx, ctx.db, inbox, req.authToken);
  if (existing) return { session: existing };
  const session = await newSession(ctx, inbox, req.ip);
  return { session, authToken: tokenOf(ctx, session) };
}

// ——— config ———

async function onlineAgents(ctx: AppContext, inbox: Inbox) {
  const members = await inboxes.agentsOfInbox(ctx.db, inbox.accountId, inbox.id);
  return (await agents.withAvailability(ctx, inbox.accountId, members)).filter((a) => a.availability === 'online').map((a) => a.member);
}

/** What the widget needs to draw itself; no contact is created (GET), unlike Chatwoot's POST. */
export async function getConfig(ctx: AppContext, req: WidgetRequest) {
  const inbox = await widgetInbox(ctx, req);
  const session = await findSession(ctx, ctx.db, inbox, req.authToken);
  return presentWidgetConfig(ctx, inbox, await onlineAgents(ctx, inbox), session);
}

/** Chatwoot's `POST /api/v1/widget/config`: the config, with a visitor session made when there is none. */
export async function createConfig(ctx: AppContext, req: WidgetRequest) {
  const { session, authToken } = await sessionOrNew(ctx, req);
  return { ...presentWidgetConfig(ctx, session.inbox, await onlineAgents(ctx, session.inbox), session), auth_token: authToken ?? req.authToken ?? tokenOf(ctx, session) };
}

export async function listInboxAgents(ctx: AppContext, req: WidgetRequest) {
  const inbox = await widgetInbox(ctx, req);
  const members = await inboxes.agentsOfInbox(ctx.db, inbox.accountId, inbox.id);
  const shown = await agents.withAvailability(ctx, inbox.accountId, members);
  return {
    payload: shown.map(({ member, availability }) => ({
      id: member.user.id,
      name: member.user.displayName || member.user.name,
      avatar_url: member.user.avatarUrl ?? '',
      availability_status: availability,
    })),
  };
}

// ——— contact ———

export async function getContact(ctx: AppContext, req: WidgetRequest) {
  const session = await requireSession(ctx, req);
  return presentWidgetContact(session);
}

export type WidgetContactInput = {
  name?: string | undefined;
  email?: string | null | undefined;
  phoneNumber?: string | null | undefined;
  avatarUrl?: string | null | undefined;
  identifier?: string | undefined;
  identifierHash?: string | undefined;
  customAttributes?: Record<string, unknown> | undefined;
};

const contactInput = (input: WidgetContactInput): ContactInput => ({
  name: input.name,
  email: input.email,
  phoneNumber: input.phoneNumber,
  avatarUrl: input.avatarUrl,
  identifier: input.identifier,
  customAttributes: input.customAttributes,
});

async function updateSessionContact(ctx: AppContext, session: Session, input: ContactInput, verified: boolean): Promise<Session> {
  const contact = await ctx.transaction(async (tx) => {
    if (verified && !session.contactInbox.hmacVerified) await contacts.markContactInboxVerified(tx, session.contactInbox.id);
    return contacts.updateContactFromChannel(ctx, tx, session.inbox.accountId, session.contact.id, input);
  });
  return { ...session, contact, contactInbox: { ...session.contactInbox, hmacVerified: session.contactInbox.hmacVerified || verified } };
}

const anonymous = (contact: contacts.ContactRow) => contact.email === null && contact.phoneNumber === null && contact.identifier === null;


/**
 * The visitor gives their details. When an anonymous visitor gives the email or phone of a contact
 * the account already knows (and who is not a signed-in user of the site, which needs set_user),
 * the visitor's contact is merged into that one, as Chatwoot does: agents see one person.
 */
async function updateVisitor(ctx: AppContext, session: Session, input: ContactInput): Promise<Session> {
  try {
    return await updateSessionContact(ctx, session, changeSessionMayMake(session, input), false);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'validation_failed' || !anonymous(session.contact)) throw error;
    const owner = await contacts.findContactByIdentity(ctx.db, session.inbox.accountId, { email: input.email, phoneNumber: input.phoneNumber });
    if (!owner || owner.id === session.contact.id || owner.identifier !== null) throw error;
    await contacts.mergeContacts(ctx, session.inbox.accountId, owner.id, session.contact.id);
    const contact = await contacts.findContactRow(ctx.db, session.inbox.accountId, owner.id);
    if (!contact) throw error;
    return { ...session, contact, contactInbox: { ...session.contactInbox, contactId: contact.id } };
  }
}

/** The visitor tells who they are (pre-chat form, email collect, `setCustomAttributes`). An identifier needs set_user. */
export async function updateContact(ctx: AppContext, req: WidgetRequest, input: Omit<WidgetContactInput, 'identifier' | 'identifierHash'>) {
  const inbox = await widgetInbox(ctx, req);
  await enforce(ctx, `widget:contact-updates:${req.ip}`, LIMITS.contactUpdatesPerIp);
  const { session, authToken } = await sessionOrNew(ctx, req);
  const updated = await updateVisitor(ctx, { ...session, inbox }, contactInput(input));
  return { ...presentWidgetContact(updated), ...(authToken ? { widget_auth_token: authToken } : {}) };
}

/**
 * `$chatwoot.setUser(identifier, {identifier_hash, ...})`. The same user again, or an anonymous
 * visitor whose identity is free, keeps the session; a different user (or one the account already
 * knows) gets a session of their own contact, answered as `widget_auth_token`.
 */
export async function setUser(ctx: AppContext, req: WidgetRequest, input: WidgetContactInput & { identifier: string }) {
  const inbox = await widgetInbox(ctx, req);
  await enforce(ctx, `widget:contact-updates:${req.ip}`, LIMITS.contactUpdatesPerIp);
  const verified = identityVerified(inbox, input.identifier, input.identifierHash);
  const current = await findSession(ctx, ctx.db, inbox, req.authToken);
  const fields = contactInput(input);
  if (current && (current.contact.identifier === input.identifier || current.contact.identifier === null)) {
    try {
      const updated = await updateSessionContact(ctx, current, changeSessionMayMake(current, fields, verified), verified);
      return presentWidgetContact(updated);
    } catch (error) {
      // The identity belongs to another contact of the account: that user gets their own session below.
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    }
  }
  const session = await newSession(ctx, inbox, req.ip, fields, verified);
  return { ...presentWidgetContact(session), widget_auth_token: tokenOf(ctx, session) };
}

export async function deleteContactAttributes(ctx: AppContext, req: WidgetRequest, keys: string[]) {
  const session = await requireSession(ctx, req);
  await enforce(ctx, `widget:contact-updates:${req.ip}`, LIMITS.contactUpdatesPerIp);
  // A session blind to its contact's details may not erase them either.
  if (!seesContactDetails(session)) return presentWidgetContact(session);
  const customAttributes = Object.fromEntries(Object.entries(session.contact.customAttributes).filter(([key]) => !keys.includes(key)));
  const contact = await ctx.transaction((tx) => contacts.replaceCustomAttributesFromChannel(ctx, tx, session.inbox.accountId, session.contact.id, customAttributes));
  return presentWidgetContact({ ...session, contact });
}

// ——— conversations ———

/** The visitor's current conversation: the latest one of the session. */
async function currentConversation(db: Executor, session: Session): Promise<ConversationRow | undefined> {
  const rows = await conversations.listOfContactInbox(db, session.contactInbox.id);
  return rows.reduce<ConversationRow | undefined>((latest, row) => (!latest || row.id > latest.id ? row : latest), undefined);
}

async function publicMessages(db: Executor, session: Session, conversation: ConversationRow, cursor: { before?: number | undefined } = {}) {
  const rows = await messages.listMessageRows(db, conversation.id, cursor, 20, { includePrivate: false, includeActivity: false });
  return (await messages.presentMessages(db, conversation, session.contactInbox.sourceId, rows)).map((m) => presentWidgetMessage(session, presentPublicMessage(m)));
}

export async function getCurrentConversation(ctx: AppContext, req: WidgetRequest) {
  const session = await requireSession(ctx, req);
  const conversation = await currentConversation(ctx.db, session);
  return conversation ? presentWidgetConversation(conversation, session, await publicMessages(ctx.db, session, conversation)) : null;
}

/** Runs `fn` on the current conversation, locked (404 when the visitor has none). */
async function withCurrent<T>(ctx: AppContext, session: Session, fn: (tx: Executor, conversation: ConversationRow) => Promise<T>): Promise<T> {
  const latest = await currentConversation(ctx.db, session);
  if (!latest) throw notFound('Conversation');
  return ctx.transaction(async (tx) => {
    const conversation = await conversations.findOfContactInbox(tx, session.contactInbox, latest.displayId, true);
    if (!conversation) throw notFound('Conversation');
    return fn(tx, conversation);
  });
}

export type NewMessage = { content: string | null; echoId?: string | undefined; attachments: AttachmentUpload[] };

async function writeMessage(ctx: AppContext, tx: Executor, session: Session, conversation: ConversationRow, input: NewMessage) {
  if (session.contact.blocked) throw new AppError('forbidden', 'This contact is blocked');
  const posted = await postMessage(ctx, tx, conversation, {
    content: input.content,
    messageType: 'incoming',
    private: false,
    sender: { type: 'contact', id: session.contact.id },
    attachments: input.attachments,
    known: { contactInbox: session.contactInbox, sender: presentContactSender(session.contact) },
  });
  return { ...presentWidgetMessage(session, presentPublicMessage(posted.json)), ...(input.echoId ? { echo_id: input.echoId } : {}) };
}

/**
 * Starts a conversation (pre-chat form): the contact fields given, the conversation's custom
 * attributes and its first message. Inboxes locked to one conversation answer the open one.
 */
export async function createConversation(
  ctx: AppContext,
  req: WidgetRequest,
  input: { contact: Omit<WidgetContactInput, 'identifier' | 'identifierHash'>; customAttributes?: Record<string, unknown> | undefined; message?: NewMessage | undefined },
) {
  await widgetInbox(ctx, req);
  await enforce(ctx, `widget:conversations:${req.ip}`, LIMITS.conversationsPerIp);
  const started = await sessionOrNew(ctx, req);
  const authToken = started.authToken;
  let session = started.session;
  const fields = contactInput(input.contact);
  if (Object.values(fields).some((v) => v !== undefined)) session = await updateVisitor(ctx, session, fields);
  const conversation = await ctx.transaction(async (tx) => {
    let opened: ConversationRow | undefined;
    if (session.inbox.lockToSingleConversation) {
      opened = (await conversations.listOfContactInbox(tx, session.contactInbox.id)).find((c) => c.status !== 'resolved');
    }
    opened ??= await conversations.openConversation(ctx, tx, session.contactInbox, { customAttributes: input.customAttributes });
    if (input.message) await writeMessage(ctx, tx, session, opened, input.message);
    return opened;
  });
  return {
    ...presentWidgetConversation(conversation, session, await publicMessages(ctx.db, session, conversation)),
    ...(authToken ? { widget_auth_token: authToken } : {}),
  };
}

export async function typing(ctx: AppContext, req: WidgetRequest, on: boolean) {
  const session = await requireSession(ctx, req);
  const conversation = await currentConversation(ctx.db, session);
  if (!conversation) throw notFound('Conversation');
  await conversations.announceContactTyping(ctx, conversation, { id: session.contact.id, name: session.contact.name }, on);
}

export async function markSeen(ctx: AppContext, req: WidgetRequest) {
  const session = await requireSession(ctx, req);
  await withCurrent(ctx, session, (tx, conversation) => conversations.markSeenByContact(ctx, tx, conversation));
}

/** "End conversation": the visitor resolves their current conversation. */
export async function resolve(ctx: AppContext, req: WidgetRequest) {
  const session = await requireSession(ctx, req);
  const conversation = await withCurrent(ctx, session, (tx, current) =>
    conversations.resolveByContact(ctx, tx, current, session.contact.name || session.contact.email || String(session.contact.id)),
  );
  return presentWidgetConversation(conversation, session, await publicMessages(ctx.db, session, conversation));
}

export async function transcript(ctx: AppContext, req: WidgetRequest, email: string | undefined) {
  const session = await requireSession(ctx, req);
  const to = email ?? session.contact.email;
  if (!to) throw invalidField('email', 'is required: the contact has no email address', 'blank');
  await enforce(ctx, `widget:transcripts:${session.contactInbox.id}`, LIMITS.transcriptsPerSession);
  const conversation = await currentConversation(ctx.db, session);
  if (!conversation) throw notFound('Conversation');
  await emailTranscript(ctx, conversation, to);
}

export async function changeConversationAttributes(ctx: AppContext, req: WidgetRequest, change: { set?: Record<string, unknown>; remove?: string[] }) {
  const session = await requireSession(ctx, req);
  const conversation = await withCurrent(ctx, session, (tx, current) => conversations.changeCustomAttributesByContact(ctx, tx, current, change));
  return { custom_attributes: conversation.customAttributes };
}

export async function changeLabel(ctx: AppContext, req: WidgetRequest, label: string, add: boolean) {
  const session = await requireSession(ctx, req);
  const conversation = await withCurrent(ctx, session, (tx, current) =>
    conversations.changeLabelByContact(ctx, tx, current, label, add, session.contact.name || String(session.contact.id)),
  );
  return { payload: conversation.labels };
}

// ——— messages ———

export async function listMessages(ctx: AppContext, req: WidgetRequest, before?: number) {
  const session = await requireSession(ctx, req);
  const conversation = await currentConversation(ctx.db, session);
  if (!conversation) return [];
  return publicMessages(ctx.db, session, conversation, { before });
}

/**
 * The visitor writes in their current conversation; with none, or a resolved one in an inbox that
 * takes no messages after resolution, a new conversation starts.
 */
export async function postVisitorMessage(ctx: AppContext, req: WidgetRequest, input: NewMessage) {
  const inbox = await widgetInbox(ctx, req);
  const { session, authToken } = await sessionOrNew(ctx, req);
  await enforce(ctx, `widget:messages:${inbox.id}:${session.contactInbox.id}`, LIMITS.messagesPerSession);
  const latest = await currentConversation(ctx.db, session);
  const reusable = latest && (latest.status !== 'resolved' || inbox.allowMessagesAfterResolved);
  if (!reusable) await enforce(ctx, `widget:conversations:${req.ip}`, LIMITS.conversationsPerIp);
  const message = await ctx.transaction(async (tx) => {
    const conversation = reusable
      ? await conversations.findOfContactInbox(tx, session.contactInbox, latest.displayId, true)
      : await conversations.openConversation(ctx, tx, session.contactInbox, {});
    if (!conversation) throw notFound('Conversation');
    return writeMessage(ctx, tx, session, conversation, input);
  });
  return { ...message, ...(authToken ? { widget_auth_token: authToken } : {}) };
}

export type MessageUpdate = { email?: string | undefined; submittedValues?: unknown };

/** Validates a CSAT answer: `{csat_survey_response: {rating 1–5, feedback_message?}}`. */
export function csatAnswer(values: unknown) {
  const answer = (values as { csat_survey_response?: { rating?: unknown; feedback_message?: unknown } } | null)?.csat_survey_response;
  const rating = answer?.rating;
  if (typeof rating !== 'number' || !Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw invalidField('submitted_values.csat_survey_response.rating', 'must be a whole number from 1 to 5', 'invalid');
  }
  const feedback = answer?.feedback_message;
  if (feedback !== undefined && feedback !== null && (typeof feedback !== 'string' || feedback.length > 5000)) {
    throw invalidField('submitted_values.csat_survey_response.feedback_message', 'must be text of at most 5000 characters', 'invalid');
  }
  return { csat_survey_response: { rating, feedback_message: typeof feedback === 'string' ? feedback : '' } };
}

/**
 * The visitor answers a message of the inbox: the email-collect prompt (`{contact: {email}}`,
 * which also sets the contact's email), a CSAT survey (rating and comment), or a question.
 */
export async function answerMessage(ctx: AppContext, req: WidgetRequest, messageId: number, update: MessageUpdate) {
  const session = await requireSession(ctx, req);
  await enforce(ctx, `widget:contact-updates:${req.ip}`, LIMITS.contactUpdatesPerIp);
  const json = await withCurrentOrAny(ctx, session, messageId, async (tx, conversation, message) => {
    let contentAttributes = message.contentAttributes;
    if (update.email !== undefined) {
      if (message.contentType !== 'input_email') throw invalidField('contact.email', 'answers only an email-collect message', 'invalid');
      await contacts.updateContactFromChannel(ctx, tx, session.inbox.accountId, session.contact.id, { email: update.email });
      contentAttributes = { ...contentAttributes, submitted_email: update.email };
    } else if (message.contentType === 'input_csat') {
      contentAttributes = { ...contentAttributes, submitted_values: csatAnswer(update.submittedValues) };
    } else if (message.contentType === 'input_select' || message.contentType === 'form') {
      if (!Array.isArray(update.submittedValues) || update.submittedValues.length > 50 || JSON.stringify(update.submittedValues).length > 16_000) {
        throw invalidField('submitted_values', 'must be a short list of the chosen values', 'invalid');
      }
      contentAttributes = { ...contentAttributes, submitted_values: update.submittedValues };
    } else {
      throw invalidField('message', 'takes no answer', 'invalid');
    }
    return saveAnswer(ctx, tx, conversation, message, contentAttributes, session.contactInbox);
  });
  return presentPublicMessage(json);
}

/** Keeps a contact's answer in the message and tells the inbox's agents and the contact's session. */
export async function saveAnswer(
  ctx: AppContext,
  tx: Tx,
  conversation: ConversationRow,
  message: messages.MessageRow,
  contentAttributes: Record<string, unknown>,
  contactInbox: { sourceId: string; pubsubToken: string } | undefined,
) {
  const updated = await messages.updateMessage(tx, message.id, { contentAttributes });
  const [shown] = await messages.presentMessages(tx, conversation, contactInbox?.sourceId ?? null, [updated]);
  await ctx.outbox.record(tx, {
    name: 'message.updated',
    accountId: conversation.accountId,
    payload: shown!,
    realtime: { inboxId: conversation.inboxId, contactPubsubToken: contactInbox?.pubsubToken ?? null },
  });
  return shown!;
}

/** Finds one of the session's public, non-incoming messages in any of its conversations, locked. */
async function withCurrentOrAny<T>(
  ctx: AppContext,
  session: Session,
  messageId: number,
  fn: (tx: Tx, conversation: ConversationRow, message: messages.MessageRow) => Promise<T>,
): Promise<T> {
  const rows = await conversations.listOfContactInbox(ctx.db, session.contactInbox.id);
  return ctx.transaction(async (tx) => {
    for (const row of rows) {
      const message = await messages.findMessage(tx, row.id, messageId, true);
      if (!message) continue;
      if (message.private || message.messageType === 0 || message.messageType === 2) break;
      const conversation = await conversations.findOfContactInbox(tx, session.contactInbox, row.displayId, true);
      if (!conversation) break;
      return fn(tx, conversation, message);
    }
    throw notFound('Message');
  });
}

// ——— CSAT ———

const CSAT_TEXT: Record<string, string> = {
  pt_BR: 'Por favor, avalie esta conversa',
  en: 'Please rate this conversation',
  es: 'Por favor, califica esta conversación',
};

/**
 * After a website conversation is resolved, an inbox with the CSAT survey on sends the survey
 * (an `input_csat` message) once per resolution. Idempotent: a survey after the last visitor
 * message is not sent again.
 */
export async function sendCsatSurvey(ctx: AppContext, accountId: number, displayId: number) {
  await ctx.transaction(async (tx) => {
    const conversation = await conversations.findByDisplayIdForSystem(tx, accountId, displayId, true);
    if (!conversation || conversation.status !== 'resolved') return;
    const inbox = await inboxes.findInbox(tx, accountId, conversation.inboxId);
    if (!inbox || inbox.channelType !== 'web_widget' || !inbox.csatSurveyEnabled) return;
    const last = await messages.findLastNonActivity(tx, conversation.id);
    if (!last || last.contentType === 'input_csat') return;
    const locale = String(inbox.channelConfig.locale ?? '');
    await postMessage(ctx, tx, conversation, {
      content: CSAT_TEXT[locale] ?? CSAT_TEXT.pt_BR!,
      messageType: 'template',
      contentType: 'input_csat',
      private: false,
      sender: null,
    });
  });
}
