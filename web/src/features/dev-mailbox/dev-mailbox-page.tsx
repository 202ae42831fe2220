import { ArrowLeft, Mailbox, RefreshCw } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { FormAlert } from '../../components/form-alert';
import { FullPageSpinner } from '../../components/full-page-spinner';
import { apiErrorMessage } from '../../lib/api-form-errors';
import type { DevMailboxMessage } from '../../lib/api-types';
import { useCurrentAccount } from '../accounts/current-account';
import { SettingsSubpageHeader } from '../settings/settings-subpage-header';
import { useDevMailbox } from './dev-mailbox-api';
import { MailMessageView } from './mail-message-view';

const newestFirst = (a: DevMailboxMessage, b: DevMailboxMessage) => Date.parse(b.created_at) - Date.parse(a.created_at);

/** "Caixa de e-mails de desenvolvimento": mail the server kept instead of sending, because no SMTP is set up. */
export function DevMailboxPage() {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const mailbox = useDevMailbox(account.id);
  const [selectedId, setSelectedId] = useState<DevMailboxMessage['id'] | null>(null);

  const messages = [...(mailbox.data?.payload ?? [])].sort(newestFirst);
  // Wide screens always show a message (the chosen one, else the newest); phones show the list until one is picked.
  const shown = messages.find((message) => message.id === selectedId) ?? messages[0];
  const picked = selectedId !== null && shown?.id === selectedId;

  return (
    <div className="flex h-full flex-col">
      <SettingsSubpageHeader
        title={t('devMailbox.title')}
        description={t('devMailbox.description')}
        actions={
          <Button variant="secondary" onClick={() => void mailbox.refetch()} busy={mailbox.isFetching && !mailbox.isPending}>
            <RefreshCw className="size-4" aria-hidden="true" />
            {t('devMailbox.refresh')}
          </Button>
        }
      />
      {mailbox.isPending && <FullPageSpinner />}
      {mailbox.isError && (
        <div className="p-4 md:p-8">
          <FormAlert>{apiErrorMessage(mailbox.error, t)}</FormAlert>
        </div>
      )}
      {mailbox.data && !mailbox.data.enabled && (
        <div className="px-4 pt-4 md:px-8">
          <FormAlert tone="info">{t('devMailbox.disabled')}</FormAlert>
        </div>
      )}
      {mailbox.data?.enabled && messages.length === 0 && (
        <div className="p-4 md:p-8">
          <EmptyState icon={Mailbox} title={t('devMailbox.emptyTitle')} description={t('devMailbox.emptyDescription')} />
        </div>
      )}
      {messages.length > 0 && shown && (
        <div className="flex min-h-0 flex-1">
          <div
            className={`w-full shrink-0 overflow-y-auto border-line lg:block lg:w-80 lg:border-r ${picked ? 'hidden' : 'block'}`}
          >
            <ul aria-label={t('devMailbox.listLabel')} className="divide-y divide-line">
              {messages.map((message) => (
                <li key={message.id}>
                  <MessageListItem
                    message={message}
                    selected={message.id === shown.id}
                    onSelect={() => setSelectedId(message.id)}
                  />
                </li>
              ))}
            </ul>
          </div>
          <div className={`min-w-0 flex-1 flex-col lg:flex ${picked ? 'flex' : 'hidden'}`}>
            <div className="border-b border-line px-4 py-2 lg:hidden">
              <button
                type="button"
                onClick={() => setSelectedId(null)}
                className="inline-flex items-center gap-1 text-sm font-medium text-brand"
              >
                <ArrowLeft className="size-4" aria-hidden="true" />
                {t('devMailbox.backToList')}
              </button>
            </div>
            <MailMessageView message={shown} />
          </div>
        </div>
      )}
    </div>
  );
}

function MessageListItem({ message, selected, onSelect }: { message: DevMailboxMessage; selected: boolean; onSelect: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <button
      type="button"
      onClick={onSelect}
      aria-current={selected ? 'true' : undefined}
      className={`flex w-full flex-col gap-0.5 px-4 py-3 text-left transition-colors ${
        selected ? 'bg-brand-soft' : 'hover:bg-subtle'
      }`}
    >
      <span className="flex items-baseline justify-between gap-2">
        <span className="truncate text-sm font-medium text-ink">{message.subject || t('devMailbox.noSubject')}</span>
        <time dateTime={message.created_at} className="shrink-0 text-xs text-muted">
          {new Date(message.created_at).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })}
        </time>
      </span>
      <span className="truncate text-xs text-muted">{t('devMailbox.toLine', { to: message.to })}</span>
    </button>
  );
}
