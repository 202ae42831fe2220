import { z } from 'zod';
import { clearableText, httpUrl, id, jsonObject, requiredText } from '../../platform/validation';

/** Web widget features an administrator can switch on or off (Chatwoot's names). */
export const WIDGET_FEATURES = ['attachments', 'emoji_picker', 'end_conversation', 'use_inbox_avatar_for_bot'] as const;
export const REPLY_TIMES = ['in_a_few_minutes', 'in_a_few_hours', 'in_a_day'] as const;

const IANA_ZONES = new Set(Intl.supportedValuesOf('timeZone'));

/**
 * An IANA time zone name, as the runtime knows it. Names the runtime lists are kept as written;
 * aliases it resolves to a listed zone ("UTC", "Asia/Kolkata" on older ICU data) are stored as
 * resolved, so every later date computation agrees with what was accepted.
 */
export function canonicalTimeZone(name: string): string | undefined {
  if (IANA_ZONES.has(name)) return name;
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return undefined;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    return IANA_ZONES.has(resolved) || resolved === 'UTC' ? resolved : undefined;
  } catch {
    return undefined;
  }
}

export const timeZone = z
  .string()
  .trim()
  .max(64)
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value);
    if (zone === undefined) {
      ctx.addIssue({ code: 'custom', message: 'is not an IANA time zone like America/Sao_Paulo' });
      return z.NEVER;
    }
    return zone;
  });

export const hexColor = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a color like #1f93ff');

export { httpUrl };

/** An http(s) URL, or null / "" to clear it. */
export const clearableHttpUrl = z
  .union([httpUrl, z.literal(''), z.null()])
  .transform((v) => (v === '' || v === null ? null : v));

/** One day of the week's opening hours (0 = Sunday), as Chatwoot's `working_hours` entries. */
export const workingHourInput = z
  .object({
    day_of_week: z.number().int().min(0).max(6),
    closed_all_day: z.boolean().default(false),
    open_all_day: z.boolean().default(false),
    open_hour: z.number().int().min(0).max(23).nullable().optional(),
    open_minutes: z.number().int().min(0).max(59).nullable().optional(),
    close_hour: z.number().int().min(0).max(23).nullable().optional(),
    close_minutes: z.number().int().min(0).max(59).nullable().optional(),
  })
  .superRefine((day, ctx) => {
    if (day.closed_all_day && day.open_all_day) {
      ctx.addIssue({ code: 'custom', path: ['open_all_day'], message: 'cannot be true with closed_all_day' });
      return;
    }
    if (day.closed_all_day || day.open_all_day) return;
    for (const field of ['open_hour', 'close_hour'] as const) {
      if (day[field] === undefined || day[field] === null) ctx.addIssue({ code: 'custom', path: [field], message: 'is required on an open day' });
    }
    if (day.open_hour == null || day.close_hour == null) return;
    const opens = day.open_hour * 60 + (day.open_minutes ?? 0);
    const closes = day.close_hour * 60 + (day.close_minutes ?? 0);
    if (closes <= opens) ctx.addIssue({ code: 'custom', path: ['close_hour'], message: 'must be after the opening time' });
  });

export type WorkingHourInput = z.infer<typeof workingHourInput>;

const workingHours = z
  .array(workingHourInput)
  .max(7)
  .superRefine((days, ctx) => {
    const seen = new Set<number>();
    days.forEach((day, index) => {
      if (seen.has(day.day_of_week)) ctx.addIssue({ code: 'custom', path: [index, 'day_of_week'], message: 'is given twice' });
      seen.add(day.day_of_week);
    });
  });

/** A host name, or `*.` and a host name for all its subdomains. */
const DOMAIN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$|^localhost$/;

/**
 * Where the widget may be embedded: domains separated by commas, spaces or lines (or a list),
 * stored as Chatwoot does — one comma-separated string; empty allows any site.
 */
export const allowedDomains = z
  .union([z.string().max(5000), z.array(z.string().max(255)).max(100), z.null()])
  .transform((value, ctx) => {
    const items = (value === null ? [] : Array.isArray(value) ? value : value.split(/[\s,]+/)).map((d) => d.trim().toLowerCase()).filter((d) => d !== '');
    for (const domain of items) {
      if (!DOMAIN.test(domain)) {
        ctx.addIssue({ code: 'custom', message: `"${domain.slice(0, 100)}" is not a domain like example.com or *.example.com` });
        return z.NEVER;
      }
    }
    return [...new Set(items)].join(',');
  });

/** A field of the pre-chat form: a contact field or a custom attribute the visitor fills in. */
const preChatField = z.looseObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[\p{L}\p{N}_-]+$/u, 'may contain only letters, digits, "_" and "-"'),
  label: z.string().trim().max(255).optional(),
  // Chatwoot names a custom attribute's field by its model; `custom_attribute` is kept for older clients.
  field_type: z.enum(['standard', 'contact_attribute', 'conversation_attribute', 'custom_attribute']).optional(),
  type: z.enum(['text', 'email', 'number', 'phone', 'url', 'date', 'list', 'checkbox', 'currency', 'percent', 'link']).optional(),
  required: z.boolean().optional(),
  enabled: z.boolean().optional(),
  placeholder: z.string().trim().max(255).optional(),
  values: z.array(z.string().max(255)).max(500).optional(),
});

/** The pre-chat form: a message above it and its fields (Chatwoot's `pre_chat_form_options`). */
export const preChatFormOptions = z
  .looseObject({ pre_chat_message: z.string().max(2000).nullable().optional(), pre_chat_fields: z.array(preChatField).max(50).optional() })
  .refine((v) => JSON.stringify(v).length <= 64 * 1024, 'is too large (64 KiB at most)');

