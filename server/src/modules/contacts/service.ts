import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context';
import type { Executor, Tx } from '../../db/client';
import type { AccountRole } from '../../db/schema';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { randomToken } from '../../platform/tokens';
import { canAccessInbox, inboxAccess } from '../inboxes/access';
import { removeAttachmentsOfScope } from '../attachments/service';
import * as inboxes from '../inboxes/service';
import * as labels from '../labels/service';
import { type FilterItem, parseContactFilter } from './filter';
import { contactEventPayload } from './presenter';
import { validateValues } from '../custom-attributes/service';
import { ADDITIONAL_MERGE_FIELDS, type MergeField } from './merge-fields';
import * as repository from './repository';
import type { ContactInboxView, ContactPatch, ContactRow, ContactSort, IdentityField } from './repository';

export type { ContactRow } from './repository';

type Membership = { accountId: number; userId: number; role: AccountRole };

export type ContactWithInboxes = { contact: ContactRow; contactInboxes: ContactInboxView[] };
export type ContactList = { count: number; contacts: ContactWithInboxes[] };

/** The default order of lists: most recently active first, as Chatwoot's dashboard asks. */
const DEFAULT_SORT: ContactSort = { key: 'last_activity_at', direction: 'desc' };

export type ContactInput = {
  name?: string | undefined;
  email?: string | null | undefined;
  phoneNumber?: string | null | undefined;
  identifier?: string | null | undefined;
  blocked?: boolean | undefined;
  avatarUrl?: string | null | undefined;
  additionalAttributes?: Record<string, unknown> | undefined;
  customAttributes?: Record<string, unknown> | undefined;
};

// ——— reading ———

async function withInboxes(db: Executor, rows: ContactRow[]): Promise<ContactWithInboxes[]> {
  const views = await repository.listContactInboxes(db, rows.map((r) => r.id));
  return rows.map((contact) => ({ contact, contactInboxes: views.filter((v) => v.contactId === contact.id) }));
}

async function requireContact(db: Executor, accountId: number, contactId: number): Promise<ContactRow> {
  const contact = await repository.findContact(db, accountId, contactId);
  if (!contact) throw notFound('Contact');
  return contact;
}

async function loadContact(db: Executor, accountId: number, contactId: number): Promise<ContactWithInboxes> {
  const contact = await requireContact(db, accountId, contactId);
  return { contact, contactInboxes: await repository.listContactInboxes(db, [contact.id]) };
}

export const getContact = (ctx: AppContext, accountId: number, contactId: number) => loadContact(ctx.db, accountId, contactId);

async function listed(ctx: AppContext, page: repository.ContactPage): Promise<ContactList> {
  return { count: page.count, contacts: await withInboxes(ctx.db, page.rows) };
}

/** The account's contacts with an email, phone number or identifier, 15 a page; `labels` keeps those with any of them. */
export async function listContacts(ctx: AppContext, input: { accountId: number; labels: string[]; sort?: ContactSort | undefined; page: number }) {
  const labelTitles = input.labels.map((l) => l.toLowerCase());
  return listed(ctx, await repository.listContacts(ctx.db, { ...input, labels: labelTitles, sort: input.sort ?? DEFAULT_SORT }));
}

/** A typed phone number (`+55 11 98765-4321`) is looked for as stored, without its formatting. */
function searchTerm(q: string): string {
  const term = q.trim();
  const isPhone = /^\+?[0-9\s().-]+$/.test(term) && (term.match(/[0-9]/g)?.length ?? 0) >= 3;
  return isPhone ? term.replace(/[\s().-]/g, '') : term;
}

export async function searchContacts(ctx: AppContext, input: { accountId: number; q: string; sort?: ContactSort | undefined; page: number }) {
  const term = searchTerm(input.q);
  if (term === '') return listContacts(ctx, { accountId: input.accountId, labels: [], sort: input.sort, page: input.page });
  return listed(ctx, await repository.searchContacts(ctx.db, { accountId: input.accountId, term, sort: input.sort, page: input.page }));
}

/** Checks a saved segment's conditions as the filter would read them (422 naming the field). */
export function checkFilter(payload: FilterItem[]): void {
  parseContactFilter(payload);
}

