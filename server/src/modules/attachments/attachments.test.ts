import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../../../test/builders';
import { expectError, settleDeliveries } from '../../../test/expect-api';
import { startFakeS3 } from '../../../test/fake-s3';
import { startTestApp, type TestApp, testConfig } from '../../../test/harness';
import { waitFor } from '../../../test/wait';
import type { AppContext } from '../../context';
import { attachments, contacts, conversations, inboxes, messages, outbox } from '../../db/schema';
import { modules } from '../index';
import type { Module } from '../module';
import type { AttachmentJson } from './presenter';
import { acceptUpload, attachmentPresenter, type AttachmentUpload, discardUploads, insertAttachments, readUploads, removeAttachmentsOf } from './service';
import { attachmentUrls } from './urls';
import { BOUNDARY, filePart, multipart, type Part } from '../../../test/multipart';

/** The garbage collector, callable (tests measure live memory). */
function forceGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const file = filePart;

const ELF = Buffer.concat([Buffer.from('7f454c460201010000000000000000000300', 'hex'), randomBytes(2000)]);

async function image(format: 'png' | 'jpeg' | 'webp', width: number, height: number, orientation?: number) {
  let pipeline = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 30 } } });
  if (orientation) pipeline = pipeline.withMetadata({ orientation });
  return pipeline.toFormat(format).toBuffer();
}

/**
 * Test-only routes, plugged in as a module before the app is built (production code has none):
 * one reads uploads as the messages endpoint will, one also attaches them to a message.
 */
function uploadRoutesModule(): Module {
  return {
    name: 'attachments-test-routes',
    routes(app: FastifyInstance, ctx: AppContext) {
      app.post<{ Params: { account_id: string } }>(
        '/test/accounts/:account_id/uploads',
        { config: { multipart: true } },
        async (request) => readUploads(ctx, request, Number(request.params.account_id)),
      );
      app.post<{ Params: { account_id: string; message_id: string } }>(
        '/test/accounts/:account_id/messages/:message_id/attachments',
        { config: { multipart: true } },
        async (request) => {
          const accountId = Number(request.params.account_id);
          const form = await readUploads(ctx, request, accountId);
          try {
            const rows = await ctx.transaction(async (tx) => {
              const inserted = await insertAttachments(tx, accountId, Number(request.params.message_id), form.uploads);
              if (form.fields.fail === 'yes') throw new Error('the message could not be saved');
              return inserted;
            });
            return rows.map(attachmentPresenter(ctx));
          } catch (error) {
            await discardUploads(ctx, form.uploads);
            throw error;
          }
        },
      );
    },
  };
}

/** An inbox, contact, conversation and message of the account, inserted directly. */
async function buildMessage(ctx: AppContext, accountId: number): Promise<number> {
  return ctx.transaction(async (tx) => {
    const [inbox] = await tx
      .insert(inboxes)
      .values({ accountId, name: 'API', channelType: 'api', channelIdentifier: randomBytes(8).toString('hex'), hmacToken: 'x' })
      .returning();
    const [contact] = await tx.insert(contacts).values({ accountId, name: 'Bia' }).returning();
    const [conversation] = await tx
      .insert(conversations)
      .values({ accountId, displayId: Math.floor(Math.random() * 1e9), inboxId: inbox!.id, contactId: contact!.id })
      .returning();
    const [message] = await tx
      .insert(messages)
      .values({ accountId, conversationId: conversation!.id, inboxId: inbox!.id, messageType: 1, content: 'files' })
      .returning();
    return message!.id;
  });
}

type Presented = AttachmentJson;
const pathOf = (url: string) => url.replace('http://rockethub.test', '');

