import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import { AppError } from '../../platform/errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads multipart/form-data bodies itself (with the attachments service's `readUploads`). */
    multipart?: boolean;
  }
}

export const MAX_FILES_PER_REQUEST = 10;

/**
 * Multipart bodies are streamed, part by part, by the routes that opt in with
 * `config: { multipart: true }`, within these limits; every other route answers 415 to them, as
 * it did before multipart was known.
 */
export async function installMultipart(app: FastifyInstance, config: Pick<Config, 'attachmentMaxBytes'>): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: config.attachmentMaxBytes,
      files: MAX_FILES_PER_REQUEST,
      fields: 50,
      fieldNameSize: 200,
      fieldSize: 1024 * 1024,
      parts: MAX_FILES_PER_REQUEST + 50,
      headerPairs: 50,
    },
  });
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart() && !request.routeOptions.config.multipart) {
      throw new AppError('unsupported_media_type', 'This endpoint does not take multipart/form-data; send JSON');
    }
  });
}
