import { useQueryClient } from '@tanstack/react-query';
import { Copy, Reply, SmilePlus, Trash2 } from 'lucide-react';
import { Popover } from 'radix-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useCurrentAccount } from '../accounts/current-account';
import type { Message } from './conversation-types';
import { deleteMessage, reactToMessage } from './conversations-api';
import { applyMessage } from './live-cache';

const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '🙏', '✅'];
const buttonClasses = 'rounded-md p-1 text-muted hover:bg-subtle hover:text-ink focus-visible:opacity-100';

/** Hover actions: "Reagir", "Responder", "Copiar", "Apagar" (agents' messages only). */
export function MessageActions({ message, conversationId, onReply }: { message: Message; conversationId: number; onReply(message: Message): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { account, user } = useCurrentAccount();
  const [confirming, setConfirming] = useState(false);
  const canDelete = message.sender_type === 'User' && message.message_type === 1;

  const react = async (emoji: string) => {
    applyMessage(client, account.id, user.id, await reactToMessage(account.id, conversationId, message.id, emoji));
  };
  const remove = async () => {
    applyMessage(client, account.id, user.id, await deleteMessage(account.id, conversationId, message.id));
    setConfirming(false);
  };

  return (
    <div
      role="toolbar"
      aria-label={t('workspace.message.actions')}
      className="flex shrink-0 items-center gap-0.5 self-center rounded-lg border border-line bg-surface p-0.5 opacity-0 shadow-sm transition-opacity group-hover:opacity-100 focus-within:opacity-100"
    >
      <Popover.Root>
        <Popover.Trigger className={buttonClasses} aria-label={t('workspace.message.react')} title={t('workspace.message.react')}>
          <SmilePlus className="size-4" aria-hidden="true" />
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content sideOffset={4} className="z-50 flex gap-1 rounded-xl border border-line bg-surface p-1.5 shadow-lg">
            {QUICK_REACTIONS.map((emoji) => (
              <Popover.Close key={emoji} className="rounded-md px-1.5 py-1 text-lg hover:bg-subtle" onClick={() => void react(emoji)} aria-label={emoji}>
                {emoji}
              </Popover.Close>
            ))}
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      <button type="button" className={buttonClasses} onClick={() => onReply(message)} aria-label={t('workspace.message.reply')} title={t('workspace.message.reply')}>
        <Reply className="size-4" aria-hidden="true" />
      </button>
      <button
        type="button"
        className={buttonClasses}
        onClick={() => void navigator.clipboard?.writeText(message.content ?? '')}
        aria-label={t('workspace.message.copy')}
        title={t('workspace.message.copy')}
      >
        <Copy className="size-4" aria-hidden="true" />
      </button>
      {canDelete && (
        <button type="button" className={buttonClasses} onClick={() => setConfirming(true)} aria-label={t('workspace.message.delete')} title={t('workspace.message.delete')}>
          <Trash2 className="size-4" aria-hidden="true" />
        </button>
      )}
      {canDelete && (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={t('workspace.message.deleteTitle')}
          description={t('workspace.message.deleteDescription')}
          confirmLabel={t('workspace.message.delete')}
          onConfirm={() => void remove()}
        />
      )}
    </div>
  );
}
