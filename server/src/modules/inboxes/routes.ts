import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../platform/http/schemas';
import { authorize } from '../../platform/permissions';
import { accountParams, id, successResponse } from '../../platform/validation';
import { presentAgents } from '../agents/service';
import { requireMember } from '../auth/guards';
import { presentInbox } from './presenter';
import {
  inboxCreateBody,
  inboxMembersBody,
  inboxMembersReplaceBody,
  inboxSchema,
  inboxUpdateBody,
  memberAgentSchema,
  type InboxSettingsInput,
} from './schemas';
import * as inboxes from './service';

const tags = ['Inboxes'];
const inboxParams = accountParams.extend({ id });
const membersPayload = z.object({ payload: z.array(memberAgentSchema) });

function settingsOf(body: z.infer<typeof inboxUpdateBody>): InboxSettingsInput {
  const { name: _name, channel: _channel, ...settings } = body;
  return settings;
}

export function inboxRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const present = (inbox: inboxes.InboxRow, membership: { role: string }) =>
    presentInbox(inbox, { frontendUrl: ctx.config.frontendUrl, administrator: membership.role === 'administrator' });

  r.get(
    '/api/v1/accounts/:account_id/inboxes',
    {
      schema: {
        tags,
        summary: 'List the inboxes (agents: those they are members of)',
        params: accountParams,
        response: { 200: z.object({ payload: z.array(inboxSchema) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'inboxes.read');
      const rows = await inboxes.listInboxes(ctx, membership);
      return { payload: rows.map((inbox) => present(inbox, membership)) };
    },
  );

  r.get(
    '/api/v1/accounts/:account_id/inboxes/:id',
    {
      schema: {
        tags,
        summary: 'Inbox details',
        description: 'An agent who is not a member of the inbox gets 404.',
        params: inboxParams,
        response: { 200: inboxSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'inboxes.read');
      return present(await inboxes.getInbox(ctx, membership, request.params.id), membership);
    },
  );

  r.post(
    '/api/v1/accounts/:account_id/inboxes',
    {
      schema: {
        tags,
        summary: 'Create a website or API inbox (administrators)',
        description:
          '`channel.type` is `web_widget` (needs `channel.website_url`; answers `website_token` and `web_widget_script`) or `api` (answers `inbox_identifier`; optional `channel.webhook_url` receives signed event payloads).',
        params: accountParams,
        body: inboxCreateBody,
        response: { 200: inboxSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'inboxes.manage');
      const { name, channel } = request.body;
      const inbox = await inboxes.createInbox(ctx, {
        accountId: request.params.account_id,
        name,
        channel,
        settings: settingsOf(request.body),
      });
      return present(inbox, membership);
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: '/api/v1/accounts/:account_id/inboxes/:id',
    schema: {
      tags,
      summary: 'Update an inbox and its channel settings (administrators)',
      description: 'The channel kind cannot change. `working_hours` entries replace those days only.',
      params: inboxParams,
      body: inboxUpdateBody,
      response: { 200: inboxSchema, ...errorResponses(401, 403, 404, 422) },
    },
    handler: async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'inboxes.manage');
      const inbox = await inboxes.updateInbox(ctx, request.params.account_id, request.params.id, {
        name: request.body.name,
        channel: request.body.channel,
        settings: settingsOf(request.body),
      });
      return present(inbox, membership);
    },
  });

  r.delete(
    '/api/v1/accounts/:account_id/inboxes/:id',
    {
      schema: {
        tags,
        summary: 'Delete an inbox with its conversations (administrators)',
        params: inboxParams,
        response: { 200: successResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'inboxes.manage');
      await inboxes.deleteInbox(ctx, request.params.account_id, request.params.id);
      return { success: true as const };
    },
  );

  r.get(
    '/api/v1/accounts/:account_id/inbox_members/:inbox_id',
    {
      schema: {
        tags,
        summary: 'List the agents of an inbox',
        params: accountParams.extend({ inbox_id: id }),
        response: { 200: membersPayload, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'inboxes.read');
      const members = await inboxes.listInboxMembers(ctx, membership, request.params.inbox_id);
      return { payload: await presentAgents(ctx, request.params.account_id, members) };
    },
  );

  const changes = [
    { method: 'POST', change: 'add', body: inboxMembersBody, summary: 'Add agents to an inbox (administrators)' },
    { method: 'PATCH', change: 'replace', body: inboxMembersReplaceBody, summary: 'Set the agents of an inbox to exactly these (administrators)' },
  ] as const;
  for (const { method, change, body, summary } of changes) {
    r.route({
      method,
      url: '/api/v1/accounts/:account_id/inbox_members',
      schema: {
        tags,
        summary,
        description: 'Every user must be a member of the account. Answers all the agents of the inbox afterwards.',
        params: accountParams,
        body,
        response: { 200: membersPayload, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (request) => {
        const { membership } = await requireMember(ctx, request, request.params.account_id);
        authorize(membership, 'inboxes.manage');
        const { inbox_id, user_ids } = request.body;
        const members = await inboxes.changeInboxMembers(ctx, request.params.account_id, inbox_id, change, user_ids);
        return { payload: await presentAgents(ctx, request.params.account_id, members) };
      },
    });
  }

  r.delete(
    '/api/v1/accounts/:account_id/inbox_members',
    {
      schema: {
        tags,
        summary: 'Remove agents from an inbox (administrators)',
        params: accountParams,
        body: inboxMembersBody,
        response: { 200: successResponse, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'inboxes.manage');
      await inboxes.changeInboxMembers(ctx, request.params.account_id, request.body.inbox_id, 'remove', request.body.user_ids);
      return { success: true as const };
    },
  );
}
