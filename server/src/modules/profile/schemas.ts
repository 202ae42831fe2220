import { z } from 'zod';

export const membershipSchema = z.object({
  id: z.number(),
  name: z.string(),
  status: z.string(),
  locale: z.string(),
  active_at: z.string().nullable(),
  role: z.enum(['administrator', 'agent']),
  permissions: z.array(z.string()),
  availability: z.string(),
  availability_status: z.string(),
  auto_offline: z.boolean(),
  custom_role_id: z.null(),
  custom_role: z.null(),
});

export const userSchema = z
  .object({
    id: z.number(),
    provider: z.string(),
    uid: z.string(),
    name: z.string(),
    display_name: z.string().nullable(),
    available_name: z.string(),
    email: z.string(),
    /** A new email waiting for its confirmation link (null: none). */
    unconfirmed_email: z.string().nullable(),
    avatar_url: z.string(),
    thumbnail: z.string(),
    confirmed: z.boolean(),
    access_token: z.string(),
    pubsub_token: z.string(),
    account_id: z.number().nullable(),
    role: z.enum(['administrator', 'agent']).nullable(),
    availability_status: z.string(),
    inviter_id: z.number().nullable(),
    hmac_identifier: z.string(),
    message_signature: z.string().nullable(),
    ui_settings: z.record(z.string(), z.unknown()),
    custom_attributes: z.record(z.string(), z.unknown()),
    locale: z.string().nullable(),
    type: z.string().nullable(),
    accounts: z.array(membershipSchema),
  })
  .meta({ id: 'User' });

export const userEnvelope = z.object({ data: userSchema });
