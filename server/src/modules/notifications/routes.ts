import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../platform/http/schemas';
import { authorize } from '../../platform/permissions';
import { accountParams, id } from '../../platform/validation';
import { notFound } from '../../platform/errors';
import { requireMember, requireUser } from '../auth/guards';
import * as push from './push';
import * as notifications from './service';

const tags = ['Notifications'];

const notificationSchema = z
  .object({
    id: z.number(),
    notification_type: z.string(),
    push_message_title: z.string(),
    push_message_body: z.string(),
    primary_actor_type: z.string(),
    primary_actor_id: z.number(),
    primary_actor: z.record(z.string(), z.unknown()).nullable(),
    secondary_actor_type: z.string().nullable(),
    secondary_actor_id: z.number().nullable(),
    secondary_actor: z.record(z.string(), z.unknown()).nullable(),
    read_at: z.string().nullable(),
    snoozed_until: z.string().nullable(),
    user: z.record(z.string(), z.unknown()),
    account_id: z.number(),
    meta: z.record(z.string(), z.unknown()),
    created_at: z.number(),
    last_activity_at: z.number(),
  })
  .meta({ id: 'Notification' });

const settingsSchema = z
  .object({
    id: z.number().nullable(),
    user_id: z.number(),
    account_id: z.number(),
    all_email_flags: z.array(z.string()),
    selected_email_flags: z.array(z.string()),
    all_push_flags: z.array(z.string()),
    selected_push_flags: z.array(z.string()),
  })
  .meta({ id: 'NotificationSettings' });

const notificationParams = accountParams.extend({ id });

/** `includes[]=read&includes[]=snoozed` (Chatwoot's form), `includes=read`, or a comma list. */
const includesQuery = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(['read', 'snoozed'])));

const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  includes: includesQuery.optional(),
  'includes[]': includesQuery.optional(),
  sort_order: z.enum(['asc', 'desc']).optional(),
});

/** A future time: ISO 8601 with an offset, or Unix seconds. */
const futureTime = z
  .union([z.iso.datetime({ offset: true }), z.number().int().positive().max(32_503_680_000)])
  .transform((v) => (typeof v === 'number' ? new Date(v * 1000) : new Date(v)));

const flags = z.array(z.string().max(100)).max(50);
const settingsFields = z.object({ selected_email_flags: flags.optional(), selected_push_flags: flags.optional() });
/** Chatwoot's clients wrap the fields in `notification_settings`; plain bodies work too. */
const settingsBody = z.preprocess(
  (body) =>
    body && typeof body === 'object' && 'notification_settings' in body ? (body as { notification_settings: unknown }).notification_settings : body,
  settingsFields,
);

export function notificationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/accounts/:account_id/notifications';

  async function viewer(request: FastifyRequest, accountId: number): Promise<notifications.Viewer> {
    const { actor, membership } = await requireMember(ctx, request, accountId);
    authorize(membership, 'notifications.manage');
    return { userId: actor.user.id, accountId: membership.accountId };
  }

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'List my notifications',
        description:
          'Newest first (`sort_order=asc` for oldest first), 15 a page (`page`). Without `includes[]`, read notifications are listed and snoozed ones are not; with it, unread ones plus what it names (`read`, `snoozed`).',
        params: accountParams,
        querystring: listQuery,
        response: {
          200: z.object({
            data: z.object({
              meta: z.object({ unread_count: z.number(), count: z.number(), current_page: z.number() }),
              payload: z.array(notificationSchema),
            }),
          }),
          ...errorResponses(401, 404, 422),
        },
      },
    },
    async (request) => {
      const v = await viewer(request, request.params.account_id);
      const q = request.query;
      return notifications.listNotifications(ctx, v, { page: q.page, includes: q['includes[]'] ?? q.includes, sortOrder: q.sort_order });
    },
  );

  r.get(
    `${base}/unread_count`,
    { schema: { tags, summary: 'How many of my notifications are unread', params: accountParams, response: { 200: z.number(), ...errorResponses(401, 404) } } },
    async (request) => notifications.unreadCount(ctx, await viewer(request, request.params.account_id)),
  );

  r.post(
    `${base}/read_all`,
    {
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        description: 'With `primary_actor_type: Conversation` and `primary_actor_id` (the display id), only those of that conversation.',
        params: accountParams,
        body: z.object({ primary_actor_type: z.literal('Conversation').optional(), primary_actor_id: id.optional() }).nullish(),
        response: { 200: z.object({ success: z.literal(true) }), ...errorResponses(401, 404, 422) },
      },
    },
    async (request) => {
      const v = await viewer(request, request.params.account_id);
      await notifications.readAll(ctx, v, request.body?.primary_actor_id);
      return { success: true as const };
    },
  );

  r.post(
    `${base}/destroy_all`,
    {
      schema: {
        tags,
        summary: 'Delete all my notifications',
        description: '`type: read` deletes only the read ones.',
        params: accountParams,
        body: z.object({ type: z.enum(['read', 'all']).optional() }).nullish(),
        response: { 200: z.object({ success: z.literal(true) }), ...errorResponses(401, 404, 422) },
      },
    },
    async (request) => {
      const v = await viewer(request, request.params.account_id);
      await notifications.deleteAll(ctx, v, request.body?.type === 'read');
      return { success: true as const };
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: `${base}/:id`,
    schema: { tags, summary: 'Mark a notification read', params: notificationParams, response: { 200: notificationSchema, ...errorResponses(401, 404) } },
    handler: async (request) => notifications.markRead(ctx, await viewer(request, request.params.account_id), request.params.id),
  });

  r.post(
    `${base}/:id/unread`,
    { schema: { tags, summary: 'Mark a notification unread', params: notificationParams, response: { 200: notificationSchema, ...errorResponses(401, 404) } } },
    async (request) => notifications.markUnread(ctx, await viewer(request, request.params.account_id), request.params.id),
  );

  r.post(
    `${base}/:id/snooze`,
    {
      schema: {
        tags,
        summary: 'Snooze a notification',
        description: 'Hidden from the list until `snoozed_until` (ISO 8601 or Unix seconds, in the future); then it comes back unread, on top.',
        params: notificationParams,
        body: z.object({ snoozed_until: futureTime }),
        response: { 200: notificationSchema, ...errorResponses(401, 404, 422) },
      },
    },
    async (request) =>
      notifications.snooze(ctx, await viewer(request, request.params.account_id), request.params.id, request.body.snoozed_until),
  );

  r.delete(
    `${base}/:id`,
    {
      schema: { tags, summary: 'Delete a notification', params: notificationParams, response: { 200: z.object({ success: z.literal(true) }), ...errorResponses(401, 404) } },
    },
    async (request) => {
      await notifications.deleteOne(ctx, await viewer(request, request.params.account_id), request.params.id);
      return { success: true as const };
    },
  );

  r.get(
    '/api/v1/accounts/:account_id/notification_settings',
    { schema: { tags, summary: 'My notification preferences', params: accountParams, response: { 200: settingsSchema, ...errorResponses(401, 404) } } },
    async (request) => {
      const v = await viewer(request, request.params.account_id);
      return notifications.getSettings(ctx, v.accountId, v.userId);
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: '/api/v1/accounts/:account_id/notification_settings',
    schema: {
      tags,
      summary: 'Change my notification preferences',
      description:
        '`selected_email_flags` and `selected_push_flags` list the events (`email_conversation_assignment`, `push_conversation_mention`...) that reach me by email and by browser push; a list given replaces the previous one.',
      params: accountParams,
      body: settingsBody,
      response: { 200: settingsSchema, ...errorResponses(401, 404, 422) },
    },
    handler: async (request) => {
      const v = await viewer(request, request.params.account_id);
      return notifications.updateSettings(ctx, v.accountId, v.userId, {
        selectedEmailFlags: request.body.selected_email_flags,
        selectedPushFlags: request.body.selected_push_flags,
      });
    },
  });
}

