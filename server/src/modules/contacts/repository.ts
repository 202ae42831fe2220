import { and, asc, desc, eq, inArray, ne, or, type SQL, sql, type SQLWrapper } from 'drizzle-orm';
import { type Executor, runQueries } from '../../db/client';
import { accountUsers, contactInboxes, contactNotes, contacts, conversations, inboxes, messages, users } from '../../db/schema';
import type { ContactFilter, FilterCondition, TextSource } from './filter';

export type ContactRow = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;
export type ContactPatch = Partial<Omit<NewContact, 'id' | 'accountId' | 'createdAt'>>;

/** Chatwoot's page size for contact lists. */
const PAGE_SIZE = 15;

export const CONTACT_SORT_KEYS = ['name', 'email', 'phone_number', 'last_activity_at', 'created_at', 'company_name', 'city'] as const;
export type ContactSort = { key: (typeof CONTACT_SORT_KEYS)[number]; direction: 'asc' | 'desc' };

/** The fields that identify a contact, each unique in the account. */
export type IdentityField = 'email' | 'phone_number' | 'identifier';

// ——— contacts ———

export async function findContact(db: Executor, accountId: number, contactId: number): Promise<ContactRow | undefined> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), eq(contacts.id, contactId)));
  return row;
}

/** Both contacts of a merge, locked in id order (so two merges of the same pair cannot deadlock). */
export async function lockContacts(db: Executor, accountId: number, contactIds: number[]): Promise<ContactRow[]> {
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), inArray(contacts.id, contactIds)))
    .orderBy(asc(contacts.id))
    .for('update');
}

/** Which of the given identity values another contact of the account already has. */
export async function findIdentityConflicts(
  db: Executor,
  accountId: number,
  identity: { email?: string | null | undefined; phoneNumber?: string | null | undefined; identifier?: string | null | undefined },
  exceptContactId?: number,
): Promise<IdentityField[]> {
  const clashes: SQL[] = [];
  if (identity.email) clashes.push(sql`lower(${contacts.email}) = lower(${identity.email})`);
  if (identity.phoneNumber) clashes.push(eq(contacts.phoneNumber, identity.phoneNumber));
  if (identity.identifier) clashes.push(eq(contacts.identifier, identity.identifier));
  if (clashes.length === 0) return [];
  const rows = await db
    .select({ email: contacts.email, phoneNumber: contacts.phoneNumber, identifier: contacts.identifier })
    .from(contacts)
    .where(
      and(
        eq(contacts.accountId, accountId),
        or(...clashes),
        exceptContactId === undefined ? undefined : ne(contacts.id, exceptContactId),
      ),
    )
    .limit(3);
  const fields = new Set<IdentityField>();
  for (const row of rows) {
    if (identity.email && row.email?.toLowerCase() === identity.email.toLowerCase()) fields.add('email');
    if (identity.phoneNumber && row.phoneNumber === identity.phoneNumber) fields.add('phone_number');
    if (identity.identifier && row.identifier === identity.identifier) fields.add('identifier');
  }
  return [...fields];
}

const UNIQUE_CONSTRAINT_FIELDS: Record<string, IdentityField | 'source_id'> = {
  contacts_account_email_idx: 'email',
  contacts_account_phone_idx: 'phone_number',
  contacts_account_identifier_idx: 'identifier',
  contact_inboxes_inbox_source_idx: 'source_id',
};

/** The field a unique violation (a concurrent write that won the race) is about, if it is one of ours. */
export function uniqueViolationField(error: unknown): IdentityField | 'source_id' | undefined {
  const cause = (error as { cause?: unknown }).cause ?? error;
  const { code, constraint } = cause as { code?: unknown; constraint?: unknown };
  if (code !== '23505' || typeof constraint !== 'string') return undefined;
  return UNIQUE_CONSTRAINT_FIELDS[constraint];
}

export async function insertContact(db: Executor, values: NewContact): Promise<ContactRow> {
  const [row] = await db.insert(contacts).values(values).returning();
  if (!row) throw new Error('contact insert returned no row');
  return row;
}

