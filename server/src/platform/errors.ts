/**
 * The one application error type. Services throw it; the HTTP layer turns it into the one error
 * shape (see `presentError`). Codes are stable strings clients may branch on.
 */
export type FieldError = { field: string; message: string; code: string };

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  too_many_requests: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

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

/** The JSON body of every 4xx/5xx response. `description` is the contract's name, `message` Chatwoot clients' habit. */
export type ErrorBody = { code: ErrorCode; message: string; description: string; errors: FieldError[] };

export function presentError(error: AppError): ErrorBody {
  return { code: error.code, message: error.message, description: error.message, errors: error.errors };
}
