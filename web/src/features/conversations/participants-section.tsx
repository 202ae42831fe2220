import { useTranslation } from 'react-i18next';
import { UserAvatar } from '../../components/user-avatar';
import { useCurrentAccount } from '../accounts/current-account';
import type { Conversation } from './conversation-types';
import { useParticipants } from './conversations-api';
import { DetailsSection } from './details-section';
import { PresenceDot } from './presence-dot';

/** "Participantes": agents following the conversation (mentioned, replied, added). */
export function ParticipantsSection({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const participants = useParticipants(account.id, conversation.id);
  const list = participants.data ?? [];
  return (
    <DetailsSection title={t('workspace.details.participants')}>
      {list.length === 0 ? (
        <p className="text-sm text-muted">{t('workspace.details.noParticipants')}</p>
      ) : (
        <ul className="flex flex-col gap-1.5">
          {list.map((agent) => (
            <li key={agent.id} className="flex items-center gap-2 text-sm text-ink">
              <UserAvatar name={agent.available_name ?? agent.name} imageUrl={agent.thumbnail || null} size="sm" />
              <span className="flex-1 truncate">{agent.available_name ?? agent.name}</span>
              <PresenceDot kind="users" id={agent.id} />
            </li>
          ))}
        </ul>
      )}
    </DetailsSection>
  );
}
