import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import { AppError, notFound } from '../../platform/errors';
import { unixSeconds } from '../../platform/time';
import * as accounts from '../accounts/service';
import * as conversations from '../conversations/service';
import type { ConversationRow } from '../conversations/service';
import * as inboxes from '../inboxes/service';
import * as messages from '../messages/service';
import { csatAnswer, saveAnswer } from './service';

/**
 * Chatwoot's public CSAT survey (`/survey/responses/:conversation_uuid` and
 * `/public/api/v1/csat_survey/:conversation_uuid`): whoever holds the link of a conversation — sent
 * in the widget, an email transcript or another channel — sees and answers its latest survey. The
 * conversation's uuid is the only key; nothing about the contact or the agents is shown.
 */

/** As in Chatwoot, a survey takes answers for 14 days. */
export const ANSWER_DAYS = 14;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CsatResponse = { rating: number; feedback_message: string };

async function surveyOf(db: Executor, uuid: string, lock = false) {
  // Anything but a uuid names no conversation (and would not reach the uuid column).
  const conversation = UUID.test(uuid) ? await conversations.findRowByUuid(db, uuid.toLowerCase(), lock) : undefined;
  const message = conversation && (await messages.findLatestOfContentType(db, conversation.id, 'input_csat', lock));
  if (!conversation || !message) throw notFound('CSAT survey');
  return { conversation, message };
}

function responseOf(message: messages.MessageRow): CsatResponse | null {
  const submitted = message.contentAttributes.submitted_values as { csat_survey_response?: { rating?: unknown; feedback_message?: unknown } } | undefined;
  const answer = submitted?.csat_survey_response;
  if (typeof answer?.rating !== 'number') return null;
  return { rating: answer.rating, feedback_message: typeof answer.feedback_message === 'string' ? answer.feedback_message : '' };
}

const expired = (message: messages.MessageRow, now = Date.now()) => now - message.createdAt.getTime() > ANSWER_DAYS * 86_400_000;

async function present(db: Executor, conversation: ConversationRow, message: messages.MessageRow) {
  const [inbox, account] = await Promise.all([inboxes.findInbox(db, conversation.accountId, conversation.inboxId), accounts.getAccount(db, conversation.accountId)]);
  return {
    id: message.id,
    conversation_id: conversation.displayId,
    csat_survey_response: responseOf(message),
    inbox_name: inbox?.name ?? '',
    inbox_avatar_url: inbox?.avatarUrl ?? '',
    locale: account?.locale ?? 'pt_BR',
    created_at: unixSeconds(message.createdAt),
    expired: expired(message),
  };
}
export type CsatSurveyJson = Awaited<ReturnType<typeof present>>;

export async function showSurvey(ctx: AppContext, uuid: string): Promise<CsatSurveyJson> {
  const { conversation, message } = await surveyOf(ctx.db, uuid);
  return present(ctx.db, conversation, message);
}

/** Keeps the rating (1–5) and comment; a later answer replaces it, until the survey expires. */
export async function answerSurvey(ctx: AppContext, uuid: string, submittedValues: unknown): Promise<CsatSurveyJson> {
  const answer = csatAnswer(submittedValues);
  return ctx.transaction(async (tx) => {
    const { conversation, message } = await surveyOf(tx, uuid, true);
    if (expired(message)) {
      throw new AppError('validation_failed', `This survey takes no answers after ${ANSWER_DAYS} days`, [{ field: 'message', message: 'survey expired', code: 'expired' }]);
    }
    const contactInbox = await conversations.contactInboxOf(tx, conversation);
    await saveAnswer(ctx, tx, conversation, message, { ...message.contentAttributes, submitted_values: answer }, contactInbox);
    const updated = await messages.findMessage(tx, conversation.id, message.id);
    return present(tx, conversation, updated ?? message);
  });
}
