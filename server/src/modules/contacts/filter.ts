import { AppError, type FieldError } from '../../platform/errors';

/**
 * The contract's contact filter (`POST /contacts/filter`) read into typed conditions. Nothing here
 * touches SQL: the repository turns each condition into a parameterised predicate.
 */

import { FILTER_OPERATORS, type FilterOperator } from '../../platform/filter-operators';

export { FILTER_OPERATORS, type FilterOperator };

export type TextColumn = 'name' | 'email' | 'phone_number' | 'identifier';
export type DateColumn = 'created_at' | 'last_activity_at';
export type TextOperator = 'equal_to' | 'not_equal_to' | 'contains' | 'does_not_contain' | 'is_present' | 'is_not_present';

/** Where a text value lives: a column, a key of `additional_attributes`, or a key of `custom_attributes`. */
export type TextSource = { column: TextColumn } | { additional: string } | { custom: string };

export type FilterCondition =
  | { kind: 'text'; source: TextSource; operator: TextOperator; values: string[] }
  /** A half-open time range [from, before); `negate` keeps rows outside it (and rows without a time). */
  | { kind: 'time_range'; column: DateColumn; from?: Date; before?: Date; negate: boolean }
  | { kind: 'time_presence'; column: DateColumn; present: boolean }
  | { kind: 'labels'; operator: 'equal_to' | 'not_equal_to' | 'is_present' | 'is_not_present'; values: string[] }
  | { kind: 'blocked'; value: boolean }
  /** A custom attribute compared as a number, or as an ISO date (its first 10 characters). */
  | { kind: 'custom_compare'; key: string; type: 'number' | 'date'; operator: '>' | '<'; value: number | string };

export type QueryOperator = 'AND' | 'OR';
/** Conditions joined in order by the operator of the one before (SQL precedence: AND binds tighter, as Chatwoot). */
export type ContactFilter = { condition: FilterCondition; join: QueryOperator }[];

export type FilterValue = string | number | boolean | { id: string | number };
export type FilterItem = {
  attribute_key: string;
  attribute_model?: string | null | undefined;
  custom_attribute_type?: string | null | undefined;
  filter_operator: string;
  values?: FilterValue | FilterValue[] | null | undefined;
  query_operator?: string | null | undefined;
};

type StandardAttribute =
  | { type: 'text'; source: TextSource; phone?: boolean }
  | { type: 'date'; column: DateColumn; nullable: boolean }
  | { type: 'labels' }
  | { type: 'blocked' };

/** The standard attributes, by the keys Chatwoot's filter uses. */
const STANDARD_ATTRIBUTES: Record<string, StandardAttribute> = {
  name: { type: 'text', source: { column: 'name' } },
  email: { type: 'text', source: { column: 'email' } },
  phone_number: { type: 'text', source: { column: 'phone_number' }, phone: true },
  identifier: { type: 'text', source: { column: 'identifier' } },
  country_code: { type: 'text', source: { additional: 'country_code' } },
  country: { type: 'text', source: { additional: 'country' } },
  city: { type: 'text', source: { additional: 'city' } },
  // The contact form stores the company as `company_name`; Chatwoot's filter calls it `company`.
  company: { type: 'text', source: { additional: 'company_name' } },
  company_name: { type: 'text', source: { additional: 'company_name' } },
  created_at: { type: 'date', column: 'created_at', nullable: false },
  last_activity_at: { type: 'date', column: 'last_activity_at', nullable: true },
  labels: { type: 'labels' },
  blocked: { type: 'blocked' },
};

const TEXT_OPERATORS: readonly TextOperator[] = ['equal_to', 'not_equal_to', 'contains', 'does_not_contain', 'is_present', 'is_not_present'];
const OPERATORS_BY_TYPE: Record<StandardAttribute['type'] | 'custom', readonly FilterOperator[]> = {
  text: TEXT_OPERATORS,
  date: ['equal_to', 'not_equal_to', 'is_greater_than', 'is_less_than', 'days_before', 'is_present', 'is_not_present'],
  labels: ['equal_to', 'not_equal_to', 'is_present', 'is_not_present'],
  blocked: ['equal_to', 'not_equal_to'],
  custom: FILTER_OPERATORS,
};