export async function updateContact(db: Executor, accountId: number, contactId: number, patch: ContactPatch): Promise<ContactRow | undefined> {
  const [row] = await db
    .update(contacts)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(contacts.accountId, accountId), eq(contacts.id, contactId)))
    .returning();
  return row;
}

/** Deletes the contact; its conversations (and their messages), contact inboxes and notes go with it. */
export async function deleteContact(db: Executor, accountId: number, contactId: number): Promise<ContactRow | undefined> {
  const [row] = await db
    .delete(contacts)
    .where(and(eq(contacts.accountId, accountId), eq(contacts.id, contactId)))
    .returning();
  return row;
}

// ——— lists: every page is led by account_id and ordered along an index ———

/** Chatwoot lists and searches only "resolved" contacts: those with an email, phone number or identifier. */
const resolved = sql`(${contacts.email} IS NOT NULL OR ${contacts.phoneNumber} IS NOT NULL OR ${contacts.identifier} IS NOT NULL)`;

const fold = (value: SQLWrapper) => sql`rh_fold(${value})`;
const additional = (key: string) => sql`(${contacts.additionalAttributes} ->> ${key})`;
const custom = (key: string) => sql`(${contacts.customAttributes} ->> ${key})`;

const sortableAttribute = (key: 'company_name' | 'city') => sql`(${contacts.additionalAttributes} ->> ${sql.raw(`'${key}'`)})`;

/**
 * ORDER BY terms for a sort, each following an index of contacts.ts (company, city and activity
 * have one per direction: contacts without a value come last either way).
 */
function ordering(sort: ContactSort): SQL[] {
  const direction = sql.raw(sort.direction === 'desc' ? 'DESC' : 'ASC');
  const tieBreak = sql`${contacts.id} ${direction}`;
  switch (sort.key) {
    case 'name':
      return [sql`${fold(contacts.name)} ${direction}`, tieBreak];
    case 'email':
      return [sql`lower(${contacts.email}) ${direction}`, tieBreak];
    case 'phone_number':
      return [sql`${contacts.phoneNumber} ${direction}`, tieBreak];
    case 'created_at':
      return [sql`${contacts.createdAt} ${direction}`, tieBreak];
    // Contacts never active, or without the attribute, come last either way (as Chatwoot).
    case 'last_activity_at':
      return [sql`${contacts.lastActivityAt} ${direction} NULLS LAST`, tieBreak];
    // The key is written into the SQL (a constant) so that the expression indexes match.
    case 'company_name':
      return [sql`${sortableAttribute('company_name')} ${direction} NULLS LAST`, tieBreak];
    case 'city':
      return [sql`${sortableAttribute('city')} ${direction} NULLS LAST`, tieBreak];
  }
}

export type ContactPage = { rows: ContactRow[]; count: number };

/**
 * Lists, searches and filters count their matches up to this many: `count` is exact up to the cap
 * and `CONTACT_COUNT_CAP + 1` means "more than that". Counting every match of a common term or of
 * the whole account (500k) cost more than the page itself; counting at most cap + 1 rows is bounded
 * (and a search knows its whole result up to the cap, see `searchContacts`).
 */
export const CONTACT_COUNT_CAP = 1_000;

/** How many rows match, stopping after `cap + 1` of them. */
async function cappedCount(db: Executor, where: SQL, cap: number): Promise<number> {
  const matching = db.select({ one: sql`1` }).from(contacts).where(where).limit(cap + 1).as('matching');
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(matching);
  return row?.count ?? 0;
}

function pageQuery(db: Executor, where: SQL, order: SQL[], pageNumber: number) {
  return db
    .select()
    .from(contacts)
    .where(where)
    .orderBy(...order)
    .limit(PAGE_SIZE)
    .offset((pageNumber - 1) * PAGE_SIZE);
}

/** Tests pass a small `countCap`; the API always uses CONTACT_COUNT_CAP. */
type Counting = { countCap?: number | undefined };

async function page(db: Executor, where: SQL, order: SQL[], pageNumber: number, countCap = CONTACT_COUNT_CAP): Promise<ContactPage> {
  const [rows, count] = await runQueries(db, [() => pageQuery(db, where, order, pageNumber), () => cappedCount(db, where, countCap)] as const);
  return { rows, count };
}

