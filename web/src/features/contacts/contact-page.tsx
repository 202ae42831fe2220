import { useQueryClient } from '@tanstack/react-query';
import { ArrowLeft, Ban, GitMerge, MessageSquarePlus, Pencil, ShieldCheck, Trash } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { FormAlert } from '../../components/form-alert';
import { FullPageSpinner } from '../../components/full-page-spinner';
import { UserAvatar } from '../../components/user-avatar';
import { apiErrorMessage } from '../../lib/api-form-errors';
import { hasPermission } from '../accounts/account-permissions';
import { useCurrentAccount } from '../accounts/current-account';
import { accountBasePath } from '../navigation/nav-items';
import { ContactAttributes } from './contact-attributes';
import { ContactHistory } from './contact-history';
import { ContactLabels } from './contact-labels';
import { ContactNotes } from './contact-notes';
import type { Contact } from './contact-types';
import { contactKeys, deleteContact, updateContact, useContactDetail, refreshContacts } from './contacts-api';
import { EditContactDialog } from './edit-contact-dialog';
import { MergeContactDialog } from './merge-contact-dialog';
import { NewConversationDialog } from './new-conversation-dialog';

type Pending = 'edit' | 'merge' | 'conversation' | 'delete' | null;

/** One contact: attributes, labels, notes, conversations, and what can be done with them. */
export function ContactPage() {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const contactId = Number(useParams().contactId);
  // While it is being deleted, nothing here may ask for the contact again (a live "deleted" event
  // can arrive before the answer and would refetch it: 404s).
  const [paused, setPaused] = useState(false);
  const contact = useContactDetail(account.id, contactId, !paused);
  const listPath = `${accountBasePath(account.id)}/contacts`;

  if (contact.isPending) return <FullPageSpinner />;
  if (contact.isError) {
    return (
      <div className="flex flex-col gap-4 p-4 md:p-8">
        <BackLink to={listPath} />
        <FormAlert>{apiErrorMessage(contact.error, t)}</FormAlert>
      </div>
    );
  }
  return <ContactView contact={contact.data} listPath={listPath} paused={paused} setPaused={setPaused} />;
}

function BackLink({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="inline-flex items-center gap-1.5 self-start text-sm text-muted hover:text-ink">
      <ArrowLeft className="size-4" aria-hidden="true" />
      {t('contacts.title')}
    </Link>
  );
}

type ContactViewProps = { contact: Contact; listPath: string; paused: boolean; setPaused: (paused: boolean) => void };

function ContactView({ contact, listPath, paused, setPaused }: ContactViewProps) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const canManage = hasPermission(account, 'contacts.manage');
  const canDelete = hasPermission(account, 'contacts.delete');
  const name = contact.name || contact.email || contact.phone_number || t('contacts.unnamed');
  const refresh = () => refreshContacts(queryClient, account.id);

  const toggleBlocked = async () => {
    setBusy(true);
    setError(null);
    try {
      const updated = await updateContact(account.id, contact.id, { blocked: !contact.blocked });
      queryClient.setQueryData(contactKeys.detail(account.id, contact.id), { payload: updated });
      await refresh();
    } catch (e) {
      setError(apiErrorMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    setPaused(true);
    try {
      await deleteContact(account.id, contact.id);
      void navigate(listPath, { replace: true });
      await queryClient.invalidateQueries({ queryKey: contactKeys.lists(account.id) });
    } catch (e) {
      setPaused(false);
      setError(apiErrorMessage(e, t));
      setBusy(false);
    }
  };

  return (
    <div className="flex flex-col">
      <header className="flex flex-col gap-4 border-b border-line px-4 py-4 md:px-8 md:py-5">
        <BackLink to={listPath} />
        <div className="flex flex-wrap items-center justify-between gap-4">
          <div className="flex min-w-0 items-center gap-3">
            <UserAvatar name={name} imageUrl={contact.thumbnail} />
            <div className="min-w-0">
              <h1 className="flex items-center gap-2 truncate text-xl font-semibold tracking-tight text-ink">
                <span className="truncate">{name}</span>
                {contact.blocked && <span className="shrink-0 rounded-full bg-danger-soft px-2 py-0.5 text-xs font-medium text-danger">{t('contacts.blocked')}</span>}
              </h1>
              <p className="truncate text-sm text-muted">{[contact.email, contact.phone_number].filter(Boolean).join(' · ')}</p>
            </div>
          </div>
          {canManage && (
            <div className="flex flex-wrap items-center gap-2">
              <Button onClick={() => setPending('conversation')}>
                <MessageSquarePlus className="size-4" aria-hidden="true" />
                {t('contacts.conversation.open')}
              </Button>
              <Button variant="secondary" onClick={() => setPending('edit')}>
                <Pencil className="size-4" aria-hidden="true" />
                {t('contacts.edit.open')}
              </Button>
              <Button variant="secondary" onClick={() => setPending('merge')}>
                <GitMerge className="size-4" aria-hidden="true" />
                {t('contacts.merge.open')}
              </Button>
              <Button variant="secondary" busy={busy && pending === null} onClick={() => void toggleBlocked()}>
                {contact.blocked ? <ShieldCheck className="size-4" aria-hidden="true" /> : <Ban className="size-4" aria-hidden="true" />}
                {contact.blocked ? t('contacts.unblock') : t('contacts.block')}
              </Button>
              {canDelete && (
                <button
                  type="button"
                  className="inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-medium text-danger transition-colors hover:bg-danger-soft"
                  onClick={() => setPending('delete')}
                >
                  <Trash className="size-4" aria-hidden="true" />
                  {t('contacts.delete.open')}
                </button>
              )}
            </div>
          )}
        </div>
        {error && pending === null && <FormAlert>{error}</FormAlert>}
      </header>

      <div className="grid gap-4 p-4 md:p-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)]">
        <div className="flex flex-col gap-4">
          <ContactAttributes contact={contact} />
          <ContactLabels contactId={contact.id} canManage={canManage} enabled={!paused} />
        </div>
        <div className="flex flex-col gap-4">
          <ContactHistory contactId={contact.id} enabled={!paused} />
          <ContactNotes contactId={contact.id} canManage={canManage} enabled={!paused} />
        </div>
      </div>

      {pending === 'edit' && <EditContactDialog contact={contact} onClose={() => setPending(null)} />}
      {pending === 'merge' && <MergeContactDialog base={contact} onClose={() => setPending(null)} />}
      {pending === 'conversation' && <NewConversationDialog contact={contact} onClose={() => setPending(null)} />}
      <ConfirmDialog
        open={pending === 'delete'}
        onOpenChange={(open) => !open && setPending(null)}
        title={t('contacts.delete.title')}
        description={t('contacts.delete.description', { name })}
        confirmLabel={t('contacts.delete.confirm')}
        onConfirm={() => void remove()}
        busy={busy}
        error={error}
      />
    </div>
  );
}
