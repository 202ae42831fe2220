import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorResponses } from '../../platform/http/schemas';
import { authorize } from '../../platform/permissions';
import { accountParams } from '../../platform/validation';
import { requireMember } from '../auth/guards';
import { memberOf } from '../conversations/member';
import { conversationSchema, messageSchema } from '../conversations/schemas';
import * as search from './service';

const tags = ['Search'];
const searchQuery = z.object({ q: z.string().max(200), page: z.coerce.number().int().min(1).max(100).optional() });
const contactResult = z.record(z.string(), z.unknown());

export function searchRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/accounts/:account_id';

  const member = async (request: Parameters<typeof requireMember>[1], accountId: number) => {
    const { actor, membership } = await requireMember(ctx, request, accountId);
    authorize(membership, 'conversations.read');
    return memberOf(actor, membership);
  };

  r.get(
    `${base}/search`,
    {
      schema: {
        tags,
        summary: 'Search conversations, contacts and messages at once (first page of each)',
        params: accountParams,
        querystring: searchQuery,
        response: {
          200: z.object({ payload: z.object({ conversations: z.array(conversationSchema), contacts: z.array(contactResult), messages: z.array(messageSchema) }) }),
          ...errorResponses(401, 403, 404, 422),
        },
      },
    },
    async (request) => search.searchEverything(ctx, await member(request, request.params.account_id), request.query.q),
  );

  r.get(
    `${base}/search/conversations`,
    {
      schema: {
        tags,
        summary: 'Conversations by number, contact name/email/phone/identifier, or words in their messages',
        params: accountParams,
        querystring: searchQuery,
        response: { 200: z.object({ payload: z.object({ conversations: z.array(conversationSchema) }) }), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => ({
      payload: { conversations: await search.searchConversations(ctx, await member(request, request.params.account_id), request.query.q, request.query.page) },
    }),
  );

  r.get(
    `${base}/search/contacts`,
    {
      schema: {
        tags,
        summary: 'Contacts whose name, email, phone or identifier contain the text (accents and case ignored)',
        params: accountParams,
        querystring: searchQuery,
        response: { 200: z.object({ payload: z.object({ contacts: z.array(contactResult) }) }), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => ({
      payload: { contacts: await search.searchContacts(ctx, await member(request, request.params.account_id), request.query.q, request.query.page) },
    }),
  );

  r.get(
    `${base}/search/messages`,
    {
      schema: {
        tags,
        summary: 'Messages containing every word (or word start), accents and case ignored, newest first, whole history',
        params: accountParams,
        querystring: searchQuery,
        response: { 200: z.object({ payload: z.object({ messages: z.array(messageSchema) }) }), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => ({
      payload: { messages: await search.searchMessages(ctx, await member(request, request.params.account_id), request.query.q, request.query.page) },
    }),
  );

  r.get(
    `${base}/conversations/search`,
    {
      schema: {
        tags: ['Conversations'],
        summary: 'Search conversations (as the conversation list answers)',
        params: accountParams,
        querystring: searchQuery,
        response: {
          200: z.object({ data: z.object({ meta: z.object({ all_count: z.number() }), payload: z.array(conversationSchema) }) }),
          ...errorResponses(401, 403, 404, 422),
        },
      },
    },
    async (request) => {
      const payload = await search.searchConversations(ctx, await member(request, request.params.account_id), request.query.q, request.query.page);
      return { data: { meta: { all_count: payload.length }, payload } };
    },
  );
}
