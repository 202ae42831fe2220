import { Tabs } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import type { DevMailboxMessage } from '../../lib/api-types';
import { LinkifiedText } from './linkified-text';

const tabClasses =
  'rounded-md px-3 py-1.5 text-sm font-medium text-muted hover:text-ink data-[state=active]:bg-surface data-[state=active]:text-ink data-[state=active]:shadow-sm';

/** One kept email: its envelope, the text with clickable links, and the HTML rendered inert. */
export function MailMessageView({ message }: { message: DevMailboxMessage }) {
  const { t, i18n } = useTranslation();
  const hasText = Boolean(message.text?.trim());
  const hasHtml = Boolean(message.html?.trim());

  return (
    <article aria-labelledby="dev-mail-subject" className="flex h-full min-h-0 flex-col">
      <header className="border-b border-line px-4 py-4 md:px-6">
        <h2 id="dev-mail-subject" className="text-lg font-semibold text-ink">
          {message.subject || t('devMailbox.noSubject')}
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
          <dt className="text-muted">{t('devMailbox.from')}</dt>
          <dd className="min-w-0 break-words text-ink">{message.from}</dd>
          <dt className="text-muted">{t('devMailbox.to')}</dt>
          <dd className="min-w-0 break-words text-ink">{message.to}</dd>
          <dt className="text-muted">{t('devMailbox.date')}</dt>
          <dd className="text-ink">
            <time dateTime={message.created_at}>
              {new Date(message.created_at).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}
            </time>
          </dd>
        </dl>
      </header>
      <Tabs.Root defaultValue={hasText || !hasHtml ? 'text' : 'html'} className="flex min-h-0 flex-1 flex-col">
        <Tabs.List aria-label={t('devMailbox.formatLabel')} className="mx-4 mt-4 flex w-fit gap-1 rounded-lg bg-subtle p-1 md:mx-6">
          <Tabs.Trigger value="text" className={tabClasses}>
            {t('devMailbox.textTab')}
          </Tabs.Trigger>
          <Tabs.Trigger value="html" disabled={!hasHtml} className={`${tabClasses} disabled:opacity-50`}>
            {t('devMailbox.htmlTab')}
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="text" className="min-h-0 flex-1 overflow-y-auto px-4 py-4 md:px-6">
          {hasText ? (
            <div className="text-sm leading-relaxed whitespace-pre-wrap text-ink">
              <LinkifiedText text={message.text ?? ''} />
            </div>
          ) : (
            <p className="text-sm text-muted">{t('devMailbox.noText')}</p>
          )}
        </Tabs.Content>
        {hasHtml && (
          <Tabs.Content value="html" className="min-h-0 flex-1 p-4 md:px-6">
            {/* sandbox="" runs no script and blocks navigation: the email cannot act as the app. */}
            <iframe
              title={t('devMailbox.htmlPreview')}
              sandbox=""
              srcDoc={message.html ?? ''}
              className="h-full min-h-96 w-full rounded-lg border border-line bg-white"
            />
          </Tabs.Content>
        )}
      </Tabs.Root>
    </article>
  );
}
