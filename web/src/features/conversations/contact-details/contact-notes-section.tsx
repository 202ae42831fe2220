import { useQueryClient } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useCurrentAccount } from '../../accounts/current-account';
import { DetailsSection } from '../details-section';
import { addContactNote, contactDetailKeys, deleteContactNote, useContactNotes, type ContactNote } from './contact-api';

/** "Notas": what the team wrote down about the customer, newest first; only agents see them. */
export function ContactNotesSection({ contactId }: { contactId: number }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const { account } = useCurrentAccount();
  const notes = useContactNotes(account.id, contactId);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const [deleting, setDeleting] = useState<ContactNote | null>(null);
  const key = contactDetailKeys.notes(account.id, contactId);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.trim()) return;
    setSaving(true);
    setFailed(false);
    try {
      const note = await addContactNote(account.id, contactId, draft.trim());
      client.setQueryData<ContactNote[]>(key, (old = []) => [note, ...old.filter((n) => n.id !== note.id)]);
      setDraft('');
    } catch {
      setFailed(true);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (note: ContactNote) => {
    await deleteContactNote(account.id, contactId, note.id);
    client.setQueryData<ContactNote[]>(key, (old = []) => old.filter((n) => n.id !== note.id));
    setDeleting(null);
  };

  return (
    <DetailsSection title={t('workspace.notes.title')}>
      <form onSubmit={(e) => void add(e)} className="mb-2 flex flex-col gap-1.5">
        <textarea
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          rows={2}
          aria-label={t('workspace.notes.new')}
          placeholder={t('workspace.notes.placeholder')}
          className="w-full resize-y rounded-lg border border-line bg-surface px-2.5 py-1.5 text-sm text-ink placeholder:text-muted/70 focus:border-brand focus:outline-none"
        />
        {failed && (
          <p role="alert" className="text-xs text-danger">
            {t('workspace.notes.saveError')}
          </p>
        )}
        <button type="submit" disabled={saving || !draft.trim()} className="self-end rounded-lg bg-brand px-3 py-1 text-xs font-medium text-on-brand disabled:opacity-50">
          {t('workspace.notes.add')}
        </button>
      </form>
      {notes.data && notes.data.length === 0 && <p className="text-sm text-muted">{t('workspace.notes.empty')}</p>}
      <ul aria-label={t('workspace.notes.title')} className="flex flex-col gap-2">
        {(notes.data ?? []).map((note) => (
          <li key={note.id} className="group rounded-lg bg-subtle px-2.5 py-2 text-sm">
            <p className="break-words whitespace-pre-wrap text-ink">{note.content}</p>
            <div className="mt-1 flex items-center gap-2 text-xs text-muted">
              <span className="min-w-0 truncate">
                {note.user?.available_name ?? t('workspace.notes.formerAgent')} · {new Date(note.created_at * 1000).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}
              </span>
              <button type="button" onClick={() => setDeleting(note)} className="ml-auto rounded p-0.5 hover:bg-line hover:text-danger" aria-label={t('workspace.notes.delete')} title={t('workspace.notes.delete')}>
                <Trash2 className="size-3.5" aria-hidden="true" />
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={t('workspace.notes.deleteTitle')}
        description={t('workspace.notes.deleteDescription')}
        confirmLabel={t('workspace.notes.delete')}
        onConfirm={() => deleting && void remove(deleting)}
      />
    </DetailsSection>
  );
}
