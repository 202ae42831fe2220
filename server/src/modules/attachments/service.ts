import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import { AppError, invalidField, notFound } from '../../platform/errors';
import type { EventHandler } from '../../platform/outbox/types';
import { StorageKeyError } from '../../platform/storage/storage';
import { randomToken } from '../../platform/tokens';
import { contentDisposition, displayFileName, storedFileName } from './file-names';
import { MAX_FILES_PER_REQUEST } from './multipart';
import { type AttachmentJson, presentAttachment } from './presenter';
import * as repository from './repository';
import type { AttachmentRow } from './repository';
import { SNIFF_BYTES, type SniffedType, sniffFileType } from './sniff';
import { spoolUpload, type SpooledFile, UploadInterruptedError, UploadTooLargeError } from './spool';
import { describeImage } from './thumbnail';
import { attachmentUrls, type Variant } from './urls';

export type { AttachmentJson } from './presenter';
export type { AttachmentRow } from './repository';

/** Recorded when attachments are deleted; after commit, a handler removes their stored objects. */
export const ATTACHMENT_REMOVED = 'attachment.removed';

/** Multipart fields that carry attachments: Chatwoot's `attachments[]`, and the same without brackets. */
const FILE_FIELDS = new Set(['attachments[]', 'attachments', 'message[attachments][]']);

/** A stored upload, ready to become an attachment row with `insertAttachments`. */
export type AttachmentUpload = {
  fileType: SniffedType['fileType'];
  contentType: string;
  /** The client's file name, cleaned (shown, and given back on download). */
  fileName: string;
  byteSize: number;
  storageKey: string;
  thumbnailKey: string | null;
  width: number | null;
  height: number | null;
};

/** A file part of a multipart body (what @fastify/multipart yields; any stream will do). */
export type UploadPart = { fieldname: string; filename: string; mimetype: string; file: Readable & { truncated?: boolean } };

type UploadContext = Pick<AppContext, 'config' | 'storage' | 'log'>;

/**
 * Takes one uploaded file: streams it to a temporary file while enforcing ATTACHMENT_MAX_BYTES
 * (413 as soon as it grows past it), tells its type from its first bytes (422 outside the
 * allow-list, whatever the client claims), stores it under a random key
 * `attachments/<account>/<yyyy>/<mm>/<random>/<name>` with, for images, a WebP thumbnail and the
 * size in pixels. Errors name the part's field (`attachments[]`).
 *
 * The objects exist from now on: insert the rows in the message's transaction
 * (`insertAttachments`), and call `discardUploads` if that transaction fails.
 */
export async function acceptUpload(ctx: UploadContext, accountId: number, part: UploadPart): Promise<AttachmentUpload> {
  const field = part.fieldname;
  let spooled: SpooledFile;
  try {
    spooled = await spoolUpload(part.file, { dir: join(ctx.config.dataDir, 'tmp'), maxBytes: ctx.config.attachmentMaxBytes, headBytes: SNIFF_BYTES });
  } catch (error) {
    throw uploadError(error, field, ctx.config.attachmentMaxBytes);
  }
  try {
    if (spooled.size === 0) throw invalidField(field, 'is an empty file', 'empty');
    const type = sniffFileType(spooled.head, { fileName: part.filename, declaredType: part.mimetype }, spooled.size > spooled.head.length);
    if (!type) {
      throw invalidField(field, 'is not an allowed type of file (images, audio, video, PDF, office documents, ZIP, plain text or CSV)', 'type_not_allowed');
    }
    const fileName = displayFileName(part.filename, type.extension);
    const now = new Date();
    const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    const folder = `attachments/${accountId}/${month}/${randomToken(16)}`;
    const storageKey = `${folder}/${storedFileName(fileName)}`;
    const image = type.fileType === 'image' ? await describeImage(spooled.path, ctx.log) : undefined;
    // Stored names start with a letter or digit, so this one never meets the original's.
    const thumbnailKey = image?.thumbnail ? `${folder}/_thumbnail.webp` : null;
    try {
      await ctx.storage.put(storageKey, createReadStream(spooled.path), { contentType: type.contentType, size: spooled.size });
      if (thumbnailKey && image?.thumbnail) {
        await ctx.storage.put(thumbnailKey, image.thumbnail, { contentType: 'image/webp', size: image.thumbnail.length });
      }
    } catch (error) {
      await deleteObjects(ctx, [storageKey, thumbnailKey]);
      throw error;
    }
    return {
      fileType: type.fileType,
      contentType: type.contentType,
      fileName,
      byteSize: spooled.size,
      storageKey,
      thumbnailKey,
      width: image?.width ?? null,
      height: image?.height ?? null,
    };
  } finally {
    await spooled.remove();
  }
}

