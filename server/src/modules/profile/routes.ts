import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { AVAILABILITIES } from '../../db/schema';
import { errorResponses } from '../../platform/http/schemas';
import { clearableText, email, id, jsonObject, localeCode, password, requiredText } from '../../platform/validation';
import { requireUser } from '../auth/guards';
import * as auth from '../auth/service';
import { userEnvelope, userSchema } from './schemas';
import { confirmEmail, updateProfile, userPayload } from './service';

const tags = ['Profile'];

/** The alert tones the dashboard offers ("Notificações de Áudio"). */
export const NOTIFICATION_TONES = ['ding', 'bell', 'chime', 'magic', 'ping'] as const;

/**
 * The user's dashboard preferences, merged into what is stored. Keys the profile page sets are
 * checked (Chatwoot's names): the send key, and the audio alerts — tone, which conversations
 * (`none`, `mine` = assigned to me, `all`), also when the window is active
 * (`always_play_audio_alert`), and repeating until assigned conversations are read.
 */
const uiSettings = jsonObject.pipe(
  z.looseObject({
    enter_to_send_enabled: z.boolean().optional(),
    notification_tone: z.enum(NOTIFICATION_TONES).optional(),
    enable_audio_alerts: z.enum(['none', 'mine', 'all']).optional(),
    always_play_audio_alert: z.boolean().optional(),
    alert_if_unread_assigned_conversation_exist: z.boolean().optional(),
  }),
);

const profileFields = z
  .object({
    name: requiredText(100),
    display_name: clearableText(100),
    email,
    message_signature: clearableText(10_000),
    ui_settings: uiSettings,
    locale: localeCode.nullable(),
    availability: z.enum([...AVAILABILITIES, 'available']).transform((v) => (v === 'available' ? 'online' : v)),
    account_id: id,
    current_password: password,
    password,
    password_confirmation: password,
  })
  .partial();

/** Chatwoot clients wrap the fields in `profile`; plain bodies work too. */
const profileBody = z.preprocess(
  (body) => (body && typeof body === 'object' && 'profile' in body ? (body as { profile: unknown }).profile : body),
  profileFields,
);

export function profileRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/profile',
    { schema: { tags, summary: 'The signed-in user', response: { 200: userSchema, ...errorResponses(401) } } },
    async (request) => {
      const actor = await requireUser(ctx, request);
      return userPayload(ctx.db, actor.user.id);
    },
  );

  r.route({
    method: ['PUT', 'PATCH'],
    url: '/api/v1/profile',
    schema: {
      tags,
      summary: 'Update the signed-in user',
      description:
        'Name, display name, signature, UI settings, availability (in `account_id`, default the current account; naming `account_id` also makes it the default account of later sign-ins). Changing the email needs `current_password`; changing the password needs `current_password`, `password` and `password_confirmation`, and ends every other session.',
      body: profileBody,
      response: { 200: userSchema, ...errorResponses(401, 403, 404, 422) },
    },
    handler: async (request) => {
      const actor = await requireUser(ctx, request);
      const b = request.body;
      await updateProfile(ctx, actor, {
        name: b.name,
        displayName: b.display_name,
        email: b.email,
        messageSignature: b.message_signature,
        uiSettings: b.ui_settings,
        locale: b.locale,
        availability: b.availability,
        accountId: b.account_id,
        password: b.password,
        passwordConfirmation: b.password_confirmation,
        currentPassword: b.current_password,
      });
      return userPayload(ctx.db, actor.user.id);
    },
  });

  r.post(
    '/api/v1/profile/reset_access_token',
    {
      schema: {
        tags,
        summary: 'Replace the access token',
        description: 'The previous token stops working at once.',
        response: { 200: userSchema, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const actor = await requireUser(ctx, request);
      await auth.regenerateAccessToken(ctx.db, 'user', actor.user.id);
      return userPayload(ctx.db, actor.user.id);
    },
  );

  r.post(
    '/auth/confirmation',
    {
      schema: {
        tags,
        summary: 'Confirm a new email address',
        description: 'The link mailed to the new address of an email change (`confirmation_token`): the new address replaces the old one.',
        body: z.object({ confirmation_token: requiredText(200) }),
        response: { 200: userEnvelope, ...errorResponses(404, 422) },
      },
    },
    async (request) => ({ data: await userPayload(ctx.db, await confirmEmail(ctx, request.body.confirmation_token)) }),
  );
}
