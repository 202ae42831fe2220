/**
 * The one application error type. Services throw it; the HTTP layer turns it into the one error
 * shape (see `presentError`). Codes are stable strings clients may branch on.
 */
import { API_ERROR_STATUS, type ApiErrorBody, type ApiErrorCode, type ApiFieldError } from '@rockethub/shared';

export type FieldError = ApiFieldError;
export type ErrorCode = ApiErrorCode;
export const ERROR_STATUS = API_ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found`);

export const unauthorized = (message = 'You need to sign in or provide a valid api_access_token') =>
  new AppError('unauthorized', message);

export const forbidden = (message = 'You are not allowed to do this') => new AppError('forbidden', message);

/** A validation failure on one field, e.g. `invalidField('email', 'is already taken', 'taken')`. */
export const invalidField = (field: string, message: string, code = 'invalid') =>
  new AppError('validation_failed', `${field} ${message}`, [{ field, message, code }]);

export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError('too_many_requests', 'Too many attempts; try again later', [], {
    'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });

export function presentError(error: AppError): ApiErrorBody {
  return { code: error.code, message: error.message, description: error.message, errors: error.errors };
}
