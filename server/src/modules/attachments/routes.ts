import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { AppError, presentError } from '../../platform/errors';
import { errorResponses } from '../../platform/http/schemas';
import { id } from '../../platform/validation';
import { type AttachmentFile, findAttachmentFile } from './service';
import type { Variant } from './urls';

const tags = ['Attachments'];

const fileParams = z.object({ id, signature: z.string(), filename: z.string() });

/** A year: the bytes behind a link never change (a new file gets a new key and link). */
const CACHE_CONTROL = 'private, max-age=31536000, immutable';

export function attachmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const description =
    'The link comes from an attachment’s `data_url` or `thumb_url`; it needs no token. Supports `Range` and `If-None-Match`. A wrong signature is 404.';

  for (const [variant, url] of [
    ['original', '/attachments/:id/:signature/:filename'],
    ['thumbnail', '/attachments/:id/:signature/thumbnail/:filename'],
  ] as const) {
    r.get(
      url,
      {
        schema: {
          tags,
          summary: variant === 'original' ? 'Download an attachment' : 'Download an image attachment’s thumbnail (WebP, 320 px)',
          description,
          params: fileParams,
          response: { 200: z.any().describe('The file'), 206: z.any().describe('Part of the file'), 304: z.null(), ...errorResponses(404) },
        },
      },
      async (request, reply) => {
        const file = await findAttachmentFile(ctx, { id: request.params.id, signature: request.params.signature, variant: variant as Variant });
        return sendFile(ctx, request, reply, file);
      },
    );
  }
}

async function sendFile(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, file: AttachmentFile) {
  reply.header('etag', file.etag).header('cache-control', CACHE_CONTROL).header('accept-ranges', 'bytes');
  if (matchesEtag(request.headers['if-none-match'], file.etag)) return reply.status(304).send();

  reply
    .header('content-type', file.contentType)
    .header('content-disposition', file.disposition)
    // User files on our origin: never sniffed into HTML, never run as a page.
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox');

  const ifRange = request.headers['if-range'];
  const range = ifRange === undefined || ifRange === file.etag ? parseRange(request.headers.range, file.size) : undefined;
  if (range === 'unsatisfiable') {
    return reply
      .status(416)
      .header('content-range', `bytes */${file.size}`)
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', null)
      .send(presentError(new AppError('bad_request', `The range is outside the file (${file.size} bytes)`)));
  }
  const length = range ? range.end - range.start + 1 : file.size;
  reply.header('content-length', length);
  if (range) reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${file.size}`);
  // HEAD: the headers only, without reading the object.
  if (request.method === 'HEAD') return reply.send(Readable.from([]));

  const object = await ctx.storage.get(file.key, range);
  if (!object) throw new AppError('not_found', 'Attachment not found');
  return reply.send(object.body);
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const candidate = tag.trim().replace(/^W\//, '');
    return candidate === '*' || candidate === etag;
  });
}

/**
 * One `bytes=` range (start-end, start-, -suffix) within `size`. Several ranges or a malformed
 * header are ignored (the whole file is sent, as HTTP allows); a range past the end is unsatisfiable.
 */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size) return 'unsatisfiable';
  if (end < start) return undefined;
  return { start, end };
}