export async function listContacts(
  db: Executor,
  input: { accountId: number; labels: string[]; sort: ContactSort; page: number } & Counting,
): Promise<ContactPage> {
  const where = and(
    eq(contacts.accountId, input.accountId),
    resolved,
    input.labels.length > 0 ? sql`${contacts.labels} && ${pgTextArray(input.labels)}` : undefined,
  ) as SQL;
  return page(db, where, ordering(input.sort), input.page, input.countCap);
}

/** `%`, `_` and `\` match themselves in a LIKE pattern once escaped. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The folded text of name, email, phone and identifier contains the term (trigram index). */
const containsTerm = (term: string) => sql`${contacts.searchText} LIKE '%' || rh_fold(${escapeLike(term)}) || '%'`;

/**
 * The search's ranking among a known set of matches: exact matches of a field first, then a field
 * starting with the term, then a word starting with it; then `sort` (by default the folded name,
 * read from `search_text`, which starts with it).
 */
function searchRanking(input: { term: string; sort?: ContactSort | undefined }): SQL[] {
  const term = sql`rh_fold(${input.term})`;
  const prefix = sql`rh_fold(${escapeLike(input.term)}) || '%'`;
  const identity = [sql`lower(${contacts.email})`, sql`${contacts.phoneNumber}`, sql`lower(${contacts.identifier})`];
  const rank = sql`CASE
    WHEN ${or(...identity.map((f) => sql`${f} = ${term}`))} THEN 0
    WHEN ${contacts.searchText} LIKE ${prefix} THEN (CASE WHEN ${fold(contacts.name)} = ${term} THEN 0 ELSE 1 END)
    WHEN ${or(...identity.map((f) => sql`${f} LIKE ${prefix}`))} THEN 1
    WHEN ${contacts.searchText} LIKE '% ' || ${prefix} THEN 2
    ELSE 3 END`;
  const sort = input.sort ?? { key: 'name', direction: 'asc' };
  const then =
    sort.key === 'name'
      ? [sql`${contacts.searchText} ${sql.raw(sort.direction === 'desc' ? 'DESC' : 'ASC')}`, ...ordering(sort).slice(1)]
      : ordering(sort);
  return [rank, ...then];
}

/**
 * Exactly the term in a field, through the btree indexes of email, phone, identifier (as given) and
 * folded name: a common term's best matches, found without reading its other matches.
 */
function exactMatch(term: string): SQL {
  const folded = sql`rh_fold(${term})`;
  return sql`(lower(${contacts.email}) = ${folded} OR ${contacts.phoneNumber} = ${folded} OR ${contacts.identifier} = ${term} OR ${fold(contacts.name)} = ${folded})`;
}

/** The ids of the matches, up to `cap + 1` of them (the trigram index for a rare term, the first rows found for a common one). */
export function searchCandidatesQuery(db: Executor, input: { accountId: number; term: string; cap: number }) {
  return db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.accountId, input.accountId), resolved, containsTerm(input.term)))
    .limit(input.cap + 1);
}

/**
 * The folded name starts with the term: a range of the folded-name index (`contacts_account_name_idx`),
 * checked by LIKE. The range ends at the term followed by "zzzz", so a name whose next character
 * sorts after "z" (rare once folded) is not in it; it is still found with the other matches.
 */
function namePrefix(term: string): SQL {
  const folded = sql`rh_fold(${term})`;
  return sql`(${fold(contacts.name)} >= ${folded} AND ${fold(contacts.name)} < ${folded} || 'zzzz' AND ${fold(contacts.name)} LIKE rh_fold(${escapeLike(term)}) || '%')`;
}

/** Up to `limit` rows of a tier of a large search, in the page's order. */
function tierRows(db: Executor, where: SQL, order: SQL[], limit: number) {
  return limit <= 0 ? Promise.resolve([]) : db.select().from(contacts).where(where).orderBy(...order).limit(limit);
}

