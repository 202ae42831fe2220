import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { widgetDistFolder } from '../../paths';
import { AppError } from '../../platform/errors';
import { allowedDomains, widgetInbox } from './service';

type Asset = { body: Buffer; hash: string };
const assets = new Map<string, { mtimeCheckedAt: number; asset: Asset | undefined }>();

/** A built widget file, read once and then again at most every 2 s (a rebuild is picked up without a restart). */
async function asset(name: string): Promise<Asset | undefined> {
  const cached = assets.get(name);
  if (cached && Date.now() - cached.mtimeCheckedAt < 2000) return cached.asset;
  const body = await readFile(join(widgetDistFolder, name)).catch(() => undefined);
  const entry = { mtimeCheckedAt: Date.now(), asset: body && { body, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) } };
  assets.set(name, entry);
  return entry.asset;
}

async function sendAsset(reply: FastifyReply, name: string, type: string, cacheControl: string) {
  const file = await asset(name);
  if (!file) throw new AppError('not_found', 'The widget is not built (run npm run build)');
  return reply.header('content-type', type).header('cache-control', cacheControl).header('etag', `"${file.hash}"`).header('access-control-allow-origin', '*').send(file.body);
}

/** `frame-ancestors` from the inbox's allowed domains: only those sites may show the widget. */
function frameAncestors(patterns: string[]): string {
  if (patterns.length === 0) return '*';
  return patterns.flatMap((p) => [`https://${p}`, `http://${p}`]).join(' ');
}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The loader (`/packs/js/sdk.js`, Chatwoot's path, and `/widget/sdk.js`) and the widget page the
 * loader opens in an iframe (`/widget?website_token=`), with its script and styles.
 */
export function widgetPageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const hide = { hide: true };
  for (const path of ['/packs/js/sdk.js', '/widget/sdk.js']) {
    r.get(path, { schema: hide }, async (_request, reply) => sendAsset(reply, 'sdk.js', 'text/javascript; charset=utf-8', 'public, max-age=300'));
  }
  r.get('/widget/app.js', { schema: hide }, async (_request, reply) => sendAsset(reply, 'app.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'));
  r.get('/widget/app.css', { schema: hide }, async (_request, reply) => sendAsset(reply, 'app.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'));

  r.get(
    '/widget',
    { schema: { hide: true, querystring: z.object({ website_token: z.string().trim().min(1).max(100) }).loose() } },
    async (request, reply) => {
      // The page is embedded by the customer's site: its Referer is that site, checked against the allowed domains.
      const referer = typeof request.headers.referer === 'string' ? request.headers.referer : undefined;
      const inbox = await widgetInbox(ctx, { websiteToken: request.query.website_token, referer });
      const [script, styles] = await Promise.all([asset('app.js'), asset('app.css')]);
      if (!script) throw new AppError('not_found', 'The widget is not built (run npm run build)');
      const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${attribute(inbox.name)}</title>${
        styles ? `<link rel="stylesheet" href="/widget/app.css?v=${styles.hash}">` : ''
      }</head><body><div id="app"></div><script type="module" src="/widget/app.js?v=${script.hash}"></script></body></html>`;
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', `frame-ancestors ${frameAncestors(allowedDomains(inbox))}; object-src 'none'; base-uri 'none'`)
        .header('referrer-policy', 'strict-origin-when-cross-origin')
        .send(html);
    },
  );
}
