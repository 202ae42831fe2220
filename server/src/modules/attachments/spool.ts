import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An upload written to a temporary file: its size, its first bytes, and a way to remove it. */
export type SpooledFile = { path: string; size: number; head: Buffer; remove(): Promise<void> };

/** The upload went past the size limit (its bytes so far are discarded). */
export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
  }
}

/** The client's stream failed (a broken or cut multipart body), as opposed to our disk. */
export class UploadInterruptedError extends Error {}

/** A stream that reports its size limit being hit, like busboy's file streams (`limit` event, `truncated`). */
type UploadStream = Readable & { truncated?: boolean };

/**
 * Copies an upload to a temporary file in `dir`, keeping its first `headBytes`, and fails as soon
 * as it grows past `maxBytes`: memory holds a chunk at a time, never the file. A size-limited
 * source (busboy) that cuts the file off at the limit counts as too large as well.
 */
export async function spoolUpload(source: UploadStream, options: { dir: string; maxBytes: number; headBytes: number }): Promise<SpooledFile> {
  await mkdir(options.dir, { recursive: true });
  // The multipart parser destroys a file stream whose body ended early, possibly before anyone
  // read it; piping a destroyed stream would wait forever.
  if (source.destroyed) throw new UploadInterruptedError('The file ended before it was complete');
  const path = join(options.dir, `${randomBytes(12).toString('hex')}.upload`);
  const remove = () => unlink(path).catch(() => {});
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  let sourceFailed = false;
  const onSourceError = () => {
    sourceFailed = true;
  };
  source.once('error', onSourceError);

  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > options.maxBytes) return done(new UploadTooLargeError(options.maxBytes));
      if (headLength < options.headBytes) {
        const part = chunk.subarray(0, options.headBytes - headLength);
        head.push(part);
        headLength += part.length;
      }
      done(null, chunk);
    },
  });
  const onLimit = () => measure.destroy(new UploadTooLargeError(options.maxBytes));
  source.once('limit', onLimit);

  try {
    await pipeline(source, measure, createWriteStream(path, { flags: 'wx' }));
    if (source.truncated) throw new UploadTooLargeError(options.maxBytes);
  } catch (error) {
    await remove();
    if (error instanceof UploadTooLargeError) throw error;
    // A source destroyed mid-way (the parser gave up on a broken body) closes "prematurely".
    if (sourceFailed || (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') {
      throw new UploadInterruptedError(error instanceof Error ? error.message : String(error));
    }
    throw error;
  } finally {
    source.off('limit', onLimit);
    source.off('error', onSourceError);
  }
  return { path, size, head: Buffer.concat(head), remove };
}
