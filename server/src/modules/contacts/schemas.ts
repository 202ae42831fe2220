import { z } from 'zod';
import { accountParams, clearableText, email, id, jsonObject, requiredText } from '../../platform/validation';
import { FILTER_OPERATORS } from './filter';
import { toE164 } from './phone';
import { CONTACT_SORT_KEYS, type ContactSort } from './repository';
import { MERGE_FIELDS } from './merge-fields';

export const tags = ['Contacts'];

// ——— requests ———

export const contactParams = accountParams.extend({ id });
export const noteParams = contactParams.extend({ note_id: id });

const SORT_VALUES = CONTACT_SORT_KEYS.flatMap((key) => [key, `-${key}`]) as [string, ...string[]];

/** `name` ascending, `-name` descending. */
const sort = z
  .enum(SORT_VALUES)
  .describe('The field to sort by; a leading `-` sorts descending')
  .transform((value): ContactSort => {
    const descending = value.startsWith('-');
    return { key: (descending ? value.slice(1) : value) as ContactSort['key'], direction: descending ? 'desc' : 'asc' };
  });

const page = z.coerce.number().int().min(1).max(100_000).default(1).describe('Page number, 15 contacts a page');

/** `labels[]=a&labels[]=b`, `labels=a`, or `labels=a,b`. */
const labelList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',') : v),
  z.array(z.string().trim().min(1).max(255)).max(50),
);

export const listQuery = z
  .object({ sort: sort.optional(), page, labels: labelList.optional(), 'labels[]': labelList.optional() })
  .transform(({ 'labels[]': bracketLabels, labels, ...query }) => ({ ...query, labels: [...(labels ?? []), ...(bracketLabels ?? [])] }));

export const searchQuery = z.object({
  q: z.string().trim().max(200).default('').describe('Part of a name, email, phone number or identifier (case and accents ignored)'),
  sort: sort.optional(),
  page,
});

export const filterQuery = z.object({ page, sort: sort.optional() });

const filterValue = z.union([z.string().max(1000), z.number(), z.boolean(), z.looseObject({ id: z.union([z.string().max(1000), z.number()]) })]);

export const filterBody = z.object({
  payload: z
    .array(
      z.object({
        attribute_key: z.string().max(255).describe('A contact attribute, or a custom attribute key with attribute_model custom_attribute'),
        attribute_model: z.string().max(50).nullish().describe('standard (default) or custom_attribute'),
        custom_attribute_type: z.string().max(50).nullish().describe('Chatwoot’s way to mark a custom attribute (contact_attribute)'),
        filter_operator: z.string().max(50).describe(`One of ${FILTER_OPERATORS.join(', ')}`),
        values: z.union([filterValue, z.array(filterValue).max(100)]).nullish(),
        query_operator: z.string().max(10).nullish().describe('AND or OR: joins this condition to the next (AND binds tighter, as in SQL)'),
      }),
    )
    .min(1, 'must have at least one condition')
    .max(50),
});

/** E.164 (`+5511987654321`); formatting is dropped. "" or null clears it. */
export const phoneNumber = z
  .union([z.string().max(40), z.null()])
  .transform((value, context) => {
    if (value === null || value.trim() === '') return null;
    const normalised = toE164(value);
    if (normalised) return normalised;
    context.addIssue({ code: 'custom', message: 'must be in E.164 format with the country code, like +5511987654321' });
    return z.NEVER;
  });

export const clearableEmail = z
  .union([email, z.literal(''), z.null()])
  .transform((v) => (v === '' || v === null ? null : v.toLowerCase()));

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

const avatarUrl = z
  .union([z.string().trim().max(2048).refine(isHttpUrl, 'must be an http:// or https:// URL'), z.literal(''), z.null()])
  .transform((v) => (v === '' || v === null ? null : v));

const contactFields = {
  name: z
    .union([z.string().trim().max(255), z.null()])
    .transform((v) => v ?? '')
    .optional(),
  email: clearableEmail.optional(),
  phone_number: phoneNumber.optional(),
  identifier: clearableText(255).optional(),
  blocked: z.boolean().optional(),
  avatar_url: avatarUrl.optional(),
  additional_attributes: jsonObject.optional(),
  custom_attributes: jsonObject.optional(),
};

export const createBody = z.object({
  inbox_id: id.optional().describe('Also make the contact known to this website or API inbox, with a generated source_id'),
  ...contactFields,
});

export const updateBody = z.object(contactFields);

export const contactInboxBody = z.object({
  inbox_id: id,
  source_id: z.string().trim().min(1, 'must not be blank').max(255).optional(),
});

export const labelsBody = z.object({ labels: z.array(z.string().trim().min(1).max(255)).max(100) });

export const noteBody = z.object({ content: requiredText(50_000) });

export const mergeBody = z.object({
  base_contact_id: id,
  mergee_contact_id: id,
  prefer_mergee: z
    .array(z.enum(MERGE_FIELDS))
    .max(MERGE_FIELDS.length)
    .optional()
    .describe('Fields where the mergee’s value wins over the base’s (when the mergee has one)'),
});

// ——— responses ———

const looseObject = z.record(z.string(), z.unknown());
const unixTime = z.number().int();

export const inboxSlimSchema = z.object({
  id: z.number(),
  avatar_url: z.string(),
  channel_id: z.number(),
  name: z.string(),
  channel_type: z.string(),
  provider: z.null(),
});

export const contactInboxSchema = z.object({ source_id: z.string(), inbox: inboxSlimSchema }).meta({ id: 'ContactInbox' });

export const contactSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    email: z.string().nullable(),
    phone_number: z.string().nullable().describe('E.164'),
    identifier: z.string().nullable(),
    thumbnail: z.string().describe('The avatar URL, or ""'),
    blocked: z.boolean(),
    availability_status: z.enum(['online', 'offline']),
    type: z.literal('contact'),
    additional_attributes: looseObject,
    custom_attributes: looseObject,
    last_activity_at: unixTime.nullable(),
    created_at: unixTime,
    contact_inboxes: z.array(contactInboxSchema),
  })
  .meta({ id: 'Contact' });

export const contactListSchema = z.object({
  meta: z.object({
    count: z.number().int().describe('Matching contacts, counted up to 1,000: 1,001 means more than 1,000'),
    current_page: z.string(),
  }),
  payload: z.array(contactSchema),
});

export const contactEnvelope = z.object({ payload: contactSchema });

export const createdContactSchema = z.object({
  payload: z.object({
    contact: contactSchema,
    contact_inbox: z.object({ inbox: inboxSlimSchema.nullable(), source_id: z.string().nullable() }),
  }),
});

export const labelsSchema = z.object({ payload: z.array(z.string()) });

export const noteSchema = z
  .object({
    id: z.number(),
    content: z.string(),
    contact_id: z.number(),
    user: z
      .object({
        id: z.number(),
        name: z.string(),
        available_name: z.string(),
        email: z.string(),
        thumbnail: z.string(),
        availability_status: z.string(),
        type: z.literal('user'),
      })
      .nullable()
      .describe('The agent who wrote it (null once they are deleted)'),
    created_at: unixTime,
    updated_at: unixTime,
  })
  .meta({ id: 'ContactNote' });

export const successSchema = z.object({ success: z.literal(true) });
