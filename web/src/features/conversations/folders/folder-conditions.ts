import type { AssigneeTab, StatusFilter } from '../conversation-types';

/** One condition of the advanced filter, as `POST /conversations/filter` and saved folders hold them. */
export type FilterCondition = {
  attribute_key: string;
  filter_operator: FilterOperator;
  values: (string | number)[];
  query_operator?: 'AND' | 'OR' | null;
};

export type FilterOperator =
  | 'equal_to'
  | 'not_equal_to'
  | 'contains'
  | 'does_not_contain'
  | 'is_present'
  | 'is_not_present'
  | 'is_greater_than'
  | 'is_less_than'
  | 'days_before';

/** How a value is picked: from a list the builder knows, or typed. */
export type ValueKind = 'status' | 'agent' | 'inbox' | 'team' | 'priority' | 'label' | 'number' | 'date' | 'text';

const ID_OPERATORS: FilterOperator[] = ['equal_to', 'not_equal_to', 'is_present', 'is_not_present'];
const TEXT_OPERATORS: FilterOperator[] = ['equal_to', 'not_equal_to', 'contains', 'does_not_contain', 'is_present', 'is_not_present'];
const DATE_OPERATORS: FilterOperator[] = ['is_greater_than', 'is_less_than', 'days_before'];

/** The attributes the server filters conversations by, with the operators it accepts for each. */
export const FILTER_ATTRIBUTES: { key: string; operators: FilterOperator[]; value: ValueKind }[] = [
  { key: 'status', operators: ['equal_to', 'not_equal_to'], value: 'status' },
  { key: 'assignee_id', operators: ID_OPERATORS, value: 'agent' },
  { key: 'inbox_id', operators: ID_OPERATORS, value: 'inbox' },
  { key: 'team_id', operators: ID_OPERATORS, value: 'team' },
  { key: 'priority', operators: ID_OPERATORS, value: 'priority' },
  { key: 'labels', operators: ID_OPERATORS, value: 'label' },
  { key: 'display_id', operators: ['equal_to', 'not_equal_to', 'is_greater_than', 'is_less_than'], value: 'number' },
  { key: 'created_at', operators: DATE_OPERATORS, value: 'date' },
  { key: 'last_activity_at', operators: DATE_OPERATORS, value: 'date' },
  { key: 'browser_language', operators: TEXT_OPERATORS, value: 'text' },
  { key: 'referer', operators: TEXT_OPERATORS, value: 'text' },
];

export const attributeOf = (key: string) => FILTER_ATTRIBUTES.find((a) => a.key === key) ?? FILTER_ATTRIBUTES[0]!;

export const needsValue = (operator: FilterOperator) => operator !== 'is_present' && operator !== 'is_not_present';

/** What the value box takes for this operator: `days_before` counts days even on a date attribute. */
export const valueKindFor = (condition: Pick<FilterCondition, 'attribute_key' | 'filter_operator'>): ValueKind =>
  condition.filter_operator === 'days_before' ? 'number' : attributeOf(condition.attribute_key).value;

/** The builder's rows, ready to send: values trimmed, operators joining them, an error key per row left unfinished. */
export function validateConditions(conditions: FilterCondition[]): { payload: FilterCondition[]; invalidRows: number[] } {
  const invalidRows: number[] = [];
  const payload = conditions.map((condition, index) => {
    const values = needsValue(condition.filter_operator)
      ? condition.values.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => v !== '' && !(typeof v === 'number' && Number.isNaN(v)))
      : [];
    if (needsValue(condition.filter_operator) && values.length === 0) invalidRows.push(index);
    const last = index === conditions.length - 1;
    return { ...condition, values, query_operator: last ? null : (condition.query_operator ?? 'AND') };
  });
  return { payload, invalidRows };
}

/**
 * The folder's conditions narrowed to the list's tab and status. The server combines left to right
 * with AND binding tighter than OR, so the extra conditions join every OR group.
 */
export function narrowConditions(conditions: FilterCondition[], extra: FilterCondition[]): FilterCondition[] {
  if (extra.length === 0) return conditions;
  const out: FilterCondition[] = [];
  conditions.forEach((condition, index) => {
    const last = index === conditions.length - 1;
    const endsGroup = last || condition.query_operator?.toUpperCase() === 'OR';
    out.push({ ...condition, query_operator: 'AND' });
    if (!endsGroup) return;
    extra.forEach((e, j) => out.push({ ...e, query_operator: j < extra.length - 1 ? 'AND' : last ? null : 'OR' }));
  });
  return out;
}

/** The list's tab and status as conditions. */
export function listConditions(tab: AssigneeTab | null, status: StatusFilter, userId: number): FilterCondition[] {
  const extra: FilterCondition[] = [];
  if (status !== 'all') extra.push({ attribute_key: 'status', filter_operator: 'equal_to', values: [status] });
  if (tab === 'me') extra.push({ attribute_key: 'assignee_id', filter_operator: 'equal_to', values: [userId] });
  if (tab === 'unassigned') extra.push({ attribute_key: 'assignee_id', filter_operator: 'is_not_present', values: [] });
  return extra;
}
