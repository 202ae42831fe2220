import type { AttributeDisplayType } from '../../db/schema';

type Definition = { attributeDisplayType: AttributeDisplayType; attributeValues: string[]; regexPattern: string | null; regexCue: string | null };

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:';
}

const isNumber = (value: unknown) =>
  (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)));

/** A calendar date or a date-time, ISO 8601 (what the dashboard's date picker sends). */
const isIsoDate = (value: unknown) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value));

/** Compiles a stored pattern; undefined when it is not a valid JavaScript regular expression. */
export function compilePattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

/**
 * Why `value` does not fit the definition, or undefined when it does. Null clears the attribute
 * and always fits; text values are held to the definition's pattern (its cue is the message).
 */
export function valueProblem(definition: Definition, value: unknown): string | undefined {
  if (value === null) return undefined;
  switch (definition.attributeDisplayType) {
    case 'text': {
      if (typeof value !== 'string') return 'must be text';
      if (definition.regexPattern && value !== '') {
        const pattern = compilePattern(definition.regexPattern);
        if (pattern && !pattern.test(value)) return definition.regexCue || `must match ${definition.regexPattern}`;
      }
      return undefined;
    }
    case 'number':
    case 'currency':
    case 'percent':
      return isNumber(value) ? undefined : 'must be a number';
    case 'link':
      return typeof value === 'string' && (value === '' || isHttpUrl(value)) ? undefined : 'must be an http:// or https:// link';
    case 'date':
      return isIsoDate(value) ? undefined : 'must be a date like 2025-01-31';
    case 'list':
      return typeof value === 'string' && definition.attributeValues.includes(value) ? undefined : `must be one of: ${definition.attributeValues.join(', ')}`;
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
  }
}
