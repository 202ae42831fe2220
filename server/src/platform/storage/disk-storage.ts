import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidKey, type ByteRange, type ObjectInfo, type PutOptions, type Storage, StorageKeyError, type StoredObject } from './storage';

/**
 * Files under one directory (`DATA_DIR/storage`). A write goes to a temporary file in `.tmp`
 * (same file system), is flushed to disk, then renamed into place: readers see the whole file or
 * nothing, even after a crash.
 */
export class DiskStorage implements Storage {
  readonly kind = 'local' as const;
  private readonly root: string;
  private readonly tmp: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.tmp = join(this.root, '.tmp');
  }

  async put(key: string, body: Readable | Buffer, options: PutOptions): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(this.tmp, { recursive: true });
    const temporary = join(this.tmp, `${randomBytes(12).toString('hex')}.part`);
    try {
      let written = 0;
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          written += chunk.length;
          if (written > options.size) done(new Error(`Body of ${key} is longer than its declared ${options.size} bytes`));
          else done(null, chunk);
        },
      });
      await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, count, createWriteStream(temporary, { flags: 'wx' }));
      if (written !== options.size) throw new Error(`Body of ${key} has ${written} bytes, not the declared ${options.size}`);
      const handle = await open(temporary, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.moveIntoPlace(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => {});
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<StoredObject | undefined> {
    const path = this.pathOf(key);
    const handle = await open(path, 'r').catch(ifMissing(undefined));
    if (!handle) return undefined;
    try {
      const info = await handle.stat();
      // Reading from the open handle: a delete racing this read cannot cut the file short.
      const body = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
      return { size: info.size, lastModified: info.mtime, body };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async stat(key: string): Promise<ObjectInfo | undefined> {
    const info = await stat(this.pathOf(key)).catch(ifMissing(undefined));
    return info?.isFile() ? { size: info.size, lastModified: info.mtime } : undefined;
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== undefined;
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    await unlink(path).catch(ifMissing(undefined));
    // Keys usually sit in a directory of their own; leave no empty one behind (a shared one that
    // still holds files stays, and a concurrent put recreates what it needs).
    const parent = dirname(path);
    if (parent !== this.root) await rmdir(parent).catch(() => {});
  }

  close(): void {}

  private pathOf(key: string): string {
    assertValidKey(key);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new StorageKeyError(key);
    return path;
  }

  /** Renames into place, recreating the directory if a concurrent delete removed it meanwhile. */
  private async moveIntoPlace(temporary: string, target: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await mkdir(dirname(target), { recursive: true });
      try {
        await rename(temporary, target);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 3) throw error;
      }
    }
  }
}

function ifMissing<T>(value: T) {
  return (error: NodeJS.ErrnoException): T => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return value;
    throw error;
  };
}
