import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

/**
 * PostgreSQL cannot store NUL characters or unpaired UTF-16 surrogates in text or jsonb; a driver
 * would either fail or silently replace them. Reject them at the door, naming the field.
 */
function refuseUnstorable(key: string, value: unknown): unknown {
  if (!isStorable(key) || (typeof value === 'string' && !isStorable(value))) {
    const field = key === '' ? 'body' : key;
    throw new AppError('validation_failed', `${field} contains characters that cannot be stored`, [
      { field, message: 'contains characters that cannot be stored (NUL or broken Unicode)', code: 'invalid_characters' },
    ]);
  }
  return value;
}

function isStorable(text: string): boolean {
  return !text.includes('\u0000') && text.isWellFormed();
}

/** JSON and form bodies, checked for unstorable characters before anything else sees them. */
export function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text, refuseUnstorable));
    } catch (error) {
      done(error instanceof AppError ? error : new AppError('bad_request', 'The request body is not valid JSON'), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    try {
      const entries = [...new URLSearchParams(body as string)].map(([key, value]) => [key, refuseUnstorable(key, value)]);
      done(null, Object.fromEntries(entries));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addHook('onRequest', async (request) => {
    if (request.url.includes('%00') || request.url.includes('\u0000')) {
      throw new AppError('bad_request', 'NUL characters are not allowed in the URL');
    }
  });
}
