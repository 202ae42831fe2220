import type { TFunction } from 'i18next';
import { ApiError } from './api-client';

export type FormErrors<Field extends string> = {
  fieldErrors: Partial<Record<Field, string>>;
  /** What to show above the form: the server's message when no field of this form explains the failure. */
  formError: string | null;
};

/** `profile.password` and `password` both name the `password` input. */
const inputName = (field: string) => field.split('.').pop() ?? field;

export function describeApiError<Field extends string>(
  error: unknown,
  fields: readonly Field[],
  t: TFunction,
): FormErrors<Field> {
  if (!error) return { fieldErrors: {}, formError: null };
  if (!(error instanceof ApiError)) return { fieldErrors: {}, formError: t('errors.network') };
  if (error.status === 429) return { fieldErrors: {}, formError: t('errors.tooManyRequests') };

  const fieldErrors: Partial<Record<Field, string>> = {};
  let unexplained = error.fieldErrors.length === 0;
  for (const fieldError of error.fieldErrors) {
    const name = inputName(fieldError.field);
    const field = fields.find((candidate) => candidate === name);
    if (field && fieldErrors[field] === undefined) fieldErrors[field] = fieldError.message;
    else if (!field) unexplained = true;
  }
  const formError = unexplained ? error.message || t('errors.unexpected') : null;
  return { fieldErrors, formError };
}

/** A single line for places without fields (toasts, inline alerts). */
export function apiErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return t('errors.tooManyRequests');
    return error.message || t('errors.unexpected');
  }
  return t('errors.network');
}
