import type { QueryClient } from '@tanstack/react-query';
import type { Agent, Availability } from '../../lib/api-types';
import { queryKeys } from '../../lib/query-keys';

const AVAILABILITIES: readonly string[] = ['online', 'busy', 'offline'];

/**
 * An agent's availability after a `presence.update`: the payload lists the agents others can see as
 * online or busy (and those who keep a status while disconnected); anyone absent from it is offline.
 */
export function availabilityFromPresence(users: Record<string, string>, agentId: number): Availability {
  const status = users[String(agentId)];
  return status && AVAILABILITIES.includes(status) ? (status as Availability) : 'offline';
}

/** Keeps the loaded agents list ("Configurações → Agentes") in step with live presence. */
export function applyAgentPresence(client: QueryClient, accountId: number, users: Record<string, string>): void {
  client.setQueryData<Agent[]>(queryKeys.agents(accountId), (old) =>
    old?.map((agent) => {
      const availability = availabilityFromPresence(users, agent.id);
      return availability === agent.availability_status ? agent : { ...agent, availability_status: availability };
    }),
  );
}
