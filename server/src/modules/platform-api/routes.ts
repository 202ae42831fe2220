import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../platform/http/schemas';
import { clearableText, email, id, jsonObject, localeCode, password, requiredText, role } from '../../platform/validation';
import { presentPlatformAccount } from '../accounts/presenter';
import { requirePlatformApp } from '../auth/guards';
import { userSchema } from '../profile/schemas';
import { userPayload } from '../profile/service';
import * as platform from './service';

const accountTags = ['Platform: accounts'];
const userTags = ['Platform: users'];

const platformAccountSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    locale: z.string(),
    domain: z.string().nullable(),
    support_email: z.string().nullable(),
    status: z.enum(['active', 'suspended']),
    custom_attributes: z.record(z.string(), z.unknown()),
    limits: z.record(z.string(), z.unknown()),
    created_at: z.string(),
  })
  .meta({ id: 'PlatformAccount' });

const accountUserSchema = z.object({ account_id: z.number(), user_id: z.number(), role: z.enum(['administrator', 'agent']) });

const accountFields = {
  locale: localeCode.optional(),
  domain: clearableText(253).optional(),
  support_email: z.union([email, z.literal('').transform(() => null), z.null()]).optional(),
  status: z.enum(['active', 'suspended']).optional(),
  limits: jsonObject.optional(),
  custom_attributes: jsonObject.optional(),
};
const accountCreateBody = z.object({ name: requiredText(100), ...accountFields });
const accountUpdateBody = z.object({ name: requiredText(100).optional(), ...accountFields });

const userFields = {
  display_name: clearableText(100).optional(),
  password: password.optional(),
  custom_attributes: jsonObject.optional(),
};
const userCreateBody = z.object({ name: requiredText(100), email, ...userFields });
const userUpdateBody = z.object({ name: requiredText(100).optional(), email: email.optional(), ...userFields });

const accountIdParams = z.object({ account_id: id });
const userIdParams = z.object({ id });
const ok = z.object({ success: z.literal(true) });

function accountInput(b: z.infer<typeof accountUpdateBody>) {
  return {
    name: b.name,
    locale: b.locale,
    domain: b.domain,
    supportEmail: b.support_email,
    status: b.status,
    limits: b.limits,
    customAttributes: b.custom_attributes,
  };
}