/** Channel settings, by kind. Fields of the other kind are refused by the service (422 naming them). */
export const widgetChannelFields = {
  website_url: httpUrl,
  widget_color: hexColor,
  welcome_title: clearableText(255),
  welcome_tagline: clearableText(255),
  reply_time: z.enum(REPLY_TIMES),
  pre_chat_form_enabled: z.boolean(),
  pre_chat_form_options: preChatFormOptions,
  continuity_via_email: z.boolean(),
  allowed_domains: allowedDomains,
  selected_feature_flags: z.array(z.enum(WIDGET_FEATURES)).max(WIDGET_FEATURES.length),
};

export const apiChannelFields = {
  webhook_url: clearableHttpUrl,
  additional_attributes: jsonObject,
};

const channelFields = { ...widgetChannelFields, ...apiChannelFields, hmac_mandatory: z.boolean() };

export const channelInput = z.object(channelFields).partial();
export type ChannelInput = z.infer<typeof channelInput>;

/** The inbox settings both create and update take (all optional). */
const settingsFields = {
  greeting_enabled: z.boolean(),
  greeting_message: clearableText(10_000),
  enable_email_collect: z.boolean(),
  csat_survey_enabled: z.boolean(),
  enable_auto_assignment: z.boolean(),
  auto_assignment_config: z.object({ max_assignment_limit: z.number().int().min(1).max(1000).nullable().optional() }),
  working_hours_enabled: z.boolean(),
  working_hours: workingHours,
  out_of_office_message: clearableText(10_000),
  timezone: timeZone,
  allow_messages_after_resolved: z.boolean(),
  lock_to_single_conversation: z.boolean(),
  sender_name_type: z.enum(['friendly', 'professional']),
  business_name: clearableText(255),
};

const settingsInput = z.object(settingsFields).partial();

export const inboxCreateBody = settingsInput.extend({
  name: requiredText(255),
  channel: channelInput.extend({ type: z.enum(['web_widget', 'api'], { message: 'must be web_widget or api' }) }),
});

export const inboxUpdateBody = settingsInput.extend({ name: requiredText(255).optional(), channel: channelInput.optional() });

export type InboxSettingsInput = z.infer<typeof settingsInput>;

const workingHourSchema = z.object({
  day_of_week: z.number(),
  closed_all_day: z.boolean(),
  open_all_day: z.boolean(),
  open_hour: z.number().nullable(),
  open_minutes: z.number().nullable(),
  close_hour: z.number().nullable(),
  close_minutes: z.number().nullable(),
});

export const inboxSchema = z
  .object({
    id: z.number(),
    account_id: z.number(),
    channel_id: z.number(),
    name: z.string(),
    channel_type: z.enum(['Channel::WebWidget', 'Channel::Api']),
    avatar_url: z.string(),
    greeting_enabled: z.boolean(),
    greeting_message: z.string().nullable(),
    working_hours_enabled: z.boolean(),
    enable_email_collect: z.boolean(),
    csat_survey_enabled: z.boolean(),
    enable_auto_assignment: z.boolean(),
    auto_assignment_config: z.record(z.string(), z.unknown()),
    out_of_office_message: z.string().nullable(),
    working_hours: z.array(workingHourSchema),
    timezone: z.string(),
    callback_webhook_url: z.string().nullable(),
    allow_messages_after_resolved: z.boolean(),
    lock_to_single_conversation: z.boolean(),
    sender_name_type: z.enum(['friendly', 'professional']),
    business_name: z.string().nullable(),
    widget_color: z.string().nullable(),
    website_url: z.string().nullable(),
    hmac_mandatory: z.boolean(),
    welcome_title: z.string().nullable(),
    welcome_tagline: z.string().nullable(),
    web_widget_script: z.string().nullable(),
    website_token: z.string().nullable(),
    selected_feature_flags: z.array(z.string()).nullable(),
    reply_time: z.string().nullable(),
    allowed_domains: z.string().nullable().describe('Website inboxes: the sites allowed to embed the widget (comma separated; empty: any)'),
    messaging_service_sid: z.string().nullable(),
    phone_number: z.string().nullable(),
    medium: z.string().nullable(),
    provider: z.string().nullable(),
    hmac_token: z.string().optional().describe('Administrators only: the secret for identity validation and webhook signatures'),
    pre_chat_form_enabled: z.boolean().optional(),
    pre_chat_form_options: z.record(z.string(), z.unknown()).optional(),
    continuity_via_email: z.boolean().optional(),
    webhook_url: z.string().nullable().optional(),
    inbox_identifier: z.string().optional(),
    additional_attributes: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'Inbox' });

/** An account member as the contract's `agent` (the members of an inbox or a team). */
export const memberAgentSchema = z
  .object({
    id: z.number(),
    account_id: z.number(),
    name: z.string(),
    display_name: z.string().nullable(),
    available_name: z.string(),
    email: z.string(),
    role: z.enum(['administrator', 'agent']),
    confirmed: z.boolean(),
    availability_status: z.enum(['online', 'busy', 'offline']),
    auto_offline: z.boolean(),
    thumbnail: z.string(),
    custom_role_id: z.null(),
  })
  .meta({ id: 'MemberAgent' });

/** A list of user ids, each an account member (checked by the service). */
export const userIds = z.array(id).max(1000);

export const inboxMembersBody = z.object({ inbox_id: id, user_ids: userIds.min(1, 'must name at least one user') });
export const inboxMembersReplaceBody = z.object({ inbox_id: id, user_ids: userIds });