/**
 * A search page. Up to the count cap the matches are all known: they are ranked (`searchRanking`)
 * and `count` is exact. A term matching more (a common first name or surname, "gmail") is shown in
 * three tiers, each read from an index in the page's order until the page is full: exact matches
 * (email, phone, identifier as typed, whole name), then names starting with the term (a range of
 * the name index: every "João" when searching "joao"), then every other match (walking the sort
 * order's index); `count` says "more than the cap". So no search reads more than it shows, beyond
 * the cap + 1 candidates that told it which kind it is.
 */
export async function searchContacts(
  db: Executor,
  input: { accountId: number; term: string; sort?: ContactSort | undefined; page: number } & Counting,
): Promise<ContactPage> {
  const cap = input.countCap ?? CONTACT_COUNT_CAP;
  const start = (input.page - 1) * PAGE_SIZE;
  const account = and(eq(contacts.accountId, input.accountId), resolved) as SQL;
  const order = ordering(input.sort ?? { key: 'name', direction: 'asc' });
  const exact = exactMatch(input.term);
  const prefix = namePrefix(input.term);
  // The first two tiers are cheap index reads: asked for alongside the candidates, used if the term is common.
  const [candidates, exactRows, prefixRows] = await runQueries(db, [
    () => searchCandidatesQuery(db, { accountId: input.accountId, term: input.term, cap }),
    () => tierRows(db, and(account, exact) as SQL, order, start + PAGE_SIZE),
    () => tierRows(db, and(account, prefix, sql`${exact} IS NOT TRUE`) as SQL, order, start + PAGE_SIZE),
  ] as const);
  const ids = candidates.map((r) => r.id);
  if (ids.length <= cap) {
    const rows = ids.length === 0 ? [] : await pageQuery(db, inArray(contacts.id, ids), searchRanking(input), input.page);
    return { rows, count: ids.length };
  }
  // Each tier in turn up to the end of the page; what earlier tiers hold shifts where the next starts.
  const rest = and(account, containsTerm(input.term), sql`${exact} IS NOT TRUE`, sql`${prefix} IS NOT TRUE`) as SQL;
  const tiers = [async () => exactRows, async () => prefixRows, (limit: number) => tierRows(db, rest, order, limit)];
  const rows: ContactRow[] = [];
  let before = 0;
  for (const read of tiers) {
    const skip = Math.max(0, start - before);
    const wanted = PAGE_SIZE - rows.length;
    const found = await read(skip + wanted);
    rows.push(...found.slice(skip, skip + wanted));
    if (rows.length === PAGE_SIZE) break;
    before += found.length;
  }
  return { rows, count: cap + 1 };
}

/** A filter's conditions as one parameterised predicate: values are bound, never spliced in. */
export async function filterContacts(
  db: Executor,
  input: { accountId: number; filter: ContactFilter; sort: ContactSort; page: number } & Counting,
): Promise<ContactPage> {
  const parts: SQL[] = [];
  input.filter.forEach(({ condition }, index) => {
    if (index > 0) parts.push(sql.raw(input.filter[index - 1]?.join === 'OR' ? ' OR ' : ' AND '));
    parts.push(sql`(${predicate(condition)})`);
  });
  const where = and(eq(contacts.accountId, input.accountId), sql`(${sql.join(parts)})`) as SQL;
  return page(db, where, ordering(input.sort), input.page, input.countCap);
}

function textExpression(source: TextSource): SQL {
  if ('column' in source) {
    const column = { name: contacts.name, email: contacts.email, phone_number: contacts.phoneNumber, identifier: contacts.identifier }[source.column];
    return sql`${column}`;
  }
  return 'additional' in source ? additional(source.additional) : custom(source.custom);
}

