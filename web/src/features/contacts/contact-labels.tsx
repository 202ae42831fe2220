import { useQueryClient } from '@tanstack/react-query';
import { Plus, X } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../lib/api-form-errors';
import { useCurrentAccount } from '../accounts/current-account';
import { useLabels } from '../conversations/conversations-api';
import { LabelChip } from '../conversations/label-chip';
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
  const colorOf = (title: string) => labels.data?.find((l) => l.title === title)?.color;

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
      <ul aria-label={t('contacts.sections.labels')} className="flex flex-wrap items-center gap-1.5">
        {chosen.length === 0 && !canManage && <li className="text-sm text-muted">{t('contacts.noLabels')}</li>}
        {chosen.map((title) => (
          <li key={title} className="flex items-center gap-0.5">
            <LabelChip title={title} color={colorOf(title)} />
            {canManage && (
              <button type="button" onClick={() => toggle(title)} className="rounded p-0.5 text-muted hover:bg-subtle" aria-label={t('contacts.removeLabel', { label: title })}>
                <X className="size-3" aria-hidden="true" />
              </button>
            )}
          </li>
        ))}
        {canManage && (
          <li>
            <DropdownMenu.Root>
              <DropdownMenu.Trigger className="flex items-center gap-1 rounded-md border border-dashed border-line px-1.5 py-0.5 text-xs text-muted hover:bg-subtle">
                <Plus className="size-3" aria-hidden="true" />
                {t('contacts.addLabel')}
              </DropdownMenu.Trigger>
              <DropdownMenu.Portal>
                <DropdownMenu.Content align="start" sideOffset={4} className="z-50 max-h-72 min-w-48 overflow-y-auto rounded-xl border border-line bg-surface p-1.5 shadow-lg">
                  {(labels.data ?? []).length === 0 && <p className="px-2 py-1.5 text-sm text-muted">{t('contacts.noAccountLabels')}</p>}
                  {(labels.data ?? []).map((label) => (
                    <DropdownMenu.CheckboxItem
                      key={label.id}
                      checked={chosen.includes(label.title)}
                      onCheckedChange={() => toggle(label.title)}
                      onSelect={(e) => e.preventDefault()}
                      className="flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm text-ink outline-none data-[highlighted]:bg-subtle"
                    >
                      <span className="size-2.5 rounded-full" style={{ backgroundColor: label.color }} aria-hidden="true" />
                      <span className="flex-1">{label.title}</span>
                      <DropdownMenu.ItemIndicator>✓</DropdownMenu.ItemIndicator>
                    </DropdownMenu.CheckboxItem>
                  ))}
                </DropdownMenu.Content>
              </DropdownMenu.Portal>
            </DropdownMenu.Root>
          </li>
        )}
      </ul>
      {error && <p role="alert" className="mt-2 text-sm text-danger">{error}</p>}
    </ContactCard>
  );
}
