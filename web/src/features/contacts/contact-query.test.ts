import { describe, expect, it } from 'vitest';
import { CONTACT_COUNT_CAP, isCountCapped, listRequest, MAX_CONDITIONS, nextPage, TooManyConditionsError, withSearch } from './contact-query';
import type { FilterItem } from './contact-types';

const BASE = '/api/v1/accounts/3/contacts';
const cond = (key: string, value: string, join: 'AND' | 'OR' = 'AND'): FilterItem => ({
  attribute_key: key,
  attribute_model: 'standard',
  filter_operator: 'equal_to',
  values: [value],
  query_operator: join,
});

/** Evaluates a flat filter as the server does: AND binds tighter than OR. */
function evaluate(items: FilterItem[], truth: (item: FilterItem) => boolean): boolean {
  let any = false;
  let group = true;
  items.forEach((item, i) => {
    group = group && truth(item);
    if (item.query_operator === 'OR' || i === items.length - 1) {
      any = any || group;
      group = true;
    }
  });
  return any;
}

describe('listRequest', () => {
  const sort = { key: 'name', direction: 'asc' } as const;

  it('lists, searches or filters, carrying the sort and page', () => {
    expect(listRequest(BASE, { search: '', sort, conditions: [] }, 1)).toEqual({ method: 'GET', path: `${BASE}?sort=name&page=1` });
    expect(listRequest(BASE, { search: '  ana ', sort: { key: 'created_at', direction: 'desc' }, conditions: [] }, 4)).toEqual({
      method: 'GET',
      path: `${BASE}/search?sort=-created_at&page=4&q=ana`,
    });
    const filtered = listRequest(BASE, { search: '', sort, conditions: [cond('city', 'Recife')] }, 2);
    expect(filtered.method).toBe('POST');
    expect(filtered.path).toBe(`${BASE}/filter?sort=name&page=2`);
    expect(filtered.body?.payload).toEqual([cond('city', 'Recife')]);
  });
});

describe('withSearch', () => {
  it('requires the search term in one of the four searched fields next to every AND group', () => {
    const conditions = [cond('city', 'Recife'), cond('company', 'ACME', 'OR'), cond('country', 'Brasil')];
    const items = withSearch(conditions, 'ana');
    // (city AND company) OR country, each AND (name|email|phone|identifier contains ana)
    expect(items).toHaveLength(4 * (2 + 1) + 4 * (1 + 1));
    expect(items.at(-1)?.query_operator).toBe('AND');

    type Row = Record<string, string>;
    const truthFor = (row: Row) => (item: FilterItem) =>
      item.filter_operator === 'contains' ? (row[item.attribute_key] ?? '').includes(item.values[0]!) : row[item.attribute_key] === item.values[0];
    const cases: [Row, boolean][] = [
      [{ city: 'Recife', company: 'ACME', name: 'Mariana' }, true],
      [{ city: 'Recife', company: 'ACME', name: 'Bruno' }, false],
      [{ city: 'Recife', company: 'Outra', email: 'ana@x' }, false],
      [{ country: 'Brasil', email: 'ana@x' }, true],
      [{ country: 'Brasil', identifier: 'crm-ana-1' }, true],
      [{ country: 'Chile', name: 'Ana' }, false],
    ];
    for (const [row, expected] of cases) {
      expect(evaluate(items, truthFor(row)), JSON.stringify(row)).toBe(expected);
      // the conditions alone, for comparison: the search only narrows
      if (expected) expect(evaluate(conditions, truthFor(row))).toBe(true);
    }
  });

  it('leaves the conditions as they are without a search, closing the last one', () => {
    expect(withSearch([cond('city', 'Recife', 'OR')], ' ')).toEqual([cond('city', 'Recife', 'AND')]);
  });

  it('refuses to go past the server’s limit of conditions', () => {
    const many = Array.from({ length: 12 }, (_, i) => cond('city', `c${i}`, 'AND'));
    expect(() => withSearch(many, 'ana')).toThrow(TooManyConditionsError);
    expect(withSearch(many.slice(0, 5), 'ana').length).toBeLessThanOrEqual(MAX_CONDITIONS);
  });
});

describe('nextPage', () => {
  it('follows the count while it is exact', () => {
    expect(nextPage({ page: 1, count: 31, size: 15 }, 15)).toBe(2);
    expect(nextPage({ page: 3, count: 31, size: 1 }, 15)).toBeUndefined();
    expect(nextPage({ page: 2, count: 30, size: 15 }, 15)).toBeUndefined();
  });

  it('past a capped count ("more than 10,000") keeps going while pages are full', () => {
    expect(isCountCapped(CONTACT_COUNT_CAP)).toBe(false);
    expect(isCountCapped(CONTACT_COUNT_CAP + 1)).toBe(true);
    expect(nextPage({ page: 700, count: CONTACT_COUNT_CAP + 1, size: 15 }, 15)).toBe(701);
    expect(nextPage({ page: 900, count: CONTACT_COUNT_CAP + 1, size: 4 }, 15)).toBeUndefined();
    expect(nextPage({ page: 1, count: CONTACT_COUNT_CAP + 1, size: 0 }, 15)).toBeUndefined();
  });
});
