import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { invalidField } from '../../platform/errors';
import { errorResponses } from '../../platform/http/schemas';
import { email, id, jsonObject, parseInput } from '../../platform/validation';
import { discardUploads, readUploads } from '../attachments/service';
import { clearableEmail, phoneNumber } from '../contacts/schemas';
import * as widget from './service';

const tags = ['Widget API'];
const looseObject = z.record(z.string(), z.unknown());
const success = z.object({ success: z.literal(true) });

const tokenQuery = z.object({ website_token: z.string().trim().min(1).max(100) });
const authHeaders = z.object({ 'x-auth-token': z.string().max(1000).optional() }).loose();

const contactFields = {
  name: z.string().trim().max(255).optional(),
  email: clearableEmail.optional(),
  phone_number: phoneNumber.optional(),
  avatar_url: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional(),
  custom_attributes: jsonObject.optional(),
};
const contactBody = z.object(contactFields);
const setUserBody = z.object({
  ...contactFields,
  identifier: z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1).max(255)),
  identifier_hash: z.string().trim().max(128).optional(),
});
const attributeKeys = z.object({ custom_attributes: z.array(z.string().max(255)).min(1).max(100) });

const messageFields = z.object({
  content: z.string().max(150_000).nullable().optional(),
  echo_id: z.string().max(255).optional(),
  referer_url: z.string().max(2000).optional(),
  timestamp: z.string().max(100).optional(),
});

/** What every widget request carries. */
function widgetRequest(request: { query: { website_token: string }; headers: FastifyRequest['headers']; ip: string }): widget.WidgetRequest {
  const header = (name: string) => {
    const value = request.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  return { websiteToken: request.query.website_token, authToken: header('x-auth-token'), origin: header('origin'), referer: header('referer'), ip: request.ip };
}

const contactOf = (b: z.infer<typeof contactBody>) => ({ name: b.name, email: b.email, phoneNumber: b.phone_number, avatarUrl: b.avatar_url, customAttributes: b.custom_attributes });

/** Multipart message fields come as `message[content]` (Chatwoot's widget) or `content`. */
function messageInput(fields: Record<string, unknown>) {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) flat[key.replace(/^message\[(.+)\]$/, '$1')] = value;
  const parsed = parseInput(messageFields, flat);
  return { content: parsed.content?.trim() ? parsed.content : null, echoId: parsed.echo_id };
}

/**
 * Chatwoot's widget API (`/api/v1/widget/...`), for the website live-chat widget: the inbox named
 * by `website_token`, the visitor by the `X-Auth-Token` their first write received.
 */