function predicate(condition: FilterCondition): SQL {
  switch (condition.kind) {
    case 'text': {
      const value = textExpression(condition.source);
      const present = sql`(${value} IS NOT NULL AND ${value} <> '')`;
      const patterns = condition.values.map((v) => `%${escapeLike(v)}%`);
      switch (condition.operator) {
        case 'equal_to':
          // Phone numbers are stored in E.164 as compared: their unique index answers.
          if ('column' in condition.source && condition.source.column === 'phone_number') return sql`${value} = ANY(${pgTextArray(condition.values)})`;
          return sql`lower(${value}) = ANY(${pgTextArray(condition.values)})`;
        case 'not_equal_to':
          return sql`(${value} IS NULL OR lower(${value}) <> ALL(${pgTextArray(condition.values)}))`;
        case 'contains':
          // On a searchable column, each value also narrows through the trigram index of search_text.
          if ('column' in condition.source) {
            return sql.join(
              condition.values.map((v) => sql`(${containsTerm(v)} AND rh_fold(${value}) LIKE '%' || rh_fold(${escapeLike(v)}) || '%')`),
              sql` OR `,
            );
          }
          return sql`rh_fold(${value}) LIKE ANY(SELECT rh_fold(p) FROM unnest(${pgTextArray(patterns)}) AS p)`;
        case 'does_not_contain':
          return sql`(${value} IS NULL OR rh_fold(${value}) NOT LIKE ALL(SELECT rh_fold(p) FROM unnest(${pgTextArray(patterns)}) AS p))`;
        case 'is_present':
          return present;
        case 'is_not_present':
          return sql`NOT ${present}`;
      }
      break;
    }
    case 'time_range': {
      const column = condition.column === 'created_at' ? contacts.createdAt : contacts.lastActivityAt;
      const bounds: SQL[] = [sql`${column} IS NOT NULL`];
      if (condition.from) bounds.push(sql`${column} >= ${condition.from.toISOString()}::timestamptz`);
      if (condition.before) bounds.push(sql`${column} < ${condition.before.toISOString()}::timestamptz`);
      const inside = sql.join(bounds, sql` AND `);
      return condition.negate ? sql`NOT (${inside})` : inside;
    }
    case 'time_presence':
      return condition.present ? sql`${contacts.lastActivityAt} IS NOT NULL` : sql`${contacts.lastActivityAt} IS NULL`;
    case 'labels':
      switch (condition.operator) {
        case 'equal_to':
          return sql`${contacts.labels} && ${pgTextArray(condition.values)}`;
        case 'not_equal_to':
          return sql`NOT (${contacts.labels} && ${pgTextArray(condition.values)})`;
        case 'is_present':
          return sql`cardinality(${contacts.labels}) > 0`;
        case 'is_not_present':
          return sql`cardinality(${contacts.labels}) = 0`;
      }
      break;
    case 'blocked':
      return sql`${contacts.blocked} = ${condition.value}`;
    case 'custom_compare': {
      const value = custom(condition.key);
      const operator = sql.raw(condition.operator);
      // Only values of the right form are compared, so a stray "n/a" cannot make the cast fail.
      if (condition.type === 'number') {
        return sql`(CASE WHEN ${value} ~ '^-?[0-9]{1,15}(\\.[0-9]{1,15})?$' THEN ${value}::numeric END) ${operator} ${condition.value}::numeric`;
      }
      return sql`(CASE WHEN ${value} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN left(${value}, 10) END) ${operator} ${condition.value}`;
    }
  }
  throw new Error('unhandled filter condition');
}

/** A text[] parameter (one bound value, not one per element). */
function pgTextArray(values: string[]): SQL {
  return sql`${sql.param(values)}::text[]`;
}

// ——— contact inboxes ———

export type InboxSummary = { id: number; name: string; channelType: string; avatarUrl: string | null };
export type ContactInboxView = { contactId: number; sourceId: string; pubsubToken: string; inbox: InboxSummary };

const inboxSummary = { id: inboxes.id, name: inboxes.name, channelType: inboxes.channelType, avatarUrl: inboxes.avatarUrl };

export async function listContactInboxes(db: Executor, contactIds: number[]): Promise<ContactInboxView[]> {
  if (contactIds.length === 0) return [];
  return db
    .select({ contactId: contactInboxes.contactId, sourceId: contactInboxes.sourceId, pubsubToken: contactInboxes.pubsubToken, inbox: inboxSummary })
    .from(contactInboxes)
    .innerJoin(inboxes, eq(inboxes.id, contactInboxes.inboxId))
    .where(inArray(contactInboxes.contactId, contactIds))
    .orderBy(asc(contactInboxes.id));
}

