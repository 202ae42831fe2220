import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { inboxMembers } from '../../db/schema';

export async function listMemberInboxIds(db: Executor, accountId: number, userId: number): Promise<number[]> {
  const rows = await db
    .select({ inboxId: inboxMembers.inboxId })
    .from(inboxMembers)
    .where(and(eq(inboxMembers.accountId, accountId), eq(inboxMembers.userId, userId)));
  return rows.map((r) => r.inboxId);
}