export function widgetApiRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/widget';
  const common = { tags, querystring: tokenQuery, headers: authHeaders };

  r.get(
    `${base}/config`,
    { schema: { ...common, summary: 'The widget’s settings, online agents and (with a token) the visitor', response: { 200: looseObject, ...errorResponses(403, 404, 422) } } },
    async (request) => widget.getConfig(ctx, widgetRequest(request)),
  );

  r.post(
    `${base}/config`,
    {
      schema: {
        ...common,
        summary: 'As GET, and makes a visitor session when there is none (Chatwoot’s behaviour); answers auth_token',
        response: { 200: looseObject, ...errorResponses(403, 404, 422, 429) },
      },
    },
    async (request) => widget.createConfig(ctx, widgetRequest(request)),
  );

  r.get(
    `${base}/inbox_members`,
    { schema: { ...common, summary: 'The inbox’s agents and their availability', response: { 200: looseObject, ...errorResponses(403, 404, 422) } } },
    async (request) => widget.listInboxAgents(ctx, widgetRequest(request)),
  );

  r.get(
    `${base}/contact`,
    { schema: { ...common, summary: 'The visitor', response: { 200: looseObject, ...errorResponses(401, 403, 404, 422) } } },
    async (request) => widget.getContact(ctx, widgetRequest(request)),
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: `${base}/contact`,
    schema: {
      ...common,
      summary: 'Update the visitor (name, email, phone, custom attributes); with identifier, as set_user',
      body: contactBody.extend({ identifier: setUserBody.shape.identifier.optional(), identifier_hash: setUserBody.shape.identifier_hash }),
      response: { 200: looseObject, ...errorResponses(401, 403, 404, 422, 429) },
    },
    handler: async (request) => {
      const b = request.body;
      if (b.identifier !== undefined) return widget.setUser(ctx, widgetRequest(request), { ...contactOf(b), identifier: b.identifier, identifierHash: b.identifier_hash });
      return widget.updateContact(ctx, widgetRequest(request), contactOf(b));
    },
  });

  r.route({
    method: ['PATCH', 'POST', 'PUT'],
    url: `${base}/contact/set_user`,
    schema: {
      ...common,
      summary: 'Identify the visitor as a user of the site (identifier, identifier_hash = HMAC-SHA256 of it with the inbox’s HMAC token)',
      body: setUserBody,
      response: { 200: looseObject, ...errorResponses(401, 403, 404, 422, 429) },
    },
    handler: async (request) =>
      widget.setUser(ctx, widgetRequest(request), { ...contactOf(request.body), identifier: request.body.identifier, identifierHash: request.body.identifier_hash }),
  });

  r.post(
    `${base}/contact/destroy_custom_attributes`,
    { schema: { ...common, summary: 'Remove custom attributes of the visitor', body: attributeKeys, response: { 200: looseObject, ...errorResponses(401, 403, 404, 422, 429) } } },
    async (request) => widget.deleteContactAttributes(ctx, widgetRequest(request), request.body.custom_attributes),
  );

  r.get(
    `${base}/conversations`,
    { schema: { ...common, summary: 'The visitor’s current conversation (null when none)', response: { 200: looseObject.nullable(), ...errorResponses(401, 403, 404, 422) } } },
    async (request) => widget.getCurrentConversation(ctx, widgetRequest(request)),
  );

  r.post(
    `${base}/conversations`,
    {
      schema: {
        ...common,
        summary: 'Start a conversation (pre-chat form: contact fields, custom attributes, first message)',
        body: z
          .object({ contact: contactBody.optional(), message: messageFields.optional(), custom_attributes: jsonObject.optional() })
          .nullish(),
        response: { 200: looseObject, ...errorResponses(403, 404, 422, 429) },
      },
    },
    async (request) => {
      const b = request.body ?? {};
      const content = b.message?.content?.trim() ? b.message.content : null;
      return widget.createConversation(ctx, widgetRequest(request), {
        contact: contactOf(b.contact ?? {}),
        customAttributes: b.custom_attributes,
        message: content === null ? undefined : { content, echoId: b.message?.echo_id, attachments: [] },
      });
    },
  );

  r.post(
    `${base}/conversations/toggle_typing`,
    {
      schema: { ...common, summary: 'The visitor is typing (on/off)', body: z.object({ typing_status: z.enum(['on', 'off']) }), response: { 200: success, ...errorResponses(401, 403, 404, 422) } },
    },
    async (request) => {
      await widget.typing(ctx, widgetRequest(request), request.body.typing_status === 'on');
      return { success: true as const };
    },
  );

  r.post(
    `${base}/conversations/update_last_seen`,
    { schema: { ...common, summary: 'The visitor has seen the conversation', response: { 200: success, ...errorResponses(401, 403, 404, 422) } } },
    async (request) => {
      await widget.markSeen(ctx, widgetRequest(request));
      return { success: true as const };
    },
  );

  r.route({
    method: ['GET', 'POST'],
    url: `${base}/conversations/toggle_status`,
    schema: { ...common, summary: 'End (resolve) the current conversation', response: { 200: looseObject, ...errorResponses(401, 403, 404, 422) } },
    handler: async (request) => widget.resolve(ctx, widgetRequest(request)),
  });

  r.post(
    `${base}/conversations/transcript`,
    {
      schema: {
        ...common,
        summary: 'Email the conversation’s transcript to the visitor (or the email given)',
        body: z.object({ email: email.optional() }).nullish(),
        response: { 200: success, ...errorResponses(401, 403, 404, 422, 429) },
      },
    },
    async (request) => {
      await widget.transcript(ctx, widgetRequest(request), request.body?.email);
      return { success: true as const };
    },
  );

  r.post(
    `${base}/conversations/set_custom_attributes`,
    {
      schema: { ...common, summary: 'Merge custom attributes into the current conversation', body: z.object({ custom_attributes: jsonObject }), response: { 200: looseObject, ...errorResponses(401, 403, 404, 422) } },
    },
    async (request) => widget.changeConversationAttributes(ctx, widgetRequest(request), { set: request.body.custom_attributes }),
  );

  r.post(
    `${base}/conversations/destroy_custom_attributes`,
    { schema: { ...common, summary: 'Remove custom attributes of the current conversation', body: attributeKeys, response: { 200: looseObject, ...errorResponses(401, 403, 404, 422) } } },
    async (request) => widget.changeConversationAttributes(ctx, widgetRequest(request), { remove: request.body.custom_attributes }),
  );

  r.get(
    `${base}/messages`,
    {
      schema: {
        ...common,
        querystring: tokenQuery.extend({ before: id.optional() }),
        summary: 'The current conversation’s public messages, oldest first (20 per page)',
        response: { 200: z.array(looseObject), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => widget.listMessages(ctx, widgetRequest(request), request.query.before),
  );

  r.post(
    `${base}/messages`,
    {
      config: { multipart: true },
      schema: {
        ...common,
        summary: 'The visitor writes (JSON {message: {content}}, or multipart with message[content] and files in message[attachments][])',
        body: z.object({ message: messageFields }).nullish(),
        response: { 200: looseObject, ...errorResponses(401, 403, 404, 422, 429) },
      },
    },
    async (request) => {
      const req = widgetRequest(request);
      const inbox = await widget.widgetInbox(ctx, req);
      const form = request.isMultipart() ? await readUploads(ctx, request, inbox.accountId) : { fields: request.body?.message ?? {}, uploads: [] };
      try {
        const fields = messageInput(form.fields);
        if (fields.content === null && form.uploads.length === 0) throw invalidField('content', 'must not be blank', 'too_small');
        return await widget.postVisitorMessage(ctx, req, { ...fields, attachments: form.uploads });
      } catch (error) {
        await discardUploads(ctx, form.uploads);
        throw error;
      }
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: `${base}/messages/:id`,
    schema: {
      ...common,
      params: z.object({ id }),
      summary: 'Answer a message: email collect ({contact: {email}}), CSAT ({message: {submitted_values: {csat_survey_response}}}), questions',
      body: z.object({ contact: z.object({ email }).optional(), message: z.object({ submitted_values: z.unknown() }).optional() }),
      response: { 200: looseObject, ...errorResponses(401, 403, 404, 422, 429) },
    },
    handler: async (request) =>
      widget.answerMessage(ctx, widgetRequest(request), request.params.id, { email: request.body.contact?.email, submittedValues: request.body.message?.submitted_values }),
  });

  r.post(
    `${base}/labels`,
    { schema: { ...common, summary: 'Add one of the account’s labels to the current conversation', body: z.object({ label: z.string().trim().min(1).max(255) }), response: { 200: looseObject, ...errorResponses(401, 403, 404, 422) } } },
    async (request) => widget.changeLabel(ctx, widgetRequest(request), request.body.label, true),
  );

  r.delete(
    `${base}/labels/:label`,
    { schema: { ...common, params: z.object({ label: z.string().trim().min(1).max(255) }), summary: 'Remove a label from the current conversation', response: { 200: looseObject, ...errorResponses(401, 403, 404, 422) } } },
    async (request) => widget.changeLabel(ctx, widgetRequest(request), request.params.label, false),
  );
}
