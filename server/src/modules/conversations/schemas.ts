import { z } from 'zod';
import { FILTER_OPERATORS } from '../../platform/filter-operators';
import { CONVERSATION_STATUSES } from '../../db/schema';
import { id, jsonObject } from '../../platform/validation';
import { SORTS } from './repository';

/** `labels=a&labels=b`, `labels[]=a`, or `labels=a,b`. */
const stringList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',') : v),
  z.array(z.string().trim().min(1).max(255)).max(50),
);

export const listQuery = z
  .object({
    assignee_type: z.enum(['me', 'unassigned', 'assigned', 'all']).optional(),
    status: z.enum([...CONVERSATION_STATUSES, 'all']).optional(),
    inbox_id: id.optional(),
    team_id: id.optional(),
    labels: stringList.optional(),
    'labels[]': stringList.optional(),
    conversation_type: z.enum(['mention', 'participating', 'unattended']).optional(),
    sort_by: z.enum(Object.keys(SORTS) as [keyof typeof SORTS, ...(keyof typeof SORTS)[]]).optional(),
    page: z.coerce.number().int().min(1).max(10_000).optional(),
    updated_after: z.coerce.number().min(0).max(32_503_680_000).optional(),
  })
  .transform(({ 'labels[]': bracketLabels, ...q }) => ({ ...q, labels: q.labels ?? bracketLabels }));

export const conversationParams = z.object({ account_id: id, conversation_id: id });

export const createBody = z.object({
  inbox_id: id,
  source_id: z.string().trim().min(1).max(255).optional(),
  contact_id: id.optional(),
  status: z.enum(['open', 'resolved', 'pending', 'snoozed']).optional(),
  assignee_id: id.optional(),
  team_id: id.optional(),
  snoozed_until: z.union([z.iso.datetime({ offset: true }), z.number().int().positive()]).optional(),
  additional_attributes: jsonObject.optional(),
  custom_attributes: jsonObject.optional(),
  message: z.object({ content: z.string().trim().min(1).max(150_000) }).optional(),
});

export const priorityName = z.enum(['none', 'low', 'medium', 'high', 'urgent']);

export const toggleStatusBody = z.object({
  status: z.enum(['open', 'resolved', 'pending', 'snoozed']).optional(),
  snoozed_until: z.number().int().positive().max(32_503_680_000).nullable().optional(),
});

export const assignmentBody = z
  .object({ assignee_id: id.nullable().optional(), team_id: id.nullable().optional() })
  .refine((b) => b.assignee_id !== undefined || b.team_id !== undefined, { message: 'name assignee_id or team_id', path: ['assignee_id'] });

export const userIdsBody = z.object({ user_ids: z.array(id).min(1).max(100) });

export const conversationTags = ['Conversations'];

const unixTime = z.number().int().nullable();
const looseObject = z.record(z.string(), z.unknown());

export const senderSchema = looseObject.describe('The contact, agent or bot who sent it');

export const messageSchema = z
  .object({
    id: z.number(),
    content: z.string().nullable(),
    account_id: z.number(),
    inbox_id: z.number(),
    conversation_id: z.number(),
    message_type: z.number().int().min(0).max(3),
    content_type: z.string(),
    content_attributes: looseObject,
    additional_attributes: looseObject,
    external_source_ids: looseObject,
    processed_message_content: z.string().nullable(),
    sentiment: looseObject,
    private: z.boolean(),
    status: z.enum(['sent', 'delivered', 'read', 'failed']),
    source_id: z.string().nullable(),
    sender_type: z.enum(['User', 'Contact', 'AgentBot']).nullable(),
    sender_id: z.number().nullable(),
    sender: senderSchema.nullable(),
    reactions: z.array(z.object({ emoji: z.string(), sender_type: z.string(), sender_id: z.number(), created_at: z.number() })),
    attachments: z.array(looseObject),
    created_at: z.number(),
    updated_at: z.number(),
    conversation: z
      .object({
        assignee_id: z.number().nullable(),
        unread_count: z.number(),
        last_activity_at: unixTime,
        contact_inbox: z.object({ source_id: z.string().nullable() }),
      })
      .optional(),
  })
  .meta({ id: 'Message' });

export const conversationSchema = z
  .object({
    id: z.number().describe('The display id: 1, 2, 3... per account'),
    uuid: z.string(),
    account_id: z.number(),
    inbox_id: z.number(),
    status: z.enum(['open', 'resolved', 'pending', 'snoozed']),
    priority: z.enum(['low', 'medium', 'high', 'urgent']).nullable(),
    labels: z.array(z.string()),
    muted: z.boolean(),
    snoozed_until: unixTime,
    unread_count: z.number(),
    can_reply: z.boolean(),
    channel: z.string().nullable(),
    contact_inbox: z.object({ source_id: z.string(), inbox_id: z.number() }).nullable(),
    additional_attributes: looseObject,
    custom_attributes: looseObject,
    messages: z.array(looseObject),
    last_non_activity_message: looseObject.nullable(),
    meta: z.object({
      sender: looseObject.nullable(),
      assignee: looseObject.nullable(),
      team: looseObject.nullable(),
      channel: z.string().nullable(),
      hmac_verified: z.boolean(),
    }),
    agent_last_seen_at: unixTime,
    assignee_last_seen_at: unixTime,
    contact_last_seen_at: unixTime,
    first_reply_created_at: unixTime,
    waiting_since: unixTime,
    last_activity_at: unixTime,
    timestamp: unixTime,
    created_at: unixTime,
    updated_at: unixTime,
    sla_policy_id: z.number().nullable(),
    applied_sla: looseObject.nullable(),
    sla_events: z.array(looseObject),
  })
  .meta({ id: 'Conversation' });

export const countsSchema = z.object({
  mine_count: z.number(),
  unassigned_count: z.number(),
  assigned_count: z.number(),
  all_count: z.number(),
});

export const agentSenderSchema = looseObject.describe('An agent: id, name, available_name, avatar_url, thumbnail, availability_status, type');

/** The advanced filter's body (`POST /conversations/filter`, and the query of a saved folder). */
export const filterBody = z.object({
  payload: z
    .array(
      z.object({
        attribute_key: z.string().min(1).max(100),
        filter_operator: z.enum(FILTER_OPERATORS),
        values: z.array(z.union([z.string().max(500), z.number()])).max(100).default([]),
        query_operator: z.enum(['AND', 'OR', 'and', 'or']).nullable().optional(),
        attribute_model: z.enum(['standard', 'additional_attribute', 'custom_attribute']).nullable().optional(),
      }),
    )
    .min(1)
    .max(30),
});
