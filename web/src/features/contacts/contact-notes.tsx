import { useQueryClient } from '@tanstack/react-query';
import { Trash } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { inputClasses } from '../../components/text-field';
import { apiErrorMessage } from '../../lib/api-form-errors';
import { useCurrentAccount } from '../accounts/current-account';
import { ContactCard } from './contact-card';
import { addNote, contactKeys, deleteNote, useContactNotes } from './contacts-api';

/** "Notas": what the team wrote about the contact, newest first. */
export function ContactNotes({ contactId, canManage, enabled = true }: { contactId: number; canManage: boolean; enabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const notes = useContactNotes(account.id, contactId, enabled);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const key = contactKeys.part(account.id, contactId, 'notes');

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await queryClient.invalidateQueries({ queryKey: key });
      return true;
    } catch (e) {
      setError(apiErrorMessage(e, t));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <ContactCard title={t('contacts.sections.notes')}>
      {canManage && (
        <form
          className="mb-3 flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim() === '') return;
            void run(() => addNote(account.id, contactId, draft.trim())).then((ok) => ok && setDraft(''));
          }}
        >
          <textarea
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            rows={2}
            aria-label={t('contacts.notes.new')}
            placeholder={t('contacts.notes.placeholder')}
            className={`${inputClasses} border-line`}
          />
          <Button type="submit" variant="secondary" className="self-end" busy={busy} disabled={draft.trim() === ''}>
            {t('contacts.notes.add')}
          </Button>
        </form>
      )}
      {error && <p role="alert" className="mb-2 text-sm text-danger">{error}</p>}
      {notes.data?.length === 0 && <p className="text-sm text-muted">{t('contacts.notes.empty')}</p>}
      <ul aria-label={t('contacts.sections.notes')} className="flex flex-col gap-2">
        {(notes.data ?? []).map((note) => (
          <li key={note.id} className="rounded-lg bg-subtle px-3 py-2">
            <div className="flex items-start justify-between gap-2">
              <p className="text-sm break-words whitespace-pre-wrap text-ink">{note.content}</p>
              {canManage && (
                <button
                  type="button"
                  onClick={() => void run(() => deleteNote(account.id, contactId, note.id))}
                  className="shrink-0 rounded p-1 text-muted hover:bg-danger-soft hover:text-danger"
                  aria-label={t('contacts.notes.delete')}
                >
                  <Trash className="size-3.5" aria-hidden="true" />
                </button>
              )}
            </div>
            <p className="mt-1 text-xs text-muted">
              {[note.user?.available_name, new Date(note.created_at * 1000).toLocaleString(i18n.language)].filter(Boolean).join(' · ')}
            </p>
          </li>
        ))}
      </ul>
    </ContactCard>
  );
}
