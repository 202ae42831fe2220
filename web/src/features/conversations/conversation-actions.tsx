import { Bell, BellOff, Check, ChevronDown, Mail, RotateCcw } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation, ConversationStatus } from './conversation-types';
import { sendTranscript, setMuted, toggleStatus } from './conversations-api';
import { CustomSnoozeDialog } from './custom-snooze-dialog';
import { SNOOZE_OPTIONS, snoozeUntil } from './snooze-times';
import { TranscriptDialog } from './transcript-dialog';
import { useConversationAction } from './use-conversation-action';
import { onWorkspaceCommand } from './workspace-commands';

const itemClasses = 'flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm text-ink outline-none data-[highlighted]:bg-subtle';

/** "Ações da Conversa": Silenciar, Enviar Transcrição, Resolver with its menu, Reabrir. */
export function ConversationActions({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const [transcriptOpen, setTranscriptOpen] = useState(false);
  const [customOpen, setCustomOpen] = useState(false);
  const status = useConversationAction(conversation.id, (accountId, id, input: { status: ConversationStatus; until?: number | null }) =>
    toggleStatus(accountId, id, input.status, input.until),
  );
  const mute = useConversationAction(conversation.id, (accountId, id, muted: boolean) => setMuted(accountId, id, muted));
  const transcript = useConversationAction(conversation.id, (accountId, id, email: string) => sendTranscript(accountId, id, email));
  const resolved = conversation.status === 'resolved';
  const { mutate: changeStatus } = status;

  useEffect(
    () =>
      onWorkspaceCommand((command) => {
        if (command === 'resolve' && !resolved) changeStatus({ status: 'resolved' });
      }),
    [resolved, changeStatus],
  );

  return (
    <>
      <button
        type="button"
        onClick={() => mute.mutate(!conversation.muted)}
        className="flex items-center gap-1.5 rounded-lg border border-line px-2.5 py-1.5 text-sm text-ink hover:bg-subtle"
      >
        {conversation.muted ? <Bell className="size-4" aria-hidden="true" /> : <BellOff className="size-4" aria-hidden="true" />}
        <span className="hidden 2xl:inline">{conversation.muted ? t('workspace.actions.unmute') : t('workspace.actions.mute')}</span>
        <span className="sr-only 2xl:hidden">{conversation.muted ? t('workspace.actions.unmute') : t('workspace.actions.mute')}</span>
      </button>
      <button
        type="button"
        onClick={() => setTranscriptOpen(true)}
        className="flex items-center gap-1.5 rounded-lg border border-line px-2.5 py-1.5 text-sm text-ink hover:bg-subtle"
      >
        <Mail className="size-4" aria-hidden="true" />
        <span className="hidden 2xl:inline">{t('workspace.actions.transcript')}</span>
        <span className="sr-only 2xl:hidden">{t('workspace.actions.transcript')}</span>
      </button>
      <div className="flex">
        {resolved ? (
          <button
            type="button"
            onClick={() => status.mutate({ status: 'open' })}
            disabled={status.isPending}
            className="flex items-center gap-1.5 rounded-l-lg bg-brand px-3 py-1.5 text-sm font-medium text-on-brand hover:bg-brand-strong disabled:opacity-60"
          >
            <RotateCcw className="size-4" aria-hidden="true" />
            {t('workspace.actions.reopen')}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => status.mutate({ status: 'resolved' })}
            disabled={status.isPending}
            className="flex items-center gap-1.5 rounded-l-lg bg-success px-3 py-1.5 text-sm font-medium text-white hover:opacity-90 disabled:opacity-60 dark:text-canvas"
          >
            <Check className="size-4" aria-hidden="true" />
            {t('workspace.actions.resolve')}
          </button>
        )}
        <DropdownMenu.Root>
          <DropdownMenu.Trigger
            aria-label={t('workspace.actions.more')}
            className={`rounded-r-lg border-l border-white/30 px-1.5 text-on-brand ${resolved ? 'bg-brand hover:bg-brand-strong' : 'bg-success text-white hover:opacity-90 dark:text-canvas'}`}
          >
            <ChevronDown className="size-4" aria-hidden="true" />
          </DropdownMenu.Trigger>
          <DropdownMenu.Portal>
            <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-56 rounded-xl border border-line bg-surface p-1.5 shadow-lg">
              {conversation.status !== 'open' && (
                <DropdownMenu.Item className={itemClasses} onSelect={() => status.mutate({ status: 'open' })}>
                  {t('workspace.actions.reopen')}
                </DropdownMenu.Item>
              )}
              {conversation.status !== 'pending' && (
                <DropdownMenu.Item className={itemClasses} onSelect={() => status.mutate({ status: 'pending' })}>
                  {t('workspace.actions.markPending')}
                </DropdownMenu.Item>
              )}
              <DropdownMenu.Sub>
                <DropdownMenu.SubTrigger className={itemClasses}>{t('workspace.actions.snooze')}</DropdownMenu.SubTrigger>
                <DropdownMenu.Portal>
                  <DropdownMenu.SubContent sideOffset={4} className="z-50 min-w-52 rounded-xl border border-line bg-surface p-1.5 shadow-lg">
                    {SNOOZE_OPTIONS.map((option) => (
                      <DropdownMenu.Item key={option} className={itemClasses} onSelect={() => status.mutate({ status: 'snoozed', until: snoozeUntil(option) })}>
                        {t(`workspace.snooze.${option}`)}
                      </DropdownMenu.Item>
                    ))}
                    <DropdownMenu.Item className={itemClasses} onSelect={() => setCustomOpen(true)}>
                      {t('workspace.snooze.custom')}
                    </DropdownMenu.Item>
                  </DropdownMenu.SubContent>
                </DropdownMenu.Portal>
              </DropdownMenu.Sub>
            </DropdownMenu.Content>
          </DropdownMenu.Portal>
        </DropdownMenu.Root>
      </div>
      <TranscriptDialog
        open={transcriptOpen}
        onOpenChange={setTranscriptOpen}
        defaultEmail={conversation.meta.sender?.email ?? ''}
        onSend={(email) => transcript.mutateAsync(email)}
      />
      <CustomSnoozeDialog open={customOpen} onOpenChange={setCustomOpen} onSnooze={(until) => status.mutateAsync({ status: 'snoozed', until })} />
    </>
  );
}
