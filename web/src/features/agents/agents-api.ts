import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import type { AccountRole, Agent, InviteAgentRequest } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';

const agentsPath = (accountId: number) => `/api/v1/accounts/${accountId}/agents`;

export const useAgents = (accountId: number) =>
  useQuery({ queryKey: queryKeys.agents(accountId), queryFn: () => api.get<Agent[]>(agentsPath(accountId)) });

export const inviteAgent = (accountId: number, body: InviteAgentRequest) => api.post<Agent>(agentsPath(accountId), body);

export const changeAgentRole = (accountId: number, agentId: number, role: AccountRole) =>
  api.patch<Agent>(`${agentsPath(accountId)}/${agentId}`, { role });

export const removeAgent = (accountId: number, agentId: number) => api.delete<unknown>(`${agentsPath(accountId)}/${agentId}`);
