import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../platform/http/schemas';
import { authorize, type Permission } from '../../platform/permissions';
import { accountParams, email, jsonObject } from '../../platform/validation';
import { requireMember } from '../auth/guards';
import { postAgentMessage } from '../messages/agent-messages';
import { memberOf } from './member';
import {
  filterBody,
  agentSenderSchema,
  assignmentBody,
  conversationParams,
  conversationSchema,
  conversationTags as tags,
  countsSchema,
  createBody,
  listQuery,
  priorityName,
  toggleStatusBody,
  userIdsBody,
} from './schemas';
import * as conversations from './service';
import { sendTranscript } from './transcript';

/** The member, allowed `permission`, from the request's account. */
async function member(ctx: AppContext, request: FastifyRequest, accountId: number, permission: Permission) {
  const { actor, membership } = await requireMember(ctx, request, accountId);
  authorize(membership, permission);
  return memberOf(actor, membership);
}

const fromUnix = (seconds: number | null | undefined) => (seconds === null || seconds === undefined ? seconds : new Date(seconds * 1000));

export function conversationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/accounts/:account_id/conversations';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'List conversations, with the count of each assignee tab',
        description:
          'Filters: assignee_type (me, unassigned, assigned, all), status (open by default, pending, snoozed, resolved, all), inbox_id, team_id, labels (any of), conversation_type (mention, participating, unattended), updated_after (Unix seconds: what changed since, for resyncing after a disconnect). 25 per page, sort_by one of the 8 orders.',
        params: accountParams,
        querystring: listQuery,
        response: {
          200: z.object({ data: z.object({ meta: countsSchema, payload: z.array(conversationSchema) }) }),
          ...errorResponses(401, 403, 404, 422),
        },
      },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.read');
      const q = request.query;
      return conversations.listConversations(ctx, m, {
        assigneeType: q.assignee_type,
        status: q.status,
        inboxId: q.inbox_id,
        teamId: q.team_id,
        labels: q.labels,
        conversationType: q.conversation_type,
        sortBy: q.sort_by,
        page: q.page,
        updatedAfter: q.updated_after === undefined ? undefined : new Date(q.updated_after * 1000),
      });
    },
  );

  r.get(
    `${base}/meta`,
    {
      schema: {
        tags,
        summary: 'The counts of the assignee tabs (mine, unassigned, assigned, all) for the same filters as the list',
        params: accountParams,
        querystring: listQuery,
        response: { 200: z.object({ meta: countsSchema }), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.read');
      const q = request.query;
      return conversations.conversationCounts(ctx, m, {
        status: q.status,
        inboxId: q.inbox_id,
        teamId: q.team_id,
        labels: q.labels,
        conversationType: q.conversation_type,
      });
    },
  );

  r.post(
    `${base}/filter`,
    {
      schema: {
        tags,
        summary: 'Filter conversations with AND/OR conditions (saved as folders, "Pastas")',
        description:
          'Attributes: status, assignee_id, inbox_id, team_id, contact_id, display_id, priority, labels, created_at, last_activity_at, browser_language, conversation_language, referer, mail_subject, and any custom attribute. Operators: equal_to, not_equal_to, contains, does_not_contain, is_present, is_not_present, is_greater_than, is_less_than, days_before. Conditions combine left to right, AND binding tighter than OR.',
        params: accountParams,
        querystring: z.object({ page: z.coerce.number().int().min(1).max(10_000).optional() }),
        body: filterBody,
        response: { 200: z.object({ data: z.object({ meta: countsSchema, payload: z.array(conversationSchema) }) }), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.read');
      return conversations.filterConversations(ctx, m, request.body.payload, request.query.page);
    },
  );

  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Start a conversation with a contact (by source_id, or contact_id) in an inbox',
        description: 'With `message.content`, the agent’s first reply is posted too.',
        params: accountParams,
        body: createBody,
        response: { 200: conversationSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.manage');
      const b = request.body;
      const created = await conversations.createConversation(ctx, m, {
        inboxId: b.inbox_id,
        sourceId: b.source_id,
        contactId: b.contact_id,
        status: b.status,
        assigneeId: b.assignee_id,
        teamId: b.team_id,
        snoozedUntil: b.snoozed_until === undefined ? undefined : typeof b.snoozed_until === 'number' ? new Date(b.snoozed_until * 1000) : new Date(b.snoozed_until),
        additionalAttributes: b.additional_attributes,
        customAttributes: b.custom_attributes,
      });
      if (!b.message) return created;
      await postAgentMessage(ctx, m, created.id, { content: b.message.content, private: false });
      return conversations.getConversation(ctx, m, created.id);
    },
  );

  r.get(
    `${base}/:conversation_id`,
    {
      schema: { tags, summary: 'A conversation', params: conversationParams, response: { 200: conversationSchema, ...errorResponses(401, 403, 404, 422) } },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.read');
      return conversations.getConversation(ctx, m, request.params.conversation_id);
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: `${base}/:conversation_id`,
    schema: {
      tags,
      summary: 'Update a conversation (priority)',
      params: conversationParams,
      body: z.object({ priority: priorityName.optional(), sla_policy_id: z.number().int().optional() }),
      response: { 200: conversationSchema, ...errorResponses(401, 403, 404, 422) },
    },
    handler: async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.manage');
      if (request.body.priority !== undefined) await conversations.changePriority(ctx, m, request.params.conversation_id, request.body.priority);
      return conversations.getConversation(ctx, m, request.params.conversation_id);
    },
  });

  r.post(
    `${base}/:conversation_id/toggle_status`,
    {
      schema: {
        tags,
        summary: 'Open, resolve, mark pending or snooze',
        description:
          'Without `status`, toggles between open and resolved. `snoozed` with `snoozed_until` (Unix seconds) reopens at that time; without it, at the contact’s next message (which always reopens).',
        params: conversationParams,
        body: toggleStatusBody,
        response: {
          200: z.object({
            meta: z.object({}),
            payload: z.object({ success: z.boolean(), current_status: z.string(), conversation_id: z.number(), snoozed_until: z.number().nullable() }),
          }),
          ...errorResponses(401, 403, 404, 422),
        },
      },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.manage');
      const { conversation } = await conversations.changeStatus(ctx, m, request.params.conversation_id, {
        status: request.body.status,
        snoozedUntil: fromUnix(request.body.snoozed_until),
      });
      return {
        meta: {},
        payload: {
          success: true,
          current_status: conversation.status,
          conversation_id: conversation.displayId,
          snoozed_until: conversation.snoozedUntil ? Math.floor(conversation.snoozedUntil.getTime() / 1000) : null,
        },
      };
    },
  );

  r.post(
    `${base}/:conversation_id/toggle_priority`,
    {
      schema: {
        tags,
        summary: 'Set the priority (none, low, medium, high, urgent)',
        params: conversationParams,
        body: z.object({ priority: priorityName }),
        response: { 200: conversationSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.manage');
      return (await conversations.changePriority(ctx, m, request.params.conversation_id, request.body.priority)).json;
    },
  );

  r.post(
    `${base}/:conversation_id/assignments`,
    {
      schema: {
        tags,
        summary: 'Assign an agent (null unassigns), or else a team',
        description: 'Answers the assigned agent (or team), or null when unassigned.',
        params: conversationParams,
        body: assignmentBody,
        response: { 200: agentSenderSchema.nullable(), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.manage');
      return conversations.assign(ctx, m, request.params.conversation_id, { assigneeId: request.body.assignee_id, teamId: request.body.team_id });
    },
  );

  r.get(
    `${base}/:conversation_id/labels`,
    {
      schema: { tags, summary: 'The conversation’s labels', params: conversationParams, response: { 200: z.object({ payload: z.array(z.string()) }), ...errorResponses(401, 403, 404, 422) } },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.read');
      return conversations.listLabels(ctx, m, request.params.conversation_id);
    },
  );

  r.post(
    `${base}/:conversation_id/labels`,
    {
      schema: {
        tags,
        summary: 'Replace the conversation’s labels (each must be a label of the account)',
        params: conversationParams,
        body: z.object({ labels: z.array(z.string().trim().max(255)).max(100) }),
        response: { 200: z.object({ payload: z.array(z.string()) }), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.manage');
      return conversations.setLabels(ctx, m, request.params.conversation_id, request.body.labels);
    },
  );

  r.post(
    `${base}/:conversation_id/custom_attributes`,
    {
      schema: {
        tags,
        summary: 'Replace the conversation’s custom attributes',
        params: conversationParams,
        body: z.object({ custom_attributes: jsonObject }),
        response: { 200: z.object({ custom_attributes: z.record(z.string(), z.unknown()) }), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.manage');
      return conversations.setCustomAttributes(ctx, m, request.params.conversation_id, request.body.custom_attributes);
    },
  );

  r.delete(
    `${base}/:conversation_id/custom_attributes`,
    {
      schema: {
        tags,
        summary: 'Remove custom attributes by key',
        params: conversationParams,
        body: z.object({ custom_attributes: z.array(z.string().max(255)).min(1).max(100) }),
        response: { 200: z.object({ custom_attributes: z.record(z.string(), z.unknown()) }), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.manage');
      return conversations.removeCustomAttributes(ctx, m, request.params.conversation_id, request.body.custom_attributes);
    },
  );

  for (const [path, muted] of [
    ['mute', true],
    ['unmute', false],
  ] as const) {
    r.post(
      `${base}/:conversation_id/${path}`,
      {
        schema: {
          tags,
          summary: muted ? 'Mute: no notifications for this conversation' : 'Unmute',
          params: conversationParams,
          response: { 200: conversationSchema, ...errorResponses(401, 403, 404, 422) },
        },
      },
      async (request) => {
        const m = await member(ctx, request, request.params.account_id, 'conversations.manage');
        return (await conversations.setMuted(ctx, m, request.params.conversation_id, muted)).json;
      },
    );
  }

  r.post(
    `${base}/:conversation_id/update_last_seen`,
    {
      schema: {
        tags,
        summary: 'The agent has read the conversation (nothing unread any more)',
        params: conversationParams,
        response: { 200: conversationSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.read');
      return (await conversations.markRead(ctx, m, request.params.conversation_id)).json;
    },
  );

  r.post(
    `${base}/:conversation_id/unread`,
    {
      schema: { tags, summary: 'Mark the last incoming message unread', params: conversationParams, response: { 200: conversationSchema, ...errorResponses(401, 403, 404, 422) } },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.read');
      return (await conversations.markUnread(ctx, m, request.params.conversation_id)).json;
    },
  );

  r.post(
    `${base}/:conversation_id/transcript`,
    {
      schema: {
        tags,
        summary: 'Email the whole history ("Enviar Transcrição"), without private notes',
        params: conversationParams,
        body: z.object({ email }),
        response: { 200: z.object({ success: z.literal(true) }), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.read');
      await sendTranscript(ctx, m, request.params.conversation_id, request.body.email);
      return { success: true as const };
    },
  );

  r.post(
    `${base}/:conversation_id/toggle_typing_status`,
    {
      schema: {
        tags,
        summary: 'Tell others the agent is typing (on/off); private typing is shown to agents only',
        params: conversationParams,
        body: z.object({ typing_status: z.enum(['on', 'off', 'recording']), is_private: z.boolean().optional() }),
        response: { 200: z.object({ success: z.literal(true) }), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.read');
      await conversations.announceAgentTyping(ctx, m, request.params.conversation_id, request.body.typing_status !== 'off', request.body.is_private ?? false);
      return { success: true as const };
    },
  );

  r.get(
    `${base}/:conversation_id/participants`,
    {
      schema: { tags, summary: 'Agents following the conversation', params: conversationParams, response: { 200: z.array(agentSenderSchema), ...errorResponses(401, 403, 404, 422) } },
    },
    async (request) => {
      const m = await member(ctx, request, request.params.account_id, 'conversations.read');
      return conversations.listParticipants(ctx, m, request.params.conversation_id);
    },
  );

  for (const [method, mode] of [
    ['POST', 'add'],
    ['PATCH', 'set'],
    ['DELETE', 'remove'],
  ] as const) {
    r.route({
      method,
      url: `${base}/:conversation_id/participants`,
      schema: {
        tags,
        summary: { add: 'Add participants', set: 'Replace the participants', remove: 'Remove participants' }[mode],
        params: conversationParams,
        body: userIdsBody,
        response: { 200: z.array(agentSenderSchema), ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (request) => {
        const m = await member(ctx, request, request.params.account_id, 'conversations.manage');
        return conversations.changeParticipants(ctx, m, request.params.conversation_id, mode, request.body.user_ids);
      },
    });
  }
}
