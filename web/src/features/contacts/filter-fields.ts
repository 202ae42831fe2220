import type { CustomAttributeDefinition, FilterItem } from './contact-types';

/** How a filterable field is compared, which decides its operators and value input. */
export type FieldKind = 'text' | 'date' | 'labels' | 'blocked' | 'number' | 'list' | 'checkbox' | 'custom_date';

export type FilterField = {
  key: string;
  model: FilterItem['attribute_model'];
  kind: FieldKind;
  /** A translation key for standard fields, the display name for custom attributes. */
  label: { i18nKey: string } | { text: string };
  options?: string[];
};

const TEXT_OPERATORS = ['equal_to', 'not_equal_to', 'contains', 'does_not_contain', 'is_present', 'is_not_present'];
const PRESENCE = ['is_present', 'is_not_present'];

export const OPERATORS_BY_KIND: Record<FieldKind, readonly string[]> = {
  text: TEXT_OPERATORS,
  date: ['equal_to', 'not_equal_to', 'is_greater_than', 'is_less_than', 'days_before', ...PRESENCE],
  labels: ['equal_to', 'not_equal_to', ...PRESENCE],
  blocked: ['equal_to'],
  number: ['equal_to', 'not_equal_to', 'is_greater_than', 'is_less_than', ...PRESENCE],
  list: ['equal_to', 'not_equal_to', ...PRESENCE],
  checkbox: ['equal_to'],
  custom_date: ['is_greater_than', 'is_less_than', 'days_before', ...PRESENCE],
};

const STANDARD: { key: string; kind: FieldKind }[] = [
  { key: 'name', kind: 'text' },
  { key: 'email', kind: 'text' },
  { key: 'phone_number', kind: 'text' },
  { key: 'identifier', kind: 'text' },
  { key: 'company', kind: 'text' },
  { key: 'city', kind: 'text' },
  { key: 'country', kind: 'text' },
  { key: 'country_code', kind: 'text' },
  { key: 'created_at', kind: 'date' },
  { key: 'last_activity_at', kind: 'date' },
  { key: 'labels', kind: 'labels' },
  { key: 'blocked', kind: 'blocked' },
];

const CUSTOM_KIND: Record<CustomAttributeDefinition['attribute_display_type'], FieldKind> = {
  text: 'text',
  link: 'text',
  number: 'number',
  currency: 'number',
  percent: 'number',
  date: 'custom_date',
  list: 'list',
  checkbox: 'checkbox',
};

/** The contact fields, then the account's contact custom attributes. */
export function filterFields(definitions: CustomAttributeDefinition[]): FilterField[] {
  return [
    ...STANDARD.map((f): FilterField => ({ key: f.key, model: 'standard', kind: f.kind, label: { i18nKey: `contacts.fields.${f.key}` } })),
    ...definitions
      .filter((d) => d.attribute_model === 'contact_attribute')
      .map(
        (d): FilterField => ({
          key: d.attribute_key,
          model: 'custom_attribute',
          kind: CUSTOM_KIND[d.attribute_display_type] ?? 'text',
          label: { text: d.attribute_display_name },
          ...(d.attribute_values ? { options: d.attribute_values } : {}),
        }),
      ),
  ];
}

export const needsValue = (operator: string) => !PRESENCE.includes(operator);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a condition cannot be sent yet (a translation key), or null when it can. */
export function conditionProblem(condition: FilterItem, field: FilterField | undefined): string | null {
  if (!field) return 'contacts.filter.problems.field';
  if (!OPERATORS_BY_KIND[field.kind].includes(condition.filter_operator)) return 'contacts.filter.problems.operator';
  if (!needsValue(condition.filter_operator)) return null;
  const value = (condition.values[0] ?? '').trim();
  if (value === '') return 'contacts.filter.problems.value';
  if (condition.filter_operator === 'days_before') return /^\d{1,5}$/.test(value) ? null : 'contacts.filter.problems.days';
  if (field.kind === 'date' || (field.kind === 'custom_date' && condition.filter_operator !== 'days_before')) {
    return DATE.test(value) ? null : 'contacts.filter.problems.date';
  }
  if (field.kind === 'number') return Number.isFinite(Number(value)) ? null : 'contacts.filter.problems.number';
  return null;
}

/** A fresh condition on a field: its first operator, and a value the input starts from. */
export function newCondition(field: FilterField): FilterItem {
  const defaultValue = field.kind === 'blocked' || field.kind === 'checkbox' ? 'true' : (field.options?.[0] ?? '');
  return {
    attribute_key: field.key,
    attribute_model: field.model,
    filter_operator: OPERATORS_BY_KIND[field.kind][0]!,
    values: [defaultValue],
    query_operator: 'AND',
  };
}

export const findField = (fields: FilterField[], condition: FilterItem) =>
  fields.find((f) => f.key === condition.attribute_key && f.model === condition.attribute_model);
