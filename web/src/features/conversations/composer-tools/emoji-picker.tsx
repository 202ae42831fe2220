import { Smile } from 'lucide-react';
import { Popover } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { EMOJI_GROUPS } from './emoji-data';

/** "Emojis": a pop-up grid; the picked emoji goes in at the caret. */
export function EmojiPicker({ onPick, className }: { onPick(emoji: string): void; className: string }) {
  const { t } = useTranslation();
  return (
    <Popover.Root>
      <Popover.Trigger type="button" className={className} aria-label={t('workspace.composer.emoji')} title={t('workspace.composer.emoji')}>
        <Smile className="size-4" aria-hidden="true" />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          side="top"
          align="start"
          sideOffset={6}
          aria-label={t('workspace.composer.emoji')}
          className="z-50 max-h-72 w-72 overflow-y-auto rounded-xl border border-line bg-surface p-2 shadow-lg"
        >
          {EMOJI_GROUPS.map((group) => (
            <section key={group.id} aria-label={t(`workspace.composer.emojiGroups.${group.id}`)} className="mb-1">
              <h3 className="px-1 py-0.5 text-xs font-medium text-muted">{t(`workspace.composer.emojiGroups.${group.id}`)}</h3>
              <div className="grid grid-cols-8 gap-0.5">
                {group.emoji.map((emoji) => (
                  <Popover.Close key={emoji} type="button" onClick={() => onPick(emoji)} className="rounded-md p-1 text-lg leading-none hover:bg-subtle" aria-label={emoji}>
                    {emoji}
                  </Popover.Close>
                ))}
              </div>
            </section>
          ))}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
