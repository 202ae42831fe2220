import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { invalidField } from '../../platform/errors';
import { errorResponses } from '../../platform/http/schemas';
import { id, jsonObject, parseInput } from '../../platform/validation';
import { discardUploads, readUploads } from '../attachments/service';
import { clearableEmail, phoneNumber } from '../contacts/schemas';
import { incomingMessageBatches } from './incoming-messages';
import * as client from './service';

const tags = ['Client API'];

const inboxParams = z.object({ inbox_identifier: z.string().min(1).max(100) });
const contactParams = inboxParams.extend({ contact_identifier: z.string().min(1).max(255) });
const conversationParams = contactParams.extend({ conversation_id: id });
const messageParams = conversationParams.extend({ message_id: id });

const contactBody = z.object({
  identifier: z.string().trim().min(1).max(255).optional(),
  identifier_hash: z.string().trim().max(128).optional(),
  name: z.string().trim().max(255).optional(),
  email: clearableEmail.optional(),
  phone_number: phoneNumber.optional(),
  avatar_url: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional(),
  custom_attributes: jsonObject.optional(),
});

const messageBody = z.object({ content: z.string().max(150_000).nullable().optional(), echo_id: z.string().max(255).optional() });

const looseObject = z.record(z.string(), z.unknown());
const publicContact = z
  .object({
    id: z.number(),
    source_id: z.string(),
    pubsub_token: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone_number: z.string().nullable(),
    identifier: z.string().nullable(),
    custom_attributes: looseObject,
  })
  .meta({ id: 'PublicContact' });
const publicMessage = z
  .object({
    id: z.number(),
    content: z.string().nullable(),
    message_type: z.number(),
    content_type: z.string(),
    content_attributes: looseObject,
    created_at: z.number(),
    conversation_id: z.number(),
    status: z.string(),
    attachments: z.array(looseObject),
    reactions: z.array(looseObject),
    sender: z.object({ id: z.number().optional(), name: z.string().optional(), thumbnail: z.string(), type: z.string().optional() }).nullable(),
    echo_id: z.string().optional(),
  })
  .meta({ id: 'PublicMessage' });
const publicConversation = z
  .object({
    id: z.number(),
    uuid: z.string(),
    inbox_id: z.number(),
    status: z.string(),
    contact_last_seen_at: z.number().nullable(),
    agent_last_seen_at: z.number().nullable(),
    created_at: z.number().nullable(),
    messages: z.array(publicMessage),
    contact: z.object({ id: z.number(), name: z.string(), email: z.string().nullable(), phone_number: z.string().nullable() }),
  })
  .meta({ id: 'PublicConversation' });

/** Multipart fields are text; a blank content is no content. */
function messageFields(fields: Record<string, unknown>) {
  const parsed = parseInput(messageBody, fields);
  return { content: parsed.content?.trim() ? parsed.content : null, echoId: parsed.echo_id };
}

/**
 * The client (public) API of API inboxes, as Chatwoot's: an integration or custom chat front end
 * creates a contact session and talks through it. No agent credentials: the inbox identifier and
 * the contact's `source_id` name what is reachable.
 */
