import { z } from 'zod';
import { clearableText, email, jsonObject, localeCode, password, requiredText } from '../../platform/validation';

export const accountSchema = z
  .object({
    latest_chatwoot_version: z.string(),
    id: z.number(),
    name: z.string(),
    locale: z.string(),
    domain: z.string().nullable(),
    support_email: z.string().nullable(),
    status: z.enum(['active', 'suspended']),
    created_at: z.string(),
    cache_keys: z.record(z.string(), z.unknown()),
    features: z.array(z.string()),
    subscribed_features: z.array(z.string()),
    settings: z.object({
      auto_resolve_after: z.number().nullable(),
      auto_resolve_message: z.string().nullable(),
      auto_resolve_ignore_waiting: z.boolean().nullable(),
      auto_resolve_label: z.string().nullable(),
    }),
    custom_attributes: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Account' });

export const signUpBody = z.object({
  account_name: requiredText(100),
  user_full_name: requiredText(100),
  email,
  password,
  locale: localeCode.optional(),
  with_demo_data: z.boolean().optional().describe('Fill the new account with the pt-BR demo story (inboxes, agents, teams, labels, conversations), as `npm run seed:demo` does'),
});

export const accountUpdateBody = z
  .object({
    name: requiredText(100),
    locale: localeCode,
    domain: clearableText(253),
    support_email: z.union([email, z.literal('').transform(() => null), z.null()]),
    auto_resolve_after: z.coerce.number().int().min(10).max(1_439_856).nullable(),
    auto_resolve_message: clearableText(2000),
    auto_resolve_ignore_waiting: z.boolean().nullable(),
    auto_resolve_label: clearableText(255),
    industry: requiredText(100),
    company_size: requiredText(50),
    timezone: requiredText(64),
    custom_attributes: jsonObject,
  })
  .partial();
