import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { AppError, tooManyRequests } from '../../platform/errors';
import { errorResponses } from '../../platform/http/schemas';
import { renderSurveyNotFound, renderSurveyPage, surveyTexts } from './csat-page';
import { answerSurvey, showSurvey } from './csat-survey';

const tags = ['CSAT Survey'];
const uuidParams = z.object({ conversation_uuid: z.string().max(100) });
const surveyJson = z.object({
  id: z.number(),
  conversation_id: z.number(),
  csat_survey_response: z.object({ rating: z.number(), feedback_message: z.string() }).nullable(),
  inbox_name: z.string(),
  inbox_avatar_url: z.string(),
  locale: z.string(),
  created_at: z.number().nullable(),
  expired: z.boolean(),
});
const PAGE_SECURITY = "default-src 'none'; style-src 'unsafe-inline'; img-src https: http: data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Answers per client address and hour, on the API and the page together. */
const ANSWERS_PER_HOUR = 30;

async function limitAnswers(ctx: AppContext, ip: string) {
  const hit = await ctx.rateLimiter.hit(`csat-survey:${ip}`, ANSWERS_PER_HOUR, 3600);
  if (!hit.allowed) throw tooManyRequests(hit.retryAfterSeconds);
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').header('content-security-policy', PAGE_SECURITY).header('referrer-policy', 'no-referrer').send(body);

/** The language of a page that has no survey to take it from: the visitor's browser's. */
const browserLocale = (header: unknown) => (typeof header === 'string' ? header.split(',')[0]?.trim().replace('-', '_') : undefined);

/**
 * Chatwoot's public CSAT survey: the API (`/public/api/v1/csat_survey/:conversation_uuid`, GET and
 * PUT) and the page a link opens (`/survey/responses/:conversation_uuid`), for any channel.
 */
export function csatSurveyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const api = '/public/api/v1/csat_survey/:conversation_uuid';

  r.get(api, { schema: { tags, summary: 'A conversation’s CSAT survey and its answer (null until answered)', params: uuidParams, response: { 200: surveyJson, ...errorResponses(404) } } }, async (request) =>
    showSurvey(ctx, request.params.conversation_uuid),
  );

  r.route({
    method: ['PUT', 'PATCH'],
    url: api,
    schema: {
      tags,
      summary: 'Answer the survey: rating 1–5 and an optional comment; a later answer replaces it (for 14 days)',
      params: uuidParams,
      body: z.object({ message: z.object({ submitted_values: z.unknown() }) }),
      response: { 200: surveyJson, ...errorResponses(404, 422, 429) },
    },
    handler: async (request) => {
      await limitAnswers(ctx, request.ip);
      return answerSurvey(ctx, request.params.conversation_uuid, request.body.message.submitted_values);
    },
  });

  const page = '/survey/responses/:conversation_uuid';
  r.get(page, { schema: { hide: true, params: uuidParams, querystring: z.object({ change: z.string().max(10).optional() }).loose() } }, async (request, reply) => {
    try {
      return html(reply, 200, renderSurveyPage(await showSurvey(ctx, request.params.conversation_uuid), { change: request.query.change !== undefined }));
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') return html(reply, 404, renderSurveyNotFound(browserLocale(request.headers['accept-language'])));
      throw error;
    }
  });

  // The page's form (no script): rating and comment, then back to the page showing the thanks.
  r.post(
    page,
    { schema: { hide: true, params: uuidParams, body: z.object({ rating: z.string().max(10).optional(), feedback_message: z.string().max(5000).optional() }).loose() } },
    async (request, reply) => {
      const uuid = request.params.conversation_uuid;
      try {
        await limitAnswers(ctx, request.ip);
        const rating = Number(request.body.rating);
        await answerSurvey(ctx, uuid, { csat_survey_response: { rating, feedback_message: request.body.feedback_message?.trim() ?? '' } });
        return reply.redirect(`/survey/responses/${encodeURIComponent(uuid)}`, 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'not_found') return html(reply, 404, renderSurveyNotFound(browserLocale(request.headers['accept-language'])));
        if (error.code !== 'validation_failed') throw error;
        const survey = await showSurvey(ctx, uuid);
        const t = surveyTexts(survey.locale);
        return html(reply, 422, renderSurveyPage(survey, { change: true, error: error.errors[0]?.code === 'expired' ? t.expired : t.chooseRating }));
      }
    },
  );
}