const subscriptionSchema = z
  .object({
    id: z.number(),
    user_id: z.number(),
    subscription_type: z.string(),
    subscription_attributes: z.object({ endpoint: z.string(), p256dh: z.string(), auth: z.string() }),
    identifier: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'NotificationSubscription' });

const subscriptionBody = z.object({
  subscription_type: z.literal('browser_push').default('browser_push'),
  subscription_attributes: z.object({
    endpoint: z.string().trim().min(1).max(2048),
    p256dh: z.string().trim().min(1).max(200),
    auth: z.string().trim().min(1).max(100),
  }),
});

/** Unsubscribing names the endpoint: plainly, inside `subscription_attributes`, or as Chatwoot's `push_token`. */
const unsubscribeBody = z
  .object({
    endpoint: z.string().max(2048).optional(),
    push_token: z.string().max(2048).optional(),
    subscription_attributes: z.object({ endpoint: z.string().max(2048) }).partial().optional(),
  })
  .transform((b) => b.endpoint ?? b.subscription_attributes?.endpoint ?? b.push_token)
  .pipe(z.string({ message: 'endpoint is required' }).min(1, 'endpoint is required'));

export function subscriptionRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const subscriptionTags = ['Notifications'];

  // The key pair exists from the first start on (and every node reads the same one).
  app.addHook('onReady', async () => {
    await push.vapidKeys(ctx);
  });

  r.get(
    '/api/v1/notification_subscriptions/vapid_public_key',
    {
      schema: {
        tags: subscriptionTags,
        summary: 'The VAPID public key browsers subscribe with',
        description: '`applicationServerKey` for `pushManager.subscribe` (base64url).',
        response: { 200: z.object({ vapid_public_key: z.string() }) },
      },
    },
    async () => ({ vapid_public_key: (await push.vapidKeys(ctx)).publicKey }),
  );

  r.get(
    '/api/v1/notification_subscriptions',
    { schema: { tags: subscriptionTags, summary: 'My browser push subscriptions', response: { 200: z.array(subscriptionSchema), ...errorResponses(401) } } },
    async (request) => push.listSubscriptions(ctx.db, (await requireUser(ctx, request)).user.id),
  );

  r.post(
    '/api/v1/notification_subscriptions',
    {
      schema: {
        tags: subscriptionTags,
        summary: 'Subscribe this browser to push notifications',
        description:
          'Body: `subscription_type: browser_push` and `subscription_attributes` `{endpoint, p256dh, auth}` from the browser’s PushSubscription. The same endpoint again (or for another user) replaces the previous subscription.',
        body: subscriptionBody,
        response: { 200: subscriptionSchema, ...errorResponses(401, 422) },
      },
    },
    async (request) => {
      const actor = await requireUser(ctx, request);
      return push.subscribe(ctx, actor.user.id, request.body.subscription_attributes);
    },
  );

  r.delete(
    '/api/v1/notification_subscriptions',
    {
      schema: {
        tags: subscriptionTags,
        summary: 'Unsubscribe a browser',
        description: 'Names the subscription by `endpoint` (or `push_token`); only one’s own subscriptions can be removed.',
        body: unsubscribeBody,
        response: { 200: z.object({ success: z.literal(true) }), ...errorResponses(401, 404, 422) },
      },
    },
    async (request) => {
      const actor = await requireUser(ctx, request);
      if (!(await push.unsubscribe(ctx, actor.user.id, request.body))) throw notFound('Subscription');
      return { success: true as const };
    },
  );
}
