import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { at, createdAt, id, ref, updatedAt } from './columns';
import { users } from './users';

/** How a custom attribute is shown and validated (Chatwoot's display types, in their numeric order). */
export const ATTRIBUTE_DISPLAY_TYPES = ['text', 'number', 'currency', 'percent', 'link', 'date', 'list', 'checkbox'] as const;
export type AttributeDisplayType = (typeof ATTRIBUTE_DISPLAY_TYPES)[number];
/** What a custom attribute describes (Chatwoot's numeric order: conversation 0, contact 1). */
export const ATTRIBUTE_MODELS = ['conversation_attribute', 'contact_attribute'] as const;
export type AttributeModel = (typeof ATTRIBUTE_MODELS)[number];

export const customAttributeDefinitions = pgTable(
  'custom_attribute_definitions',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    attributeDisplayName: text('attribute_display_name').notNull(),
    /** The key under `custom_attributes` of contacts or conversations. */
    attributeKey: text('attribute_key').notNull(),
    attributeDisplayType: text('attribute_display_type', { enum: ATTRIBUTE_DISPLAY_TYPES }).notNull().default('text'),
    attributeModel: text('attribute_model', { enum: ATTRIBUTE_MODELS }).notNull(),
    attributeDescription: text('attribute_description'),
    /** The choices of a `list` attribute. */
    attributeValues: jsonb('attribute_values').$type<string[]>().notNull().default([]),
    regexPattern: text('regex_pattern'),
    regexCue: text('regex_cue'),
    defaultValue: jsonb('default_value').$type<unknown>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('custom_attribute_definitions_key_idx').on(t.accountId, t.attributeModel, t.attributeKey)],
);

export const CUSTOM_FILTER_TYPES = ['conversation', 'contact', 'report'] as const;
export type CustomFilterType = (typeof CUSTOM_FILTER_TYPES)[number];

/** A user's saved advanced filter: a conversation folder or a contact segment. */
export const customFilters = pgTable(
  'custom_filters',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    filterType: text('filter_type', { enum: CUSTOM_FILTER_TYPES }).notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('custom_filters_user_idx').on(t.accountId, t.userId, t.filterType, t.id)],
);

export const CONTACT_IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ContactImportStatus = (typeof CONTACT_IMPORT_STATUSES)[number];

/** Which CSV column (0-based) feeds which contact field. */
export type ContactImportMapping = Record<string, number>;

/**
 * A CSV import of contacts, run by a background job in batches. `processedRows` moves forward in
 * the same transaction as each batch's writes: a job that dies resumes after the last committed batch.
 */
export const contactImports = pgTable(
  'contact_imports',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: ref('user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: CONTACT_IMPORT_STATUSES }).notNull().default('queued'),
    fileName: text('file_name').notNull(),
    /** The uploaded file (UTF-8 text), kept until the import ends so any worker can resume it. */
    source: text('source'),
    mapping: jsonb('mapping').$type<ContactImportMapping>().notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    rejectedCount: integer('rejected_count').notNull().default(0),
    error: text('error'),
    finishedAt: at('finished_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contact_imports_account_idx').on(t.accountId, t.id)],
);

/** A row an import refused, with why (the downloadable report). */
export const contactImportRejections = pgTable(
  'contact_import_rejections',
  {
    id: id(),
    importId: ref('import_id')
      .notNull()
      .references(() => contactImports.id, { onDelete: 'cascade' }),
    /** 1-based line of the data (the header is line 0). */
    rowNumber: integer('row_number').notNull(),
    reason: text('reason').notNull(),
    values: jsonb('values').$type<string[]>().notNull(),
  },
  (t) => [uniqueIndex('contact_import_rejections_row_idx').on(t.importId, t.rowNumber)],
);
