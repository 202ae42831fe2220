import { type SQL, sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { at, createdAt, id, ref, updatedAt } from './columns';
import { inboxes } from './inboxes';
import { users } from './users';

export const CONTACT_TYPES = ['visitor', 'lead', 'customer'] as const;

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull().default(''),
    /** Unique per account, compared in lower case. */
    email: text('email'),
    /** E.164 (+5511987654321), unique per account. */
    phoneNumber: text('phone_number'),
    /** The contact's id in the customer's own system, unique per account. */
    identifier: text('identifier'),
    avatarUrl: text('avatar_url'),
    contactType: text('contact_type', { enum: CONTACT_TYPES }).notNull().default('visitor'),
    blocked: boolean('blocked').notNull().default(false),
    /** company_name, city, country, country_code, description, social_profiles, browser data... */
    additionalAttributes: jsonb('additional_attributes').$type<Record<string, unknown>>().notNull().default({}),
    customAttributes: jsonb('custom_attributes').$type<Record<string, unknown>>().notNull().default({}),
    /** Label titles (the account's labels), kept here so filters need no join. */
    labels: text('labels').array().notNull().default(sql`'{}'::text[]`),
    lastActivityAt: at('last_activity_at'),
    /**
     * Everything a search box looks at, folded (`rh_search_text`), stored: a trigram match is
     * rechecked on every candidate row, and folding there (unaccent) made common terms 8× slower.
     */
    searchText: text('search_text').generatedAlwaysAs(
      (): SQL => sql`rh_search_text(${contacts.name}, ${contacts.email}, ${contacts.phoneNumber}, ${contacts.identifier})`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('contacts_account_idx').on(t.accountId, t.id),
    // Unique indexes also order the email and phone sorts of lists (NULLs never clash).
    uniqueIndex('contacts_account_email_idx').on(t.accountId, sql`lower(${t.email})`),
    uniqueIndex('contacts_account_phone_idx').on(t.accountId, t.phoneNumber),
    uniqueIndex('contacts_account_identifier_idx').on(t.accountId, t.identifier).where(sql`${t.identifier} IS NOT NULL`),
    // The other list orders: name (folded), newest, most recently active (the default; never active last).
    index('contacts_account_name_idx').on(t.accountId, sql`rh_fold(${t.name})`, t.id),
    index('contacts_account_created_idx').on(t.accountId, t.createdAt, t.id),
    index('contacts_account_activity_idx').on(t.accountId, t.lastActivityAt.desc().nullsLast(), t.id.desc().nullsFirst()),
    // The other list sorts. Email and phone with the id: a descending sort starts with the contacts
    // without one, ordered by id (the unique indexes above cannot hold the id).
    index('contacts_account_email_sort_idx').on(t.accountId, sql`lower(${t.email})`, t.id),
    index('contacts_account_phone_sort_idx').on(t.accountId, t.phoneNumber, t.id),
    // Activity, company and city: one index per direction (NULLS LAST both ways, as the lists order them).
    index('contacts_account_activity_asc_idx').on(t.accountId, t.lastActivityAt.asc().nullsLast(), t.id.asc()),
    index('contacts_account_company_idx').on(t.accountId, sql`(${t.additionalAttributes} ->> 'company_name')`, t.id),
    index('contacts_account_company_desc_idx').on(
      t.accountId,
      sql`(${t.additionalAttributes} ->> 'company_name') DESC NULLS LAST`,
      t.id.desc().nullsFirst(),
    ),
    index('contacts_account_city_idx').on(t.accountId, sql`(${t.additionalAttributes} ->> 'city')`, t.id),
    index('contacts_account_city_desc_idx').on(t.accountId, sql`(${t.additionalAttributes} ->> 'city') DESC NULLS LAST`, t.id.desc().nullsFirst()),
    index('contacts_labels_idx').using('gin', t.accountId, t.labels),
    // One trigram index over everything a search box looks at (accent- and case-folded).
    index('contacts_search_trgm_idx').using('gin', t.accountId, sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** A contact as known to one inbox: `source_id` is the channel's id for them (visitor session, API id, phone). */
export const contactInboxes = pgTable(
  'contact_inboxes',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    contactId: ref('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    inboxId: ref('inbox_id')
      .notNull()
      .references(() => inboxes.id, { onDelete: 'cascade' }),
    sourceId: text('source_id').notNull(),
    /** The contact's realtime token for this inbox (public API and widget). */
    pubsubToken: text('pubsub_token').notNull(),
    hmacVerified: boolean('hmac_verified').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('contact_inboxes_inbox_source_idx').on(t.inboxId, t.sourceId),
    uniqueIndex('contact_inboxes_pubsub_idx').on(t.pubsubToken),
    index('contact_inboxes_contact_idx').on(t.contactId),
  ],
);

/** Notes about a contact, written by agents ("Notas"). */
export const contactNotes = pgTable(
  'contact_notes',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    contactId: ref('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    userId: ref('user_id').references(() => users.id, { onDelete: 'set null' }),
    content: text('content').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contact_notes_contact_idx').on(t.contactId, t.id)],
);
