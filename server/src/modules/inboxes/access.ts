import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { type AccountRole, inboxMembers } from '../../db/schema';

/** The inboxes a member may work in: all of them for administrators, their own for agents. */
export type InboxAccess = { all: true } | { all: false; inboxIds: number[] };

export async function inboxAccess(db: Executor, membership: { accountId: number; userId: number; role: AccountRole }): Promise<InboxAccess> {
  if (membership.role === 'administrator') return { all: true };
  const rows = await db
    .select({ inboxId: inboxMembers.inboxId })
    .from(inboxMembers)
    .where(and(eq(inboxMembers.accountId, membership.accountId), eq(inboxMembers.userId, membership.userId)));
  return { all: false, inboxIds: rows.map((r) => r.inboxId) };
}

export function canAccessInbox(access: InboxAccess, inboxId: number): boolean {
  return access.all || access.inboxIds.includes(inboxId);
}
