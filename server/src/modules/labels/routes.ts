import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../platform/http/schemas';
import { authorize } from '../../platform/permissions';
import { accountParams, clearableText, id, successResponse } from '../../platform/validation';
import { requireMember } from '../auth/guards';
import { hexColor } from '../inboxes/schemas';
import { presentLabel } from './presenter';
import * as labels from './service';

const tags = ['Labels'];

const labelSchema = z
  .object({
    id: z.number(),
    title: z.string(),
    description: z.string().nullable(),
    color: z.string(),
    show_on_sidebar: z.boolean(),
  })
  .meta({ id: 'Label' });

/** Stored in lower case; letters (any alphabet), digits, '-' and '_', as Chatwoot. */
const title = z
  .string()
  .trim()
  .max(255)
  .transform((v) => v.normalize('NFC').toLowerCase())
  .pipe(
    z
      .string()
      .min(1, 'must not be blank')
      .regex(/^[\p{L}\p{M}\p{N}_-]+$/u, 'may contain only letters, digits, "-" and "_"'),
  );

const labelBody = z.object({
  title,
  description: clearableText(1000).optional(),
  color: hexColor.optional(),
  show_on_sidebar: z.boolean().optional(),
});

const labelParams = accountParams.extend({ id });

export function labelRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/accounts/:account_id/labels',
    {
      schema: {
        tags,
        summary: 'List the labels',
        params: accountParams,
        response: { 200: z.object({ payload: z.array(labelSchema) }), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'labels.read');
      return { payload: (await labels.listLabels(ctx, membership.accountId)).map(presentLabel) };
    },
  );

  r.get(
    '/api/v1/accounts/:account_id/labels/:id',
    { schema: { tags, summary: 'Label details', params: labelParams, response: { 200: labelSchema, ...errorResponses(401, 404) } } },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'labels.read');
      return presentLabel(await labels.getLabel(ctx, membership.accountId, request.params.id));
    },
  );

  r.post(
    '/api/v1/accounts/:account_id/labels',
    {
      schema: {
        tags,
        summary: 'Create a label (administrators)',
        description: 'The title is stored in lower case and is unique in the account.',
        params: accountParams,
        body: labelBody,
        response: { 200: labelSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'labels.manage');
      const b = request.body;
      const label = await labels.createLabel(ctx, membership.accountId, {
        title: b.title,
        description: b.description,
        color: b.color,
        showOnSidebar: b.show_on_sidebar,
      });
      return presentLabel(label);
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: '/api/v1/accounts/:account_id/labels/:id',
    schema: {
      tags,
      summary: 'Update a label (administrators)',
      description: 'A new title replaces the old one on every contact and conversation that has it.',
      params: labelParams,
      body: labelBody.partial(),
      response: { 200: labelSchema, ...errorResponses(401, 403, 404, 422) },
    },
    handler: async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'labels.manage');
      const b = request.body;
      const label = await labels.updateLabel(ctx, membership.accountId, request.params.id, {
        title: b.title,
        description: b.description,
        color: b.color,
        showOnSidebar: b.show_on_sidebar,
      });
      return presentLabel(label);
    },
  });

  r.delete(
    '/api/v1/accounts/:account_id/labels/:id',
    {
      schema: {
        tags,
        summary: 'Delete a label (administrators)',
        description: 'The label is also taken off every contact and conversation that has it.',
        params: labelParams,
        response: { 200: successResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'labels.manage');
      await labels.deleteLabel(ctx, membership.accountId, request.params.id);
      return { success: true as const };
    },
  );
}
