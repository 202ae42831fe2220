import { ArrowLeft, PanelRight } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UserAvatar } from '../../components/user-avatar';
import { useCurrentAccount } from '../accounts/current-account';
import { accountBasePath } from '../navigation/nav-items';
import { ChannelIcon } from './channel-icon';
import { scopePath } from './conversation-scope';
import type { Conversation, ListScope } from './conversation-types';
import { useInboxes } from './conversations-api';
import { PresenceDot } from './presence-dot';

type Props = { scope: ListScope; conversation: Conversation; detailsOpen: boolean; onToggleDetails(): void; children: ReactNode };

/** "Informações da Conversa": the customer (to their page), the channel, "Mais detalhes"; then the actions. */
export function ConversationHeader({ scope, conversation, detailsOpen, onToggleDetails, children }: Props) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const inboxes = useInboxes(account.id);
  const contact = conversation.meta.sender;
  const name = contact?.name || t('workspace.unknownContact');
  const inbox = inboxes.data?.find((i) => i.id === conversation.inbox_id);
  const channel = conversation.meta.channel ?? inbox?.channel_type;

  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-line bg-surface px-3 py-2.5 md:px-4">
      <Link to={scopePath(account.id, scope)} className="rounded-lg p-1.5 text-muted hover:bg-subtle lg:hidden" aria-label={t('workspace.panel.back')}>
        <ArrowLeft className="size-4" aria-hidden="true" />
      </Link>
      <Link
        to={contact ? `${accountBasePath(account.id)}/contacts/${contact.id}` : '#'}
        className="flex min-w-0 items-center gap-2.5 rounded-lg pr-2 hover:bg-subtle"
        title={t('workspace.panel.openContact')}
      >
        <UserAvatar name={name} imageUrl={contact?.thumbnail || null} size="sm" />
        <span className="flex min-w-0 flex-col">
          <span className="flex items-center gap-1.5">
            <span className="truncate text-sm font-semibold text-ink">{name}</span>
            {contact && <PresenceDot kind="contacts" id={contact.id} />}
          </span>
          <span className="flex items-center gap-1 text-xs text-muted">
            <ChannelIcon channel={channel} className="size-3" />
            <span className="truncate">{inbox?.name ?? t(`workspace.channels.unknown`)}</span>
          </span>
        </span>
      </Link>
      <div className="ml-auto flex flex-wrap items-center gap-1.5">
        {children}
        <button
          type="button"
          onClick={onToggleDetails}
          aria-pressed={detailsOpen}
          className={`flex items-center gap-1.5 rounded-lg border border-line px-2.5 py-1.5 text-sm ${detailsOpen ? 'bg-subtle text-ink' : 'text-ink hover:bg-subtle'}`}
        >
          <PanelRight className="size-4" aria-hidden="true" />
          <span className="hidden sm:inline">{t('workspace.panel.moreDetails')}</span>
          <span className="sr-only sm:hidden">{t('workspace.panel.moreDetails')}</span>
        </button>
      </div>
    </header>
  );
}