export async function insertContactInbox(
  db: Executor,
  values: { accountId: number; contactId: number; inboxId: number; sourceId: string; pubsubToken: string },
): Promise<void> {
  await db.insert(contactInboxes).values(values);
}

export async function sourceIdTaken(db: Executor, inboxId: number, sourceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: contactInboxes.id })
    .from(contactInboxes)
    .where(and(eq(contactInboxes.inboxId, inboxId), eq(contactInboxes.sourceId, sourceId)));
  return row !== undefined;
}

// ——— notes ———

export type NoteRow = {
  id: number;
  content: string;
  contactId: number;
  createdAt: Date;
  updatedAt: Date;
  userId: number | null;
  userName: string | null;
  userDisplayName: string | null;
  userEmail: string | null;
  userAvatarUrl: string | null;
  userAvailability: string | null;
};

function selectNotes(db: Executor) {
  return db
    .select({
      id: contactNotes.id,
      content: contactNotes.content,
      contactId: contactNotes.contactId,
      createdAt: contactNotes.createdAt,
      updatedAt: contactNotes.updatedAt,
      userId: users.id,
      userName: users.name,
      userDisplayName: users.displayName,
      userEmail: users.email,
      userAvatarUrl: users.avatarUrl,
      userAvailability: accountUsers.availability,
    })
    .from(contactNotes)
    .leftJoin(users, eq(users.id, contactNotes.userId))
    .leftJoin(accountUsers, and(eq(accountUsers.accountId, contactNotes.accountId), eq(accountUsers.userId, contactNotes.userId)));
}

/** A contact's notes, newest first (a contact has tens of them, not thousands). */
export async function listNotes(db: Executor, accountId: number, contactId: number): Promise<NoteRow[]> {
  return selectNotes(db)
    .where(and(eq(contactNotes.accountId, accountId), eq(contactNotes.contactId, contactId)))
    .orderBy(desc(contactNotes.id));
}

export async function findNote(db: Executor, accountId: number, contactId: number, noteId: number): Promise<NoteRow | undefined> {
  const [row] = await selectNotes(db).where(
    and(eq(contactNotes.accountId, accountId), eq(contactNotes.contactId, contactId), eq(contactNotes.id, noteId)),
  );
  return row;
}

export async function insertNote(db: Executor, values: { accountId: number; contactId: number; userId: number; content: string }): Promise<number> {
  const [row] = await db.insert(contactNotes).values(values).returning({ id: contactNotes.id });
  if (!row) throw new Error('note insert returned no row');
  return row.id;
}

export async function updateNote(db: Executor, accountId: number, contactId: number, noteId: number, content: string): Promise<boolean> {
  const rows = await db
    .update(contactNotes)
    .set({ content, updatedAt: sql`now()` })
    .where(and(eq(contactNotes.accountId, accountId), eq(contactNotes.contactId, contactId), eq(contactNotes.id, noteId)))
    .returning({ id: contactNotes.id });
  return rows.length > 0;
}

export async function deleteNote(db: Executor, accountId: number, contactId: number, noteId: number): Promise<boolean> {
  const rows = await db
    .delete(contactNotes)
    .where(and(eq(contactNotes.accountId, accountId), eq(contactNotes.contactId, contactId), eq(contactNotes.id, noteId)))
    .returning({ id: contactNotes.id });
  return rows.length > 0;
}

// ——— conversations (read for the contact page, moved by a merge) ———

export type ContactConversationRow = typeof conversations.$inferSelect;

/** The contact's 20 most recently active conversations in the given inboxes (all when undefined), as Chatwoot. */
export async function listContactConversations(
  db: Executor,
  accountId: number,
  contactId: number,
  inboxIds: number[] | undefined,
): Promise<ContactConversationRow[]> {
  if (inboxIds?.length === 0) return [];
  return db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.accountId, accountId),
        eq(conversations.contactId, contactId),
        inboxIds ? inArray(conversations.inboxId, inboxIds) : undefined,
      ),
    )
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(20);
}

