import { describe, expect, it } from 'vitest';
import { listConditions, narrowConditions, validateConditions, valueKindFor, type FilterCondition } from './folder-conditions';

const c = (attribute_key: string, values: (string | number)[], query_operator: 'AND' | 'OR' | null = 'AND'): FilterCondition => ({
  attribute_key,
  filter_operator: 'equal_to',
  values,
  query_operator,
});

describe('narrowConditions', () => {
  it('adds the tab and status to every OR group, so "A or B" becomes "(A and S) or (B and S)"', () => {
    const folder = [c('inbox_id', [1], 'OR'), c('labels', ['vip'], null)];
    const narrowed = narrowConditions(folder, listConditions('me', 'open', 7));
    expect(narrowed.map((x) => `${x.attribute_key}=${x.values.join()} ${x.query_operator ?? ''}`.trim())).toEqual([
      'inbox_id=1 AND',
      'status=open AND',
      'assignee_id=7 OR',
      'labels=vip AND',
      'status=open AND',
      'assignee_id=7',
    ]);
  });

  it('keeps AND groups together and leaves the folder alone when the list adds nothing', () => {
    const folder = [c('inbox_id', [1], 'AND'), c('priority', ['high'], null)];
    expect(narrowConditions(folder, listConditions('all', 'all', 7))).toBe(folder);
    const narrowed = narrowConditions(folder, listConditions('unassigned', 'all', 7));
    expect(narrowed.map((x) => x.attribute_key)).toEqual(['inbox_id', 'priority', 'assignee_id']);
    expect(narrowed[2]).toMatchObject({ filter_operator: 'is_not_present', query_operator: null });
  });
});

describe('validateConditions', () => {
  it('points at rows still missing a value and drops the last joiner', () => {
    const rows: FilterCondition[] = [c('referer', ['  '], 'OR'), { attribute_key: 'team_id', filter_operator: 'is_present', values: ['x'], query_operator: 'AND' }];
    const { payload, invalidRows } = validateConditions(rows);
    expect(invalidRows).toEqual([0]);
    expect(payload[1]).toEqual({ attribute_key: 'team_id', filter_operator: 'is_present', values: [], query_operator: null });
  });

  it('counts days for "days before", even on a date attribute', () => {
    expect(valueKindFor({ attribute_key: 'created_at', filter_operator: 'days_before' })).toBe('number');
    expect(valueKindFor({ attribute_key: 'created_at', filter_operator: 'is_greater_than' })).toBe('date');
  });
});
