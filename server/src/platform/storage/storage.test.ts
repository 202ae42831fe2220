import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeS3 } from '../../../test/fake-s3';
import { loadConfig } from '../../config';
import { DiskStorage } from './disk-storage';
import { openStorage } from './open-storage';
import { S3Storage } from './s3-storage';
import { type Storage, StorageKeyError } from './storage';

const BUCKET = 'rockethub-test';
const TRAVERSALS = ['../outside', 'a/../../outside', '/etc/passwd', 'a//b', 'a/./b', '.hidden', 'a/.tmp/b', 'a\\..\\b', 'a/b/', '', 'ünïcode', 'a\u0000b'];

/** 3 chunks of random bytes, as a stream that is not a Buffer. */
function chunked(bytes: Buffer): Readable {
  const third = Math.ceil(bytes.length / 3);
  return Readable.from([bytes.subarray(0, third), bytes.subarray(third, 2 * third), bytes.subarray(2 * third)]);
}

describe('storage', () => {
  let dir: string;
  let fakeS3: Awaited<ReturnType<typeof startFakeS3>>;
  const storages: Record<'disk' | 's3', Storage> = {} as Record<'disk' | 's3', Storage>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rockethub-storage-'));
    fakeS3 = await startFakeS3(BUCKET);
    storages.disk = new DiskStorage(join(dir, 'storage'));
    storages.s3 = await S3Storage.open({
      bucket: BUCKET,
      region: 'us-east-1',
      endpoint: fakeS3.endpoint,
      accessKeyId: 'test-key',
      secretAccessKey: 'test-secret',
      forcePathStyle: true,
    });
  });
  afterAll(async () => {
    storages.s3?.close();
    await fakeS3.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const kind of ['disk', 's3'] as const) {
    describe(kind, () => {
      const key = () => `attachments/7/2026/01/${randomBytes(8).toString('hex')}/photo_1.png`;

      it('stores a stream and a buffer and reads back the same bytes, size and time', async () => {
        const storage = storages[kind];
        const bytes = randomBytes(200_000);
        const k = key();
        const before = Date.now() - 2000;
        await storage.put(k, chunked(bytes), { contentType: 'image/png', size: bytes.length });
        const object = await storage.get(k);
        expect(object?.size).toBe(bytes.length);
        expect(object!.lastModified.getTime()).toBeGreaterThan(before);
        expect((await buffer(object!.body)).equals(bytes)).toBe(true);
        expect(await storage.stat(k)).toMatchObject({ size: bytes.length });
        expect(await storage.exists(k)).toBe(true);

        const small = Buffer.from('hello');
        const k2 = key();
        await storage.put(k2, small, { contentType: 'text/plain', size: small.length });
        expect((await buffer((await storage.get(k2))!.body)).toString()).toBe('hello');
      });

      it('reads a byte range, reporting the whole size', async () => {
        const storage = storages[kind];
        const bytes = randomBytes(10_000);
        const k = key();
        await storage.put(k, bytes, { contentType: 'audio/ogg', size: bytes.length });
        for (const [start, end] of [
          [0, 0],
          [100, 1099],
          [9_000, 9_999],
        ] as const) {
          const part = await storage.get(k, { start, end });
          expect(part?.size).toBe(10_000);
          expect((await buffer(part!.body)).equals(bytes.subarray(start, end + 1))).toBe(true);
        }
      });

      it('answers undefined for a missing object, and deletes idempotently', async () => {
        const storage = storages[kind];
        const k = key();
        expect(await storage.get(k)).toBeUndefined();
        expect(await storage.stat(k)).toBeUndefined();
        expect(await storage.exists(k)).toBe(false);
        await storage.put(k, Buffer.from('x'), { contentType: 'text/plain', size: 1 });
        await storage.delete(k);
        await storage.delete(k);
        expect(await storage.exists(k)).toBe(false);
        expect(await storage.get(k)).toBeUndefined();
      });

      it('refuses keys that could leave the storage, before touching it', async () => {
        const storage = storages[kind];
        const requestsBefore = fakeS3.requests.length;
        for (const bad of TRAVERSALS) {
          await expect(storage.put(bad, Buffer.from('x'), { contentType: 'text/plain', size: 1 }), bad).rejects.toBeInstanceOf(StorageKeyError);
          await expect(storage.get(bad), bad).rejects.toBeInstanceOf(StorageKeyError);
          await expect(storage.stat(bad), bad).rejects.toBeInstanceOf(StorageKeyError);
          await expect(storage.delete(bad), bad).rejects.toBeInstanceOf(StorageKeyError);
        }
        expect(fakeS3.requests.length).toBe(requestsBefore);
        expect(existsSync(join(dir, 'outside'))).toBe(false);
      });
    });
  }

  describe('disk', () => {
    const root = () => join(dir, 'storage');

    it('never shows a partial file: a failing body leaves nothing, not even a temporary file', async () => {
      const storage = storages.disk;
      const k = 'partial/a/file.bin';
      const failing = new Readable({
        read() {
          this.push(randomBytes(64 * 1024));
          this.destroy(new Error('client went away'));
        },
      });
      await expect(storage.put(k, failing, { contentType: 'application/octet-stream', size: 1_000_000 })).rejects.toThrow('client went away');
      expect(await storage.exists(k)).toBe(false);
      expect(readdirSync(join(root(), '.tmp'))).toEqual([]);
    });

    it('refuses a body whose length differs from the declared size', async () => {
      const storage = storages.disk;
      await expect(storage.put('sizes/short.bin', Buffer.alloc(10), { contentType: 'text/plain', size: 11 })).rejects.toThrow(/10 bytes/);
      await expect(storage.put('sizes/long.bin', Buffer.alloc(12), { contentType: 'text/plain', size: 11 })).rejects.toThrow(/longer/);
      expect(await storage.exists('sizes/short.bin')).toBe(false);
      expect(await storage.exists('sizes/long.bin')).toBe(false);
      expect(readdirSync(join(root(), '.tmp'))).toEqual([]);
    });

    it('removes the emptied directory of a deleted object, and keeps one that still holds files', async () => {
      const storage = storages.disk;
      await storage.put('dirs/one/a.txt', Buffer.from('a'), { contentType: 'text/plain', size: 1 });
      await storage.put('dirs/two/b.txt', Buffer.from('b'), { contentType: 'text/plain', size: 1 });
      await storage.put('dirs/two/c.txt', Buffer.from('c'), { contentType: 'text/plain', size: 1 });
      await storage.delete('dirs/one/a.txt');
      await storage.delete('dirs/two/b.txt');
      expect(readdirSync(join(root(), 'dirs')).sort()).toEqual(['two']);
      expect(await storage.exists('dirs/two/c.txt')).toBe(true);
    });
  });

  describe('s3', () => {
    it('sends S3 requests: path-style URLs, signed, with a payload hash header and the content type', async () => {
      const storage = storages.s3;
      const k = 'shape/9/file name.txt'.replace(' ', '_');
      const first = fakeS3.requests.length;
      const bytes = randomBytes(1000);
      await storage.put(k, chunked(bytes), { contentType: 'text/csv', size: bytes.length });
      await storage.stat(k);
      await buffer((await storage.get(k, { start: 0, end: 9 }))!.body);
      await storage.delete(k);
      const seen = fakeS3.requests.slice(first);
      expect(seen.map((r) => [r.method, r.path])).toEqual([
        ['PUT', `/${BUCKET}/${k}`],
        ['HEAD', `/${BUCKET}/${k}`],
        ['GET', `/${BUCKET}/${k}`],
        ['DELETE', `/${BUCKET}/${k}`],
      ]);
      for (const request of seen) {
        expect(request.headers['x-amz-content-sha256']).toEqual(expect.any(String));
        expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test-key\//);
      }
      expect(seen[0]).toMatchObject({ bodyLength: 1000, headers: expect.objectContaining({ 'content-type': 'text/csv', 'content-length': '1000' }) });
      expect(seen[2]?.headers.range).toBe('bytes=0-9');
    });

    it('reports a missing bucket as an error, not as a missing object', async () => {
      const wrong = await S3Storage.open({
        bucket: 'no-such-bucket',
        region: 'us-east-1',
        endpoint: fakeS3.endpoint,
        accessKeyId: 'k',
        secretAccessKey: 's',
        forcePathStyle: true,
      });
      try {
        await expect(wrong.get('a/b')).rejects.toThrow();
      } finally {
        wrong.close();
      }
    });
  });

  it('opens the storage the configuration names', async () => {
    const local = await openStorage(loadConfig({ DATA_DIR: dir }));
    expect(local).toBeInstanceOf(DiskStorage);
    const s3Config = loadConfig({
      DATA_DIR: dir,
      STORAGE_SERVICE: 's3',
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: fakeS3.endpoint,
      S3_ACCESS_KEY_ID: 'k',
      S3_SECRET_ACCESS_KEY: 's',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(s3Config.storage).toMatchObject({ service: 's3', bucket: BUCKET, region: 'us-east-1', forcePathStyle: true });
    const s3 = await openStorage(s3Config);
    try {
      expect(s3.kind).toBe('s3');
      await s3.put('config/probe.txt', Buffer.from('ok'), { contentType: 'text/plain', size: 2 });
      expect(fakeS3.objects.get('config/probe.txt')?.body.toString()).toBe('ok');
    } finally {
      s3.close();
    }
    expect(() => loadConfig({ STORAGE_SERVICE: 's3' })).toThrow(/S3_BUCKET/);
    expect(loadConfig({}).attachmentMaxBytes).toBe(40 * 1024 * 1024);
    expect(loadConfig({ ATTACHMENT_MAX_BYTES: '1000' }).attachmentMaxBytes).toBe(1000);
  });
});