/**
 * Gives the mergee's conversations, contact inboxes and notes to the base contact, and makes the
 * base the sender of the mergee's messages. Contact inboxes cannot clash: a source id is unique in
 * its inbox whoever holds it.
 */
export async function moveContactBelongings(db: Executor, accountId: number, fromContactId: number, toContactId: number): Promise<void> {
  const moved = await db
    .update(conversations)
    .set({ contactId: toContactId, updatedAt: sql`now()` })
    .where(and(eq(conversations.accountId, accountId), eq(conversations.contactId, fromContactId)))
    .returning({ id: conversations.id });
  if (moved.length > 0) {
    await db
      .update(messages)
      .set({ senderId: toContactId })
      .where(
        and(
          inArray(
            messages.conversationId,
            moved.map((c) => c.id),
          ),
          eq(messages.senderType, 'contact'),
          eq(messages.senderId, fromContactId),
        ),
      );
  }
  await db
    .update(contactInboxes)
    .set({ contactId: toContactId, updatedAt: sql`now()` })
    .where(and(eq(contactInboxes.accountId, accountId), eq(contactInboxes.contactId, fromContactId)));
  await db
    .update(contactNotes)
    .set({ contactId: toContactId })
    .where(and(eq(contactNotes.accountId, accountId), eq(contactNotes.contactId, fromContactId)));
}

/** The contact a channel names: by identifier first, then email, then phone number. */
export async function findContactByIdentity(
  db: Executor,
  accountId: number,
  identity: { identifier?: string | null | undefined; email?: string | null | undefined; phoneNumber?: string | null | undefined },
): Promise<ContactRow | undefined> {
  const tries: SQL[] = [];
  if (identity.identifier) tries.push(eq(contacts.identifier, identity.identifier));
  if (identity.email) tries.push(sql`lower(${contacts.email}) = lower(${identity.email})`);
  if (identity.phoneNumber) tries.push(eq(contacts.phoneNumber, identity.phoneNumber));
  for (const condition of tries) {
    const [row] = await db
      .select()
      .from(contacts)
      .where(and(eq(contacts.accountId, accountId), condition))
      .limit(1);
    if (row) return row;
  }
  return undefined;
}

export type ContactInboxRow = typeof contactInboxes.$inferSelect;

export async function insertChannelContactInbox(
  db: Executor,
  values: { accountId: number; contactId: number; inboxId: number; sourceId: string; pubsubToken: string; hmacVerified: boolean },
): Promise<ContactInboxRow> {
  const [row] = await db.insert(contactInboxes).values(values).returning();
  if (!row) throw new Error('insert contact_inboxes returned nothing');
  return row;
}

export async function findContactInboxBySource(db: Executor, inboxId: number, sourceId: string): Promise<ContactInboxRow | undefined> {
  const [row] = await db
    .select()
    .from(contactInboxes)
    .where(and(eq(contactInboxes.inboxId, inboxId), eq(contactInboxes.sourceId, sourceId)));
  return row;
}

/** A contact session in one query: the contact inbox of a source id and its contact. */
export async function findSessionBySource(db: Executor, inboxId: number, sourceId: string) {
  const [row] = await db
    .select({ contactInbox: contactInboxes, contact: contacts })
    .from(contactInboxes)
    .innerJoin(contacts, eq(contacts.id, contactInboxes.contactId))
    .where(and(eq(contactInboxes.inboxId, inboxId), eq(contactInboxes.sourceId, sourceId)));
  return row;
}

export async function markContactInboxVerified(db: Executor, id: number): Promise<void> {
  await db.update(contactInboxes).set({ hmacVerified: true, updatedAt: sql`now()` }).where(eq(contactInboxes.id, id));
}

// ——— bulk writes (CSV import) and export ———

export type IdentityRow = { id: number; email: string | null; phoneNumber: string | null; identifier: string | null };

