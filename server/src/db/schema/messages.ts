import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, smallint, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { at, createdAt, id, ref, updatedAt } from './columns';
import { conversations } from './conversations';
import { inboxes } from './inboxes';

/** Chatwoot's numbering: 0 incoming, 1 outgoing, 2 activity, 3 template. */
export const MESSAGE_TYPES = ['incoming', 'outgoing', 'activity', 'template'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const MESSAGE_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const SENDER_TYPES = ['user', 'contact', 'agent_bot'] as const;
export type SenderType = (typeof SENDER_TYPES)[number];

export const messages = pgTable(
  'messages',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    conversationId: ref('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    inboxId: ref('inbox_id')
      .notNull()
      .references(() => inboxes.id, { onDelete: 'cascade' }),
    /** 0 incoming, 1 outgoing, 2 activity, 3 template. */
    messageType: smallint('message_type').notNull(),
    content: text('content'),
    contentType: text('content_type').notNull().default('text'),
    /** in_reply_to, deleted, external_error, items (input_select/cards), submitted_values... */
    contentAttributes: jsonb('content_attributes').$type<Record<string, unknown>>().notNull().default({}),
    additionalAttributes: jsonb('additional_attributes').$type<Record<string, unknown>>().notNull().default({}),
    externalSourceIds: jsonb('external_source_ids').$type<Record<string, unknown>>().notNull().default({}),
    private: boolean('private').notNull().default(false),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull().default('sent'),
    /** The channel's id of this message (for delivery receipts and de-duplication). */
    sourceId: text('source_id'),
    senderType: text('sender_type', { enum: SENDER_TYPES }),
    senderId: ref('sender_id'),
    /** Emoji reactions: [{ emoji, sender_type, sender_id, created_at }]. */
    reactions: jsonb('reactions').$type<{ emoji: string; sender_type: string; sender_id: number; created_at: number }[]>().notNull().default([]),
    deletedAt: at('deleted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('messages_conversation_idx').on(t.conversationId, t.id),
    index('messages_account_created_idx').on(t.accountId, t.createdAt),
    uniqueIndex('messages_inbox_source_idx').on(t.inboxId, t.sourceId).where(sql`${t.sourceId} IS NOT NULL`),
    // Full text (accent- and case-insensitive, any language: 'simple' dictionary + unaccent) lives in
    // the stored column `search_vector` = rh_search_vector(content) with the GIN index
    // messages_search_idx (account_id, search_vector), both written by hand in migration 0005: they
    // stay out of this schema so that reading messages never carries the vector.
  ],
);

export const FILE_TYPES = ['image', 'audio', 'video', 'file', 'location', 'fallback', 'share', 'story_mention', 'contact'] as const;
export type FileType = (typeof FILE_TYPES)[number];

export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    accountId: ref('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    messageId: ref('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    fileType: text('file_type', { enum: FILE_TYPES }).notNull(),
    /** Where the bytes are, in the storage (disk or S3-compatible); null for external links. */
    storageKey: text('storage_key'),
    thumbnailKey: text('thumbnail_key'),
    externalUrl: text('external_url'),
    fileName: text('file_name'),
    contentType: text('content_type'),
    byteSize: integer('byte_size'),
    width: integer('width'),
    height: integer('height'),
    /** location: { latitude, longitude, title }; contact cards, etc. */
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_message_idx').on(t.messageId)],
);
