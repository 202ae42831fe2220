import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake saw it. */
export type S3Request = { method: string; path: string; headers: IncomingMessage['headers']; bodyLength: number };

type StoredObject = { body: Buffer; contentType: string; etag: string; lastModified: Date };

/**
 * A small in-memory S3 for tests: PutObject, GetObject (with Range), HeadObject and DeleteObject
 * on one bucket, path-style URLs only (`/<bucket>/<key>`). Signatures are not verified, but each
 * request must look like a signed S3 request, and a payload hash, when one is sent, must match.
 */
export async function startFakeS3(bucket: string) {
  const objects = new Map<string, StoredObject>();
  const requests: S3Request[] = [];

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(request.url ?? '/', 'http://fake-s3');
      requests.push({ method: request.method ?? '', path: url.pathname, headers: request.headers, bodyLength: body.length });
      try {
        handle(request, response, url, body);
      } catch (error) {
        fail(response, 500, 'InternalError', String(error));
      }
    });
  });

  function handle(request: IncomingMessage, response: ServerResponse, url: URL, body: Buffer) {
    const shaHeader = request.headers['x-amz-content-sha256'];
    if (typeof shaHeader !== 'string' || !request.headers['x-amz-date'] || !String(request.headers.authorization).startsWith('AWS4-HMAC-SHA256 ')) {
      return fail(response, 403, 'AccessDenied', 'unsigned request');
    }
    const [, bucketName, ...rest] = url.pathname.split('/');
    if (bucketName !== bucket) return fail(response, 404, 'NoSuchBucket', `no bucket ${bucketName}`);
    const key = rest.map(decodeURIComponent).join('/');
    if (!key) return fail(response, 400, 'InvalidRequest', 'bucket operations are not supported');
    const stored = objects.get(key);

    switch (request.method) {
      case 'PUT': {
        if (request.headers['content-encoding']?.includes('aws-chunked')) return fail(response, 501, 'NotImplemented', 'aws-chunked uploads');
        if (Number(request.headers['content-length']) !== body.length) return fail(response, 400, 'IncompleteBody', 'length mismatch');
        if (/^[0-9a-f]{64}$/.test(shaHeader) && createHash('sha256').update(body).digest('hex') !== shaHeader) {
          return fail(response, 400, 'XAmzContentSHA256Mismatch', 'payload hash mismatch');
        }
        const etag = `"${createHash('md5').update(body).digest('hex')}"`;
        objects.set(key, { body, contentType: request.headers['content-type'] ?? 'binary/octet-stream', etag, lastModified: new Date() });
        response.writeHead(200, { etag }).end();
        return;
      }
      case 'GET':
      case 'HEAD': {
        if (!stored) {
          if (request.method === 'HEAD') return void response.writeHead(404).end();
          return fail(response, 404, 'NoSuchKey', 'The specified key does not exist.');
        }
        const headers: Record<string, string | number> = {
          'content-type': stored.contentType,
          etag: stored.etag,
          'last-modified': stored.lastModified.toUTCString(),
          'accept-ranges': 'bytes',
        };
        const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
        if (range && request.method === 'GET') {
          const start = Number(range[1]);
          const end = Math.min(range[2] ? Number(range[2]) : stored.body.length - 1, stored.body.length - 1);
          if (start > end) return fail(response, 416, 'InvalidRange', 'The requested range is not satisfiable');
          const part = stored.body.subarray(start, end + 1);
          headers['content-range'] = `bytes ${start}-${end}/${stored.body.length}`;
          headers['content-length'] = part.length;
          response.writeHead(206, headers).end(part);
          return;
        }
        headers['content-length'] = stored.body.length;
        response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : stored.body);
        return;
      }
      case 'DELETE':
        objects.delete(key);
        response.writeHead(204).end();
        return;
      default:
        fail(response, 405, 'MethodNotAllowed', `${request.method} is not supported`);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function fail(response: ServerResponse, status: number, code: string, message: string) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  response.writeHead(status, { 'content-type': 'application/xml' }).end(xml);
}
