import { and, desc, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { devMailbox } from '../../db/schema';
import type { MailEnvelope } from './types';

export async function storeMail(db: Executor, message: MailEnvelope, eventId: number): Promise<void> {
  await db
    .insert(devMailbox)
    .values({
      accountId: message.accountId ?? null,
      to: message.to,
      from: message.from,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      eventId,
    })
    .onConflictDoNothing();
}

/** What a viewer may read: their accounts' mail, plus installation mail for the installation owner. */
export type MailboxScope = { accountIds: number[]; includeInstallationMail: boolean };

function visible(scope: MailboxScope): SQL | undefined {
  const parts: SQL[] = [];
  if (scope.accountIds.length > 0) parts.push(inArray(devMailbox.accountId, scope.accountIds));
  if (scope.includeInstallationMail) parts.push(isNull(devMailbox.accountId));
  return parts.length > 0 ? or(...parts) : undefined;
}

export async function listMail(db: Executor, scope: MailboxScope, limit = 100) {
  const where = visible(scope);
  if (!where) return [];
  return db.select().from(devMailbox).where(where).orderBy(desc(devMailbox.id)).limit(limit);
}

export async function findMail(db: Executor, scope: MailboxScope, id: number) {
  const where = visible(scope);
  if (!where) return undefined;
  const [row] = await db.select().from(devMailbox).where(and(eq(devMailbox.id, id), where));
  return row;
}
