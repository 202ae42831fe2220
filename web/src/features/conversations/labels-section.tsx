import { Plus, X } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { useCurrentAccount } from '../accounts/current-account';
import type { Conversation } from './conversation-types';
import { setLabels, useLabels } from './conversations-api';
import { DetailsSection } from './details-section';
import { LabelChip } from './label-chip';
import { useConversationAction } from './use-conversation-action';

/** "Marcadores": the conversation's labels, added and removed from the account's. */
export function LabelsSection({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const labels = useLabels(account.id);
  const change = useConversationAction(conversation.id, (accountId, id, next: string[]) => setLabels(accountId, id, next));
  const colorOf = (title: string) => labels.data?.find((l) => l.title === title)?.color;
  const toggle = (title: string) =>
    change.mutate(conversation.labels.includes(title) ? conversation.labels.filter((l) => l !== title) : [...conversation.labels, title]);

  return (
    <DetailsSection title={t('workspace.details.labels')}>
      <ul aria-label={t('workspace.details.labels')} className="flex flex-wrap gap-1.5">
        {conversation.labels.map((title) => (
          <li key={title} className="flex items-center gap-0.5">
            <LabelChip title={title} color={colorOf(title)} />
            <button type="button" onClick={() => toggle(title)} className="rounded p-0.5 text-muted hover:bg-subtle" aria-label={t('workspace.details.removeLabel', { label: title })}>
              <X className="size-3" aria-hidden="true" />
            </button>
          </li>
        ))}
        <li>
          <DropdownMenu.Root>
            <DropdownMenu.Trigger className="flex items-center gap-1 rounded-md border border-dashed border-line px-1.5 py-0.5 text-xs text-muted hover:bg-subtle">
              <Plus className="size-3" aria-hidden="true" />
              {t('workspace.details.addLabel')}
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content align="start" sideOffset={4} className="z-50 max-h-72 min-w-48 overflow-y-auto rounded-xl border border-line bg-surface p-1.5 shadow-lg">
                {(labels.data ?? []).length === 0 && <p className="px-2 py-1.5 text-sm text-muted">{t('secondaryMenu.empty.labels')}</p>}
                {(labels.data ?? []).map((label) => (
                  <DropdownMenu.CheckboxItem
                    key={label.id}
                    checked={conversation.labels.includes(label.title)}
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
      </ul>
    </DetailsSection>
  );
}
