import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import { invalidField, notFound } from '../../platform/errors';
import * as accounts from '../accounts/service';
import { type MembersChange, requireAccountMembers } from '../inboxes/service';
import * as repository from './repository';

export type { TeamRow } from './repository';

export type TeamInput = {
  name?: string | undefined;
  description?: string | null | undefined;
  allowAutoAssign?: boolean | undefined;
};

async function ensureNameFree(db: Executor, accountId: number, name: string, exceptId?: number) {
  if (await repository.nameTaken(db, accountId, name, exceptId)) throw invalidField('name', 'is already taken by another team', 'taken');
}

/** The account's teams, each with whether the user belongs to it. */
export async function listTeams(ctx: AppContext, accountId: number, userId: number) {
  const [teams, mine] = await Promise.all([
    repository.listTeams(ctx.db, accountId),
    repository.listTeamIdsOfUser(ctx.db, accountId, userId),
  ]);
  const own = new Set(mine);
  return teams.map((team) => ({ team, isMember: own.has(team.id) }));
}

export async function getTeam(ctx: AppContext, accountId: number, teamId: number, userId: number) {
  const team = await repository.findTeam(ctx.db, accountId, teamId);
  if (!team) throw notFound('Team');
  return { team, isMember: (await repository.listTeamMemberIds(ctx.db, team.id)).includes(userId) };
}

/** Team names are unique in an account, ignoring case. */
export async function createTeam(ctx: AppContext, accountId: number, input: TeamInput & { name: string }) {
  return ctx.transaction(async (tx) => {
    await ensureNameFree(tx, accountId, input.name);
    return repository.insertTeam(tx, {
      accountId,
      name: input.name,
      description: input.description ?? null,
      allowAutoAssign: input.allowAutoAssign ?? true,
    });
  });
}

export async function updateTeam(ctx: AppContext, accountId: number, teamId: number, input: TeamInput) {
  return ctx.transaction(async (tx) => {
    const team = await repository.lockTeam(tx, accountId, teamId);
    if (!team) throw notFound('Team');
    if (input.name !== undefined) await ensureNameFree(tx, accountId, input.name, team.id);
    const updated = await repository.updateTeam(tx, accountId, teamId, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.allowAutoAssign !== undefined ? { allowAutoAssign: input.allowAutoAssign } : {}),
    });
    if (!updated) throw notFound('Team');
    return updated;
  });
}

/** Deletes a team; its conversations stay, without a team. */
export async function deleteTeam(ctx: AppContext, accountId: number, teamId: number): Promise<void> {
  await ctx.transaction(async (tx) => {
    if (!(await repository.deleteTeam(tx, accountId, teamId))) throw notFound('Team');
  });
}

async function membersOf(db: Executor, accountId: number, teamId: number) {
  const ids = new Set(await repository.listTeamMemberIds(db, teamId));
  return (await accounts.listMembers(db, accountId)).filter((m) => ids.has(m.userId));
}

/** The agents of a team (members of the account only). */
export async function listTeamMembers(ctx: AppContext, accountId: number, teamId: number) {
  const team = await repository.findTeam(ctx.db, accountId, teamId);
  if (!team) throw notFound('Team');
  return membersOf(ctx.db, accountId, team.id);
}

/** Adds agents to a team, replaces its agents with exactly these, or removes these. */
export async function changeTeamMembers(ctx: AppContext, accountId: number, teamId: number, change: MembersChange, userIds: number[]) {
  return ctx.transaction(async (tx) => {
    const team = await repository.lockTeam(tx, accountId, teamId);
    if (!team) throw notFound('Team');
    const ids = await requireAccountMembers(tx, accountId, userIds);
    if (change === 'remove') await repository.removeTeamMembers(tx, team.id, ids);
    else {
      if (change === 'replace') await repository.removeTeamMembersExcept(tx, team.id, ids);
      await repository.addTeamMembers(tx, accountId, team.id, ids);
    }
    return membersOf(tx, accountId, team.id);
  });
}

export const removeUserFromTeams = repository.deleteMembershipsOfUser;
