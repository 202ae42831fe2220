import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../platform/http/schemas';
import { password } from '../../platform/validation';
import { requireUser } from '../auth/guards';
import * as users from '../users/service';
import { removeAvatar, serveAvatar, uploadAvatar } from './avatar';
import { userSchema } from './schemas';
import { userPayload } from './service';
import * as twoFactor from './two-factor';

const tags = ['Profile'];
const code = z.string().trim().min(1, 'must not be blank').max(40);
const status = z.object({ enabled: z.boolean(), backup_codes_remaining: z.number() });
const withCodes = z.object({ enabled: z.literal(true), backup_codes: z.array(z.string()) });

/** Two-factor authentication of the signed-in user ("Autenticação de dois fatores"). */
export function twoFactorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/profile/mfa';

  r.get(base, { schema: { tags, summary: 'Is two-factor authentication on', response: { 200: status, ...errorResponses(401) } } }, async (request) => {
    const actor = await requireUser(ctx, request);
    return twoFactor.twoFactorStatus((await users.getUser(ctx.db, actor.user.id)) ?? actor.user);
  });

  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Start setting up two-factor authentication',
        description:
          'Needs `current_password`. Answers the new secret, its `otpauth://` URL and a QR code (PNG data URL) for an authenticator app; two-factor goes on once `POST /api/v1/profile/mfa/verify` gets a code from it.',
        body: z.object({ current_password: password.optional() }),
        response: { 200: z.object({ secret: z.string(), provisioning_url: z.string(), qr_code_url: z.string() }), ...errorResponses(401, 403, 422) },
      },
    },
    async (request) => twoFactor.startSetup(ctx, await requireUser(ctx, request), request.body.current_password),
  );

  r.post(
    `${base}/verify`,
    {
      schema: {
        tags,
        summary: 'Turn two-factor authentication on with a code from the app',
        description: 'Answers ten single-use backup codes, shown only this once.',
        body: z.object({ otp_code: code }),
        response: { 200: withCodes, ...errorResponses(401, 403, 422) },
      },
    },
    async (request) => twoFactor.confirmSetup(ctx, await requireUser(ctx, request), request.body.otp_code),
  );

  r.post(
    `${base}/backup_codes`,
    {
      schema: {
        tags,
        summary: 'New backup codes (the previous ones stop working)',
        body: z.object({ otp_code: code }),
        response: { 200: withCodes, ...errorResponses(401, 403, 422) },
      },
    },
    async (request) => twoFactor.regenerateBackupCodes(ctx, await requireUser(ctx, request), request.body.otp_code),
  );

  r.delete(
    base,
    {
      schema: {
        tags,
        summary: 'Turn two-factor authentication off',
        description: 'Needs `current_password` and a current `otp_code` (or a `backup_code`).',
        body: z
          .object({ current_password: password.optional(), otp_code: code.optional(), backup_code: code.optional() })
          .refine((b) => b.otp_code !== undefined || b.backup_code !== undefined, { message: 'is required', path: ['otp_code'] }),
        response: { 200: status, ...errorResponses(401, 403, 422) },
      },
    },
    async (request) =>
      twoFactor.disable(ctx, await requireUser(ctx, request), {
        currentPassword: request.body.current_password,
        otpCode: request.body.otp_code,
        backupCode: request.body.backup_code,
      }),
  );

  r.post(
    '/api/v1/profile/avatar',
    {
      config: { multipart: true },
      schema: {
        tags,
        summary: 'Upload a profile photo',
        description: 'multipart/form-data with the image in `avatar` (or `profile[avatar]`), 5 MB at most: kept as a 512 px square and a 96 px thumbnail.',
        response: { 200: userSchema, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request) => {
      const actor = await requireUser(ctx, request);
      await uploadAvatar(ctx, actor, request);
      return userPayload(ctx.db, actor.user.id);
    },
  );

  r.delete(
    '/api/v1/profile/avatar',
    { schema: { tags, summary: 'Remove the profile photo (initials show instead)', response: { 200: userSchema, ...errorResponses(401, 403) } } },
    async (request) => {
      const actor = await requireUser(ctx, request);
      await removeAvatar(ctx, actor);
      return userPayload(ctx.db, actor.user.id);
    },
  );

  r.get(
    '/avatars/:file',
    {
      schema: {
        tags,
        summary: 'A profile photo or its thumbnail (PNG)',
        params: z.object({ file: z.string().max(100) }),
        response: { 200: z.any().describe('The PNG image'), ...errorResponses(404) },
      },
    },
    async (request, reply) => serveAvatar(ctx, request.params.file, reply),
  );
}
