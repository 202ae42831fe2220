import type { TFunction } from 'i18next';
import { ApiError } from './api-client';
import { translateErrorCode, translateFieldError, translateStandaloneFieldError } from './error-messages';

export type FormErrors<Field extends string> = {
  fieldErrors: Partial<Record<Field, string>>;
  /** What to show above the form: why it failed, when no field of this form explains it. */
  formError: string | null;
};

/** `profile.password` and `password` both name the `password` input. */
const inputName = (field: string) => field.split('.').pop() ?? field;

/** The request as a whole failed (no field to blame), in the UI's language. */
const requestError = (error: ApiError, t: TFunction) => translateErrorCode(error.code, error.status, error.message, t);

/** Every message is in the UI's language (see error-messages.ts); unknown codes keep the server's words. */
export function describeApiError<Field extends string>(
  error: unknown,
  fields: readonly Field[],
  t: TFunction,
): FormErrors<Field> {
  if (!error) return { fieldErrors: {}, formError: null };
  if (!(error instanceof ApiError)) return { fieldErrors: {}, formError: t('errors.network') };
  if (error.status === 429) return { fieldErrors: {}, formError: t('errors.tooManyRequests') };
  if (error.fieldErrors.length === 0) return { fieldErrors: {}, formError: requestError(error, t) };

  const fieldErrors: Partial<Record<Field, string>> = {};
  const unexplained: string[] = [];
  for (const fieldError of error.fieldErrors) {
    const name = inputName(fieldError.field);
    const field = fields.find((candidate) => candidate === name);
    if (!field) unexplained.push(translateStandaloneFieldError(fieldError, t));
    else if (fieldErrors[field] === undefined) fieldErrors[field] = translateFieldError(fieldError, t);
  }
  const formError = unexplained.length > 0 ? [...new Set(unexplained)].join(' ') : null;
  return { fieldErrors, formError };
}

/** A single line for places without fields (toasts, inline alerts). */
export function apiErrorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.network');
  if (error.status === 429) return t('errors.tooManyRequests');
  if (error.fieldErrors.length === 0) return requestError(error, t);
  return [...new Set(error.fieldErrors.map((fieldError) => translateStandaloneFieldError(fieldError, t)))].join(' ');
}
