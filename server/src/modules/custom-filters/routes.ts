import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { CUSTOM_FILTER_TYPES, type CustomFilterType } from '../../db/schema';
import { errorResponses } from '../../platform/http/schemas';
import { authorize } from '../../platform/permissions';
import { accountParams, id, jsonObject, requiredText, successResponse } from '../../platform/validation';
import { requireMember } from '../auth/guards';
import type { CustomFilterRow } from './repository';
import * as filters from './service';

const tags = ['Custom Filters'];

/** As Chatwoot answers a saved filter; `type` repeats `filter_type` under the contract's name. */
function presentFilter(row: CustomFilterRow) {
  return {
    id: row.id,
    name: row.name,
    filter_type: row.filterType,
    type: row.filterType,
    query: row.query,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

const filterSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    filter_type: z.enum(CUSTOM_FILTER_TYPES),
    type: z.enum(CUSTOM_FILTER_TYPES),
    query: z.record(z.string(), z.unknown()),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'CustomFilter' });

const filterType = z.enum(CUSTOM_FILTER_TYPES);

/** Chatwoot's dashboard wraps the fields in `custom_filter` and calls the kind `filter_type`; the contract sends `type` at the top. */
const unwrap = (value: unknown) =>
  value && typeof value === 'object' && 'custom_filter' in value && typeof value.custom_filter === 'object' ? value.custom_filter : value;

const fields = z.object({ name: requiredText(255), filter_type: filterType.optional(), type: filterType.optional(), query: jsonObject });
const createBody = z.preprocess(unwrap, fields);
const updateBody = z.preprocess(unwrap, fields.partial());

const itemParams = accountParams.extend({ id });

export function customFilterRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/accounts/:account_id/custom_filters';

  async function owner(request: { params: { account_id: number } } & Parameters<typeof requireMember>[1]) {
    const { membership } = await requireMember(ctx, request, request.params.account_id);
    authorize(membership, 'custom_filters.manage');
    return { accountId: membership.accountId, userId: membership.userId };
  }

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'Your saved filters of one kind (conversation folders by default, contact segments, reports)',
        params: accountParams,
        querystring: z.object({ filter_type: filterType.default('conversation') }),
        response: { 200: z.array(filterSchema), ...errorResponses(401, 404, 422) },
      },
    },
    async (request) => (await filters.listFilters(ctx, await owner(request), request.query.filter_type)).map(presentFilter),
  );

  r.get(
    `${base}/:id`,
    { schema: { tags, summary: 'One of your saved filters', params: itemParams, response: { 200: filterSchema, ...errorResponses(401, 404) } } },
    async (request) => presentFilter(await filters.getFilter(ctx, await owner(request), request.params.id)),
  );

  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Save a filter',
        description:
          '`query` is the advanced filter’s body, `{payload: [conditions]}`, checked as the conversation or contact filter would read it (422 under `query.`). Each member keeps their own filters.',
        params: accountParams,
        body: createBody,
        response: { 200: filterSchema, ...errorResponses(401, 404, 422) },
      },
    },
    async (request) => {
      const b = request.body;
      const kind: CustomFilterType = b.filter_type ?? b.type ?? 'conversation';
      return presentFilter(await filters.createFilter(ctx, await owner(request), { name: b.name, filterType: kind, query: b.query }));
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: `${base}/:id`,
    schema: { tags, summary: 'Rename or change a saved filter', params: itemParams, body: updateBody, response: { 200: filterSchema, ...errorResponses(401, 404, 422) } },
    handler: async (request) => {
      const b = request.body;
      return presentFilter(await filters.updateFilter(ctx, await owner(request), request.params.id, { name: b.name, filterType: b.filter_type ?? b.type, query: b.query }));
    },
  });

  r.delete(
    `${base}/:id`,
    { schema: { tags, summary: 'Delete a saved filter', params: itemParams, response: { 200: successResponse, ...errorResponses(401, 404) } } },
    async (request) => {
      await filters.deleteFilter(ctx, await owner(request), request.params.id);
      return { success: true as const };
    },
  );
}
