import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';

/** What the hook needs of an infinite query: its pages and how to fetch the next one. */
type PagedList<Page> = {
  data: { pages: Page[] } | undefined;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage(options?: { cancelRefetch?: boolean }): Promise<unknown>;
};

/** Rows of every page once each (a row can move between pages while they load), in order. */
export function uniqueById<Row extends { id: number }>(rows: Row[]): Row[] {
  const seen = new Set<number>();
  return rows.filter((row) => (seen.has(row.id) ? false : (seen.add(row.id), true)));
}

/**
 * A list of fixed-height rows loaded page by page: only the rows on screen are rendered, and the
 * next page is fetched when the last rendered row comes within `prefetch` rows of the end.
 */
export function usePagedVirtualRows<Page, Row extends { id: number }>(
  list: PagedList<Page>,
  rowsOf: (page: Page) => Row[],
  options: { rowHeight: number; overscan: number; prefetch: number },
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const pages = list.data?.pages;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `rowsOf` only picks a field of the page
  const rows = useMemo(() => uniqueById((pages ?? []).flatMap(rowsOf)), [pages]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser's functions are not memoised, as documented
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => options.rowHeight,
    overscan: options.overscan,
    getItemKey: (index) => rows[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    // Two renders can both ask before the query says it is fetching: the second joins the first
    // instead of cancelling it and asking again.
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - options.prefetch) void fetchNextPage({ cancelRefetch: false });
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage, options.prefetch]);
  return { rows, scrollRef, virtualizer, items };
}