export async function filterContacts(
  ctx: AppContext,
  input: { accountId: number; payload: FilterItem[]; sort?: ContactSort | undefined; page: number },
) {
  const filter = parseContactFilter(input.payload);
  return listed(ctx, await repository.filterContacts(ctx.db, { accountId: input.accountId, filter, sort: input.sort ?? DEFAULT_SORT, page: input.page }));
}

// ——— writing ———

const taken = (fields: (IdentityField | 'source_id')[]) => {
  const errors = fields.map((field) => ({ field, message: 'has already been taken', code: 'taken' }));
  return new AppError('validation_failed', errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
};

/** Runs a write; a unique index that a concurrent write won answers like the check before it (422 on the field). */
async function guardingUniqueness<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const field = repository.uniqueViolationField(error);
    if (field) throw taken([field]);
    throw error;
  }
}

async function ensureIdentityFree(tx: Executor, accountId: number, input: ContactInput, exceptContactId?: number) {
  const clashes = await repository.findIdentityConflicts(tx, accountId, input, exceptContactId);
  if (clashes.length > 0) throw taken(clashes);
}

/** An inbox of the account the member may work in; any other is an invalid `inbox_id` (no hint whether it exists). */
async function usableInbox(db: Executor, membership: Membership, inboxId: number) {
  const inbox = await inboxes.findInbox(db, membership.accountId, inboxId);
  if (!inbox || !canAccessInbox(await inboxAccess(db, membership), inbox.id)) {
    throw invalidField('inbox_id', 'is not an inbox you can use', 'not_found');
  }
  return inbox;
}

async function recordContactEvent(ctx: AppContext, tx: Tx, name: string, contact: ContactRow) {
  const contactInboxes = await repository.listContactInboxes(tx, [contact.id]);
  await ctx.outbox.record(tx, { name, accountId: contact.accountId, payload: contactEventPayload(contact, contactInboxes), realtime: {} });
}

