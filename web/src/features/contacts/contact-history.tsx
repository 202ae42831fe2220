import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentAccount } from '../accounts/current-account';
import { ChannelIcon } from '../conversations/channel-icon';
import { useInboxes } from '../conversations/conversations-api';
import { shortTime } from '../conversations/time-format';
import { accountBasePath } from '../navigation/nav-items';
import { ContactCard } from './contact-card';
import { useContactHistory } from './contacts-api';

/** "Conversas anteriores": the contact's conversations, each a link to it. */
export function ContactHistory({ contactId, enabled = true }: { contactId: number; enabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const { account } = useCurrentAccount();
  const history = useContactHistory(account.id, contactId, enabled);
  const inboxes = useInboxes(account.id);
  const inboxOf = (id: number) => inboxes.data?.find((i) => i.id === id);

  return (
    <ContactCard title={t('contacts.sections.conversations')}>
      {history.data?.length === 0 && <p className="text-sm text-muted">{t('contacts.noConversations')}</p>}
      <ul aria-label={t('contacts.sections.conversations')} className="-mx-2 flex flex-col">
        {(history.data ?? []).map((conversation) => {
          const inbox = inboxOf(conversation.inbox_id);
          const last = conversation.last_non_activity_message?.content ?? '';
          return (
            <li key={conversation.id}>
              <Link
                to={`${accountBasePath(account.id)}/conversations/${conversation.id}`}
                className="flex items-start gap-3 rounded-lg px-2 py-2 hover:bg-subtle"
              >
                <ChannelIcon channel={inbox?.channel_type ?? conversation.channel} className="mt-0.5 size-4 text-muted" />
                <span className="min-w-0 flex-1">
                  <span className="flex items-center justify-between gap-2 text-sm">
                    <span className="truncate font-medium text-ink">
                      #{conversation.id} · {inbox?.name ?? ''}
                    </span>
                    <span className="shrink-0 text-xs text-muted">{shortTime(conversation.last_activity_at, i18n.language)}</span>
                  </span>
                  <span className="flex items-center gap-2 text-xs text-muted">
                    <span className="rounded bg-subtle px-1.5 py-0.5">{t(`contacts.status.${conversation.status}`)}</span>
                    <span className="truncate">{last}</span>
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </ContactCard>
  );
}
