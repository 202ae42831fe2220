import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentAccount } from '../accounts/current-account';
import { useAgents } from '../agents/agents-api';
import type { Conversation } from './conversation-types';
import { assign, useTeams } from './conversations-api';
import { DetailsSection } from './details-section';
import { useConversationAction } from './use-conversation-action';

const selectClasses = 'w-full rounded-lg border border-line bg-surface px-2 py-1.5 text-sm text-ink';

/** "Atribuição": the agent and the team, and "Atribuir a mim". */
export function AssignmentSection({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { account, user } = useCurrentAccount();
  const agents = useAgents(account.id);
  const teams = useTeams(account.id);
  const agentId = useId();
  const teamId = useId();
  const change = useConversationAction(conversation.id, (accountId, id, body: { assignee_id?: number | null; team_id?: number | null }) => assign(accountId, id, body));
  const assigneeId = conversation.meta.assignee?.id;

  return (
    <DetailsSection title={t('workspace.details.assignment')}>
      <div className="flex flex-col gap-2">
        <div className="flex items-center justify-between">
          <label htmlFor={agentId} className="text-xs font-medium text-muted">
            {t('workspace.details.agent')}
          </label>
          {assigneeId !== user.id && (
            <button type="button" onClick={() => change.mutate({ assignee_id: user.id })} className="text-xs font-medium text-brand hover:underline">
              {t('workspace.details.assignToMe')}
            </button>
          )}
        </div>
        <select
          id={agentId}
          className={selectClasses}
          value={assigneeId ?? ''}
          onChange={(e) => change.mutate({ assignee_id: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{t('workspace.details.nobody')}</option>
          {(agents.data ?? []).map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.available_name}
            </option>
          ))}
        </select>
        <label htmlFor={teamId} className="text-xs font-medium text-muted">
          {t('workspace.details.team')}
        </label>
        <select
          id={teamId}
          className={selectClasses}
          value={conversation.meta.team?.id ?? ''}
          onChange={(e) => change.mutate({ team_id: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{t('workspace.details.noTeam')}</option>
          {(teams.data ?? []).map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
        {change.isError && <p role="alert" className="text-xs text-danger">{change.error.message}</p>}
      </div>
    </DetailsSection>
  );
}
