import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

const NUL_ESCAPE = /\\u0000/;

/**
 * JSON and form bodies, rejecting NUL characters up front: PostgreSQL cannot store them in text
 * or jsonb, and a request must never reach the database with one.
 */
export function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, {});
    if (text.includes('\u0000') || NUL_ESCAPE.test(text)) {
      return done(new AppError('bad_request', 'NUL characters are not allowed in the request body'), undefined);
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new AppError('bad_request', 'The request body is not valid JSON'), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.includes('\u0000') || text.includes('%00')) {
      return done(new AppError('bad_request', 'NUL characters are not allowed in the request body'), undefined);
    }
    done(null, Object.fromEntries(new URLSearchParams(text)));
  });
  app.addHook('onRequest', async (request) => {
    if (request.url.includes('%00') || request.url.includes('\u0000')) {
      throw new AppError('bad_request', 'NUL characters are not allowed in the URL');
    }
  });
}
