import { apiErrorCodeForStatus, isApiErrorCode } from '@rockethub/shared';
import type { TFunction } from 'i18next';
import type { FieldError } from './api-types';

/**
 * The server's error messages are English; these put them in the UI's language by their stable
 * codes (keys under `serverErrors` in the locales). A code we do not know keeps the server's words.
 */

/** The whole request failed: `{code, message}` of the error body, and the HTTP status. */
export function translateErrorCode(code: string, status: number, serverMessage: string, t: TFunction): string {
  // When the body was not the API's (a proxy's error page, say), the status still says what happened.
  const known = isApiErrorCode(code) ? code : status >= 400 ? apiErrorCodeForStatus(status) : undefined;
  return known ? t(`serverErrors.codes.${known}`) : serverMessage || t('errors.unexpected');
}

const lastSegment = (field: string) => field.split('.').pop() ?? field;

/** The limit in a bound's wording: zod's "Too big: expected string to have <=100 characters", or "at least 8 characters". */
function bound(message: string): { kind: 'string' | 'number' | 'other'; count: number } | null {
  const zod = message.match(/expected (\w+) to (?:have|be) [<>]=?\s*(\d+)/);
  if (zod) return { kind: zod[1] === 'string' || zod[1] === 'number' ? zod[1] : 'other', count: Number(zod[2]) };
  const plain = message.match(/at (?:least|most) (\d+) characters/);
  return plain ? { kind: 'string', count: Number(plain[1]) } : null;
}

/**
 * The code a field error would have had: the server reports some zod issues as `invalid` with zod's
 * words, so the well-known wordings are recognised too.
 */
function effectiveCode({ code, message }: FieldError): string {
  if (code === 'invalid_type' && /received undefined/.test(message)) return 'blank';
  if (code !== 'invalid' && code !== 'custom') return code;
  if (/must not be blank|is required/.test(message)) return 'blank';
  if (/is not a valid email/.test(message)) return 'invalid_format';
  if (/must be an http:\/\/ or https:\/\/ URL/.test(message)) return 'invalid_url';
  if (/^is incorrect$/.test(message)) return 'incorrect';
  if (/^Too small/.test(message)) return 'too_small';
  if (/^Too big/.test(message)) return 'too_big';
  if (/^Invalid input: expected .*, received undefined/.test(message)) return 'blank';
  if (/^Invalid input: expected/.test(message)) return 'invalid_type';
  if (/^Invalid option/.test(message)) return 'invalid_value';
  return code;
}

/** One field's error, in words that fit under that field. */
export function translateFieldError(error: FieldError, t: TFunction): string {
  const field = lastSegment(error.field);
  const { message } = error;
  switch (effectiveCode(error)) {
    case 'weak_password': {
      const minimum = message.match(/at least (\d+)/);
      if (minimum) return t('serverErrors.fields.passwordTooShort', { count: Number(minimum[1]) });
      const maximum = message.match(/at most (\d+)/);
      if (maximum) return t('serverErrors.fields.passwordTooLong', { count: Number(maximum[1]) });
      if (/a letter/.test(message)) return t('serverErrors.fields.passwordNeedsLetter');
      if (/a number or a symbol/.test(message)) return t('serverErrors.fields.passwordNeedsNumberOrSymbol');
      return t('serverErrors.fields.weakPassword');
    }
    case 'confirmation_mismatch':
      return t('serverErrors.fields.confirmationMismatch');
    case 'taken':
      if (/already belongs to this account/.test(message)) return t('serverErrors.fields.alreadyMember');
      return field === 'email' ? t('serverErrors.fields.emailTaken') : t('serverErrors.fields.taken');
    case 'incorrect':
      return field === 'current_password' ? t('serverErrors.fields.currentPasswordIncorrect') : t('serverErrors.fields.incorrect');
    case 'invalid':
      return field === 'current_password' ? t('serverErrors.fields.currentPasswordIncorrect') : t('serverErrors.fields.invalid');
    case 'invalid_token':
      return t('serverErrors.fields.invalidToken');
    case 'last_administrator':
      return t('serverErrors.fields.lastAdministrator');
    case 'not_found':
      return t('serverErrors.fields.notFound');
    case 'blank':
      return t('serverErrors.fields.blank');
    case 'invalid_format':
      return field.includes('email') ? t('serverErrors.fields.invalidEmail') : t('serverErrors.fields.invalidFormat');
    case 'too_small': {
      if (/blank/.test(message)) return t('serverErrors.fields.blank');
      const limit = bound(message);
      if (limit?.kind === 'string') {
        return limit.count <= 1 ? t('serverErrors.fields.blank') : t('serverErrors.fields.tooShort', { count: limit.count });
      }
      if (limit?.kind === 'number') return t('serverErrors.fields.tooLow', { count: limit.count });
      return t('serverErrors.fields.tooSmall');
    }
    case 'too_big': {
      const limit = bound(message);
      if (limit?.kind === 'string') return t('serverErrors.fields.tooLong', { count: limit.count });
      if (limit?.kind === 'number') return t('serverErrors.fields.tooHigh', { count: limit.count });
      return t('serverErrors.fields.tooBig');
    }
    case 'invalid_url':
      return t('serverErrors.fields.invalidUrl');
    case 'invalid_type':
      return t('serverErrors.fields.invalidType');
    case 'invalid_value':
      return t('serverErrors.fields.invalidValue');
    default:
      return message;
  }
}

/** Codes whose words make sense without the field next to them (e.g. above a form, or in a dialog). */
const STANDALONE_CODES = new Set(['weak_password', 'confirmation_mismatch', 'invalid_token', 'last_administrator', 'taken', 'incorrect']);

/** A field error shown away from its field: prefixed with the field's name unless it speaks for itself. */
export function translateStandaloneFieldError(error: FieldError, t: TFunction): string {
  const text = translateFieldError(error, t);
  const code = effectiveCode(error);
  if (STANDALONE_CODES.has(code) || (code === 'invalid' && lastSegment(error.field) === 'current_password')) return text;
  return `${error.field}: ${text}`;
}
