import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../platform/http/schemas';
import { authorize } from '../../platform/permissions';
import { accountParams, id, requiredText, successResponse } from '../../platform/validation';
import { requireMember } from '../auth/guards';
import { presentCannedResponse } from './presenter';
import * as cannedResponses from './service';

const tags = ['Canned responses'];

const cannedResponseSchema = z
  .object({
    id: z.number(),
    account_id: z.number(),
    short_code: z.string(),
    content: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'CannedResponse' });

/** Up to Chatwoot's message length: a canned response becomes a message. */
const content = z.string().max(150_000).refine((v) => v.trim() !== '', 'must not be blank');

const cannedResponseBody = z.object({ short_code: requiredText(255), content });
const cannedResponseParams = accountParams.extend({ id });

export function cannedResponseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/accounts/:account_id/canned_responses',
    {
      schema: {
        tags,
        summary: 'List the canned responses, or search them',
        description:
          '`search` matches short codes and content, ignoring case and accents. Short codes starting with it come first, then other short-code matches, then content matches.',
        params: accountParams,
        querystring: z.object({ search: z.string().trim().max(255).optional() }),
        response: { 200: z.array(cannedResponseSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'canned_responses.read');
      const rows = await cannedResponses.listCannedResponses(ctx, membership.accountId, request.query.search);
      return rows.map(presentCannedResponse);
    },
  );

  r.post(
    '/api/v1/accounts/:account_id/canned_responses',
    {
      schema: {
        tags,
        summary: 'Create a canned response',
        description: 'Short codes are unique in the account, ignoring case. Content keeps `{{contact.name}}`-style variables as written.',
        params: accountParams,
        body: cannedResponseBody,
        response: { 200: cannedResponseSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'canned_responses.manage');
      const row = await cannedResponses.createCannedResponse(ctx, membership.accountId, {
        shortCode: request.body.short_code,
        content: request.body.content,
      });
      return presentCannedResponse(row);
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: '/api/v1/accounts/:account_id/canned_responses/:id',
    schema: {
      tags,
      summary: 'Update a canned response',
      params: cannedResponseParams,
      body: cannedResponseBody.partial(),
      response: { 200: cannedResponseSchema, ...errorResponses(401, 403, 404, 422) },
    },
    handler: async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'canned_responses.manage');
      const row = await cannedResponses.updateCannedResponse(ctx, membership.accountId, request.params.id, {
        shortCode: request.body.short_code,
        content: request.body.content,
      });
      return presentCannedResponse(row);
    },
  });

  r.delete(
    '/api/v1/accounts/:account_id/canned_responses/:id',
    {
      schema: {
        tags,
        summary: 'Delete a canned response',
        params: cannedResponseParams,
        response: { 200: successResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'canned_responses.manage');
      await cannedResponses.deleteCannedResponse(ctx, membership.accountId, request.params.id);
      return { success: true as const };
    },
  );
}
