import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { invalidField } from '../../platform/errors';
import { errorResponses } from '../../platform/http/schemas';
import { authorize } from '../../platform/permissions';
import { id, jsonObject, parseInput } from '../../platform/validation';
import { discardUploads, readUploads } from '../attachments/service';
import { requireMember } from '../auth/guards';
import { memberOf } from '../conversations/member';
import { conversationParams, messageSchema } from '../conversations/schemas';
import { deleteAgentMessage, listForAgent, postAgentMessage, reactToMessage, retryMessage, updateMessageStatus } from './agent-messages';
import { MAX_CONTENT_LENGTH } from './post-message';

const tags = ['Messages'];

const messageBody = z.object({
  content: z.string().max(MAX_CONTENT_LENGTH).nullable().optional(),
  message_type: z.enum(['outgoing', 'incoming', 'template']).optional(),
  private: z.boolean().optional(),
  content_type: z.enum(['text', 'input_email', 'cards', 'input_select', 'form', 'article', 'input_csat']).optional(),
  content_attributes: jsonObject.optional(),
  source_id: z.string().trim().min(1).max(255).optional(),
  campaign_id: z.number().int().optional(),
  template_params: jsonObject.optional(),
  echo_id: z.string().max(255).optional(),
});

/** Multipart fields are text: booleans and JSON objects arrive written out. */
function multipartFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value !== 'string') out[key] = value;
    else if (key === 'private') out[key] = value === 'true' ? true : value === 'false' ? false : value;
    else if (key === 'content_attributes' || key === 'template_params') {
      try {
        out[key] = JSON.parse(value);
      } catch {
        out[key] = value;
      }
    } else if (key === 'campaign_id' && /^\d+$/.test(value)) out[key] = Number(value);
    else out[key] = value;
  }
  return out;
}
const messageParams = conversationParams.extend({ message_id: id });

export function messageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/accounts/:account_id/conversations/:conversation_id/messages';

  const member = async (request: Parameters<typeof requireMember>[1], accountId: number, write: boolean) => {
    const { actor, membership } = await requireMember(ctx, request, accountId);
    authorize(membership, write ? 'conversations.manage' : 'conversations.read');
    return memberOf(actor, membership);
  };

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'The conversation’s messages, oldest first: the newest 20, or 20 before/after a message id',
        params: conversationParams,
        querystring: z.object({ before: id.optional(), after: id.optional() }),
        response: {
          200: z.object({
            meta: z.object({
              labels: z.array(z.string()),
              additional_attributes: z.record(z.string(), z.unknown()),
              contact: z.record(z.string(), z.unknown()).nullable(),
              assignee: z.record(z.string(), z.unknown()).nullable(),
              agent_last_seen_at: z.number().nullable(),
              assignee_last_seen_at: z.number().nullable(),
            }),
            payload: z.array(messageSchema),
          }),
          ...errorResponses(401, 403, 404, 422),
        },
      },
    },
    async (request) => {
      const m = await member(request, request.params.account_id, false);
      return listForAgent(ctx, m, request.params.conversation_id, { before: request.query.before, after: request.query.after });
    },
  );

  r.post(
    base,
    {
      config: { multipart: true },
      schema: {
        tags,
        summary: 'Reply, or write a private note (`private: true`; `[@Name](mention://user/ID/Name)` mentions an agent)',
        description:
          'JSON, or multipart/form-data with the same fields and files in `attachments[]` (up to 10; ATTACHMENT_MAX_BYTES each; images, audio, video, PDF, office documents, text). On API inboxes, integrations may post the contact’s messages with `message_type: incoming`. `content_attributes.in_reply_to` quotes a message of the conversation. `source_id` makes a retry return the first message.',
        params: conversationParams,
        body: messageBody.nullish(),
        response: { 200: messageSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const m = await member(request, request.params.account_id, true);
      const form = request.isMultipart()
        ? await readUploads(ctx, request, request.params.account_id)
        : { fields: request.body ?? {}, uploads: [] };
      try {
        const b = parseInput(messageBody, request.isMultipart() ? multipartFields(form.fields) : form.fields);
        const content = b.content?.trim() ? b.content : null;
        if (content === null && form.uploads.length === 0) throw invalidField('content', 'must not be blank', 'too_small');
        return await postAgentMessage(ctx, m, request.params.conversation_id, {
          content,
          private: b.private ?? false,
          messageType: b.message_type,
          contentType: b.content_type,
          contentAttributes: b.content_attributes,
          sourceId: b.source_id,
          attachments: form.uploads,
        });
      } catch (error) {
        await discardUploads(ctx, form.uploads);
        throw error;
      }
    },
  );

  r.delete(
    `${base}/:message_id`,
    {
      schema: {
        tags,
        summary: 'Delete a message an agent sent (its text and attachments go; a “deleted” placeholder stays)',
        params: messageParams,
        response: { 200: messageSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const m = await member(request, request.params.account_id, true);
      return deleteAgentMessage(ctx, m, request.params.conversation_id, request.params.message_id);
    },
  );

  r.patch(
    `${base}/:message_id`,
    {
      schema: {
        tags,
        summary: 'Report a message’s delivery status (API inboxes)',
        params: messageParams,
        body: z.object({ status: z.enum(['sent', 'delivered', 'read', 'failed']), external_error: z.string().max(1000).optional() }),
        response: { 200: messageSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const m = await member(request, request.params.account_id, true);
      return updateMessageStatus(ctx, m, request.params.conversation_id, request.params.message_id, {
        status: request.body.status,
        externalError: request.body.external_error,
      });
    },
  );

  r.post(
    `${base}/:message_id/retry`,
    {
      schema: {
        tags,
        summary: 'Retry a reply whose delivery failed ("Tentar novamente")',
        description: 'Sets the message back to `sent`, drops `content_attributes.external_error` and announces the update (webhooks, realtime). Only outgoing, non-private messages with status `failed`.',
        params: messageParams,
        response: { 200: messageSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const m = await member(request, request.params.account_id, true);
      return retryMessage(ctx, m, request.params.conversation_id, request.params.message_id);
    },
  );

  for (const [method, on] of [
    ['POST', true],
    ['DELETE', false],
  ] as const) {
    r.route({
      method,
      url: `${base}/:message_id/reactions`,
      schema: {
        tags,
        summary: on ? 'React to a message with an emoji' : 'Take back an emoji reaction',
        params: messageParams,
        body: z.object({ emoji: z.string().min(1).max(32) }),
        response: { 200: messageSchema, ...errorResponses(401, 403, 404, 422) },
      },
      handler: async (request) => {
        const m = await member(request, request.params.account_id, true);
        return reactToMessage(ctx, m, request.params.conversation_id, request.params.message_id, request.body.emoji, on);
      },
    });
  }
}
