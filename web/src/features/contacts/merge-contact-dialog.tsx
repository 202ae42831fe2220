import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { FormDialog } from '../../components/form-dialog';
import { inputClasses } from '../../components/text-field';
import { UserAvatar } from '../../components/user-avatar';
import { apiErrorMessage } from '../../lib/api-form-errors';
import { useCurrentAccount } from '../accounts/current-account';
import type { Contact } from './contact-types';
import { contactKeys, mergeContacts, searchContacts, refreshContacts } from './contacts-api';
import { mergedValue, mergeRows, preferMergeeList, type MergeField } from './merge-choices';

const fieldLabelKey = (field: MergeField) => `contacts.fields.${field === 'company_name' ? 'company' : field}`;
const displayName = (c: Contact) => c.name || c.email || c.phone_number || `#${c.id}`;

/** "Mesclar contatos": another contact is folded into this one; where both have a value, you choose which one stays. */
export function MergeContactDialog({ base, onClose }: { base: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const [term, setTerm] = useState('');
  const [mergee, setMergee] = useState<Contact | null>(null);
  const [chosen, setChosen] = useState<Set<MergeField>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const q = term.trim();
  const results = useQuery({
    queryKey: [...contactKeys.all(account.id), 'merge-search', q],
    queryFn: () => searchContacts(account.id, q),
    enabled: q.length >= 2 && mergee === null,
  });
  const candidates = (results.data ?? []).filter((c) => c.id !== base.id);
  const rows = mergee ? mergeRows(base, mergee) : [];

  const merge = async () => {
    if (!mergee) return;
    setBusy(true);
    setError(null);
    try {
      const merged = await mergeContacts(account.id, base.id, mergee.id, preferMergeeList(rows, chosen));
      queryClient.setQueryData(contactKeys.detail(account.id, base.id), { payload: merged });
      queryClient.removeQueries({ queryKey: contactKeys.detail(account.id, mergee.id) });
      await refreshContacts(queryClient, account.id);
      onClose();
    } catch (e) {
      setError(apiErrorMessage(e, t));
      setBusy(false);
    }
  };

  return (
    <FormDialog open onOpenChange={(open) => !open && onClose()} wide title={t('contacts.merge.title')} description={t('contacts.merge.description', { name: displayName(base) })}>
      {mergee === null ? (
        <div className="flex flex-col gap-3">
          <div className="relative">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted" aria-hidden="true" />
            <input
              type="search"
              autoFocus
              value={term}
              onChange={(e) => setTerm(e.target.value)}
              aria-label={t('contacts.merge.search')}
              placeholder={t('contacts.merge.searchPlaceholder')}
              className={`${inputClasses} border-line pl-9`}
            />
          </div>
          {q.length >= 2 && results.isSuccess && candidates.length === 0 && <p className="text-sm text-muted">{t('contacts.merge.noResults')}</p>}
          <ul aria-label={t('contacts.merge.results')} className="flex max-h-72 flex-col overflow-y-auto">
            {candidates.map((c) => (
              <li key={c.id}>
                <button type="button" onClick={() => setMergee(c)} className="flex w-full items-center gap-3 rounded-lg px-2 py-2 text-left hover:bg-subtle">
                  <UserAvatar name={displayName(c)} imageUrl={c.thumbnail} size="sm" />
                  <span className="min-w-0">
                    <span className="block truncate text-sm font-medium text-ink">{displayName(c)}</span>
                    <span className="block truncate text-xs text-muted">{[c.email, c.phone_number].filter(Boolean).join(' · ')}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-muted">{t('contacts.merge.explain', { base: displayName(base), mergee: displayName(mergee) })}</p>
          <table className="w-full text-sm">
            <caption className="sr-only">{t('contacts.merge.choose')}</caption>
            <thead>
              <tr className="text-left text-xs text-muted">
                <th className="py-1 pr-2 font-medium">{t('contacts.merge.field')}</th>
                <th className="py-1 pr-2 font-medium">{displayName(base)}</th>
                <th className="py-1 font-medium">{displayName(mergee)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.field} className="border-t border-line align-top">
                  <th scope="row" className="py-2 pr-2 text-left font-normal text-muted">{t(fieldLabelKey(row.field))}</th>
                  {(['base', 'mergee'] as const).map((side) => (
                    <td key={side} className="py-2 pr-2 break-all text-ink">
                      {row.conflict ? (
                        <label className="flex items-start gap-2">
                          <input
                            type="radio"
                            name={`merge-${row.field}`}
                            checked={side === 'mergee' ? chosen.has(row.field) : !chosen.has(row.field)}
                            onChange={() =>
                              setChosen((current) => {
                                const next = new Set(current);
                                if (side === 'mergee') next.add(row.field);
                                else next.delete(row.field);
                                return next;
                              })
                            }
                            aria-label={t('contacts.merge.keep', { field: t(fieldLabelKey(row.field)), value: row[side] })}
                            className="mt-0.5 accent-brand"
                          />
                          {row[side]}
                        </label>
                      ) : (
                        <span className={row[side] ? '' : 'text-muted'}>{row[side] || '—'}</span>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-xs text-muted">
            {t('contacts.merge.result')}{' '}
            {rows.map((row) => `${t(fieldLabelKey(row.field))}: ${mergedValue(row, chosen)}`).join(' · ')}
          </p>
          {error && <FormAlert>{error}</FormAlert>}
          <div className="flex justify-between gap-2">
            <Button variant="ghost" onClick={() => setMergee(null)}>{t('contacts.merge.other')}</Button>
            <div className="flex gap-2">
              <Button variant="secondary" onClick={onClose}>{t('common.cancel')}</Button>
              <Button variant="danger" busy={busy} onClick={() => void merge()}>{t('contacts.merge.confirm')}</Button>
            </div>
          </div>
        </div>
      )}
    </FormDialog>
  );
}
