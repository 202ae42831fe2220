import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../platform/http/schemas';
import { authorize } from '../../platform/permissions';
import { accountParams, email, id, requiredText, role } from '../../platform/validation';
import { requireMember } from '../auth/guards';
import { presentAgent } from './presenter';
import * as agents from './service';

const tags = ['Agents'];

/** Chatwoot documents `available` but stores `online`; both are accepted, `online` is returned. */
const availability = z.enum(['online', 'available', 'busy', 'offline']).transform((v) => (v === 'available' ? 'online' : v));

const agentSchema = z
  .object({
    id: z.number(),
    account_id: z.number(),
    name: z.string(),
    display_name: z.string().nullable(),
    available_name: z.string(),
    email: z.string(),
    role: z.enum(['administrator', 'agent']),
    confirmed: z.boolean(),
    availability_status: z.enum(['online', 'busy', 'offline']),
    auto_offline: z.boolean(),
    thumbnail: z.string(),
    custom_role_id: z.null(),
  })
  .meta({ id: 'Agent' });

const agentParams = accountParams.extend({ id });

export function agentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/accounts/:account_id/agents',
    {
      schema: {
        tags,
        summary: 'List the agents of the account',
        params: accountParams,
        response: { 200: z.array(agentSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'agents.read');
      const members = await agents.listAgents(ctx, request.params.account_id);
      return (await agents.withAvailability(ctx, request.params.account_id, members)).map((a) => presentAgent(a.member, a.availability));
    },
  );

  r.post(
    '/api/v1/accounts/:account_id/agents',
    {
      schema: {
        tags,
        summary: 'Invite an agent (administrators)',
        description:
          'Someone new gets an email with a link to set a password; an existing RocketHub user is added to the account and told by email.',
        params: accountParams,
        body: z.object({
          name: requiredText(100),
          email,
          role,
          availability_status: availability.optional(),
          auto_offline: z.boolean().optional(),
        }),
        response: { 200: agentSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { actor, membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'agents.manage');
      const b = request.body;
      const agent = await agents.inviteAgent(ctx, {
        accountId: request.params.account_id,
        inviterId: actor.user.id,
        name: b.name,
        email: b.email,
        role: b.role,
        availability: b.availability_status,
        autoOffline: b.auto_offline,
      });
      const [shown] = await agents.withAvailability(ctx, request.params.account_id, [agent]);
      return presentAgent(shown!.member, shown!.availability);
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: '/api/v1/accounts/:account_id/agents/:id',
    schema: {
      tags,
      summary: 'Change an agent’s role or availability (administrators)',
      params: agentParams,
      body: z.object({ role: role.optional(), availability_status: availability.optional(), auto_offline: z.boolean().optional() }),
      response: { 200: agentSchema, ...errorResponses(401, 403, 404, 422) },
    },
    handler: async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'agents.manage');
      const b = request.body;
      const agent = await agents.updateAgent(ctx, request.params.account_id, request.params.id, {
        role: b.role,
        availability: b.availability_status,
        autoOffline: b.auto_offline,
      });
      const [shown] = await agents.withAvailability(ctx, request.params.account_id, [agent]);
      return presentAgent(shown!.member, shown!.availability);
    },
  });

  r.delete(
    '/api/v1/accounts/:account_id/agents/:id',
    {
      schema: {
        tags,
        summary: 'Remove an agent from the account (administrators)',
        description: 'The user keeps their other accounts. The last administrator cannot be removed.',
        params: agentParams,
        response: { 200: z.object({ success: z.literal(true) }), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'agents.manage');
      await agents.removeAgent(ctx, request.params.account_id, request.params.id);
      return { success: true as const };
    },
  );
}
