import type { Executor } from '../../db/client';
import type { AccountRole } from '../../db/schema';
import { listMemberInboxIds } from './repository';

/** The inboxes a member may work in: all of them for administrators, their own for agents. */
export type InboxAccess = { all: true } | { all: false; inboxIds: number[] };

export async function inboxAccess(
  db: Executor,
  membership: { accountId: number; userId: number; role: AccountRole },
): Promise<InboxAccess> {
  if (membership.role === 'administrator') return { all: true };
  return { all: false, inboxIds: await listMemberInboxIds(db, membership.accountId, membership.userId) };
}

export function canAccessInbox(access: InboxAccess, inboxId: number): boolean {
  return access.all || access.inboxIds.includes(inboxId);
}
