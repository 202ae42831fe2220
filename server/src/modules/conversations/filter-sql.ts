import { type SQL, sql } from 'drizzle-orm';
import { conversations } from '../../db/schema';
import { invalidField } from '../../platform/errors';

/**
 * The advanced filter ("Pastas"): conditions `[{attribute_key, filter_operator, values,
 * query_operator}]` combined left to right with AND/OR (AND binding tighter, as in SQL and
 * Chatwoot). Every value is a bound parameter; attribute names map to known columns only.
 */
export type FilterCondition = {
  attribute_key: string;
  filter_operator: string;
  values: unknown[];
  query_operator?: 'AND' | 'OR' | 'and' | 'or' | null | undefined;
  attribute_model?: 'standard' | 'additional_attribute' | 'custom_attribute' | null | undefined;
};

const TEXT_OPERATORS = ['equal_to', 'not_equal_to', 'contains', 'does_not_contain', 'is_present', 'is_not_present'] as const;
const ID_OPERATORS = ['equal_to', 'not_equal_to', 'is_present', 'is_not_present'] as const;
const NUMBER_OPERATORS = ['equal_to', 'not_equal_to', 'is_greater_than', 'is_less_than', 'is_present', 'is_not_present'] as const;
const DATE_OPERATORS = ['is_greater_than', 'is_less_than', 'days_before'] as const;

const PRIORITY_NUMBERS: Record<string, number> = { low: 1, medium: 2, high: 3, urgent: 4 };
/** Conversation fields kept in `additional_attributes`. */
const ADDITIONAL = ['browser_language', 'conversation_language', 'referer', 'mail_subject'];

type Built = (operator: string, values: unknown[], field: string) => SQL;

const ids = (values: unknown[], field: string): number[] =>
  values.map((v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,16}$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n <= 0) throw invalidField(field, 'must hold ids', 'invalid');
    return n;
  });

const texts = (values: unknown[], field: string): string[] =>
  values.map((v) => {
    if (typeof v !== 'string' && typeof v !== 'number') throw invalidField(field, 'must hold text', 'invalid');
    return String(v).slice(0, 500);
  });

const oneNumber = (values: unknown[], field: string): number => {
  const n = Number(values[0]);
  if (values.length !== 1 || !Number.isFinite(n)) throw invalidField(field, 'must hold one number', 'invalid');
  return n;
};

const oneDate = (values: unknown[], field: string): Date => {
  const raw = values[0];
  const date = typeof raw === 'number' ? new Date(raw * 1000) : typeof raw === 'string' ? new Date(raw) : new Date(NaN);
  if (values.length !== 1 || Number.isNaN(date.getTime())) throw invalidField(field, 'must hold one date', 'invalid');
  return date;
};

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function idColumn(column: SQL): Built {
  return (operator, values, field) => {
    if (operator === 'is_present') return sql`${column} IS NOT NULL`;
    if (operator === 'is_not_present') return sql`${column} IS NULL`;
    const list = sql.param(ids(values, field));
    return operator === 'equal_to' ? sql`${column} = ANY(${list}::bigint[])` : sql`(${column} IS NULL OR NOT (${column} = ANY(${list}::bigint[])))`;
  };
}

function textValue(value: SQL): Built {
  return (operator, values, field) => {
    if (operator === 'is_present') return sql`coalesce(${value}, '') <> ''`;
    if (operator === 'is_not_present') return sql`coalesce(${value}, '') = ''`;
    const list = texts(values, field);
    if (operator === 'equal_to') return sql`lower(${value}) = ANY(${sql.param(list.map((t) => t.toLowerCase()))}::text[])`;
    if (operator === 'not_equal_to') return sql`(${value} IS NULL OR NOT lower(${value}) = ANY(${sql.param(list.map((t) => t.toLowerCase()))}::text[]))`;
    const matches = sql.join(
      list.map((t) => sql`public.rh_fold(${value}) LIKE public.rh_fold(${like(t)})`),
      sql` OR `,
    );
    return operator === 'contains' ? sql`(${matches})` : sql`(${value} IS NULL OR NOT (${matches}))`;
  };
}

function dateColumn(column: SQL): Built {
  return (operator, values, field) => {
    if (operator === 'days_before') {
      const days = oneNumber(values, field);
      return sql`${column} < now() - make_interval(days => ${Math.max(0, Math.floor(days))})`;
    }
    const date = oneDate(values, field);
    return operator === 'is_greater_than' ? sql`${column} > ${date}` : sql`${column} < ${date}`;
  };
}

/** A custom attribute compared as a number when both sides are numbers, as text otherwise. */
function customAttribute(key: string): Built {
  const asText = sql`(${conversations.customAttributes} ->> ${key})`;
  const asNumber = sql`(CASE WHEN jsonb_typeof(${conversations.customAttributes} -> ${key}) = 'number' THEN (${conversations.customAttributes} ->> ${key})::numeric END)`;
  return (operator, values, field) => {
    if (operator === 'is_greater_than') return sql`${asNumber} > ${oneNumber(values, field)}`;
    if (operator === 'is_less_than') return sql`${asNumber} < ${oneNumber(values, field)}`;
    if (operator === 'days_before') return sql`false`;
    return textValue(asText)(operator, values, field);
  };
}