/** The account's contacts holding any of these identifiers, emails (compared in lower case) or phone numbers. */
export async function findByIdentities(db: Executor, accountId: number, keys: { identifiers: string[]; emails: string[]; phones: string[] }): Promise<IdentityRow[]> {
  const matches: SQL[] = [];
  if (keys.identifiers.length > 0) matches.push(sql`${contacts.identifier} = ANY(${pgTextArray(keys.identifiers)})`);
  if (keys.emails.length > 0) matches.push(sql`lower(${contacts.email}) = ANY(${pgTextArray(keys.emails)})`);
  if (keys.phones.length > 0) matches.push(sql`${contacts.phoneNumber} = ANY(${pgTextArray(keys.phones)})`);
  if (matches.length === 0) return [];
  return db
    .select({ id: contacts.id, email: contacts.email, phoneNumber: contacts.phoneNumber, identifier: contacts.identifier })
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), or(...matches)));
}

export type BulkContact = {
  name: string | null;
  email: string | null;
  phoneNumber: string | null;
  identifier: string | null;
  additionalAttributes: Record<string, unknown>;
  customAttributes: Record<string, unknown>;
};

/** Inserts many contacts in one statement, the rows passed as one JSON parameter (not 6 per row). */
export async function insertMany(db: Executor, accountId: number, rows: BulkContact[]): Promise<void> {
  if (rows.length === 0) return;
  const data = JSON.stringify(
    rows.map((r) => ({ name: r.name ?? '', email: r.email, phone_number: r.phoneNumber, identifier: r.identifier, additional: r.additionalAttributes, custom: r.customAttributes })),
  );
  await db.execute(sql`
    INSERT INTO contacts (account_id, name, email, phone_number, identifier, additional_attributes, custom_attributes)
    SELECT ${accountId}, v.name, v.email, v.phone_number, v.identifier, coalesce(v.additional, '{}'::jsonb), coalesce(v.custom, '{}'::jsonb)
      FROM jsonb_to_recordset(${data}::jsonb) AS v(name text, email text, phone_number text, identifier text, additional jsonb, custom jsonb)`);
}

/**
 * Updates many contacts in one statement: given fields replace the stored ones, absent (null)
 * fields keep them, attributes merge key by key.
 */
export async function updateMany(db: Executor, accountId: number, rows: (BulkContact & { id: number })[]): Promise<void> {
  if (rows.length === 0) return;
  const data = JSON.stringify(
    rows.map((r) => ({ id: r.id, name: r.name, email: r.email, phone_number: r.phoneNumber, identifier: r.identifier, additional: r.additionalAttributes, custom: r.customAttributes })),
  );
  await db.execute(sql`
    UPDATE contacts AS c SET
      name = coalesce(v.name, c.name),
      email = coalesce(v.email, c.email),
      phone_number = coalesce(v.phone_number, c.phone_number),
      identifier = coalesce(v.identifier, c.identifier),
      additional_attributes = c.additional_attributes || coalesce(v.additional, '{}'::jsonb),
      custom_attributes = c.custom_attributes || coalesce(v.custom, '{}'::jsonb),
      updated_at = now()
    FROM jsonb_to_recordset(${data}::jsonb) AS v(id bigint, name text, email text, phone_number text, identifier text, additional jsonb, custom jsonb)
    WHERE c.account_id = ${accountId} AND c.id = v.id`);
}

/** Contacts of the account after `afterId`, by id (export pages), optionally matching a filter. */
export async function listForExport(db: Executor, input: { accountId: number; filter?: ContactFilter | undefined; afterId: number; limit: number }): Promise<ContactRow[]> {
  const parts: SQL[] = [];
  input.filter?.forEach(({ condition }, index) => {
    if (index > 0) parts.push(sql.raw(input.filter?.[index - 1]?.join === 'OR' ? ' OR ' : ' AND '));
    parts.push(sql`(${predicate(condition)})`);
  });
  return db
    .select()
    .from(contacts)
    .where(and(eq(contacts.accountId, input.accountId), sql`${contacts.id} > ${input.afterId}`, parts.length > 0 ? sql`(${sql.join(parts)})` : undefined))
    .orderBy(asc(contacts.id))
    .limit(input.limit);
}
