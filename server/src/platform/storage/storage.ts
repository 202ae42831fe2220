import type { Readable } from 'node:stream';

/** What a stored object is, beyond its bytes. Content types live with the callers' own records. */
export type ObjectInfo = { size: number; lastModified: Date };

/** Inclusive byte offsets inside an object, already checked against its size. */
export type ByteRange = { start: number; end: number };

/** An object being read: its bytes (the whole object, or the asked range) and its info (`size` is the whole object's). */
export type StoredObject = ObjectInfo & { body: Readable };

export type PutOptions = {
  contentType: string;
  /** The exact byte count of the body; a body of another length fails and stores nothing. */
  size: number;
};

/**
 * Where files live: the local disk or an S3-compatible bucket, chosen by `STORAGE_SERVICE`. Keys
 * are relative paths made of `[A-Za-z0-9._-]` segments (none starting with a dot); anything else
 * is refused before touching the storage, so no key reaches outside it. Objects are written whole
 * or not at all, and callers never overwrite one (keys are random).
 */
export interface Storage {
  readonly kind: 'local' | 's3';
  put(key: string, body: Readable | Buffer, options: PutOptions): Promise<void>;
  /** The object's bytes, or only `range` of them; undefined when there is no such object. */
  get(key: string, range?: ByteRange): Promise<StoredObject | undefined>;
  stat(key: string): Promise<ObjectInfo | undefined>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  close(): void;
}

export class StorageKeyError extends Error {
  constructor(key: string) {
    super(`Invalid storage key ${JSON.stringify(key.slice(0, 200))}`);
    this.name = 'StorageKeyError';
  }
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const MAX_KEY_LENGTH = 1024;

/** Throws unless `key` is a relative path of plain segments (no `..`, no leading `/`, no dot files). */
export function assertValidKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) throw new StorageKeyError(String(key));
  for (const segment of key.split('/')) {
    if (!SEGMENT.test(segment)) throw new StorageKeyError(key);
  }
}
