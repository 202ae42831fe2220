import { Download, Filter, Search, Upload, UserPlus, X } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button } from '../../components/button';
import { inputClasses } from '../../components/text-field';
import { hasPermission } from '../accounts/account-permissions';
import { useCurrentAccount } from '../accounts/current-account';
import { accountBasePath } from '../navigation/nav-items';
import { CONTACT_COUNT_CAP, isCountCapped, withSearch, type ListQuery } from './contact-query';
import { CONTACT_SORT_KEYS, type ContactSort, type ContactSortKey, type FilterItem } from './contact-types';
import { useContactList, useSegments } from './contacts-api';
import { ContactsSideMenu } from './contacts-side-menu';
import { EditContactDialog } from './edit-contact-dialog';
import { ExportContactsDialog } from './export-contacts-dialog';
import { FilterBuilderDialog } from './filter-builder-dialog';
import { ImportContactsDialog } from './import-contacts-dialog';
import { VirtualContactList } from './virtual-contact-list';

const DEFAULT_SORT: ContactSort = { key: 'last_activity_at', direction: 'desc' };

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** "Contatos": every customer of the account, searched, sorted, filtered and kept as segments. */
export function ContactsPage() {
  const { t, i18n } = useTranslation();
  const { account } = useCurrentAccount();
  const [params, setParams] = useSearchParams();
  const segmentId = Number(params.get('segment')) || null;
  const segments = useSegments(account.id);
  const segment = segments.data?.find((s) => s.id === segmentId);
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<ContactSort>(DEFAULT_SORT);
  const [adHoc, setAdHoc] = useState<FilterItem[]>([]);
  const [dialog, setDialog] = useState<'filter' | 'import' | 'export' | 'create' | null>(null);
  const conditions = useMemo(() => (segmentId !== null ? (segment?.query.payload ?? []) : adHoc), [segmentId, segment, adHoc]);
  const debouncedSearch = useDebounced(search, 250);
  const query: ListQuery = useMemo(() => ({ search: debouncedSearch, sort, conditions }), [debouncedSearch, sort, conditions]);
  const waitingForSegment = segmentId !== null && !segment;
  const list = useContactList(account.id, query);
  const count = list.data?.pages[list.data.pages.length - 1]?.count;
  const canImport = hasPermission(account, 'contacts.import');
  const canCreate = hasPermission(account, 'contacts.manage');
  const canExport = hasPermission(account, 'contacts.export');
  const basePath = `${accountBasePath(account.id)}/contacts`;

  const applyFilter = (next: FilterItem[]) => {
    setAdHoc(next);
    if (segmentId !== null) setParams({});
  };

  return (
    <div className="flex h-full min-h-0">
      <aside className="hidden w-60 shrink-0 overflow-y-auto border-r border-line bg-surface md:block">
        <ContactsSideMenu segments={segments.data ?? []} activeId={segmentId} />
      </aside>
      <section className="flex min-w-0 flex-1 flex-col" aria-labelledby="contacts-title">
        <header className="flex flex-col gap-3 border-b border-line px-4 py-4 md:px-6">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="min-w-0">
              <h1 id="contacts-title" className="text-xl font-semibold tracking-tight text-ink">
                {segment?.name ?? t('contacts.title')}
              </h1>
              <p className="text-sm text-muted" aria-live="polite">
                {count === undefined
                  ? '\u00a0'
                  : isCountCapped(count)
                    ? t('contacts.list.countCapped', { formatted: CONTACT_COUNT_CAP.toLocaleString(i18n.language) })
                    : t('contacts.list.count', { count, formatted: count.toLocaleString(i18n.language) })}
              </p>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              {canCreate && (
                <Button onClick={() => setDialog('create')}>
                  <UserPlus className="size-4" aria-hidden="true" />
                  {t('contacts.create.open')}
                </Button>
              )}
              {canImport && (
                <Button variant="secondary" onClick={() => setDialog('import')}>
                  <Upload className="size-4" aria-hidden="true" />
                  {t('contacts.import.open')}
                </Button>
              )}
              {canExport && (
                <Button variant="secondary" onClick={() => setDialog('export')}>
                  <Download className="size-4" aria-hidden="true" />
                  {t('contacts.export.open')}
                </Button>
              )}
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {(segments.data?.length ?? 0) > 0 && (
              <select
                aria-label={t('contacts.segments.title')}
                value={segmentId ?? ''}
                onChange={(e) => setParams(e.target.value === '' ? {} : { segment: e.target.value })}
                className={`${inputClasses} w-full border-line md:hidden`}
              >
                <option value="">{t('contacts.menu.all')}</option>
                {segments.data?.map((s) => (
                  <option key={s.id} value={s.id}>{s.name}</option>
                ))}
              </select>
            )}
            <div className="relative min-w-48 flex-1">
              <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted" aria-hidden="true" />
              <input
                type="search"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                placeholder={t('contacts.list.searchPlaceholder')}
                aria-label={t('contacts.list.search')}
                className={`${inputClasses} border-line pl-9`}
              />
            </div>
            <label className="flex items-center gap-2 text-sm whitespace-nowrap text-muted">
              <span className="sr-only md:not-sr-only">
                <span className="whitespace-nowrap">{t('contacts.list.sortBy')}</span>
              </span>
              <select
                aria-label={t('contacts.list.sortBy')}
                value={`${sort.key}:${sort.direction}`}
                onChange={(e) => {
                  const [key, direction] = e.target.value.split(':') as [ContactSortKey, 'asc' | 'desc'];
                  setSort({ key, direction });
                }}
                className={`${inputClasses} w-auto border-line`}
              >
                {CONTACT_SORT_KEYS.flatMap((key) =>
                  (['asc', 'desc'] as const).map((direction) => (
                    <option key={`${key}:${direction}`} value={`${key}:${direction}`}>
                      {t(`contacts.sort.${key}.${direction}`)}
                    </option>
                  )),
                )}
              </select>
            </label>
            <Button variant={conditions.length > 0 ? 'primary' : 'secondary'} onClick={() => setDialog('filter')}>
              <Filter className="size-4" aria-hidden="true" />
              {conditions.length > 0 ? t('contacts.filter.openActive', { count: conditions.length }) : t('contacts.filter.open')}
            </Button>
            {conditions.length > 0 && segmentId === null && (
              <Button variant="ghost" onClick={() => setAdHoc([])}>
                <X className="size-4" aria-hidden="true" />
                {t('contacts.filter.clear')}
              </Button>
            )}
          </div>
        </header>
        {waitingForSegment && !segments.isPending ? (
          <p className="p-6 text-sm text-muted">{t('contacts.segments.missing')}</p>
        ) : (
          <VirtualContactList list={list} basePath={basePath} filtered={conditions.length > 0 || debouncedSearch.trim() !== ''} />
        )}
      </section>

      {dialog === 'filter' && (
        <FilterBuilderDialog
          initial={conditions}
          onClose={() => setDialog(null)}
          onApply={(next) => {
            applyFilter(next);
            setDialog(null);
          }}
          onSaved={(saved) => {
            setAdHoc([]);
            setParams({ segment: String(saved.id) });
            setDialog(null);
          }}
        />
      )}
      {dialog === 'create' && <EditContactDialog onClose={() => setDialog(null)} />}
      {dialog === 'import' && <ImportContactsDialog onClose={() => setDialog(null)} />}
      {dialog === 'export' && <ExportContactsDialog conditions={exportConditions(conditions, debouncedSearch)} onClose={() => setDialog(null)} />}
    </div>
  );
}

/** The export takes the list's filter with the search written into it; past the conditions' limit, the filter alone. */
function exportConditions(conditions: FilterItem[], search: string): FilterItem[] {
  try {
    return search.trim() === '' ? conditions : withSearch(conditions, search);
  } catch {
    return conditions;
  }
}