/** The fields and stored files of a multipart request. */
export type UploadForm = {
  /** Field values by name (a repeated name gives an array); validate them like a JSON body. */
  fields: Record<string, unknown>;
  uploads: AttachmentUpload[];
};

/**
 * Reads a multipart request (on a route with `config: { multipart: true }`): every file of the
 * `attachments[]` field goes through `acceptUpload`, the other fields are collected. On any error
 * the files stored so far are removed again; malformed bodies are 400, limits 413, never 500.
 */
export async function readUploads(ctx: UploadContext, request: FastifyRequest, accountId: number): Promise<UploadForm> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Expected a multipart/form-data body');
  const fields: Record<string, unknown> = {};
  const uploads: AttachmentUpload[] = [];
  const parts = request.parts()[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await parts.next().catch((error: unknown) => {
        throw multipartError(error);
      });
      if (next.done) break;
      const part = next.value;
      if (part.type === 'file') {
        if (!FILE_FIELDS.has(part.fieldname)) {
          part.file.resume();
          throw invalidField(part.fieldname, 'does not take files (send them as attachments[])', 'unexpected_file');
        }
        uploads.push(await acceptUpload(ctx, accountId, part));
        continue;
      }
      if (part.valueTruncated) {
        throw new AppError('payload_too_large', `${part.fieldname} is too long`, [{ field: part.fieldname, message: 'is too long', code: 'too_long' }]);
      }
      if (typeof part.value === 'string' && (part.value.includes('\u0000') || !part.value.isWellFormed())) {
        throw invalidField(part.fieldname, 'contains characters that cannot be stored (NUL or broken Unicode)', 'invalid_characters');
      }
      const previous = fields[part.fieldname];
      fields[part.fieldname] = previous === undefined ? part.value : Array.isArray(previous) ? [...previous, part.value] : [previous, part.value];
    }
  } catch (error) {
    await discardUploads(ctx, uploads);
    // The rest of the body is not wanted: read it away so the connection stays usable.
    request.raw.unpipe();
    request.raw.resume();
    throw error;
  }
  return { fields, uploads };
}

/**
 * How other modules show attachments (inside messages): Chatwoot's shape, with this
 * installation's signed links.
 */
export function attachmentPresenter(ctx: Pick<AppContext, 'secretKeyBase' | 'config'>): (row: AttachmentRow) => AttachmentJson {
  const urls = attachmentUrls(ctx);
  return (row) => presentAttachment(row, urls);
}

/** Removes the stored objects of uploads whose rows were never committed (best effort). */
export async function discardUploads(ctx: Pick<AppContext, 'storage' | 'log'>, uploads: AttachmentUpload[]): Promise<void> {
  await deleteObjects(
    ctx,
    uploads.flatMap((u) => [u.storageKey, u.thumbnailKey]),
  );
}

/** Inserts the rows of stored uploads, in the caller's (the message's) transaction. */
export async function insertAttachments(tx: Executor, accountId: number, messageId: number, uploads: AttachmentUpload[]) {
  return repository.insertAttachments(
    tx,
    uploads.map((u) => ({ accountId, messageId, ...u })),
  );
}

/**
 * Deletes the attachments of these messages in the caller's transaction. Their stored objects go
 * after it commits (the `attachment.removed` event): a rollback or crash never leaves a row whose
 * file is gone.
 */
export async function removeAttachmentsOf(ctx: Pick<AppContext, 'outbox'>, tx: Executor, messageIds: number[]): Promise<number> {
  const removed = await repository.deleteAttachmentsOfMessages(tx, messageIds);
  const keysByAccount = new Map<number, string[]>();
  for (const row of removed) {
    const keys = keysByAccount.get(row.accountId) ?? [];
    for (const key of [row.storageKey, row.thumbnailKey]) if (key) keys.push(key);
    keysByAccount.set(row.accountId, keys);
  }
  for (const [accountId, keys] of keysByAccount) {
    if (keys.length > 0) await ctx.outbox.record(tx, { name: ATTACHMENT_REMOVED, accountId, payload: { account_id: accountId, keys } });
  }
  return removed.length;
}

const REMOVAL_BATCH = 1000;

/**
 * Before deleting an account, inbox, contact or conversations (whose rows cascade), deletes their
 * attachment rows in the caller's transaction and records the stored objects for removal after
 * commit, in batches, so no file outlives its message.
 */
export async function removeAttachmentsOfScope(ctx: Pick<AppContext, 'outbox'>, tx: Executor, scope: repository.AttachmentScope): Promise<number> {
  let removed = 0;
  for (;;) {
    const rows = await repository.deleteAttachmentBatch(tx, scope, REMOVAL_BATCH);
    if (rows.length === 0) return removed;
    removed += rows.length;
    const keys = rows.flatMap((row) => [row.storageKey, row.thumbnailKey].filter((k): k is string => k !== null));
    if (keys.length > 0) {
      await ctx.outbox.record(tx, { name: ATTACHMENT_REMOVED, accountId: scope.accountId, payload: { account_id: scope.accountId, keys } });
    }
  }
}

