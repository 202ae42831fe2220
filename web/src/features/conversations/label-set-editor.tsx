import { Plus, X } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import type { ReactNode } from 'react';
import { LabelChip } from './label-chip';

type AccountLabel = { id: number; title: string; color: string };

type Props = {
  /** The list's accessible name. */
  label: string;
  chosen: string[];
  /** The account's labels, offered in the menu. */
  labels: AccountLabel[];
  onToggle(title: string): void;
  /** Without it the labels are shown only. */
  editable?: boolean;
  texts: { add: string; remove(title: string): string; noAccountLabels: string };
  /** Shown first in the list (e.g. "no labels" for someone who cannot add any). */
  leading?: ReactNode;
};

/** A set of labels as chips with a remove button each, and a menu of the account's labels to add. */
export function LabelSetEditor({ label, chosen, labels, onToggle, editable = true, texts, leading }: Props) {
  const colorOf = (title: string) => labels.find((l) => l.title === title)?.color;
  return (
    <ul aria-label={label} className="flex flex-wrap items-center gap-1.5">
      {leading}
      {chosen.map((title) => (
        <li key={title} className="flex items-center gap-0.5">
          <LabelChip title={title} color={colorOf(title)} />
          {editable && (
            <button type="button" onClick={() => onToggle(title)} className="rounded p-0.5 text-muted hover:bg-subtle" aria-label={texts.remove(title)}>
              <X className="size-3" aria-hidden="true" />
            </button>
          )}
        </li>
      ))}
      {editable && (
        <li>
          <DropdownMenu.Root>
            <DropdownMenu.Trigger className="flex items-center gap-1 rounded-md border border-dashed border-line px-1.5 py-0.5 text-xs text-muted hover:bg-subtle">
              <Plus className="size-3" aria-hidden="true" />
              {texts.add}
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content align="start" sideOffset={4} className="z-50 max-h-72 min-w-48 overflow-y-auto rounded-xl border border-line bg-surface p-1.5 shadow-lg">
                {labels.length === 0 && <p className="px-2 py-1.5 text-sm text-muted">{texts.noAccountLabels}</p>}
                {labels.map((item) => (
                  <DropdownMenu.CheckboxItem
                    key={item.id}
                    checked={chosen.includes(item.title)}
                    onCheckedChange={() => onToggle(item.title)}
                    onSelect={(e) => e.preventDefault()}
                    className="flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm text-ink outline-none data-[highlighted]:bg-subtle"
                  >
                    <span className="size-2.5 rounded-full" style={{ backgroundColor: item.color }} aria-hidden="true" />
                    <span className="flex-1">{item.title}</span>
                    <DropdownMenu.ItemIndicator>✓</DropdownMenu.ItemIndicator>
                  </DropdownMenu.CheckboxItem>
                ))}
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        </li>
      )}
    </ul>
  );
}