const STANDARD: Record<string, { operators: readonly string[]; build: Built }> = {
  status: {
    operators: ['equal_to', 'not_equal_to'],
    build: (operator, values, field) => {
      const list = texts(values, field);
      if (list.some((s) => !['open', 'resolved', 'pending', 'snoozed', 'all'].includes(s))) throw invalidField(field, 'has an unknown status', 'invalid');
      if (list.includes('all')) return operator === 'equal_to' ? sql`true` : sql`false`;
      const param = sql.param(list);
      return operator === 'equal_to' ? sql`${conversations.status} = ANY(${param}::text[])` : sql`NOT (${conversations.status} = ANY(${param}::text[]))`;
    },
  },
  assignee_id: { operators: ID_OPERATORS, build: idColumn(sql`${conversations.assigneeId}`) },
  inbox_id: { operators: ID_OPERATORS, build: idColumn(sql`${conversations.inboxId}`) },
  team_id: { operators: ID_OPERATORS, build: idColumn(sql`${conversations.teamId}`) },
  contact_id: { operators: ID_OPERATORS, build: idColumn(sql`${conversations.contactId}`) },
  display_id: {
    operators: NUMBER_OPERATORS,
    build: (operator, values, field) => {
      if (operator === 'is_greater_than') return sql`${conversations.displayId} > ${oneNumber(values, field)}`;
      if (operator === 'is_less_than') return sql`${conversations.displayId} < ${oneNumber(values, field)}`;
      return idColumn(sql`${conversations.displayId}`)(operator, values, field);
    },
  },
  priority: {
    operators: ID_OPERATORS,
    build: (operator, values, field) => {
      if (operator === 'is_present') return sql`${conversations.priority} IS NOT NULL`;
      if (operator === 'is_not_present') return sql`${conversations.priority} IS NULL`;
      const list = texts(values, field).map((p) => PRIORITY_NUMBERS[p]);
      if (list.some((p) => p === undefined)) throw invalidField(field, 'has an unknown priority', 'invalid');
      const param = sql.param(list);
      return operator === 'equal_to'
        ? sql`${conversations.priority} = ANY(${param}::smallint[])`
        : sql`(${conversations.priority} IS NULL OR NOT (${conversations.priority} = ANY(${param}::smallint[])))`;
    },
  },
  labels: {
    operators: ID_OPERATORS,
    build: (operator, values, field) => {
      if (operator === 'is_present') return sql`cardinality(${conversations.labels}) > 0`;
      if (operator === 'is_not_present') return sql`cardinality(${conversations.labels}) = 0`;
      const param = sql.param(texts(values, field).map((l) => l.toLowerCase()));
      return operator === 'equal_to' ? sql`${conversations.labels} && ${param}::text[]` : sql`NOT (${conversations.labels} && ${param}::text[])`;
    },
  },
  created_at: { operators: DATE_OPERATORS, build: dateColumn(sql`${conversations.createdAt}`) },
  last_activity_at: { operators: DATE_OPERATORS, build: dateColumn(sql`${conversations.lastActivityAt}`) },
  ...Object.fromEntries(
    ADDITIONAL.map((key) => [key, { operators: TEXT_OPERATORS, build: textValue(sql`(${conversations.additionalAttributes} ->> ${key})`) }]),
  ),
};

/** The SQL condition of an advanced filter (validated: 422 naming `payload[i].<field>` otherwise). */
export function filterCondition(conditions: FilterCondition[]): SQL {
  const parts: SQL[] = [];
  conditions.forEach((condition, index) => {
    const at = `payload[${index}]`;
    const known = Object.hasOwn(STANDARD, condition.attribute_key);
    if (condition.attribute_model === 'standard' && !known) {
      throw invalidField(`${at}.attribute_key`, 'is not an attribute conversations can be filtered by', 'invalid');
    }
    const custom = condition.attribute_model === 'custom_attribute' || !known;
    if (custom && !/^[A-Za-z0-9_.-]{1,100}$/.test(condition.attribute_key)) {
      throw invalidField(`${at}.attribute_key`, 'is not an attribute conversations can be filtered by', 'invalid');
    }
    const spec = custom
      ? { operators: [...NUMBER_OPERATORS, 'contains', 'does_not_contain', 'days_before'], build: customAttribute(condition.attribute_key) }
      : STANDARD[condition.attribute_key]!;
    if (!spec.operators.includes(condition.filter_operator)) {
      throw invalidField(`${at}.filter_operator`, `cannot be used with ${condition.attribute_key}`, 'invalid');
    }
    const needsValues = !['is_present', 'is_not_present'].includes(condition.filter_operator);
    if (needsValues && condition.values.length === 0) throw invalidField(`${at}.values`, 'must not be empty', 'too_small');
    if (index > 0) {
      const joiner = (conditions[index - 1]!.query_operator ?? 'AND').toUpperCase();
      parts.push(joiner === 'OR' ? sql` OR ` : sql` AND `);
    }
    parts.push(sql`(${spec.build(condition.filter_operator, condition.values, `${at}.values`)})`);
  });
  return sql`(${sql.join(parts)})`;
}
