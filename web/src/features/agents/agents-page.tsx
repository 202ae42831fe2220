import { Pencil, Trash, UserPlus, Users } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { FormAlert } from '../../components/form-alert';
import { FullPageSpinner } from '../../components/full-page-spinner';
import { UserAvatar } from '../../components/user-avatar';
import { apiErrorMessage } from '../../lib/api-form-errors';
import type { Agent, Availability } from '../../lib/api-types';
import { hasPermission } from '../accounts/account-permissions';
import { useCurrentAccount } from '../accounts/current-account';
import { SettingsSubpageHeader } from '../settings/settings-subpage-header';
import { useAgents } from './agents-api';
import { EditAgentDialog } from './edit-agent-dialog';
import { InviteAgentDialog } from './invite-agent-dialog';
import { RemoveAgentDialog } from './remove-agent-dialog';

type PendingAction = { kind: 'edit' | 'remove'; agent: Agent } | null;

/** "Agentes": who works in this account, with invitations, role changes and removal for administrators. */
export function AgentsPage() {
  const { t } = useTranslation();
  const { user, account } = useCurrentAccount();
  const agents = useAgents(account.id);
  const canManage = hasPermission(account, 'agents.manage');
  const [inviteOpen, setInviteOpen] = useState(false);
  const [invitedEmail, setInvitedEmail] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingAction>(null);

  return (
    <>
      <SettingsSubpageHeader
        title={t('agents.title')}
        description={t('agents.description')}
        actions={
          canManage && (
            <Button onClick={() => setInviteOpen(true)}>
              <UserPlus className="size-4" aria-hidden="true" />
              {t('agents.invite.open')}
            </Button>
          )
        }
      />
      <div className="flex flex-col gap-4 p-4 md:p-8">
        {invitedEmail && <FormAlert tone="success">{t('agents.invite.sent', { email: invitedEmail })}</FormAlert>}
        {agents.isPending && <FullPageSpinner />}
        {agents.isError && <FormAlert>{apiErrorMessage(agents.error, t)}</FormAlert>}
        {agents.data?.length === 0 && <EmptyState icon={Users} title={t('agents.empty')} />}
        {agents.data && agents.data.length > 0 && (
          <ul aria-label={t('agents.listLabel')} className="divide-y divide-line rounded-xl border border-line bg-surface">
            {agents.data.map((agent) => (
              <AgentRow
                key={agent.id}
                agent={agent}
                isSelf={agent.id === user.id}
                canManage={canManage}
                onEdit={() => setPending({ kind: 'edit', agent })}
                onRemove={() => setPending({ kind: 'remove', agent })}
              />
            ))}
          </ul>
        )}
      </div>

      <InviteAgentDialog
        accountId={account.id}
        open={inviteOpen}
        onOpenChange={setInviteOpen}
        onInvited={setInvitedEmail}
      />
      {pending?.kind === 'edit' && (
        <EditAgentDialog accountId={account.id} agent={pending.agent} onClose={() => setPending(null)} />
      )}
      {pending?.kind === 'remove' && (
        <RemoveAgentDialog accountId={account.id} agent={pending.agent} onClose={() => setPending(null)} />
      )}
    </>
  );
}

type AgentRowProps = { agent: Agent; isSelf: boolean; canManage: boolean; onEdit: () => void; onRemove: () => void };

function AgentRow({ agent, isSelf, canManage, onEdit, onRemove }: AgentRowProps) {
  const { t } = useTranslation();
  const name = agent.available_name || agent.name;
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
      <div className="flex min-w-0 flex-1 basis-56 items-center gap-3">
        <UserAvatar name={name} imageUrl={agent.thumbnail} />
        <div className="min-w-0">
          <p className="truncate text-sm font-medium text-ink">
            {name}
            {isSelf && <span className="ml-1.5 text-xs font-normal text-muted">{t('agents.you')}</span>}
          </p>
          <p className="truncate text-sm text-muted">{agent.email}</p>
        </div>
      </div>
      <AgentAvailability availability={agent.availability_status} />
      <span className="w-32 text-sm text-ink">{t(`roles.${agent.role}`)}</span>
      <span className="w-28">
        <span
          className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${
            agent.confirmed ? 'bg-success-soft text-success' : 'bg-warning-soft text-warning'
          }`}
        >
          {agent.confirmed ? t('agents.status.confirmed') : t('agents.status.pending')}
        </span>
      </span>
      {canManage && (
        <div className="ml-auto flex w-20 justify-end gap-1">
          {!isSelf && (
            <>
              <button
                type="button"
                onClick={onEdit}
                aria-label={t('agents.edit.open', { name })}
                title={t('agents.edit.open', { name })}
                className="rounded-lg p-2 text-muted hover:bg-subtle hover:text-ink"
              >
                <Pencil className="size-4" aria-hidden="true" />
              </button>
              <button
                type="button"
                onClick={onRemove}
                aria-label={t('agents.remove.open', { name })}
                title={t('agents.remove.open', { name })}
                className="rounded-lg p-2 text-muted hover:bg-danger-soft hover:text-danger"
              >
                <Trash className="size-4" aria-hidden="true" />
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}

const AVAILABILITY_DOTS: Record<Availability, string> = { online: 'bg-success', busy: 'bg-warning', offline: 'bg-muted' };

/** Online / busy / offline as the account sees the agent now (kept live by `presence.update`). */
function AgentAvailability({ availability }: { availability: Availability }) {
  const { t } = useTranslation();
  return (
    <span className="flex w-28 items-center gap-2 text-sm text-ink" data-availability={availability}>
      <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${AVAILABILITY_DOTS[availability]}`} />
      {t(`availability.${availability}`)}
    </span>
  );
}
