import type { AppContext } from '../../context';
import * as conversations from '../conversations/service';
import { postMessage } from '../messages/post-message';
import * as repository from './repository';

export const AUTO_RESOLVE_JOB = 'auto-resolve.sweep';
const BATCH = 200;

/**
 * Resolves the open conversations of every account with auto-resolve on that had no activity for
 * its `auto_resolve_after` minutes: each in its own transaction, rechecked under the conversation's
 * lock (a message that just arrived keeps it open). The account's message is posted to the contact
 * first (a template message, no sender), then the conversation is resolved with an activity line and,
 * when set, the account's label. `now` is a parameter so tests control the clock.
 */
export async function resolveInactive(ctx: AppContext, now: Date = new Date()): Promise<number> {
  let resolved = 0;
  for (const account of await repository.listAccounts(ctx.db)) {
    const before = new Date(now.getTime() - account.minutes * 60_000);
    for (;;) {
      const ids = await repository.listInactive(ctx.db, account.id, before, account.ignoreWaiting, BATCH);
      let done = 0;
      for (const id of ids) if (await resolveOne(ctx, id, account, before)) done++;
      resolved += done;
      // Stop when the batch was the last, or nothing in it could be resolved (changed meanwhile).
      if (ids.length < BATCH || done === 0) break;
    }
  }
  return resolved;
}

async function resolveOne(ctx: AppContext, id: number, account: repository.AutoResolveAccount, before: Date): Promise<boolean> {
  return ctx.transaction(async (tx) => {
    let conversation = await conversations.lockById(tx, id);
    if (!conversation || conversation.status !== 'open' || conversation.lastActivityAt.getTime() >= before.getTime()) return false;
    if (account.ignoreWaiting && conversation.waitingSince !== null) return false;
    if (account.message) {
      ({ conversation } = await postMessage(ctx, tx, conversation, { content: account.message, messageType: 'template', private: false, sender: null }));
    }
    await conversations.resolveForInactivity(ctx, tx, conversation, { minutes: account.minutes, label: account.label });
    return true;
  });
}