function contactValues(input: ContactInput): ContactPatch {
  const values: ContactPatch = {
    name: input.name,
    email: input.email,
    phoneNumber: input.phoneNumber,
    identifier: input.identifier,
    blocked: input.blocked,
    avatarUrl: input.avatarUrl,
    additionalAttributes: input.additionalAttributes,
    customAttributes: input.customAttributes,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

/**
 * Creates a contact; with `inboxId`, also its contact inbox there (a generated source id), as
 * Chatwoot does for website and API inboxes.
 */
export async function createContact(ctx: AppContext, membership: Membership, input: ContactInput & { inboxId?: number | undefined }) {
  return guardingUniqueness(() =>
    ctx.transaction(async (tx) => {
      const inbox = input.inboxId === undefined ? undefined : await usableInbox(tx, membership, input.inboxId);
      await ensureIdentityFree(tx, membership.accountId, input);
      await validateValues(tx, membership.accountId, 'contact_attribute', input.customAttributes);
      const contact = await repository.insertContact(tx, { ...contactValues(input), accountId: membership.accountId });
      let contactInbox: { sourceId: string; inbox: repository.InboxSummary } | undefined;
      if (inbox) {
        const sourceId = randomUUID();
        await repository.insertContactInbox(tx, { accountId: contact.accountId, contactId: contact.id, inboxId: inbox.id, sourceId, pubsubToken: randomToken() });
        contactInbox = { sourceId, inbox };
      }
      await recordContactEvent(ctx, tx, 'contact.created', contact);
      return { ...(await loadContact(tx, contact.accountId, contact.id)), contactInbox };
    }),
  );
}

/** Changes the given fields; attributes are merged into the stored ones key by key, as Chatwoot. */
export async function updateContact(ctx: AppContext, accountId: number, contactId: number, input: ContactInput) {
  const contact = await guardingUniqueness(() =>
    ctx.transaction(async (tx) => {
      const current = await requireContact(tx, accountId, contactId);
      await ensureIdentityFree(tx, accountId, input, contactId);
      await validateValues(tx, accountId, 'contact_attribute', input.customAttributes);
      const patch = contactValues({
        ...input,
        additionalAttributes: input.additionalAttributes && { ...current.additionalAttributes, ...input.additionalAttributes },
        customAttributes: input.customAttributes && { ...current.customAttributes, ...input.customAttributes },
      });
      const updated = await repository.updateContact(tx, accountId, contactId, patch);
      if (!updated) throw notFound('Contact');
      await recordContactEvent(ctx, tx, 'contact.updated', updated);
      return updated;
    }),
  );
  return getContact(ctx, accountId, contact.id);
}

/** Deletes the contact with its conversations, messages, contact inboxes and notes. */
export async function deleteContact(ctx: AppContext, accountId: number, contactId: number): Promise<void> {
  await ctx.transaction(async (tx) => {
    const contact = await requireContact(tx, accountId, contactId);
    await recordContactEvent(ctx, tx, 'contact.deleted', contact);
    await removeAttachmentsOfScope(ctx, tx, { accountId, contactId });
    await repository.deleteContact(tx, accountId, contactId);
  });
}

// ——— contact inboxes ———

export async function createContactInbox(
  ctx: AppContext,
  membership: Membership,
  input: { contactId: number; inboxId: number; sourceId?: string | undefined },
) {
  return guardingUniqueness(() =>
    ctx.transaction(async (tx) => {
      await requireContact(tx, membership.accountId, input.contactId);
      const inbox = await usableInbox(tx, membership, input.inboxId);
      const sourceId = input.sourceId ?? randomUUID();
      if (await repository.sourceIdTaken(tx, inbox.id, sourceId)) throw taken(['source_id']);
      await repository.insertContactInbox(tx, {
        accountId: membership.accountId,
        contactId: input.contactId,
        inboxId: inbox.id,
        sourceId,
        pubsubToken: randomToken(),
      });
      return { sourceId, inbox };
    }),
  );
}

/**
 * The inboxes the member may start a conversation with this contact in (Chatwoot's rule): any API
 * inbox — with the contact's source id there, or a fresh one the new conversation will use — and
 * the website inboxes the contact has already visited.
 */
export async function listContactableInboxes(ctx: AppContext, membership: Membership, contactId: number) {
  await requireContact(ctx.db, membership.accountId, contactId);
  const [usable, known] = await Promise.all([inboxes.listInboxes(ctx, membership), repository.listContactInboxes(ctx.db, [contactId])]);
  return usable.flatMap((inbox) => {
    const existing = known.filter((k) => k.inbox.id === inbox.id).at(-1);
    if (existing) return [{ sourceId: existing.sourceId, inbox }];
    return inbox.channelType === 'api' ? [{ sourceId: randomUUID(), inbox }] : [];
  });
}

// ——— labels ———

export async function getContactLabels(ctx: AppContext, accountId: number, contactId: number): Promise<string[]> {
  return (await requireContact(ctx.db, accountId, contactId)).labels;
}

/** Replaces the contact's labels; each must be a label of the account (titles are lower case). */
export async function setContactLabels(ctx: AppContext, accountId: number, contactId: number, requested: string[]): Promise<string[]> {
  const titles = [...new Set(requested.map((t) => t.toLowerCase()))].sort();
  const known = new Set((await labels.listLabels(ctx, accountId)).map((l) => l.title));
  const unknown = titles.filter((t) => !known.has(t));
  if (unknown.length > 0) throw invalidField('labels', `are not labels of this account: ${unknown.join(', ')}`, 'unknown');
  return ctx.transaction(async (tx) => {
    await requireContact(tx, accountId, contactId);
    const updated = await repository.updateContact(tx, accountId, contactId, { labels: titles });
    if (!updated) throw notFound('Contact');
    await recordContactEvent(ctx, tx, 'contact.updated', updated);
    return updated.labels;
  });
}

// ——— notes ———

export async function listNotes(ctx: AppContext, accountId: number, contactId: number) {
  await requireContact(ctx.db, accountId, contactId);
  return repository.listNotes(ctx.db, accountId, contactId);
}

async function requireNote(db: Executor, accountId: number, contactId: number, noteId: number) {
  const note = await repository.findNote(db, accountId, contactId, noteId);
  if (!note) throw notFound('Note');
  return note;
}

export async function createNote(ctx: AppContext, input: { accountId: number; contactId: number; userId: number; content: string }) {
  return ctx.transaction(async (tx) => {
    await requireContact(tx, input.accountId, input.contactId);
    const noteId = await repository.insertNote(tx, input);
    return requireNote(tx, input.accountId, input.contactId, noteId);
  });
}

export async function updateNote(ctx: AppContext, input: { accountId: number; contactId: number; noteId: number; content: string }) {
  return ctx.transaction(async (tx) => {
    if (!(await repository.updateNote(tx, input.accountId, input.contactId, input.noteId, input.content))) throw notFound('Note');
    return requireNote(tx, input.accountId, input.contactId, input.noteId);
  });
}

export async function deleteNote(ctx: AppContext, input: { accountId: number; contactId: number; noteId: number }): Promise<void> {
  await ctx.transaction(async (tx) => {
    if (!(await repository.deleteNote(tx, input.accountId, input.contactId, input.noteId))) throw notFound('Note');
  });
}

// ——— conversations ———

/** The contact's latest 20 conversations the member may see (agents: those of their inboxes). */
export async function listContactConversations(ctx: AppContext, membership: Membership, contactId: number) {
  const contact = await loadContact(ctx.db, membership.accountId, contactId);
  const access = await inboxAccess(ctx.db, membership);
  const rows = await repository.listContactConversations(ctx.db, membership.accountId, contactId, access.all ? undefined : access.inboxIds);
  return { contact, conversations: rows };
}

// ——— merge ———

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `preferred` wins key by key, nested objects merged the same way. */
function deepMerge(fallback: Record<string, unknown>, preferred: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...fallback };
  for (const [key, value] of Object.entries(preferred)) {
    const under = merged[key];
    merged[key] = isPlainObject(under) && isPlainObject(value) ? deepMerge(under, value) : value;
  }
  return merged;
}


const filled = <T>(value: T | null, fallback: T | null): T | null => (value === null || value === '' ? fallback : value);

/**
 * Merges the mergee into the base contact in one transaction: conversations, contact inboxes,
 * notes and messages move to the base; its empty fields (and those in `preferMergee`, where the
 * mergee has a value) take the mergee's values; attributes are
 * merged (the base's win); labels are united; the mergee is deleted.
 */
export async function mergeContacts(
  ctx: AppContext,
  accountId: number,
  baseContactId: number,
  mergeeContactId: number,
  preferMergee: readonly MergeField[] = [],
) {
  if (baseContactId === mergeeContactId) throw invalidField('mergee_contact_id', 'must be another contact than base_contact_id', 'same');
  const merged = await ctx.transaction(async (tx) => {
    const locked = await repository.lockContacts(tx, accountId, [baseContactId, mergeeContactId]);
    const base = locked.find((c) => c.id === baseContactId);
    const mergee = locked.find((c) => c.id === mergeeContactId);
    if (!base || !mergee) throw notFound('Contact');
    await repository.moveContactBelongings(tx, accountId, mergee.id, base.id);
    await recordContactEvent(ctx, tx, 'contact.deleted', mergee);
    // The mergee goes first: the base may take its email, phone number or identifier.
    await repository.deleteContact(tx, accountId, mergee.id);
    const prefer = new Set(preferMergee);
    /** The base's value, or the mergee's where the base has none or the caller chose the mergee's. */
    const pick = <T>(field: MergeField, baseValue: T | null, mergeeValue: T | null): T | null =>
      prefer.has(field) ? filled(mergeeValue, baseValue) : filled(baseValue, mergeeValue);
    const additionalAttributes = deepMerge(mergee.additionalAttributes, base.additionalAttributes);
    for (const key of ADDITIONAL_MERGE_FIELDS) {
      const chosen = mergee.additionalAttributes[key];
      if (prefer.has(key) && chosen !== undefined && chosen !== null && chosen !== '') additionalAttributes[key] = chosen;
    }
    const latest = [base.lastActivityAt, mergee.lastActivityAt].filter((t): t is Date => t !== null).sort((a, b) => b.getTime() - a.getTime())[0];
    const updated = await repository.updateContact(tx, accountId, base.id, {
      name: pick('name', base.name, mergee.name) ?? '',
      email: pick('email', base.email, mergee.email),
      phoneNumber: pick('phone_number', base.phoneNumber, mergee.phoneNumber),
      identifier: pick('identifier', base.identifier, mergee.identifier),
      avatarUrl: pick('avatar_url', base.avatarUrl, mergee.avatarUrl),
      additionalAttributes,
      customAttributes: deepMerge(mergee.customAttributes, base.customAttributes),
      labels: [...new Set([...base.labels, ...mergee.labels])].sort(),
      lastActivityAt: latest ?? null,
    });
    if (!updated) throw notFound('Contact');
    await recordContactEvent(ctx, tx, 'contact.merged', updated);
    return updated;
  });
  return getContact(ctx, accountId, merged.id);
}

// ——— contacts arriving through a channel (client API, website widget) ———

export const findContactInboxBySource = repository.findContactInboxBySource;
export const findSessionBySource = repository.findSessionBySource;
export const markContactInboxVerified = repository.markContactInboxVerified;

/**
 * A visitor or integration user starts a session in an inbox: the account's existing contact with
 * this identifier, email or phone (as Chatwoot matches them) or a new contact, and a new contact
 * inbox — the session — with its own source id and realtime token.
 */
export async function contactForChannel(
  ctx: AppContext,
  tx: Tx,
  input: { accountId: number; inboxId: number; contact: ContactInput; hmacVerified: boolean },
) {
  let contact = await repository.findContactByIdentity(tx, input.accountId, input.contact);
  if (!contact) {
    contact = await repository.insertContact(tx, { ...contactValues(input.contact), accountId: input.accountId });
    await recordContactEvent(ctx, tx, 'contact.created', contact);
  }
  const contactInbox = await repository.insertChannelContactInbox(tx, {
    accountId: input.accountId,
    contactId: contact.id,
    inboxId: input.inboxId,
    sourceId: randomUUID(),
    pubsubToken: randomToken(),
    hmacVerified: input.hmacVerified,
  });
  return { contact, contactInbox };
}

/** Changes a contact from its own session (client API): identity fields must stay unique. */
export async function updateContactFromChannel(ctx: AppContext, tx: Tx, accountId: number, contactId: number, input: ContactInput) {
  await ensureIdentityFree(tx, accountId, input, contactId);
  const current = await requireContact(tx, accountId, contactId);
  const updated = await repository.updateContact(
    tx,
    accountId,
    contactId,
    contactValues({ ...input, customAttributes: input.customAttributes && { ...current.customAttributes, ...input.customAttributes } }),
  );
  if (!updated) throw notFound('Contact');
  await recordContactEvent(ctx, tx, 'contact.updated', updated);
  return updated;
}

/** Replaces a contact's custom attributes from its own session (the widget deletes keys). */
export async function replaceCustomAttributesFromChannel(ctx: AppContext, tx: Tx, accountId: number, contactId: number, customAttributes: Record<string, unknown>) {
  const updated = await repository.updateContact(tx, accountId, contactId, { customAttributes });
  if (!updated) throw notFound('Contact');
  await recordContactEvent(ctx, tx, 'contact.updated', updated);
  return updated;
}

/** The account's contact with this identifier, email or phone (system use). */
export const findContactByIdentity = repository.findContactByIdentity;

/** The contact row (system use, no access check). */
export const findContactRow = repository.findContact;

// ——— bulk (CSV import, export) ———

export type { BulkContact, IdentityRow } from './repository';
export const findByIdentities = repository.findByIdentities;
export const insertContactsInBulk = repository.insertMany;
export const updateContactsInBulk = repository.updateMany;

/** Pages of the account's contacts (by id) for an export, matching the filter conditions when given. */
export async function exportPage(db: Executor, input: { accountId: number; payload?: FilterItem[] | undefined; afterId: number; limit: number }) {
  const filter = input.payload ? parseContactFilter(input.payload) : undefined;
  return repository.listForExport(db, { accountId: input.accountId, filter, afterId: input.afterId, limit: input.limit });
}
