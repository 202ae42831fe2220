import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../lib/api-form-errors';
import { useCurrentAccount } from '../accounts/current-account';
import { useLabels } from '../conversations/conversations-api';
import { LabelSetEditor } from '../conversations/label-set-editor';
import { ContactCard } from './contact-card';
import { contactKeys, setContactLabels, useContactLabels } from './contacts-api';

/** "Marcadores" of the contact, added and removed from the account's labels. */
export function ContactLabels({ contactId, canManage, enabled = true }: { contactId: number; canManage: boolean; enabled?: boolean }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const labels = useLabels(account.id);
  const current = useContactLabels(account.id, contactId, enabled);
  const [error, setError] = useState<string | null>(null);
  const chosen = current.data ?? [];

  const save = async (next: string[]) => {
    setError(null);
    try {
      const saved = await setContactLabels(account.id, contactId, next);
      queryClient.setQueryData(contactKeys.part(account.id, contactId, 'labels'), saved);
      void queryClient.invalidateQueries({ queryKey: contactKeys.lists(account.id) });
    } catch (e) {
      setError(apiErrorMessage(e, t));
    }
  };
  const toggle = (title: string) => void save(chosen.includes(title) ? chosen.filter((l) => l !== title) : [...chosen, title]);

  return (
    <ContactCard title={t('contacts.sections.labels')}>
      <LabelSetEditor
        label={t('contacts.sections.labels')}
        chosen={chosen}
        labels={labels.data ?? []}
        onToggle={toggle}
        editable={canManage}
        texts={{ add: t('contacts.addLabel'), remove: (label) => t('contacts.removeLabel', { label }), noAccountLabels: t('contacts.noAccountLabels') }}
        leading={chosen.length === 0 && !canManage ? <li className="text-sm text-muted">{t('contacts.noLabels')}</li> : undefined}
      />
      {error && <p role="alert" className="mt-2 text-sm text-danger">{error}</p>}
    </ContactCard>
  );
}
