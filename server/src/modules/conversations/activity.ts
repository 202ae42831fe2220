import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import * as accounts from '../accounts/service';
import { MESSAGE_TYPE_NUMBER, presentMessage } from '../messages/presenter';
import * as messages from '../messages/service';
import { type ActivityTexts, activityTexts } from './activity-texts';
import type { ConversationRow } from './repository';

/** The activity-line texts in the conversation's account language. */
export async function textsFor(db: Executor, accountId: number): Promise<ActivityTexts> {
  return activityTexts((await accounts.getAccount(db, accountId))?.locale);
}

/**
 * Writes an activity line ("Assigned to Ana by Bruno") into the history, in the caller's
 * transaction, and tells the inbox's agents (contacts never see activity lines).
 */
export async function recordActivity(ctx: AppContext, tx: Executor, conversation: ConversationRow, content: string): Promise<void> {
  const row = await messages.insertMessage(tx, {
    accountId: conversation.accountId,
    conversationId: conversation.id,
    inboxId: conversation.inboxId,
    messageType: MESSAGE_TYPE_NUMBER.activity,
    content,
  });
  const json = presentMessage(row, {
    conversation: {
      displayId: conversation.displayId,
      assigneeId: conversation.assigneeId,
      unreadCount: conversation.unreadCount,
      lastActivityAt: conversation.lastActivityAt,
      sourceId: null,
    },
    sender: null,
    attachments: [],
  });
  await ctx.outbox.record(tx, {
    name: 'message.created',
    accountId: conversation.accountId,
    payload: json,
    realtime: { inboxId: conversation.inboxId, private: true },
  });
}
