import { useQueryClient } from '@tanstack/react-query';
import { Plus, UsersRound } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button';
import { useCurrentAccount } from '../../accounts/current-account';
import { SettingsSubpageHeader } from '../settings-subpage-header';
import { DeleteDialog } from '../shared/delete-dialog';
import { ListStates } from '../shared/list-states';
import { RowActions } from '../shared/row-actions';
import { settingsKeys } from '../shared/settings-keys';
import { TeamDialog } from './team-dialog';
import { deleteTeam, useSettingsTeams, useTeamMembers, type Team } from './teams-api';

type Pending = { kind: 'create' } | { kind: 'edit' | 'delete'; team: Team } | null;

/** "Equipes": groups of agents conversations can be handed to. */
export function TeamsPage() {
  const { t } = useTranslation();
  const { account } = useCurrentAccount();
  const queryClient = useQueryClient();
  const teams = useSettingsTeams(account.id);
  const [pending, setPending] = useState<Pending>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: settingsKeys.teams(account.id) }),
      queryClient.invalidateQueries({ queryKey: ['accounts', account.id, 'teams'] }),
    ]);

  return (
    <>
      <SettingsSubpageHeader
        title={t('settings.sections.teams.title')}
        description={t('teams.description')}
        actions={
          <Button onClick={() => setPending({ kind: 'create' })}>
            <Plus className="size-4" aria-hidden="true" />
            {t('teams.create.open')}
          </Button>
        }
      />
      <div className="p-4 md:p-8">
        <ListStates query={teams} emptyIcon={UsersRound} emptyTitle={t('teams.empty')} listLabel={t('teams.listLabel')}>
          {(items) =>
            items.map((team) => (
              <li key={team.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
                <div className="min-w-0 flex-1 basis-48">
                  <p className="truncate text-sm font-medium text-ink">{team.name}</p>
                  {team.description && <p className="truncate text-sm text-muted">{team.description}</p>}
                </div>
                <MemberCount accountId={account.id} teamId={team.id} />
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-medium ${
                    team.allow_auto_assign ? 'bg-success-soft text-success' : 'bg-subtle text-muted'
                  }`}
                >
                  {team.allow_auto_assign ? t('teams.autoAssignOn') : t('teams.autoAssignOff')}
                </span>
                <RowActions
                  editLabel={t('teams.edit.open', { name: team.name })}
                  removeLabel={t('teams.delete.open', { name: team.name })}
                  onEdit={() => setPending({ kind: 'edit', team })}
                  onRemove={() => setPending({ kind: 'delete', team })}
                />
              </li>
            ))
          }
        </ListStates>
      </div>
      {(pending?.kind === 'create' || pending?.kind === 'edit') && (
        <TeamDialog
          accountId={account.id}
          team={pending.kind === 'edit' ? pending.team : null}
          onSaved={refresh}
          onClose={() => setPending(null)}
        />
      )}
      {pending?.kind === 'delete' && (
        <DeleteDialog
          title={t('teams.delete.title')}
          description={t('teams.delete.description', { name: pending.team.name })}
          remove={() => deleteTeam(account.id, pending.team.id)}
          onDeleted={refresh}
          onClose={() => setPending(null)}
        />
      )}
    </>
  );
}

function MemberCount({ accountId, teamId }: { accountId: number; teamId: number }) {
  const { t } = useTranslation();
  const members = useTeamMembers(accountId, teamId);
  return <span className="w-24 text-sm text-muted">{members.data ? t('teams.memberCount', { count: members.data.length }) : ''}</span>;
}
