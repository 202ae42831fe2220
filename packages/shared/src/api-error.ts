/**
 * The one error body of the HTTP API (every 4xx and 5xx), shared by the server that sends it and
 * the clients that read it.
 */
export const API_ERROR_STATUS = {
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

export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

export function isApiErrorCode(code: string): code is ApiErrorCode {
  return Object.hasOwn(API_ERROR_STATUS, code);
}

/** The code of a status: the one listed for it, else the nearest kind (any other 4xx is a bad request). */
export function apiErrorCodeForStatus(status: number): ApiErrorCode {
  const exact = (Object.keys(API_ERROR_STATUS) as ApiErrorCode[]).find((code) => API_ERROR_STATUS[code] === status);
  if (exact) return exact;
  if (status >= 400 && status < 500) return 'bad_request';
  return status === 500 ? 'internal_error' : 'service_unavailable';
}

/** A problem with one input field: `field` is its name (dotted for nested ones). */
export type ApiFieldError = { field: string; message: string; code: string };

export type ApiErrorBody = {
  code: ApiErrorCode;
  message: string;
  /** Same as `message` (the Chatwoot contract's name for it). */
  description: string;
  errors: ApiFieldError[];
};