/** `attribute_model` values that mark a key of `custom_attributes` (Chatwoot's names included). */
const CUSTOM_MODELS = new Set(['custom_attribute', 'contact_attribute']);
const STANDARD_MODELS = new Set(['standard', 'standard_attribute']);

const DAY_MS = 86_400_000;
const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ][0-9:.]+(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?$/;
const NUMBER = /^-?[0-9]{1,15}(\.[0-9]{1,15})?$/;

class FilterErrors {
  readonly errors: FieldError[] = [];
  add(field: string, message: string, code = 'invalid'): undefined {
    this.errors.push({ field, message, code });
    return undefined;
  }
}

/**
 * Reads the filter payload, reporting every bad item at once (`payload.0.attribute_key`,
 * `payload.2.values`...). `today` is the current time, for `days_before`.
 */
export function parseContactFilter(items: FilterItem[], today: Date = new Date()): ContactFilter {
  const problems = new FilterErrors();
  const filter: ContactFilter = [];
  items.forEach((item, index) => {
    const condition = parseItem(item, `payload.${index}`, today, problems);
    const join = (item.query_operator ?? 'AND').toUpperCase();
    if (join !== 'AND' && join !== 'OR') problems.add(`payload.${index}.query_operator`, 'must be AND or OR');
    if (condition) filter.push({ condition, join: join === 'OR' ? 'OR' : 'AND' });
  });
  if (problems.errors.length > 0) {
    const summary = problems.errors.map((e) => `${e.field} ${e.message}`).join('; ');
    throw new AppError('validation_failed', `Invalid filter: ${summary}`, problems.errors);
  }
  return filter;
}

function parseItem(item: FilterItem, at: string, today: Date, problems: FilterErrors): FilterCondition | undefined {
  const model = item.attribute_model ?? (item.custom_attribute_type ? 'custom_attribute' : 'standard');
  const key = item.attribute_key.trim();
  if (!CUSTOM_MODELS.has(model) && !STANDARD_MODELS.has(model)) {
    return problems.add(`${at}.attribute_model`, 'must be standard or custom_attribute');
  }
  if (key === '') return problems.add(`${at}.attribute_key`, 'must not be blank', 'blank');
  const attribute: StandardAttribute | { type: 'custom' } | undefined = CUSTOM_MODELS.has(model)
    ? { type: 'custom' }
    : STANDARD_ATTRIBUTES[key];
  if (!attribute) {
    return problems.add(`${at}.attribute_key`, `is not a contact attribute (use attribute_model custom_attribute for custom attributes)`, 'unknown');
  }
  const operator = item.filter_operator as FilterOperator;
  if (!FILTER_OPERATORS.includes(operator)) {
    return problems.add(`${at}.filter_operator`, `must be one of ${FILTER_OPERATORS.join(', ')}`, 'unknown');
  }
  if (!OPERATORS_BY_TYPE[attribute.type].includes(operator)) {
    return problems.add(`${at}.filter_operator`, `${operator} does not apply to ${key}`, 'unsupported');
  }
  const values = textValues(item.values);
  const needsValue = operator !== 'is_present' && operator !== 'is_not_present';
  if (needsValue && values.length === 0) return problems.add(`${at}.values`, 'must have at least one value', 'blank');

  switch (attribute.type) {
    case 'text': {
      const exact = operator === 'equal_to' || operator === 'not_equal_to';
      const normalised = values.map((v) => (attribute.phone ? phoneValue(v, exact) : v.trim().toLowerCase()));
      return { kind: 'text', source: attribute.source, operator: operator as TextOperator, values: normalised };
    }
    case 'date':
      return dateCondition(attribute.column, attribute.nullable, operator, values[0], `${at}.values`, today, problems);
    case 'labels':
      return { kind: 'labels', operator: operator as 'equal_to', values: values.map((v) => v.trim().toLowerCase()) };
    case 'blocked': {
      const value = booleanValue(values[0]);
      if (value === undefined) return problems.add(`${at}.values`, 'must be true or false');
      return { kind: 'blocked', value: operator === 'equal_to' ? value : !value };
    }
    case 'custom':
      return customCondition(key, operator, values, `${at}.values`, today, problems);
  }
}

function customCondition(
  key: string,
  operator: FilterOperator,
  values: string[],
  field: string,
  today: Date,
  problems: FilterErrors,
): FilterCondition | undefined {
  if (operator === 'days_before') {
    const boundary = daysBefore(values[0], field, today, problems);
    return boundary && { kind: 'custom_compare', key, type: 'date', operator: '<', value: isoDate(boundary) };
  }
  if (operator === 'is_greater_than' || operator === 'is_less_than') {
    const value = (values[0] ?? '').trim();
    const comparison = operator === 'is_greater_than' ? '>' : '<';
    if (NUMBER.test(value)) return { kind: 'custom_compare', key, type: 'number', operator: comparison, value: Number(value) };
    const day = parseDay(value);
    if (day) return { kind: 'custom_compare', key, type: 'date', operator: comparison, value: isoDate(day) };
    return problems.add(field, 'must be a number or a date (YYYY-MM-DD) to compare');
  }
  return { kind: 'text', source: { custom: key }, operator: operator as TextOperator, values: values.map((v) => v.trim().toLowerCase()) };
}

function dateCondition(
  column: DateColumn,
  nullable: boolean,
  operator: FilterOperator,
  value: string | undefined,
  field: string,
  today: Date,
  problems: FilterErrors,
): FilterCondition | undefined {
  if (operator === 'is_present' || operator === 'is_not_present') {
    if (!nullable) return { kind: 'time_range', column, negate: operator === 'is_not_present' };
    return { kind: 'time_presence', column, present: operator === 'is_present' };
  }
  if (operator === 'days_before') {
    const before = daysBefore(value, field, today, problems);
    return before && { kind: 'time_range', column, before, negate: false };
  }
  const day = parseDay(value ?? '');
  if (!day) return problems.add(field, 'must be a date (YYYY-MM-DD)');
  const next = new Date(day.getTime() + DAY_MS);
  switch (operator) {
    case 'equal_to':
      return { kind: 'time_range', column, from: day, before: next, negate: false };
    case 'not_equal_to':
      return { kind: 'time_range', column, from: day, before: next, negate: true };
    case 'is_greater_than':
      return { kind: 'time_range', column, from: next, negate: false };
    default:
      return { kind: 'time_range', column, before: day, negate: false };
  }
}

/** The start (UTC) of the day `value` days before today. */
function daysBefore(value: string | undefined, field: string, today: Date, problems: FilterErrors): Date | undefined {
  const days = (value ?? '').trim();
  if (!/^[0-9]{1,5}$/.test(days)) return problems.add(field, 'must be a number of days');
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return new Date(start - Number(days) * DAY_MS);
}

/** The UTC day a `YYYY-MM-DD` (or ISO date-time) names, or undefined for anything else. */
function parseDay(value: string): Date | undefined {
  const match = DATE.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

const isoDate = (day: Date) => day.toISOString().slice(0, 10);

function textValues(values: FilterItem['values']): string[] {
  if (values === undefined || values === null) return [];
  const list = Array.isArray(values) ? values : [values];
  return list.map((v) => (typeof v === 'object' ? String(v.id) : String(v)));
}

function booleanValue(value: string | undefined): boolean | undefined {
  const text = value?.trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return undefined;
}

/**
 * Phone numbers are stored in E.164: an exact value is compared in that form (Chatwoot adds the
 * `+`), a part of one without its formatting.
 */
function phoneValue(value: string, exact: boolean): string {
  return exact ? `+${value.replace(/[^0-9]/g, '')}` : value.replace(/[\s().-]/g, '');
}
