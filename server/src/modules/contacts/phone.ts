import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** What may separate the digits of a typed number: spaces, dashes, dots, parentheses. */
const SEPARATORS = /[\s().-]/g;
const TYPED_NUMBER = /^\+[0-9\s().-]+$/;
/** Chatwoot's rule: a `+`, a country code that does not start with 0, at most 15 digits. */
const E164 = /^\+[1-9][0-9]{1,14}$/;

/**
 * A phone number in E.164 (`+5511987654321`), or undefined when it is not one. Formatting is
 * dropped and, where libphonenumber knows the country's plan, the trunk prefix too
 * (`+44 (0) 20 7946 0958` → `+442079460958`). Numbers libphonenumber deems impossible are kept
 * as typed when they still have E.164's form, as Chatwoot accepts them (`+123456789`).
 */
export function toE164(typed: string): string | undefined {
  const text = typed.trim();
  if (!TYPED_NUMBER.test(text)) return undefined;
  const parsed = parsePhoneNumberFromString(text);
  if (parsed?.isPossible() && E164.test(parsed.number)) return parsed.number;
  const compact = text.replace(SEPARATORS, '');
  return E164.test(compact) ? compact : undefined;
}
