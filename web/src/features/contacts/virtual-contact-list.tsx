import { Contact as ContactIcon, LoaderCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { usePagedVirtualRows } from '../../components/use-paged-virtual-rows';
import { UserAvatar } from '../../components/user-avatar';
import { apiErrorMessage } from '../../lib/api-form-errors';
import { shortTime } from '../conversations/time-format';
import type { Contact } from './contact-types';
import type { useContactList } from './contacts-api';

const ROW_HEIGHT = 60;
/** Load the next page this many rows before the end. */
const PREFETCH_ROWS = 20;

type Props = { list: ReturnType<typeof useContactList>; basePath: string; filtered: boolean };

const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** Only the rows on screen are in the DOM; pages of 15 load as the end comes near, so 500k contacts scroll. */
export function VirtualContactList({ list, basePath, filtered }: Props) {
  const { t, i18n } = useTranslation();
  const { rows: contacts, scrollRef, virtualizer, items } = usePagedVirtualRows(list, (page) => page.contacts, {
    rowHeight: ROW_HEIGHT,
    overscan: 10,
    prefetch: PREFETCH_ROWS,
  });

  if (list.isPending) {
    return (
      <div className="flex flex-1 items-center justify-center p-6" role="status" aria-label={t('common.loading')}>
        <LoaderCircle className="size-6 animate-spin text-muted" aria-hidden="true" />
      </div>
    );
  }
  if (list.isError) return <p className="p-6 text-sm text-danger" role="alert">{apiErrorMessage(list.error, t)}</p>;
  if (contacts.length === 0) {
    return (
      <div className="p-4 md:p-6">
        <EmptyState
          icon={ContactIcon}
          title={filtered ? t('contacts.list.noMatchTitle') : t('contacts.list.emptyTitle')}
          description={filtered ? t('contacts.list.noMatchDescription') : t('contacts.list.emptyDescription')}
        />
      </div>
    );
  }

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto" data-testid="contact-list-scroller">
      <div className="sticky top-0 z-10 hidden grid-cols-[minmax(0,2.2fr)_minmax(0,1.2fr)_minmax(0,1.2fr)_minmax(0,1fr)_8.5rem] gap-4 border-b border-line bg-canvas px-4 py-2 text-xs font-semibold tracking-wide text-muted uppercase md:grid md:px-6">
        <span>{t('contacts.fields.name')}</span>
        <span>{t('contacts.fields.phone_number')}</span>
        <span>{t('contacts.fields.company')}</span>
        <span>{t('contacts.fields.city')}</span>
        <span>{t('contacts.fields.last_activity_at')}</span>
      </div>
      <ul aria-label={t('contacts.list.label')} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const contact = contacts[item.index]!;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="absolute left-0 w-full"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <ContactRow contact={contact} to={`${basePath}/${contact.id}`} language={i18n.language} />
            </li>
          );
        })}
      </ul>
      {list.isFetchingNextPage && (
        <div className="flex justify-center py-3" role="status" aria-label={t('common.loading')}>
          <LoaderCircle className="size-4 animate-spin text-muted" aria-hidden="true" />
        </div>
      )}
    </div>
  );
}

function ContactRow({ contact, to, language }: { contact: Contact; to: string; language: string }) {
  const { t } = useTranslation();
  const name = contact.name || contact.email || contact.phone_number || t('contacts.unnamed');
  return (
    <Link
      to={to}
      className="grid grid-cols-[minmax(0,1fr)] items-center gap-4 border-b border-line px-4 py-2.5 text-sm hover:bg-subtle md:grid-cols-[minmax(0,2.2fr)_minmax(0,1.2fr)_minmax(0,1.2fr)_minmax(0,1fr)_8.5rem] md:px-6"
    >
      <span className="flex min-w-0 items-center gap-3">
        <UserAvatar name={name} imageUrl={contact.thumbnail} />
        <span className="min-w-0">
          <span className="flex items-center gap-1.5 truncate font-medium text-ink">
            <span className="truncate">{name}</span>
            {contact.blocked && <span className="shrink-0 rounded-full bg-danger-soft px-1.5 text-[11px] font-medium text-danger">{t('contacts.blocked')}</span>}
          </span>
          <span className="block truncate text-muted">{contact.email ?? contact.phone_number ?? ''}</span>
        </span>
      </span>
      <span className="hidden truncate text-ink md:block">{contact.phone_number ?? ''}</span>
      <span className="hidden truncate text-ink md:block">{text(contact.additional_attributes.company_name)}</span>
      <span className="hidden truncate text-ink md:block">{text(contact.additional_attributes.city)}</span>
      <span className="hidden text-muted md:block">{contact.last_activity_at ? shortTime(contact.last_activity_at, language) : '—'}</span>
    </Link>
  );
}
