import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentAccount } from '../accounts/current-account';
import { conversationPath } from './conversation-scope';
import type { Conversation } from './conversation-types';
import { useContactConversations } from './conversations-api';
import { DetailsSection } from './details-section';
import { shortTime } from './time-format';

/** "Conversas anteriores" of the same customer. */
export function PreviousConversationsSection({ conversation }: { conversation: Conversation }) {
  const { t, i18n } = useTranslation();
  const { account } = useCurrentAccount();
  const list = useContactConversations(account.id, conversation.meta.sender?.id);
  const others = (list.data ?? []).filter((c) => c.id !== conversation.id);
  return (
    <DetailsSection title={t('workspace.details.previous')}>
      {others.length === 0 ? (
        <p className="text-sm text-muted">{t('workspace.details.noPrevious')}</p>
      ) : (
        <ul className="flex flex-col gap-1">
          {others.map((c) => {
            const last = c.last_non_activity_message ?? c.messages[0];
            return (
              <li key={c.id}>
                <Link to={conversationPath(account.id, { view: 'all' }, c.id)} className="flex flex-col rounded-lg px-2 py-1.5 hover:bg-subtle">
                  <span className="flex justify-between text-xs text-muted">
                    <span>
                      #{c.id} · {t(`workspace.statusName.${c.status}`)}
                    </span>
                    <span>{shortTime(c.last_activity_at, i18n.language)}</span>
                  </span>
                  <span className="truncate text-sm text-ink">{last?.content ?? ''}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </DetailsSection>
  );
}
