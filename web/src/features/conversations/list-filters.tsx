import { ListFilter } from 'lucide-react';
import { Popover } from 'radix-ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortKey, StatusFilter } from './conversation-types';
import type { ListPreferences } from './use-list-preferences';

const STATUSES: StatusFilter[] = ['open', 'pending', 'snoozed', 'resolved', 'all'];
export const SORTS: SortKey[] = [
  'last_activity_at_desc',
  'last_activity_at_asc',
  'created_at_desc',
  'created_at_asc',
  'priority_desc',
  'priority_asc',
  'waiting_since_desc',
  'waiting_since_asc',
];

/** Status filter and sort order, behind one button so the header stays narrow. */
export function ListFilters({ status, sort, onChange }: { status: StatusFilter; sort: SortKey; onChange(change: Partial<ListPreferences>): void }) {
  const { t } = useTranslation();
  const statusId = useId();
  const sortId = useId();
  return (
    <Popover.Root>
      <Popover.Trigger
        className="flex items-center gap-1.5 rounded-lg border border-line px-2 py-1 text-xs text-ink hover:bg-subtle"
        aria-label={t('workspace.filters.open')}
      >
        <ListFilter className="size-3.5" aria-hidden="true" />
        {t(`workspace.status.${status}`)}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content align="end" sideOffset={6} className="z-50 flex w-64 flex-col gap-3 rounded-xl border border-line bg-surface p-3 shadow-lg">
          <label htmlFor={statusId} className="flex flex-col gap-1 text-xs font-medium text-muted">
            {t('workspace.filters.status')}
            <select
              id={statusId}
              value={status}
              onChange={(e) => onChange({ status: e.target.value as StatusFilter })}
              className="rounded-lg border border-line bg-surface px-2 py-1.5 text-sm text-ink"
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`workspace.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={sortId} className="flex flex-col gap-1 text-xs font-medium text-muted">
            {t('workspace.filters.sort')}
            <select
              id={sortId}
              value={sort}
              onChange={(e) => onChange({ sort: e.target.value as SortKey })}
              className="rounded-lg border border-line bg-surface px-2 py-1.5 text-sm text-ink"
            >
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`workspace.sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
