import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Agent } from '../../../lib/api-types';
import { settingsKeys } from '../shared/settings-keys';

export type Team = { id: number; name: string; description: string | null; allow_auto_assign: boolean };
export type TeamInput = { name: string; description: string | null; allow_auto_assign: boolean };

const teamsPath = (accountId: number) => `/api/v1/accounts/${accountId}/teams`;
const membersPath = (accountId: number, teamId: number) => `${teamsPath(accountId)}/${teamId}/team_members`;

export const useSettingsTeams = (accountId: number) =>
  useQuery({ queryKey: settingsKeys.teams(accountId), queryFn: () => api.get<Team[]>(teamsPath(accountId)) });

export const useTeamMembers = (accountId: number, teamId: number | null) =>
  useQuery({
    queryKey: settingsKeys.teamMembers(accountId, teamId ?? 0),
    queryFn: () => api.get<Agent[]>(membersPath(accountId, teamId ?? 0)),
    enabled: teamId !== null,
  });

export const createTeam = (accountId: number, body: TeamInput) => api.post<Team>(teamsPath(accountId), body);
export const updateTeam = (accountId: number, id: number, body: TeamInput) => api.patch<Team>(`${teamsPath(accountId)}/${id}`, body);
export const deleteTeam = (accountId: number, id: number) => api.delete<unknown>(`${teamsPath(accountId)}/${id}`);
/** Sets the team's agents to exactly these. */
export const setTeamMembers = (accountId: number, teamId: number, userIds: number[]) =>
  api.patch<Agent[]>(membersPath(accountId, teamId), { user_ids: userIds });
