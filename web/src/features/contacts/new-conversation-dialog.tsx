import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/button';
import { FormAlert } from '../../components/form-alert';
import { FormDialog } from '../../components/form-dialog';
import { inputClasses } from '../../components/text-field';
import { apiErrorMessage } from '../../lib/api-form-errors';
import { useCurrentAccount } from '../accounts/current-account';
import { useInboxes } from '../conversations/conversations-api';
import { accountBasePath } from '../navigation/nav-items';
import type { Contact } from './contact-types';
import { contactKeys, startConversation } from './contacts-api';

/** Channels where an agent may open a conversation with a contact (the others come later). */
const OUTBOUND_CHANNELS = new Set(['Channel::WebWidget', 'Channel::Api', 'web_widget', 'api']);

/** "Nova conversa": a first message to the contact in a chosen website or API inbox, then the conversation opens. */
export function NewConversationDialog({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const inboxes = (useInboxes(account.id).data ?? []).filter((i) => OUTBOUND_CHANNELS.has(i.channel_type));
  const [inboxId, setInboxId] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosenInbox = inboxId ?? inboxes[0]?.id ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosenInbox === null || message.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      const conversation = await startConversation(account.id, { inbox_id: chosenInbox, contact_id: contact.id, message: { content: message.trim() } });
      void queryClient.invalidateQueries({ queryKey: contactKeys.part(account.id, contact.id, 'conversations') });
      void navigate(`${accountBasePath(account.id)}/conversations/${conversation.id}`);
    } catch (e) {
      setError(apiErrorMessage(e, t));
      setBusy(false);
    }
  };

  return (
    <FormDialog open onOpenChange={(open) => !open && onClose()} title={t('contacts.conversation.title')} description={t('contacts.conversation.description')}>
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        {inboxes.length === 0 ? (
          <FormAlert tone="info">{t('contacts.conversation.noInbox')}</FormAlert>
        ) : (
          <label className="flex flex-col gap-1.5 text-sm font-medium text-ink">
            {t('contacts.conversation.inbox')}
            <select value={chosenInbox ?? ''} onChange={(e) => setInboxId(Number(e.target.value))} className={`${inputClasses} border-line`}>
              {inboxes.map((inbox) => (
                <option key={inbox.id} value={inbox.id}>{inbox.name}</option>
              ))}
            </select>
          </label>
        )}
        <label className="flex flex-col gap-1.5 text-sm font-medium text-ink">
          {t('contacts.conversation.message')}
          <textarea value={message} onChange={(e) => setMessage(e.target.value)} rows={4} className={`${inputClasses} border-line`} />
        </label>
        {error && <FormAlert>{error}</FormAlert>}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" busy={busy} disabled={chosenInbox === null || message.trim() === ''}>{t('contacts.conversation.send')}</Button>
        </div>
      </form>
    </FormDialog>
  );
}
