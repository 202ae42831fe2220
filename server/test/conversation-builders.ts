import { randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../src/context';
import { contactInboxes, contacts, inboxes, inboxMembers, labels, teamMembers, teams } from '../src/db/schema';

const unique = () => randomBytes(4).toString('hex');

/** Test data for conversations, written straight to the tables (the builders of the modules that own them may change). */
export async function insertInbox(ctx: AppContext, accountId: number, options: { channelType?: 'web_widget' | 'api'; name?: string; memberIds?: number[] } = {}) {
  const [inbox] = await ctx.db
    .insert(inboxes)
    .values({
      accountId,
      name: options.name ?? `Inbox ${unique()}`,
      channelType: options.channelType ?? 'api',
      channelIdentifier: randomBytes(12).toString('hex'),
      hmacToken: randomBytes(12).toString('hex'),
    })
    .returning();
  for (const userId of options.memberIds ?? []) await ctx.db.insert(inboxMembers).values({ accountId, inboxId: inbox!.id, userId });
  return inbox!;
}

export async function insertContact(ctx: AppContext, accountId: number, inboxId: number, fields: { name?: string; email?: string; phoneNumber?: string } = {}) {
  const [contact] = await ctx.db
    .insert(contacts)
    .values({ accountId, name: fields.name ?? `Contact ${unique()}`, email: fields.email ?? null, phoneNumber: fields.phoneNumber ?? null })
    .returning();
  const [contactInbox] = await ctx.db
    .insert(contactInboxes)
    .values({ accountId, contactId: contact!.id, inboxId, sourceId: randomUUID(), pubsubToken: randomBytes(16).toString('hex') })
    .returning();
  return { contact: contact!, contactInbox: contactInbox! };
}

export async function insertLabels(ctx: AppContext, accountId: number, titles: string[]) {
  await ctx.db.insert(labels).values(titles.map((title) => ({ accountId, title })));
}

export async function insertTeam(ctx: AppContext, accountId: number, memberIds: number[] = [], name = `Team ${unique()}`) {
  const [team] = await ctx.db.insert(teams).values({ accountId, name }).returning();
  for (const userId of memberIds) await ctx.db.insert(teamMembers).values({ accountId, teamId: team!.id, userId });
  return team!;
}
