import type { ContactSort, FilterItem } from './contact-types';

/** What the list shows: the search box, the sort and the advanced filter's conditions. */
export type ListQuery = { search: string; sort: ContactSort; conditions: FilterItem[] };

export type ListRequest = { method: 'GET' | 'POST'; path: string; body?: { payload: FilterItem[] } };

/** The server takes at most this many conditions in one filter. */
export const MAX_CONDITIONS = 50;

/** The fields the search box looks in (as `GET /contacts/search` does). */
const SEARCH_FIELDS = ['name', 'email', 'phone_number', 'identifier'] as const;

export class TooManyConditionsError extends Error {
  constructor() {
    super(`a filter has at most ${MAX_CONDITIONS} conditions`);
    this.name = 'TooManyConditionsError';
  }
}

export const sortParam = (sort: ContactSort) => `${sort.direction === 'desc' ? '-' : ''}${sort.key}`;

/**
 * The request for one page of the list: the plain list, the search, or — with conditions — the
 * filter. The filter endpoint has no search text, so a search over a filter is written into the
 * conditions (see `withSearch`).
 */
export function listRequest(base: string, query: ListQuery, page: number): ListRequest {
  const params = new URLSearchParams({ sort: sortParam(query.sort), page: String(page) });
  const search = query.search.trim();
  if (query.conditions.length > 0) {
    return { method: 'POST', path: `${base}/filter?${params.toString()}`, body: { payload: withSearch(query.conditions, search) } };
  }
  if (search !== '') {
    params.set('q', search);
    return { method: 'GET', path: `${base}/search?${params.toString()}` };
  }
  return { method: 'GET', path: `${base}?${params.toString()}` };
}

/**
 * `conditions AND (name OR email OR phone OR identifier contains search)`, in the filter's flat
 * form where AND binds tighter than OR: the conditions split into their AND groups, and each group
 * is repeated once per searched field. Throws TooManyConditionsError past the server's limit.
 */
export function withSearch(conditions: FilterItem[], search: string): FilterItem[] {
  const term = search.trim();
  if (term === '') return conditions.map((c, i) => ({ ...c, query_operator: i === conditions.length - 1 ? 'AND' : c.query_operator }));
  const groups: FilterItem[][] = [[]];
  for (const condition of conditions) {
    groups[groups.length - 1]!.push(condition);
    if (condition.query_operator === 'OR') groups.push([]);
  }
  const nonEmpty = groups.filter((g) => g.length > 0);
  const items: FilterItem[] = [];
  for (const group of nonEmpty) {
    for (const field of SEARCH_FIELDS) {
      for (const condition of group) items.push({ ...condition, query_operator: 'AND' });
      items.push({ attribute_key: field, attribute_model: 'standard', filter_operator: 'contains', values: [term], query_operator: 'OR' });
    }
  }
  if (items.length > MAX_CONDITIONS) throw new TooManyConditionsError();
  items[items.length - 1] = { ...items[items.length - 1]!, query_operator: 'AND' };
  return items;
}

/**
 * The server counts matches up to this many (`meta.count`); a count of CONTACT_COUNT_CAP + 1 means
 * "more than that", shown as "1.000+".
 */
export const CONTACT_COUNT_CAP = 1_000;

export const isCountCapped = (count: number) => count > CONTACT_COUNT_CAP;

/** The page after `last`, if there is one: past a capped count, as long as pages come back full. */
export function nextPage(last: { page: number; count: number; size: number }, pageSize: number): number | undefined {
  if (last.size === 0) return undefined;
  if (isCountCapped(last.count)) return last.size < pageSize ? undefined : last.page + 1;
  return last.page * pageSize < last.count ? last.page + 1 : undefined;
}
