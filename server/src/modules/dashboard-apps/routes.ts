import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../platform/http/schemas';
import { authorize } from '../../platform/permissions';
import { accountParams, httpUrl, id, requiredText, successResponse } from '../../platform/validation';
import { requireMember } from '../auth/guards';
import { presentDashboardApp } from './presenter';
import * as dashboardApps from './service';

const tags = ['Dashboard apps'];

const frameSchema = z.object({ type: z.literal('frame'), url: z.string() });

const dashboardAppSchema = z
  .object({
    id: z.number(),
    title: z.string(),
    content: z.array(frameSchema),
    created_at: z.string(),
  })
  .meta({ id: 'DashboardApp' });

/** Frames as Chatwoot accepts them: `{ type: 'frame', url }`, the URL http(s) (the dashboard embeds it). */
const content = z.array(z.object({ type: z.literal('frame'), url: httpUrl })).min(1, 'must have at least one frame').max(10);

const dashboardAppBody = z.object({ title: requiredText(255), content });
const dashboardAppParams = accountParams.extend({ id });

export function dashboardAppRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/accounts/:account_id/dashboard_apps',
    {
      schema: {
        tags,
        summary: 'List the dashboard apps',
        description: 'Every member may list them: the conversation details panel embeds them.',
        params: accountParams,
        response: { 200: z.array(dashboardAppSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'dashboard_apps.read');
      return (await dashboardApps.listDashboardApps(ctx, membership.accountId)).map(presentDashboardApp);
    },
  );

  r.get(
    '/api/v1/accounts/:account_id/dashboard_apps/:id',
    {
      schema: {
        tags,
        summary: 'Show a dashboard app',
        params: dashboardAppParams,
        response: { 200: dashboardAppSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'dashboard_apps.read');
      return presentDashboardApp(await dashboardApps.getDashboardApp(ctx, membership.accountId, request.params.id));
    },
  );

  r.post(
    '/api/v1/accounts/:account_id/dashboard_apps',
    {
      schema: {
        tags,
        summary: 'Create a dashboard app',
        description: 'Administrators only. `content` lists the frames, each `{ type: "frame", url }` with an http(s) URL.',
        params: accountParams,
        body: dashboardAppBody,
        response: { 200: dashboardAppSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { actor, membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'dashboard_apps.manage');
      const row = await dashboardApps.createDashboardApp(ctx, membership.accountId, actor.user.id, request.body);
      return presentDashboardApp(row);
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: '/api/v1/accounts/:account_id/dashboard_apps/:id',
    schema: {
      tags,
      summary: 'Update a dashboard app',
      description: 'Administrators only.',
      params: dashboardAppParams,
      body: dashboardAppBody.partial(),
      response: { 200: dashboardAppSchema, ...errorResponses(401, 403, 404, 422) },
    },
    handler: async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'dashboard_apps.manage');
      const row = await dashboardApps.updateDashboardApp(ctx, membership.accountId, request.params.id, {
        title: request.body.title,
        content: request.body.content,
      });
      return presentDashboardApp(row);
    },
  });

  r.delete(
    '/api/v1/accounts/:account_id/dashboard_apps/:id',
    {
      schema: {
        tags,
        summary: 'Delete a dashboard app',
        description: 'Administrators only.',
        params: dashboardAppParams,
        response: { 200: successResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'dashboard_apps.manage');
      await dashboardApps.deleteDashboardApp(ctx, membership.accountId, request.params.id);
      return { success: true as const };
    },
  );
}
