import type { Executor } from '../../db/client';
import * as accounts from '../accounts/service';
import { inboxAccess } from '../inboxes/access';
import type { AgentAccess } from './audience';
import { findContactInboxByPubsubToken, findUserIdByPubsubToken } from './repository';

/** The one channel Chatwoot's clients subscribe to. */
export const ROOM_CHANNEL = 'RoomChannel';

/** Who a `RoomChannel` subscription belongs to. */
export type Subscriber =
  | { kind: 'user'; accountId: number; userId: number; access: AgentAccess }
  | { kind: 'contact'; accountId: number; contactId: number; inboxId: number; pubsubToken: string };

/**
 * Resolves a subscription's identifier. An agent's (`{pubsub_token, account_id, user_id}`) names
 * the user's token and an account they belong to; a contact's carries only its contact-inbox token.
 * Anything else is rejected.
 */
export async function resolveSubscriber(db: Executor, params: Record<string, unknown>): Promise<Subscriber | undefined> {
  const token = params.pubsub_token;
  if (params.channel !== ROOM_CHANNEL || typeof token !== 'string' || token === '' || token.length > 200) return undefined;

  const userId = await findUserIdByPubsubToken(db, token);
  if (userId !== undefined) {
    const accountId = idParam(params.account_id);
    if (accountId === undefined) return undefined;
    if (params.user_id !== undefined && params.user_id !== null && idParam(params.user_id) !== userId) return undefined;
    const membership = await accounts.findMembership(db, accountId, userId);
    if (!membership) return undefined;
    return { kind: 'user', accountId, userId, access: await inboxAccess(db, membership) };
  }

  const contactInbox = await findContactInboxByPubsubToken(db, token);
  if (!contactInbox) return undefined;
  return { kind: 'contact', ...contactInbox, pubsubToken: token };
}

/** Loads an agent's inbox access (for the access cache); `null` once they left the account. */
export async function loadAgentAccess(db: Executor, accountId: number, userId: number): Promise<AgentAccess> {
  const membership = await accounts.findMembership(db, accountId, userId);
  return membership ? inboxAccess(db, membership) : null;
}

/** Ids arrive as numbers from the dashboard and as strings from some SDKs. */
function idParam(value: unknown): number | undefined {
  const id = typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
