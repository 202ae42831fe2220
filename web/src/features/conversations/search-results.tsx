import { LoaderCircle } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UserAvatar } from '../../components/user-avatar';
import { useCurrentAccount } from '../accounts/current-account';
import { accountBasePath } from '../navigation/nav-items';
import { ConversationCard } from './conversation-card';
import { conversationPath } from './conversation-scope';
import { useSearch } from './conversations-api';

/** "Pesquisa": conversations, contacts and messages matching the words, in three groups. */
export function SearchResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const search = useSearch(account.id, query);
  if (query.trim().length < 2) return <p className="p-4 text-sm text-muted">{t('workspace.search.tooShort')}</p>;
  if (search.isPending) {
    return (
      <div className="flex justify-center p-6" role="status" aria-label={t('common.loading')}>
        <LoaderCircle className="size-5 animate-spin text-muted" aria-hidden="true" />
      </div>
    );
  }
  if (search.isError) return <p className="p-4 text-sm text-danger">{t('workspace.search.error')}</p>;
  const { conversations, contacts, messages } = search.data;
  if (conversations.length + contacts.length + messages.length === 0) return <p className="p-4 text-sm text-muted">{t('workspace.search.none')}</p>;

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      {conversations.length > 0 && (
        <Group title={t('workspace.search.conversations')}>
          {conversations.map((c) => (
            <li key={c.id}>
              <ConversationCard accountId={account.id} scope={{ view: 'all' }} conversation={c} active={false} />
            </li>
          ))}
        </Group>
      )}
      {contacts.length > 0 && (
        <Group title={t('workspace.search.contacts')}>
          {contacts.map((contact) => (
            <li key={contact.id}>
              <Link to={`${accountBasePath(account.id)}/contacts/${contact.id}`} className="flex items-center gap-3 border-b border-line px-4 py-2.5 hover:bg-subtle">
                <UserAvatar name={contact.name || '?'} imageUrl={contact.thumbnail || null} size="sm" />
                <span className="flex min-w-0 flex-col">
                  <span className="truncate text-sm font-medium text-ink">{contact.name || t('workspace.unknownContact')}</span>
                  <span className="truncate text-xs text-muted">{contact.email ?? contact.phone_number ?? ''}</span>
                </span>
              </Link>
            </li>
          ))}
        </Group>
      )}
      {messages.length > 0 && (
        <Group title={t('workspace.search.messages')}>
          {messages.map((m) => (
            <li key={m.id}>
              <Link to={conversationPath(account.id, { view: 'all' }, m.conversation_id)} className="flex flex-col border-b border-line px-4 py-2.5 hover:bg-subtle">
                <span className="text-xs text-muted">
                  #{m.conversation_id} · {m.sender?.available_name ?? m.sender?.name ?? ''}
                </span>
                <span className="line-clamp-2 text-sm text-ink">{m.content}</span>
              </Link>
            </li>
          ))}
        </Group>
      )}
    </div>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h2 className="bg-subtle px-4 py-1.5 text-xs font-semibold tracking-wide text-muted uppercase">{title}</h2>
      <ul>{children}</ul>
    </section>
  );
}
