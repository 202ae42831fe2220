import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { clientInfo } from '../../platform/http/request';
import { errorResponses } from '../../platform/http/schemas';
import { email, password, requiredText, successResponse } from '../../platform/validation';
import { userPayload } from '../profile/service';
import { userEnvelope, userSchema } from '../profile/schemas';
import { clearSessionCookies, setSessionCookies } from './cookies';
import { requireUser } from './guards';
import * as auth from './service';

const tags = ['Auth'];

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/auth/sign_in',
    {
      schema: {
        tags,
        summary: 'Sign in with email and password (or a platform SSO token)',
        description:
          'Starts a dashboard session (HTTP-only cookie `rh_session`, readable CSRF cookie `rh_csrf`) and returns the user with its `access_token` for API use. With two-factor authentication on, the answer is `{mfa_required: true, mfa_token}` instead: send `{mfa_token, otp_code}` (or `backup_code`) to finish; `otp_code` may also come with the password.',
        body: z
          .object({
            email: email.optional(),
            password: password.optional(),
            sso_auth_token: requiredText(200).optional(),
            mfa_token: requiredText(200).optional(),
            otp_code: z.string().trim().max(20).optional(),
            backup_code: z.string().trim().max(40).optional(),
          })
          .refine((b) => b.mfa_token !== undefined || b.email !== undefined, { message: 'is required', path: ['email'] })
          .refine((b) => b.mfa_token !== undefined || b.password !== undefined || b.sso_auth_token !== undefined, {
            message: 'is required',
            path: ['password'],
          })
          .refine((b) => b.mfa_token === undefined || b.otp_code !== undefined || b.backup_code !== undefined, {
            message: 'is required',
            path: ['otp_code'],
          }),
        response: { 200: z.union([userEnvelope, z.object({ mfa_required: z.literal(true), mfa_token: z.string() })]), ...errorResponses(401, 422, 429) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const result = await auth.signIn(
        ctx,
        { email: b.email, password: b.password, ssoAuthToken: b.sso_auth_token, mfaToken: b.mfa_token, otpCode: b.otp_code, backupCode: b.backup_code },
        clientInfo(request),
      );
      if ('mfaRequired' in result) return { mfa_required: true as const, mfa_token: result.mfaToken };
      setSessionCookies(reply, ctx.config, result.session);
      return { data: await userPayload(ctx.db, result.user.id) };
    },
  );

  r.delete(
    '/auth/sign_out',
    {
      schema: { tags, summary: 'End the current session', response: { 200: successResponse, ...errorResponses(401, 403) } },
    },
    async (request, reply) => {
      const actor = await requireUser(ctx, request);
      await auth.signOut(ctx, actor);
      clearSessionCookies(reply, ctx.config);
      return { success: true as const };
    },
  );

  r.get(
    '/auth/validate_token',
    { schema: { tags, summary: 'The signed-in user, if the session or token is valid', response: { 200: userEnvelope, ...errorResponses(401) } } },
    async (request) => {
      const actor = await requireUser(ctx, request);
      return { data: await userPayload(ctx.db, actor.user.id) };
    },
  );

  r.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Email a password reset link',
        description: 'Answers the same whether or not the email has an account.',
        body: z.object({ email }),
        response: { 200: z.object({ success: z.literal(true), message: z.string() }), ...errorResponses(422, 429) },
      },
    },
    async (request) => {
      await auth.requestPasswordReset(ctx, request.body.email, clientInfo(request));
      return {
        success: true as const,
        message: 'If this email has an account, a link to reset the password is on its way.',
      };
    },
  );

  r.get(
    '/auth/password/token',
    {
      schema: {
        tags,
        summary: 'Who a reset or invitation link is for',
        querystring: z.object({ reset_password_token: requiredText(200) }),
        response: {
          200: z.object({ purpose: z.enum(['reset_password', 'invitation', 'sso']), email: z.string(), name: z.string() }),
          ...errorResponses(404, 422),
        },
      },
    },
    async (request) => auth.describePasswordToken(ctx, request.query.reset_password_token),
  );

  r.put(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Set a new password from a reset or invitation link',
        description: 'Ends every existing session of the user and signs them in.',
        body: z.object({
          reset_password_token: requiredText(200),
          password,
          password_confirmation: password,
        }),
        response: { 200: z.object({ data: userSchema }), ...errorResponses(422) },
      },
    },
    async (request, reply) => {
      const { user, session } = await auth.resetPassword(
        ctx,
        {
          token: request.body.reset_password_token,
          password: request.body.password,
          passwordConfirmation: request.body.password_confirmation,
        },
        clientInfo(request),
      );
      setSessionCookies(reply, ctx.config, session);
      return { data: await userPayload(ctx.db, user.id) };
    },
  );
}