/** Removes the objects of removed attachments; deleting a missing object is fine, so retries are too. */
export function objectRemovalHandler(ctx: Pick<AppContext, 'storage' | 'log'>): EventHandler {
  return {
    name: 'attachments.delete-objects',
    events: [ATTACHMENT_REMOVED],
    async handle(event) {
      const keys = Array.isArray(event.payload.keys) ? event.payload.keys : [];
      for (const key of keys) {
        try {
          if (typeof key === 'string') await ctx.storage.delete(key);
        } catch (error) {
          if (!(error instanceof StorageKeyError)) throw error;
          ctx.log.warn({ eventId: event.id, key }, 'attachment removal skipped an invalid storage key');
        }
      }
    },
  };
}

/** What the download route serves: where the bytes are and how to describe them. */
export type AttachmentFile = {
  key: string;
  size: number;
  contentType: string;
  disposition: string;
  /** Objects never change (keys are random), so the key identifies the bytes. */
  etag: string;
};

/** Raster images and media are shown in the browser; anything else (SVG included) is downloaded. */
const INLINE_TYPES = /^(image\/(jpeg|png|gif|webp|avif|heic|heif)|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)$/;

/**
 * The file (or thumbnail) behind a signed link. 404 — and nothing else — for a bad signature, a
 * missing attachment or missing bytes, so links cannot be probed.
 */
export async function findAttachmentFile(
  ctx: Pick<AppContext, 'db' | 'storage' | 'secretKeyBase' | 'config'>,
  input: { id: number; signature: string; variant: Variant },
): Promise<AttachmentFile> {
  if (!attachmentUrls(ctx).verify(input.id, input.signature)) throw notFound('Attachment');
  const row = await repository.findAttachment(ctx.db, input.id);
  const key = input.variant === 'thumbnail' ? row?.thumbnailKey : row?.storageKey;
  if (!row || !key) throw notFound('Attachment');
  const size = input.variant === 'original' && row.byteSize !== null ? row.byteSize : (await ctx.storage.stat(key))?.size;
  if (size === undefined) throw notFound('Attachment');

  const fileName = row.fileName ?? key.slice(key.lastIndexOf('/') + 1);
  const contentType = input.variant === 'thumbnail' ? 'image/webp' : (row.contentType ?? 'application/octet-stream');
  const disposition =
    input.variant === 'thumbnail'
      ? contentDisposition('inline', `${fileName.replace(/\.[^.]*$/, '')}.webp`)
      : contentDisposition(INLINE_TYPES.test(contentType) ? 'inline' : 'attachment', fileName);
  return {
    key,
    size,
    contentType: contentType.startsWith('text/') ? `${contentType}; charset=utf-8` : contentType,
    disposition,
    etag: `"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`,
  };
}

function uploadError(error: unknown, field: string, maxBytes: number): unknown {
  if (error instanceof UploadTooLargeError) {
    const limit = `${Math.floor((maxBytes / (1024 * 1024)) * 10) / 10} MB`;
    return new AppError('payload_too_large', `${field} is larger than the ${limit} limit`, [
      { field, message: `is larger than the ${limit} limit (${maxBytes} bytes)`, code: 'too_large' },
    ]);
  }
  if (error instanceof UploadInterruptedError) {
    return new AppError('bad_request', `${field} was cut short: the multipart body is incomplete or malformed`, [
      { field, message: 'was cut short', code: 'interrupted' },
    ]);
  }
  return error;
}

/** Errors of the multipart parser, as client errors: its limits are 413, a malformed body 400. */
export function multipartError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_FILES_LIMIT') {
    return new AppError('payload_too_large', `At most ${MAX_FILES_PER_REQUEST} files per request`, [
      { field: 'attachments[]', message: `has more than ${MAX_FILES_PER_REQUEST} files`, code: 'too_many' },
    ]);
  }
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError('payload_too_large', 'The multipart body has too many parts or too large a part');
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('unsupported_media_type', 'Expected a multipart/form-data body');
  const message = error instanceof Error ? error.message.replace(/^FST_[A-Z_]+:\s*/, '') : String(error);
  return new AppError('bad_request', `The multipart body is malformed: ${message}`);
}

async function deleteObjects(ctx: Pick<AppContext, 'storage' | 'log'>, keys: (string | null)[]): Promise<void> {
  for (const key of keys) {
    if (!key) continue;
    await ctx.storage.delete(key).catch((error: unknown) => ctx.log.warn({ err: error, key }, 'could not remove a stored upload'));
  }
}
