import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { fillDemoAccount } from '../../demo/fill-demo-account';
import { clientInfo } from '../../platform/http/request';
import { errorResponses } from '../../platform/http/schemas';
import { authorize } from '../../platform/permissions';
import { idParams } from '../../platform/validation';
import { setSessionCookies } from '../auth/cookies';
import { requireMember } from '../auth/guards';
import { needsOnboarding } from '../installation/service';
import { userPayload } from '../profile/service';
import { userEnvelope } from '../profile/schemas';
import { presentAccount } from './presenter';
import { accountSchema, accountUpdateBody, signUpBody } from './schemas';
import * as accounts from './service';

const tags = ['Account'];

export function accountRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/installation',
    {
      schema: {
        tags: ['Installation'],
        summary: 'What the sign-in pages need to know about this installation',
        response: {
          200: z.object({
            needs_onboarding: z.boolean(),
            signup_enabled: z.boolean(),
            dev_mailbox: z.boolean(),
            version: z.string(),
          }),
        },
      },
    },
    async () => ({
      needs_onboarding: await needsOnboarding(ctx.db),
      signup_enabled: ctx.config.signupEnabled,
      dev_mailbox: ctx.mailer.transport.kind === 'dev_mailbox',
      version: ctx.version,
    }),
  );

  r.post(
    '/api/v1/accounts',
    {
      schema: {
        tags,
        summary: 'Create an account and its administrator',
        description:
          'Open while the installation has no account (onboarding: the user becomes the installation owner); afterwards only when ENABLE_ACCOUNT_SIGNUP is true. Signs the new administrator in. With `with_demo_data`, the new account (and only it) is filled with the demo story before the answer; if that fails, the account stays, empty, and the failure is logged.',
        body: signUpBody,
        response: { 200: userEnvelope, ...errorResponses(403, 422, 429) },
      },
    },
    async (request, reply) => {
      const { user, account, session } = await accounts.signUp(
        ctx,
        {
          accountName: request.body.account_name,
          userFullName: request.body.user_full_name,
          email: request.body.email,
          password: request.body.password,
          locale: request.body.locale,
        },
        clientInfo(request),
      );
      if (request.body.with_demo_data) {
        try {
          await fillDemoAccount(ctx, app, { accountId: account.id, userId: user.id });
        } catch (error) {
          request.log.error({ err: error, accountId: account.id }, 'demo data for the new account failed');
        }
      }
      setSessionCookies(reply, ctx.config, session);
      return { data: await userPayload(ctx.db, user.id) };
    },
  );

  r.get(
    '/api/v1/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Account details',
        params: idParams,
        response: { 200: accountSchema, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.id);
      authorize(membership, 'account.read');
      const account = await accounts.getAccount(ctx.db, request.params.id);
      if (!account) throw new Error('membership without account');
      return presentAccount(account, ctx.version);
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: '/api/v1/accounts/:id',
    schema: {
      tags,
      summary: 'Update account details and settings (administrators)',
      params: idParams,
      body: accountUpdateBody,
      response: { 200: accountSchema, ...errorResponses(401, 403, 404, 422) },
    },
    handler: async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.id);
      authorize(membership, 'account.update');
      const b = request.body;
      const account = await accounts.updateAccount(ctx, request.params.id, {
        name: b.name,
        locale: b.locale,
        domain: b.domain,
        supportEmail: b.support_email,
        autoResolveAfter: b.auto_resolve_after,
        autoResolveMessage: b.auto_resolve_message,
        autoResolveIgnoreWaiting: b.auto_resolve_ignore_waiting,
        autoResolveLabel: b.auto_resolve_label,
        industry: b.industry,
        companySize: b.company_size,
        timezone: b.timezone,
        customAttributes: b.custom_attributes,
      });
      return presentAccount(account, ctx.version);
    },
  });
}
