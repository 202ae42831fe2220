import { Bookmark, Trash, Users } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { apiErrorMessage } from '../../lib/api-form-errors';
import { useCurrentAccount } from '../accounts/current-account';
import { accountBasePath } from '../navigation/nav-items';
import type { Segment } from './contact-types';
import { contactKeys, deleteSegment } from './contacts-api';

const itemClasses = (active: boolean) =>
  `flex min-w-0 flex-1 items-center gap-2.5 rounded-lg px-2 py-1.5 text-sm transition-colors ${active ? 'bg-brand-soft font-medium text-brand' : 'text-ink hover:bg-subtle'}`;

/** The contacts page's side menu: all contacts, then the saved segments ("Segmentos"). */
export function ContactsSideMenu({ segments, activeId }: { segments: Segment[]; activeId: number | null }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const base = `${accountBasePath(account.id)}/contacts`;
  const [removing, setRemoving] = useState<Segment | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    setError(null);
    try {
      await deleteSegment(account.id, removing.id);
      await queryClient.invalidateQueries({ queryKey: contactKeys.segments(account.id) });
      if (activeId === removing.id) void navigate(base);
      setRemoving(null);
    } catch (e) {
      setError(apiErrorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <nav aria-label={t('contacts.menu.label')} className="flex flex-col gap-4 px-3 py-4">
      <ul className="flex flex-col gap-0.5">
        <li className="flex">
          <Link to={base} aria-current={activeId === null ? 'page' : undefined} className={itemClasses(activeId === null)}>
            <Users className="size-4 shrink-0" aria-hidden="true" />
            {t('contacts.menu.all')}
          </Link>
        </li>
      </ul>
      <div role="group" aria-labelledby="contact-segments-title">
        <p id="contact-segments-title" className="px-2 pb-1 text-xs font-semibold tracking-wide text-muted uppercase">
          {t('contacts.segments.title')}
        </p>
        {segments.length === 0 ? (
          <p className="px-2 py-1 text-sm text-muted">{t('contacts.segments.empty')}</p>
        ) : (
          <ul className="flex flex-col gap-0.5">
            {segments.map((segment) => (
              <li key={segment.id} className="group flex items-center">
                <Link to={`${base}?segment=${segment.id}`} aria-current={activeId === segment.id ? 'page' : undefined} className={itemClasses(activeId === segment.id)}>
                  <Bookmark className="size-4 shrink-0" aria-hidden="true" />
                  <span className="truncate">{segment.name}</span>
                </Link>
                <button
                  type="button"
                  onClick={() => setRemoving(segment)}
                  className="rounded-md p-1.5 text-muted opacity-0 group-hover:opacity-100 hover:bg-danger-soft hover:text-danger focus:opacity-100"
                  aria-label={t('contacts.segments.delete', { name: segment.name })}
                >
                  <Trash className="size-3.5" aria-hidden="true" />
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={t('contacts.segments.deleteTitle')}
        description={t('contacts.segments.deleteDescription', { name: removing?.name ?? '' })}
        confirmLabel={t('contacts.segments.deleteConfirm')}
        onConfirm={() => void remove()}
        busy={busy}
        error={error}
      />
    </nav>
  );
}