export function clientApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/public/api/v1/inboxes/:inbox_identifier';
  const incoming = incomingMessageBatches(ctx, (text) =>
    client.writeContactMessage(ctx, text.inboxIdentifier, text.sourceId, text.displayId, { content: text.content, echoId: text.echoId, attachments: [] }),
  );

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'The inbox: name, working hours, greeting, whether identity validation is required',
        params: inboxParams,
        response: { 200: looseObject, ...errorResponses(404, 422) },
      },
    },
    async (request) => client.presentInbox(await client.apiInbox(ctx.db, request.params.inbox_identifier)),
  );

  r.post(
    `${base}/contacts`,
    {
      schema: {
        tags,
        summary: 'Start a contact session (answers its source_id and realtime pubsub_token)',
        description:
          'An existing contact of the account with the same identifier, email or phone is reused. `identifier_hash` (HMAC-SHA256 of the identifier with the inbox’s HMAC token, hex) proves the identity; inboxes may require it.',
        params: inboxParams,
        body: contactBody,
        response: { 200: publicContact, ...errorResponses(401, 404, 422, 429) },
      },
    },
    async (request) => {
      const b = request.body;
      return client.createContact(
        ctx,
        request.params.inbox_identifier,
        {
          identifier: b.identifier,
          identifierHash: b.identifier_hash,
          name: b.name,
          email: b.email,
          phoneNumber: b.phone_number,
          avatarUrl: b.avatar_url,
          customAttributes: b.custom_attributes,
        },
        request.ip,
      );
    },
  );

  r.get(
    `${base}/contacts/:contact_identifier`,
    { schema: { tags, summary: 'The session’s contact', params: contactParams, response: { 200: publicContact, ...errorResponses(404, 422) } } },
    async (request) => client.getContact(ctx, request.params.inbox_identifier, request.params.contact_identifier),
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: `${base}/contacts/:contact_identifier`,
    schema: { tags, summary: 'Update the session’s contact', params: contactParams, body: contactBody, response: { 200: publicContact, ...errorResponses(401, 404, 422) } },
    handler: async (request) => {
      const b = request.body;
      return client.updateContact(ctx, request.params.inbox_identifier, request.params.contact_identifier, {
        identifier: b.identifier,
        identifierHash: b.identifier_hash,
        name: b.name,
        email: b.email,
        phoneNumber: b.phone_number,
        avatarUrl: b.avatar_url,
        customAttributes: b.custom_attributes,
      });
    },
  });

  r.get(
    `${base}/contacts/:contact_identifier/conversations`,
    {
      schema: { tags, summary: 'The session’s conversations', params: contactParams, response: { 200: z.array(publicConversation), ...errorResponses(404, 422) } },
    },
    async (request) => client.listConversations(ctx, request.params.inbox_identifier, request.params.contact_identifier),
  );

  r.post(
    `${base}/contacts/:contact_identifier/conversations`,
    {
      schema: {
        tags,
        summary: 'Start a conversation (inboxes locked to one conversation answer the open one)',
        params: contactParams,
        body: z.object({ custom_attributes: jsonObject.optional() }).nullish(),
        response: { 200: publicConversation, ...errorResponses(404, 422, 429) },
      },
    },
    async (request) =>
      client.createConversation(ctx, request.params.inbox_identifier, request.params.contact_identifier, { customAttributes: request.body?.custom_attributes }, request.ip),
  );

  r.get(
    `${base}/contacts/:contact_identifier/conversations/:conversation_id`,
    { schema: { tags, summary: 'A conversation of the session', params: conversationParams, response: { 200: publicConversation, ...errorResponses(404, 422) } } },
    async (request) => client.getConversation(ctx, request.params.inbox_identifier, request.params.contact_identifier, request.params.conversation_id),
  );

  r.post(
    `${base}/contacts/:contact_identifier/conversations/:conversation_id/toggle_status`,
    { schema: { tags, summary: 'Resolve the conversation', params: conversationParams, response: { 200: publicConversation, ...errorResponses(404, 422) } } },
    async (request) => client.resolveConversation(ctx, request.params.inbox_identifier, request.params.contact_identifier, request.params.conversation_id),
  );

  r.post(
    `${base}/contacts/:contact_identifier/conversations/:conversation_id/toggle_typing`,
    {
      schema: {
        tags,
        summary: 'Tell the agents the contact is typing (on/off)',
        params: conversationParams,
        body: z.object({ typing_status: z.enum(['on', 'off']) }),
        response: { 200: z.object({ success: z.literal(true) }), ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      const p = request.params;
      await client.typing(ctx, p.inbox_identifier, p.contact_identifier, p.conversation_id, request.body.typing_status === 'on');
      return { success: true as const };
    },
  );

  r.post(
    `${base}/contacts/:contact_identifier/conversations/:conversation_id/update_last_seen`,
    {
      schema: { tags, summary: 'The contact has seen the conversation', params: conversationParams, response: { 200: z.object({ success: z.literal(true) }), ...errorResponses(404, 422) } },
    },
    async (request) => {
      const p = request.params;
      await client.markSeen(ctx, p.inbox_identifier, p.contact_identifier, p.conversation_id);
      return { success: true as const };
    },
  );

  r.get(
    `${base}/contacts/:contact_identifier/conversations/:conversation_id/messages`,
    {
      schema: {
        tags,
        summary: 'The conversation’s messages the contact may see (no private notes, no activity lines), oldest first',
        params: conversationParams,
        querystring: z.object({ before: id.optional() }),
        response: { 200: z.array(publicMessage), ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      const p = request.params;
      return client.listMessages(ctx, p.inbox_identifier, p.contact_identifier, p.conversation_id, request.query.before);
    },
  );

  r.post(
    `${base}/contacts/:contact_identifier/conversations/:conversation_id/messages`,
    {
      config: { multipart: true },
      schema: {
        tags,
        summary: 'The contact writes (JSON, or multipart with files in attachments[])',
        params: conversationParams,
        body: messageBody.nullish(),
        response: { 200: publicMessage, ...errorResponses(403, 404, 422, 429) },
      },
    },
    async (request) => {
      const p = request.params;
      if (!request.isMultipart()) {
        const fields = messageFields(request.body ?? {});
        if (fields.content === null) throw invalidField('content', 'must not be blank', 'too_small');
        const key = { inboxIdentifier: p.inbox_identifier, sourceId: p.contact_identifier, displayId: p.conversation_id };
        return incoming.submit({ ...key, content: fields.content, echoId: fields.echoId });
      }
      const inbox = await client.apiInbox(ctx.db, p.inbox_identifier);
      const form = await readUploads(ctx, request, inbox.accountId);
      try {
        const fields = messageFields(form.fields);
        if (fields.content === null && form.uploads.length === 0) throw invalidField('content', 'must not be blank', 'too_small');
        return await client.postContactMessage(ctx, inbox, p.contact_identifier, p.conversation_id, { ...fields, attachments: form.uploads });
      } catch (error) {
        await discardUploads(ctx, form.uploads);
        throw error;
      }
    },
  );

  r.patch(
    `${base}/contacts/:contact_identifier/conversations/:conversation_id/messages/:message_id`,
    {
      schema: {
        tags,
        summary: 'Answer a question message (input_select, form) with the chosen values',
        params: messageParams,
        body: z.object({ submitted_values: z.array(z.union([looseObject, z.string().max(1000)])).max(50) }),
        response: { 200: publicMessage, ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      const p = request.params;
      return client.submitMessageValues(ctx, p.inbox_identifier, p.contact_identifier, p.conversation_id, p.message_id, request.body.submitted_values);
    },
  );
}
