import type { AppContext } from '../../context';
import type { AccountRole, Availability } from '../../db/schema';
import { notFound } from '../../platform/errors';
import * as accounts from '../accounts/service';
import * as auth from '../auth/service';
import * as inboxes from '../inboxes/service';
import { agentAvailabilities, availabilityChanged, inboxAccessChanged } from '../realtime/service';
import * as teams from '../teams/service';
import * as users from '../users/service';
import { addedToAccountMail, invitationMail } from './mails';
import { presentAgent } from './presenter';

export const listAgents = (ctx: AppContext, accountId: number) => accounts.listMembers(ctx.db, accountId);

export type InviteInput = {
  accountId: number;
  inviterId: number;
  name: string;
  email: string;
  role: AccountRole;
  availability?: Availability | undefined;
  autoOffline?: boolean | undefined;
};

/**
 * Adds an agent to the account. A new person gets a user without a password and an invitation
 * link to set one; someone who already uses RocketHub is added and told by email.
 */
export async function inviteAgent(ctx: AppContext, input: InviteInput) {
  const userId = await ctx.transaction(async (tx) => {
    const account = await accounts.getAccount(tx, input.accountId);
    const inviter = await users.getUser(tx, input.inviterId);
    if (!account || !inviter) throw notFound('Account');
    const names = { inviterName: users.availableName(inviter), accountName: account.name };
    const existing = await users.findUserByEmail(tx, input.email);
    const user = existing ?? (await users.createUser(tx, { name: input.name, email: input.email, locale: account.locale }));
    await accounts.addMember(tx, { accountId: account.id, userId: user.id, role: input.role, inviterId: inviter.id });
    if (input.availability !== undefined || input.autoOffline !== undefined) {
      await accounts.updateMember(tx, account.id, user.id, { availability: input.availability, autoOffline: input.autoOffline });
    }
    const recipient = { ...names, name: user.name };
    if (existing?.passwordHash) {
      const url = `${ctx.config.frontendUrl}/app/login`;
      await ctx.mailer.queue(tx, addedToAccountMail(user.email, user.locale ?? account.locale, recipient, url, account.id));
    } else {
      const token = await auth.issueUserToken(tx, user.id, 'invitation');
      const url = auth.passwordEditUrl(ctx, token);
      await ctx.mailer.queue(tx, invitationMail(user.email, user.locale ?? account.locale, recipient, url, account.id));
    }
    return user.id;
  });
  return findAgent(ctx, input.accountId, userId);
}

export async function findAgent(ctx: AppContext, accountId: number, userId: number) {
  const member = await accounts.findMember(ctx.db, accountId, userId);
  if (!member) throw notFound('Agent');
  return member;
}

export async function updateAgent(
  ctx: AppContext,
  accountId: number,
  userId: number,
  patch: { role?: AccountRole | undefined; availability?: Availability | undefined; autoOffline?: boolean | undefined },
) {
  await ctx.transaction((tx) => accounts.updateMember(tx, accountId, userId, patch));
  if (patch.role !== undefined) inboxAccessChanged(ctx, accountId, [userId]);
  if (patch.availability !== undefined || patch.autoOffline !== undefined) await availabilityChanged(ctx, accountId);
  return findAgent(ctx, accountId, userId);
}

/** The agent leaves the account, and with it the account's inboxes and teams. */
export async function removeAgent(ctx: AppContext, accountId: number, userId: number): Promise<void> {
  await ctx.transaction(async (tx) => {
    await accounts.removeMember(tx, accountId, userId);
    await inboxes.removeUserFromInboxes(tx, accountId, userId);
    await teams.removeUserFromTeams(tx, accountId, userId);
  });
  inboxAccessChanged(ctx, accountId, [userId]);
}

/** Each agent with their availability as others see it: online only while connected (unless auto-offline is off). */
export async function withAvailability(ctx: AppContext, accountId: number, members: accounts.MemberRow[]) {
  const statuses = await agentAvailabilities(
    ctx,
    accountId,
    members.map((m) => ({ userId: m.userId, availability: m.availability, autoOffline: m.autoOffline })),
  );
  return members.map((member) => ({ member, availability: statuses.get(member.userId) ?? 'offline' }));
}

/** Agents as the API shows them (with the availability others see), for any list of account members. */
export async function presentAgents(ctx: AppContext, accountId: number, members: accounts.MemberRow[]) {
  return (await withAvailability(ctx, accountId, members)).map((a) => presentAgent(a.member, a.availability));
}
