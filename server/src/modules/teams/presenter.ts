import type { TeamRow } from './repository';

/** A team as the contract's `team`; `is_member` is about the user asking. */
export function presentTeam({ team, isMember }: { team: TeamRow; isMember: boolean }) {
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    allow_auto_assign: team.allowAutoAssign,
    account_id: team.accountId,
    is_member: isMember,
  };
}
