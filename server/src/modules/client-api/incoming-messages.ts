import type { AppContext } from '../../context';
import type { Tx } from '../../db/client';
import { AppError, invalidField, tooManyRequests } from '../../platform/errors';
import { type BatchOutcome, GroupCommit } from '../../platform/group-commit';
import { presentContactSender } from '../conversations/presenter';
import * as conversations from '../conversations/service';
import type { ConversationRow } from '../conversations/service';
import { type IncomingMessage, postIncomingMessages, postMessage } from '../messages/post-message';
import { presentPublicMessage } from './presenter';
import * as repository from './repository';
import { LIMITS, messagesLimitKey } from './service';

/** A contact's text message through the client API (files take the one-by-one path). */
export type ContactText = { inboxIdentifier: string; sourceId: string; displayId: number; content: string; echoId?: string | undefined };

export type PublicMessage = ReturnType<typeof presentPublicMessage> & { echo_id?: string };

const keyOf = (k: { inboxIdentifier: string; sourceId: string; displayId: number }) => `${k.displayId}\n${k.inboxIdentifier}\n${k.sourceId}`;

const answer = (json: Parameters<typeof presentPublicMessage>[0], echoId: string | undefined): PublicMessage => ({
  ...presentPublicMessage(json),
  ...(echoId ? { echo_id: echoId } : {}),
});

/**
 * Contacts' messages written by group commit: those that arrive while a batch is being written
 * go together into the next one, in one transaction of a handful of statements whatever its
 * size (docs/ARCHITECTURE.md, "Ingest"). Each message is checked and answered as if alone:
 * a blocked contact or a closed conversation fails only its own request; a session, conversation
 * or inbox that is not found, like a failed batch, is written alone by `writeAlone` (which gives
 * the precise error).
 */
export function incomingMessageBatches(ctx: AppContext, writeAlone: (item: ContactText) => Promise<PublicMessage>) {
  return new GroupCommit<ContactText, PublicMessage>({
    maxBatch: 64,
    // Three batches at once: one is built while others wait on PostgreSQL or the disk, and
    // PostgreSQL works on both cores (measured against one, two and four: docs/BENCHMARKS.md).
    maxInFlight: 3,
    writeAlone,
    onBatchFailed: (error, size) => ctx.log.warn({ err: error, size }, 'counting a batch of client API messages failed; writing each alone'),
    write: async (items) => {
      // The sessions' limits, counted for the whole batch in one round trip (Redis).
      const [limit, window] = LIMITS.messagesPerSession;
      const counted = await ctx.rateLimiter.hitMany(
        items.map((item) => messagesLimitKey(item.inboxIdentifier, item.sourceId)),
        limit,
        window,
      );
      const admitted = items.flatMap((item, index) => (counted[index]!.allowed ? [{ item, index }] : []));
      const outcomes: BatchOutcome<PublicMessage>[] = counted.map((c) => (c.allowed ? { alone: true } : { ok: false, error: tooManyRequests(c.retryAfterSeconds) }));
      let committing = false;
      try {
        const written = await ctx.transaction(async (tx) => {
          const result = await writeBatch(ctx, tx, admitted.map((a) => a.item));
          committing = true;
          return result;
        });
        admitted.forEach(({ index }, i) => (outcomes[index] = written[i]!));
      } catch (error) {
        ctx.log.warn({ err: error, size: admitted.length }, 'a batch of client API messages failed');
        // Rolled back (PostgreSQL said why): each admitted message is written again alone (it stays
        // "alone"). Otherwise the batch may have been written: each fails, as a lone request would.
        if (committing && !hasSqlState(error)) {
          const unknown = new CommitUnknown(error);
          for (const { index } of admitted) outcomes[index] = { ok: false, error: unknown };
        }
      }
      return outcomes;
    },
  });
}

/** One batch in one transaction: each item checked and answered as if alone. */
async function writeBatch(ctx: AppContext, tx: Tx, items: ContactText[]): Promise<BatchOutcome<PublicMessage>[]> {
  const rows = await repository.lockSessionConversations(tx, items);
  const found = new Map(
    rows.map((row) => [keyOf({ inboxIdentifier: row.inbox.channelIdentifier ?? '', sourceId: row.contactInbox.sourceId, displayId: row.conversation.displayId }), row]),
  );
  const outcomes: BatchOutcome<PublicMessage>[] = new Array(items.length);
  /** Each conversation as the messages before have left it. */
  const latest = new Map<number, ConversationRow>();
  const together: { index: number; entry: IncomingMessage }[] = [];
  for (const [index, item] of items.entries()) {
    const row = found.get(keyOf(item));
    if (!row || row.inbox.channelType !== 'api') {
      outcomes[index] = { alone: true };
      continue;
    }
    const conversation = latest.get(row.conversation.id) ?? row.conversation;
    if (row.contact.blocked) {
      outcomes[index] = { ok: false, error: new AppError('forbidden', 'This contact is blocked') };
    } else if (conversation.status === 'resolved' && !row.inbox.allowMessagesAfterResolved) {
      outcomes[index] = { ok: false, error: invalidField('conversation_id', 'is resolved and this inbox takes no messages after resolution', 'resolved') };
    } else if (conversations.incomingKeepsStatus(conversation)) {
      const entry = { conversation, content: item.content, contactId: row.contact.id, sender: presentContactSender(row.contact), contactInbox: row.contactInbox };
      together.push({ index, entry });
    } else {
      // Reopening: the one-message path, at once, so the messages after it see the conversation open.
      const posted = await postMessage(ctx, tx, conversation, {
        content: item.content,
        messageType: 'incoming',
        private: false,
        sender: { type: 'contact', id: row.contact.id },
        known: { contactInbox: row.contactInbox, sender: presentContactSender(row.contact) },
      });
      latest.set(conversation.id, posted.conversation);
      outcomes[index] = { ok: true, value: answer(posted.json, item.echoId) };
    }
  }
  const posted = await postIncomingMessages(ctx, tx, together.map((t) => t.entry));
  together.forEach(({ index }, i) => {
    outcomes[index] = { ok: true, value: answer(posted[i]!, items[index]!.echoId) };
  });
  return outcomes;
}

/** The batch's COMMIT failed without PostgreSQL saying why: it may have been written. */
class CommitUnknown extends AppError {
  constructor(readonly reason: unknown) {
    super('service_unavailable', 'The message could not be confirmed; check the conversation before sending it again');
  }
}

const hasSqlState = (error: unknown) =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((error as { code: string }).code);