describe('attachments', () => {
  const testModule = uploadRoutesModule();
  let dataDir: string;
  let t: TestApp;

  beforeAll(async () => {
    modules.push(testModule);
    dataDir = mkdtempSync(join(tmpdir(), 'rockethub-attachments-'));
    t = await startTestApp({ dataDir });
  });
  afterAll(async () => {
    await t?.close();
    modules.splice(modules.indexOf(testModule), 1);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const list = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : []);
  const storedFiles = () => list(join(dataDir, 'storage')).length;
  const spoolFiles = () => list(join(dataDir, 'tmp')).map((e) => e.name);

  async function upload(accountId: number, parts: Part[]) {
    return t.request({ method: 'POST', url: `/test/accounts/${accountId}/uploads`, ...multipart(parts) });
  }

  async function attach(accountId: number, messageId: number, parts: Part[]) {
    const res = await t.request({ method: 'POST', url: `/test/accounts/${accountId}/messages/${messageId}/attachments`, ...multipart(parts) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Presented[];
  }

  describe('acceptUpload', () => {
    it('stores images with a WebP thumbnail of at most 320 px and their size as shown', async () => {
      const a = await buildAccount(t.ctx);
      const png = await image('png', 800, 600);
      const jpeg = await image('jpeg', 600, 400, 6); // stored sideways: shown 400 × 600
      const webp = await image('webp', 100, 50);
      const res = await upload(a.id, [
        { name: 'content', data: 'Olá' },
        file(png, 'tela.png', 'image/png'),
        file(jpeg, 'foto.jpg', 'image/jpeg'),
        file(webp, 'icone.webp', 'image/webp'),
      ]);
      expect(res.statusCode, res.body).toBe(200);
      const { fields, uploads } = res.json() as { fields: Record<string, unknown>; uploads: AttachmentUpload[] };
      expect(fields).toEqual({ content: 'Olá' });
      expect(uploads.map((u) => [u.fileType, u.contentType, u.fileName, u.byteSize, u.width, u.height])).toEqual([
        ['image', 'image/png', 'tela.png', png.length, 800, 600],
        ['image', 'image/jpeg', 'foto.jpg', jpeg.length, 400, 600],
        ['image', 'image/webp', 'icone.webp', webp.length, 100, 50],
      ]);
      const thumbnailSizes: [number, number][] = [];
      for (const u of uploads) {
        expect(u.storageKey).toMatch(new RegExp(`^attachments/${a.id}/\\d{4}/\\d{2}/[A-Za-z0-9_-]{22}/[a-z]+\\.(png|jpg|webp)$`));
        expect(u.thumbnailKey).toBe(u.storageKey.replace(/[^/]+$/, '_thumbnail.webp'));
        const thumbnail = await t.ctx.storage.get(u.thumbnailKey!);
        const metadata = await sharp(Buffer.concat(await thumbnail!.body.toArray())).metadata();
        expect(metadata.format).toBe('webp');
        thumbnailSizes.push([metadata.width, metadata.height]);
      }
      expect(thumbnailSizes).toEqual([
        [320, 240],
        [213, 320],
        [100, 50],
      ]);
      expect(new Set(uploads.map((u) => u.storageKey.split('/')[4])).size).toBe(3);
      expect(spoolFiles()).toEqual([]);
    });

    it('trusts the bytes, not the name or claimed type: a PNG sent as a PDF is an image', async () => {
      const a = await buildAccount(t.ctx);
      const res = await upload(a.id, [file(await image('png', 10, 10), 'contrato.pdf', 'application/pdf')]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().uploads[0]).toMatchObject({ fileType: 'image', contentType: 'image/png', fileName: 'contrato.pdf', thumbnailKey: expect.any(String) });
    });

    it('classifies audio, video and documents, without thumbnails', async () => {
      const a = await buildAccount(t.ctx);
      const ogg = Buffer.concat([Buffer.from('OggS\x00\x02\x00\x00\x00\x00\x00\x00\x00\x00OpusHead', 'latin1'), randomBytes(3000)]);
      const mp4 = Buffer.concat([Buffer.from('00000020', 'hex'), Buffer.from('ftypisom', 'latin1'), randomBytes(3000)]);
      const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3000)]);
      const csv = Buffer.from('nome,cidade\nAna,Recife\n');
      const res = await upload(a.id, [file(ogg, 'voz.ogg', 'audio/ogg'), file(mp4, 'video.mp4'), file(pdf, 'nota fiscal.pdf'), file(csv, 'clientes.csv', 'text/csv')]);
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json().uploads as AttachmentUpload[]).map((u) => [u.fileType, u.contentType, u.thumbnailKey, u.width])).toEqual([
        ['audio', 'audio/ogg', null, null],
        ['video', 'video/mp4', null, null],
        ['file', 'application/pdf', null, null],
        ['file', 'text/csv', null, null],
      ]);
    });

    it('refuses an executable named .jpg with 422 on attachments[], storing nothing, and removes the files already stored', async () => {
      const a = await buildAccount(t.ctx);
      const before = storedFiles();
      const res = await upload(a.id, [file(await image('png', 20, 20), 'ok.png', 'image/png'), file(ELF, 'foto.jpg', 'image/jpeg')]);
      const body = expectError(res, 422, 'attachments[]');
      expect(body.errors[0]?.code).toBe('type_not_allowed');
      expect(storedFiles()).toBe(before);
      expect(spoolFiles()).toEqual([]);
    });

    it('refuses an empty file', async () => {
      const a = await buildAccount(t.ctx);
      expectError(await upload(a.id, [file(Buffer.alloc(0), 'vazio.txt', 'text/plain')]), 422, 'attachments[]');
    });

    it('stops reading at the size limit: exactly the limit is fine, one byte more is 413, whatever the stream', async () => {
      const a = await buildAccount(t.ctx);
      const ctx = { ...t.ctx, config: { ...t.ctx.config, attachmentMaxBytes: 1000 } };
      const part = (size: number) => ({ fieldname: 'attachments[]', filename: 'a.txt', mimetype: 'text/plain', file: Readable.from([Buffer.alloc(size, 'a')]) });
      await expect(acceptUpload(ctx, a.id, part(1000))).resolves.toMatchObject({ byteSize: 1000, contentType: 'text/plain' });
      const error = await acceptUpload(ctx, a.id, part(1001)).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 413, code: 'payload_too_large', errors: [{ field: 'attachments[]', code: 'too_large' }] });

      // An endless source is cut off at the limit: the generator is not drained.
      let produced = 0;
      const endless = Readable.from(
        (function* () {
          for (;;) {
            produced += 100;
            yield Buffer.alloc(100, 'b');
          }
        })(),
      );
      await expect(acceptUpload(ctx, a.id, { ...part(0), file: endless })).rejects.toMatchObject({ status: 413 });
      expect(produced).toBeLessThan(100_000);
      expect(spoolFiles()).toEqual([]);
    });

    it('refuses a 41 MB upload over HTTP with 413 while it streams, without holding it in memory', async () => {
      const a = await buildAccount(t.ctx);
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' }).then(() => t.app.server.address() as AddressInfo);
      const before = storedFiles();
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const total = 41 * 1024 * 1024;
      // Live memory after a forced collection: chunks already streamed to disk count for nothing,
      // a file held in memory would. (Resident memory also counts uncollected garbage: too noisy.)
      const gc = forceGc();
      const live = async () => {
        gc();
        // Freed buffers leave the count once V8's concurrent sweeper has run.
        await new Promise((resolve) => setTimeout(resolve, 20));
        gc();
        const usage = process.memoryUsage();
        return usage.heapUsed + usage.arrayBuffers;
      };
      const baseline = await live();
      let midway = 0;
      let produced = 0;

      const head = Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="attachments[]"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n`,
      );
      const body = Readable.from(
        (async function* () {
          yield head;
          for (; produced < total; produced += chunk.length) {
            // By now the server has read well over 30 MB of the file.
            if (produced === 36 * 1024 * 1024) midway = await live();
            yield chunk;
          }
          yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
        })(),
      );
      const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = httpRequest(
          {
            host: address.address,
            port: address.port,
            method: 'POST',
            path: `/test/accounts/${a.id}/uploads`,
            headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'transfer-encoding': 'chunked' },
          },
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        request.on('error', reject);
        body.pipe(request);
      });

      expect(response.status, response.body).toBe(413);
      const error = JSON.parse(response.body);
      expect(error).toMatchObject({ code: 'payload_too_large', errors: [{ field: 'attachments[]', code: 'too_large' }] });
      expect(midway, 'measured midway').toBeGreaterThan(0);
      expect(midway - baseline, `live memory grew by ${((midway - baseline) / 1e6).toFixed(1)} MB`).toBeLessThan(16 * 1024 * 1024);
      await waitFor(() => spoolFiles().length === 0);
      expect(storedFiles()).toBe(before);
      // The server still answers on the same app afterwards.
      const again = await upload(a.id, [file('small', 'small.txt', 'text/plain')]);
      expect(again.statusCode).toBe(200);
    }, 60_000);
  });

  describe('multipart requests', () => {
    it('answers malformed bodies and limits with 4xx in the error shape, never 500', async () => {
      const a = await buildAccount(t.ctx);
      const url = `/test/accounts/${a.id}/uploads`;
      const cases: [string, object, number, string?][] = [
        ['no boundary', { payload: 'abc', headers: { 'content-type': 'multipart/form-data' } }, 400],
        [
          'a file cut short',
          { payload: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="attachments[]"; filename="a.txt"\r\n\r\nhello`, headers: multipart([]).headers },
          400,
          'attachments[]',
        ],
        ['eleven files', multipart(Array.from({ length: 11 }, (_, i) => file(`text ${i}`, `f${i}.txt`, 'text/plain'))), 413, 'attachments[]'],
        ['a file in another field', multipart([{ name: 'avatar', filename: 'a.png', contentType: 'image/png', data: 'x' }]), 422, 'avatar'],
        ['a field over 1 MB', multipart([{ name: 'content', data: 'x'.repeat(1024 * 1024 + 1) }]), 413, 'content'],
        ['a NUL in a field', multipart([{ name: 'content', data: 'a\u0000b' }]), 422, 'content'],
        ['JSON instead of multipart', { payload: { content: 'x' } }, 415],
      ];
      for (const [label, options, status, field] of cases) {
        const before = storedFiles();
        const res = await t.request({ method: 'POST', url, ...options });
        expect(res.statusCode, `${label}: ${res.body.slice(0, 300)}`).toBe(status);
        expectError(res, status, field);
        expect(storedFiles(), label).toBe(before);
      }
    });

    it('leaves JSON routes as they were: JSON works, a multipart body gets 415', async () => {
      const a = await buildAccount(t.ctx);
      const url = `/api/v1/accounts/${a.id}/agents`;
      const json = await t.request({ method: 'POST', url, token: a.admin.token, payload: { name: 'Caio', email: `caio-${randomBytes(3).toString('hex')}@example.test`, role: 'agent' } });
      expect(json.statusCode, json.body).toBe(200);
      const form = await t.request({ method: 'POST', url, token: a.admin.token, ...multipart([{ name: 'name', data: 'Caio' }, file('x', 'x.txt')]) });
      expectError(form, 415);
      const profile = await t.request({ method: 'PUT', url: '/api/v1/profile', token: a.admin.token, ...multipart([{ name: 'name', data: 'Caio' }]) });
      expectError(profile, 415);
    });
  });

  describe('serving', () => {
    it('presents attachments in Chatwoot’s shape, with signed links that serve the same bytes', async () => {
      const a = await buildAccount(t.ctx);
      const messageId = await buildMessage(t.ctx, a.id);
      const png = await image('png', 640, 480);
      const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(5000)]);
      const [shown, document] = await attach(a.id, messageId, [file(png, 'Praia de Boa Viagem.png', 'image/png'), file(pdf, 'Relatório.pdf', 'application/pdf')]);
      expect(Object.keys(shown!).sort()).toEqual(
        ['account_id', 'data_url', 'extension', 'file_size', 'file_type', 'height', 'id', 'message_id', 'thumb_url', 'width'].sort(),
      );
      expect(shown).toMatchObject({ message_id: messageId, account_id: a.id, file_type: 'image', extension: 'png', file_size: png.length, width: 640, height: 480 });
      expect(shown!.data_url).toMatch(new RegExp(`^http://rockethub\\.test/attachments/${shown!.id}/[A-Za-z0-9_-]{22}/Praia_de_Boa_Viagem\\.png$`));
      expect(shown!.thumb_url).toBe(shown!.data_url.replace(/\/([^/]+)\.png$/, '/thumbnail/$1.webp'));
      expect(document).toMatchObject({ file_type: 'file', extension: 'pdf', thumb_url: '', width: null, height: null });

      const original = await t.request({ method: 'GET', url: pathOf(shown!.data_url) });
      expect(original.statusCode).toBe(200);
      expect(original.rawPayload.equals(png)).toBe(true);
      expect(original.headers).toMatchObject({
        'content-type': 'image/png',
        'content-length': String(png.length),
        'content-disposition': `inline; filename="Praia de Boa Viagem.png"; filename*=UTF-8''Praia%20de%20Boa%20Viagem.png`,
        'cache-control': 'private, max-age=31536000, immutable',
        'accept-ranges': 'bytes',
        'x-content-type-options': 'nosniff',
        etag: expect.stringMatching(/^"[A-Za-z0-9_-]{27}"$/),
      });
      const thumbnail = await t.request({ method: 'GET', url: pathOf(shown!.thumb_url) });
      expect(thumbnail.statusCode).toBe(200);
      expect(thumbnail.headers['content-type']).toBe('image/webp');
      expect(await sharp(thumbnail.rawPayload).metadata()).toMatchObject({ format: 'webp', width: 320, height: 240 });
      expect(thumbnail.headers.etag).not.toBe(original.headers.etag);

      const download = await t.request({ method: 'GET', url: pathOf(document!.data_url) });
      expect(download.rawPayload.equals(pdf)).toBe(true);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toMatch(/^attachment; filename="Relat_rio.pdf"; filename\*=UTF-8''Relat%C3%B3rio\.pdf$/);
      expectError(await t.request({ method: 'GET', url: pathOf(document!.data_url).replace(/\/([^/]+)$/, '/thumbnail/$1') }), 404);

      const head = await t.request({ method: 'HEAD', url: pathOf(shown!.data_url) });
      expect(head.statusCode).toBe(200);
      expect(head.headers['content-length']).toBe(String(png.length));
      expect(head.rawPayload.length).toBe(0);
    });

    it('answers Range requests with 206 and the asked bytes, and 416 past the end', async () => {
      const a = await buildAccount(t.ctx);
      const messageId = await buildMessage(t.ctx, a.id);
      const audio = Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), randomBytes(20_000)]);
      const [voice] = await attach(a.id, messageId, [file(audio, 'voz.mp3', 'audio/mpeg')]);
      const url = pathOf(voice!.data_url);

      const part = await t.request({ method: 'GET', url, headers: { range: 'bytes=100-1099' } });
      expect(part.statusCode).toBe(206);
      expect(part.headers['content-range']).toBe(`bytes 100-1099/${audio.length}`);
      expect(part.headers['content-length']).toBe('1000');
      expect(part.headers['content-type']).toBe('audio/mpeg');
      expect(part.headers['content-disposition']).toMatch(/^inline;/);
      expect(part.rawPayload.equals(audio.subarray(100, 1100))).toBe(true);

      const tail = await t.request({ method: 'GET', url, headers: { range: 'bytes=-10' } });
      expect(tail.statusCode).toBe(206);
      expect(tail.rawPayload.equals(audio.subarray(-10))).toBe(true);
      const open = await t.request({ method: 'GET', url, headers: { range: `bytes=${audio.length - 5}-` } });
      expect(open.rawPayload.equals(audio.subarray(-5))).toBe(true);

      const past = await t.request({ method: 'GET', url, headers: { range: `bytes=${audio.length}-` } });
      expect(past.statusCode).toBe(416);
      expect(past.headers['content-range']).toBe(`bytes */${audio.length}`);
      expect(past.json()).toMatchObject({ code: 'bad_request', errors: [] });

      const several = await t.request({ method: 'GET', url, headers: { range: 'bytes=0-1,5-6' } });
      expect(several.statusCode).toBe(200);
      expect(several.rawPayload.equals(audio)).toBe(true);
      const changed = await t.request({ method: 'GET', url, headers: { range: 'bytes=0-1', 'if-range': '"another"' } });
      expect(changed.statusCode).toBe(200);
      const same = await t.request({ method: 'GET', url, headers: { range: 'bytes=0-1', 'if-range': part.headers.etag as string } });
      expect(same.statusCode).toBe(206);
    });

    it('answers 304 to a matching If-None-Match, for the file and the thumbnail', async () => {
      const a = await buildAccount(t.ctx);
      const messageId = await buildMessage(t.ctx, a.id);
      const [shown] = await attach(a.id, messageId, [file(await image('jpeg', 50, 50), 'a.jpg', 'image/jpeg')]);
      for (const url of [pathOf(shown!.data_url), pathOf(shown!.thumb_url)]) {
        const first = await t.request({ method: 'GET', url });
        const etag = first.headers.etag as string;
        const cached = await t.request({ method: 'GET', url, headers: { 'if-none-match': etag } });
        expect(cached.statusCode).toBe(304);
        expect(cached.rawPayload.length).toBe(0);
        expect(cached.headers).toMatchObject({ etag, 'cache-control': 'private, max-age=31536000, immutable' });
        expect((await t.request({ method: 'GET', url, headers: { 'if-none-match': `"other", W/${etag}` } })).statusCode).toBe(304);
        expect((await t.request({ method: 'GET', url, headers: { 'if-none-match': '"other"' } })).statusCode).toBe(200);
      }
    });

    it('answers 404 to a tampered, borrowed or missing signature, never revealing the file', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      const [mine] = await attach(a.id, await buildMessage(t.ctx, a.id), [file('secret of account a', 'a.txt', 'text/plain')]);
      const [theirs] = await attach(other.id, await buildMessage(t.ctx, other.id), [file('secret of account b', 'b.txt', 'text/plain')]);
      const [, , id, signature, name] = pathOf(mine!.data_url).split('/');
      const theirSignature = pathOf(theirs!.data_url).split('/')[3]!;
      const flipped = `${signature!.slice(0, -1)}${signature!.endsWith('A') ? 'B' : 'A'}`;
      const urls = [
        `/attachments/${id}/${flipped}/${name}`,
        `/attachments/${id}/${theirSignature}/${name}`,
        `/attachments/${theirs!.id}/${signature}/${name}`,
        `/attachments/${id}/${signature!.slice(0, 10)}/${name}`,
        `/attachments/${id}/${'x'.repeat(22)}/${name}`,
        `/attachments/${id}/${name}`,
        `/attachments/${id}`,
        `/attachments/${Number(id) + 1000}/${attachmentUrls(t.ctx).signature(Number(id) + 1000)}/x.txt`,
      ];
      for (const url of urls) {
        const res = await t.request({ method: 'GET', url });
        expectError(res, 404);
        expect(res.body).not.toContain('secret');
      }
      expectError(await t.request({ method: 'GET', url: `/attachments/abc/${signature}/${name}` }), 422, 'id');
      const good = await t.request({ method: 'GET', url: `/attachments/${id}/${signature}/any-name.txt` });
      expect(good.body).toBe('secret of account a');
      expect(good.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(good.headers['content-disposition']).toMatch(/^attachment;/);
    });
  });

  describe('removal', () => {
    it('deletes the rows at once and the stored objects after commit', async () => {
      const a = await buildAccount(t.ctx);
      const messageId = await buildMessage(t.ctx, a.id);
      const keep = await buildMessage(t.ctx, a.id);
      await attach(a.id, messageId, [file(await image('png', 30, 30), 'a.png', 'image/png'), file('notes', 'b.txt', 'text/plain')]);
      await attach(a.id, keep, [file('keep me', 'c.txt', 'text/plain')]);
      const rows = await t.ctx.db.select().from(attachments).where(inArray(attachments.messageId, [messageId, keep]));
      const removedKeys = rows.filter((r) => r.messageId === messageId).flatMap((r) => [r.storageKey, r.thumbnailKey]).filter((k) => k !== null);
      expect(removedKeys).toHaveLength(3);

      const removed = await t.ctx.transaction((tx) => removeAttachmentsOf(t.ctx, tx, [messageId]));
      expect(removed).toBe(2);
      expect(await t.ctx.db.select().from(attachments).where(eq(attachments.messageId, messageId))).toEqual([]);
      await settleDeliveries(t);
      for (const key of removedKeys) expect(await t.ctx.storage.exists(key), key).toBe(false);
      const kept = rows.find((r) => r.messageId === keep)!;
      expect(await t.ctx.storage.exists(kept.storageKey!)).toBe(true);
      const [event] = await t.ctx.db.select().from(outbox).where(eq(outbox.name, 'attachment.removed')).orderBy(outbox.id);
      expect(event?.payload).toMatchObject({ account_id: a.id, keys: expect.arrayContaining(removedKeys) });
    });

    it('keeps rows and objects when the transaction rolls back', async () => {
      const a = await buildAccount(t.ctx);
      const messageId = await buildMessage(t.ctx, a.id);
      const [shown] = await attach(a.id, messageId, [file('still here', 'd.txt', 'text/plain')]);
      const [row] = await t.ctx.db.select().from(attachments).where(eq(attachments.id, shown!.id));
      const eventsBefore = (await t.ctx.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.name, 'attachment.removed'))).length;
      await expect(
        t.ctx.transaction(async (tx) => {
          await removeAttachmentsOf(t.ctx, tx, [messageId]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await settleDeliveries(t);
      expect(await t.ctx.db.select().from(attachments).where(eq(attachments.id, shown!.id))).toHaveLength(1);
      expect(await t.ctx.storage.exists(row!.storageKey!)).toBe(true);
      expect((await t.ctx.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.name, 'attachment.removed'))).length).toBe(eventsBefore);
      expect((await t.request({ method: 'GET', url: pathOf(shown!.data_url) })).body).toBe('still here');
    });

    it('removes the stored files of uploads whose message transaction failed', async () => {
      const a = await buildAccount(t.ctx);
      const messageId = await buildMessage(t.ctx, a.id);
      const before = storedFiles();
      const res = await t.request({
        method: 'POST',
        url: `/test/accounts/${a.id}/messages/${messageId}/attachments`,
        ...multipart([{ name: 'fail', data: 'yes' }, file(await image('png', 30, 30), 'a.png', 'image/png')]),
      });
      expectError(res, 500);
      expect(storedFiles()).toBe(before);
      expect(await t.ctx.db.select().from(attachments).where(eq(attachments.messageId, messageId))).toEqual([]);
    });
  });

  describe('with S3-compatible storage', () => {
    const BUCKET = 'rockethub-attachments';
    let fakeS3: Awaited<ReturnType<typeof startFakeS3>>;
    let s3App: TestApp;

    beforeAll(async () => {
      fakeS3 = await startFakeS3(BUCKET);
      const s3Config = testConfig({
        dataDir,
        storage: {
          service: 's3',
          bucket: BUCKET,
          region: 'us-east-1',
          endpoint: fakeS3.endpoint,
          accessKeyId: 'test',
          secretAccessKey: 'test',
          forcePathStyle: true,
        },
      });
      s3App = await startTestApp(s3Config);
    });
    afterAll(async () => {
      await s3App?.close();
      await fakeS3?.close();
    });

    it('stores, serves (with ranges) and removes attachments in the bucket', async () => {
      const a = await buildAccount(s3App.ctx);
      const messageId = await buildMessage(s3App.ctx, a.id);
      const png = await image('png', 400, 100);
      const res = await s3App.request({ method: 'POST', url: `/test/accounts/${a.id}/messages/${messageId}/attachments`, ...multipart([file(png, 'faixa.png', 'image/png')]) });
      expect(res.statusCode, res.body).toBe(200);
      const [shown] = res.json() as Presented[];
      expect(shown).toMatchObject({ width: 400, height: 100, file_size: png.length });
      const keys = [...fakeS3.objects.keys()];
      expect(keys).toHaveLength(2);
      expect(fakeS3.objects.get(keys.find((k) => k.endsWith('faixa.png'))!)).toMatchObject({ contentType: 'image/png' });

      const served = await s3App.request({ method: 'GET', url: pathOf(shown!.data_url) });
      expect(served.rawPayload.equals(png)).toBe(true);
      const part = await s3App.request({ method: 'GET', url: pathOf(shown!.data_url), headers: { range: 'bytes=0-7' } });
      expect(part.statusCode).toBe(206);
      expect(part.rawPayload.equals(png.subarray(0, 8))).toBe(true);
      const thumbnail = await s3App.request({ method: 'GET', url: pathOf(shown!.thumb_url) });
      expect((await sharp(thumbnail.rawPayload).metadata()).width).toBe(320);

      await s3App.ctx.transaction((tx) => removeAttachmentsOf(s3App.ctx, tx, [messageId]));
      await settleDeliveries(s3App);
      expect(fakeS3.objects.size).toBe(0);
      expectError(await s3App.request({ method: 'GET', url: pathOf(shown!.data_url) }), 404);
    });
  });
});
