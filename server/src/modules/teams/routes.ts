import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../platform/http/schemas';
import { authorize } from '../../platform/permissions';
import { accountParams, clearableText, id, requiredText, successResponse } from '../../platform/validation';
import { presentAgents } from '../agents/service';
import { requireMember } from '../auth/guards';
import { memberAgentSchema, userIds } from '../inboxes/schemas';
import { presentTeam } from './presenter';
import * as teams from './service';

const tags = ['Teams'];

const teamSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    description: z.string().nullable(),
    allow_auto_assign: z.boolean(),
    account_id: z.number(),
    is_member: z.boolean().describe('Whether the user asking belongs to the team'),
  })
  .meta({ id: 'Team' });

const teamBody = z.object({
  name: requiredText(255),
  description: clearableText(1000).optional(),
  allow_auto_assign: z.boolean().optional(),
});

const teamParams = accountParams.extend({ team_id: id });
const agents = z.array(memberAgentSchema);

export function teamRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/accounts/:account_id/teams',
    {
      schema: { tags, summary: 'List the teams', params: accountParams, response: { 200: z.array(teamSchema), ...errorResponses(401, 404) } },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'teams.read');
      return (await teams.listTeams(ctx, membership.accountId, membership.userId)).map(presentTeam);
    },
  );

  r.get(
    '/api/v1/accounts/:account_id/teams/:team_id',
    { schema: { tags, summary: 'Team details', params: teamParams, response: { 200: teamSchema, ...errorResponses(401, 404) } } },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'teams.read');
      return presentTeam(await teams.getTeam(ctx, membership.accountId, request.params.team_id, membership.userId));
    },
  );

  r.post(
    '/api/v1/accounts/:account_id/teams',
    {
      schema: {
        tags,
        summary: 'Create a team (administrators)',
        description: 'Names are unique in the account, ignoring case.',
        params: accountParams,
        body: teamBody,
        response: { 200: teamSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'teams.manage');
      const b = request.body;
      const team = await teams.createTeam(ctx, membership.accountId, {
        name: b.name,
        description: b.description,
        allowAutoAssign: b.allow_auto_assign,
      });
      return presentTeam({ team, isMember: false });
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: '/api/v1/accounts/:account_id/teams/:team_id',
    schema: {
      tags,
      summary: 'Update a team (administrators)',
      params: teamParams,
      body: teamBody.partial(),
      response: { 200: teamSchema, ...errorResponses(401, 403, 404, 422) },
    },
    handler: async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'teams.manage');
      const b = request.body;
      await teams.updateTeam(ctx, membership.accountId, request.params.team_id, {
        name: b.name,
        description: b.description,
        allowAutoAssign: b.allow_auto_assign,
      });
      return presentTeam(await teams.getTeam(ctx, membership.accountId, request.params.team_id, membership.userId));
    },
  });

  r.delete(
    '/api/v1/accounts/:account_id/teams/:team_id',
    {
      schema: {
        tags,
        summary: 'Delete a team (administrators)',
        description: 'Its conversations stay, without a team.',
        params: teamParams,
        response: { 200: successResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'teams.manage');
      await teams.deleteTeam(ctx, membership.accountId, request.params.team_id);
      return { success: true as const };
    },
  );

  const membersUrl = '/api/v1/accounts/:account_id/teams/:team_id/team_members';

  r.get(
    membersUrl,
    { schema: { tags, summary: 'List the agents of a team', params: teamParams, response: { 200: agents, ...errorResponses(401, 404) } } },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'teams.read');
      return presentAgents(ctx, membership.accountId, await teams.listTeamMembers(ctx, membership.accountId, request.params.team_id));
    },
  );

  const changes = [
    { method: 'POST', change: 'add', user_ids: userIds.min(1, 'must name at least one user'), summary: 'Add agents to a team (administrators)' },
    { method: 'PATCH', change: 'replace', user_ids: userIds, summary: 'Set the agents of a team to exactly these (administrators)' },
  ] as const;
  for (const { method, change, user_ids, summary } of changes) {
    r.route({
      method,
      url: membersUrl,
      schema: {
        tags,
        summary,
        description: 'Every user must be a member of the account. Answers all the agents of the team afterwards.',
        params: teamParams,
        body: z.object({ user_ids }),
        response: { 200: agents, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (request) => {
        const { membership } = await requireMember(ctx, request, request.params.account_id);
        authorize(membership, 'teams.manage');
        const members = await teams.changeTeamMembers(ctx, membership.accountId, request.params.team_id, change, request.body.user_ids);
        return presentAgents(ctx, request.params.account_id, members);
      },
    });
  }

  r.delete(
    membersUrl,
    {
      schema: {
        tags,
        summary: 'Remove agents from a team (administrators)',
        params: teamParams,
        body: z.object({ user_ids: userIds.min(1, 'must name at least one user') }),
        response: { 200: successResponse, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'teams.manage');
      await teams.changeTeamMembers(ctx, membership.accountId, request.params.team_id, 'remove', request.body.user_ids);
      return { success: true as const };
    },
  );
}