export function platformRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/platform/api/v1/accounts',
    {
      schema: {
        tags: accountTags,
        summary: 'Create an account',
        body: accountCreateBody,
        response: { 200: platformAccountSchema, ...errorResponses(401, 422) },
      },
    },
    async (request) => {
      const caller = await requirePlatformApp(ctx, request);
      const b = request.body;
      const account = await platform.createAccount(ctx, caller.platformAppId, { ...accountInput(b), name: b.name });
      return presentPlatformAccount(account);
    },
  );

  r.get(
    '/platform/api/v1/accounts/:account_id',
    {
      schema: {
        tags: accountTags,
        summary: 'An account this platform app manages',
        params: accountIdParams,
        response: { 200: platformAccountSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const caller = await requirePlatformApp(ctx, request);
      return presentPlatformAccount(await platform.getAccount(ctx, caller.platformAppId, request.params.account_id));
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: '/platform/api/v1/accounts/:account_id',
    schema: {
      tags: accountTags,
      summary: 'Update an account',
      params: accountIdParams,
      body: accountUpdateBody,
      response: { 200: platformAccountSchema, ...errorResponses(401, 404, 422) },
    },
    handler: async (request) => {
      const caller = await requirePlatformApp(ctx, request);
      const account = await platform.updateAccount(ctx, caller.platformAppId, request.params.account_id, accountInput(request.body));
      return presentPlatformAccount(account);
    },
  });

  r.delete(
    '/platform/api/v1/accounts/:account_id',
    {
      schema: {
        tags: accountTags,
        summary: 'Delete an account and everything in it',
        params: accountIdParams,
        response: { 200: ok, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const caller = await requirePlatformApp(ctx, request);
      await platform.deleteAccount(ctx, caller.platformAppId, request.params.account_id);
      return { success: true as const };
    },
  );

  r.get(
    '/platform/api/v1/accounts/:account_id/account_users',
    {
      schema: {
        tags: accountTags,
        summary: 'Members of an account',
        params: accountIdParams,
        response: { 200: z.array(accountUserSchema), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const caller = await requirePlatformApp(ctx, request);
      const members = await platform.listAccountUsers(ctx, caller.platformAppId, request.params.account_id);
      return members.map((m) => ({ account_id: m.accountId, user_id: m.userId, role: m.role }));
    },
  );

  r.post(
    '/platform/api/v1/accounts/:account_id/account_users',
    {
      schema: {
        tags: accountTags,
        summary: 'Add a user to an account, or change their role',
        params: accountIdParams,
        body: z.object({ user_id: id, role }),
        response: { 200: accountUserSchema, ...errorResponses(401, 404, 422) },
      },
    },
    async (request) => {
      const caller = await requirePlatformApp(ctx, request);
      const m = await platform.upsertAccountUser(
        ctx,
        caller.platformAppId,
        request.params.account_id,
        request.body.user_id,
        request.body.role,
      );
      return { account_id: m.accountId, user_id: m.userId, role: m.role };
    },
  );

  r.delete(
    '/platform/api/v1/accounts/:account_id/account_users',
    {
      schema: {
        tags: accountTags,
        summary: 'Remove a user from an account',
        params: accountIdParams,
        body: z.object({ user_id: id }),
        response: { 200: ok, ...errorResponses(401, 404, 422) },
      },
    },
    async (request) => {
      const caller = await requirePlatformApp(ctx, request);
      await platform.removeAccountUser(ctx, caller.platformAppId, request.params.account_id, request.body.user_id);
      return { success: true as const };
    },
  );

  r.post(
    '/platform/api/v1/users',
    {
      schema: {
        tags: userTags,
        summary: 'Create a user (confirmed)',
        description:
          'Posting the email of a user this app already created returns that user; any other existing email is rejected as taken.',
        body: userCreateBody,
        response: { 200: userSchema, ...errorResponses(401, 422) },
      },
    },
    async (request) => {
      const caller = await requirePlatformApp(ctx, request);
      const b = request.body;
      const user = await platform.createUser(ctx, caller.platformAppId, {
        name: b.name,
        email: b.email,
        displayName: b.display_name,
        password: b.password,
        customAttributes: b.custom_attributes,
      });
      return userPayload(ctx.db, user.id);
    },
  );

  r.get(
    '/platform/api/v1/users/:id',
    {
      schema: {
        tags: userTags,
        summary: 'A user this platform app manages',
        params: userIdParams,
        response: { 200: userSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const caller = await requirePlatformApp(ctx, request);
      const user = await platform.getUser(ctx, caller.platformAppId, request.params.id);
      return userPayload(ctx.db, user.id);
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: '/platform/api/v1/users/:id',
    schema: {
      tags: userTags,
      summary: 'Update a user',
      description: 'Setting a password ends the user’s sessions.',
      params: userIdParams,
      body: userUpdateBody,
      response: { 200: userSchema, ...errorResponses(401, 404, 422) },
    },
    handler: async (request) => {
      const caller = await requirePlatformApp(ctx, request);
      const b = request.body;
      const user = await platform.updateUser(ctx, caller.platformAppId, request.params.id, {
        name: b.name,
        email: b.email,
        displayName: b.display_name,
        password: b.password,
        customAttributes: b.custom_attributes,
      });
      return userPayload(ctx.db, user.id);
    },
  });

  r.delete(
    '/platform/api/v1/users/:id',
    {
      schema: {
        tags: userTags,
        summary: 'Delete a user',
        params: userIdParams,
        response: { 200: ok, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const caller = await requirePlatformApp(ctx, request);
      await platform.deleteUser(ctx, caller.platformAppId, request.params.id);
      return { success: true as const };
    },
  );

  r.get(
    '/platform/api/v1/users/:id/login',
    {
      schema: {
        tags: userTags,
        summary: 'A one-time sign-in link for the user (valid 5 minutes)',
        params: userIdParams,
        response: { 200: z.object({ url: z.string() }), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const caller = await requirePlatformApp(ctx, request);
      return { url: await platform.ssoLink(ctx, caller.platformAppId, request.params.id) };
    },
  );
}
