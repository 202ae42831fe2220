import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiErrorCodeForStatus } from '@rockethub/shared';
import { AppError, type FieldError, presentError } from '../errors';


/** A schema validation failure as Fastify reports it (zod's issue code is in `keyword`). */
type ValidationIssue = { keyword?: string; instancePath?: string; message?: string };

/** Turns any thrown error into the one error shape. Only a bug reaches the 500 branch. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else if (!(error instanceof AppError)) request.log.debug({ err: error }, 'request rejected');
    for (const [name, value] of Object.entries(appError.headers)) reply.header(name, value);
    return reply.status(appError.status).send(presentError(appError));
  });
}

export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  const fastifyError = error as FastifyError & { validationContext?: string; code?: string };
  if (Array.isArray(fastifyError.validation)) {
    return validationError(fastifyError.validation as ValidationIssue[], fastifyError.validationContext);
  }
  const databaseError = fromDatabaseError(error);
  if (databaseError) return databaseError;
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    return new AppError(apiErrorCodeForStatus(status), cleanMessage(fastifyError.message));
  }
  return new AppError('internal_error', 'Something went wrong on our side; it has been logged');
}

function validationError(issues: ValidationIssue[], context: string | undefined): AppError {
  const errors: FieldError[] = issues.map((issue) => {
    const field = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    return { field: field || context || 'body', message: issue.message ?? 'is invalid', code: issue.keyword ?? 'invalid' };
  });
  const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new AppError('validation_failed', `Validation failed: ${summary}`, errors);
}

/** PostgreSQL errors that mean "bad input" (a check the route missed) rather than a bug of ours. */
function fromDatabaseError(error: Error): AppError | undefined {
  const code = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  if (code === '23505') return new AppError('conflict', 'This already exists');
  if (code === '23503') return new AppError('validation_failed', 'A referenced record does not exist');
  if (code.startsWith('22')) return new AppError('validation_failed', 'A value is out of range or malformed');
  return undefined;
}

function cleanMessage(message: string): string {
  return message.replace(/^FST_[A-Z_]+:\s*/, '');
}
