import type { AppContext } from '../../context';
import type { AccountRole } from '../../db/schema';
import { invalidField, notFound } from '../../platform/errors';
import * as accounts from '../accounts/service';
import { removeAttachmentsOfScope } from '../attachments/service';
import * as auth from '../auth/service';
import * as inboxes from '../inboxes/service';
import * as teams from '../teams/service';
import * as users from '../users/service';
import * as repository from './repository';

/**
 * The platform API acts only on what the calling platform app created (or was granted): anything
 * else answers 404, as if it did not exist.
 */
export async function createPlatformApp(ctx: AppContext, name: string) {
  return ctx.transaction(async (tx) => {
    const app = await repository.insertPlatformApp(tx, name);
    const token = await auth.regenerateAccessToken(tx, 'platform_app', app.id);
    return { id: app.id, name: app.name, token };
  });
}

async function requireGrant(ctx: AppContext, appId: number, type: 'account' | 'user', id: number) {
  if (!(await repository.isGranted(ctx.db, appId, type, id))) throw notFound(type === 'account' ? 'Account' : 'User');
}

export async function createAccount(ctx: AppContext, appId: number, input: accounts.AccountInput & { name: string }) {
  return ctx.transaction(async (tx) => {
    const account = await accounts.createAccount(tx, input);
    await repository.grant(tx, appId, 'account', account.id);
    return account;
  });
}

export async function getAccount(ctx: AppContext, appId: number, accountId: number) {
  await requireGrant(ctx, appId, 'account', accountId);
  const account = await accounts.getAccount(ctx.db, accountId);
  if (!account) throw notFound('Account');
  return account;
}

export async function updateAccount(ctx: AppContext, appId: number, accountId: number, input: accounts.AccountInput) {
  await requireGrant(ctx, appId, 'account', accountId);
  return accounts.updateAccount(ctx, accountId, input);
}

export async function deleteAccount(ctx: AppContext, appId: number, accountId: number) {
  await requireGrant(ctx, appId, 'account', accountId);
  await ctx.transaction(async (tx) => {
    await repository.revokeEverywhere(tx, 'account', accountId);
    await removeAttachmentsOfScope(ctx, tx, { accountId });
    await accounts.deleteAccountIn(tx, accountId);
  });
}

export async function listAccountUsers(ctx: AppContext, appId: number, accountId: number) {
  await requireGrant(ctx, appId, 'account', accountId);
  return accounts.listMembers(ctx.db, accountId);
}

/** Adds (or re-roles) a user the app manages in an account the app manages. */
export async function upsertAccountUser(ctx: AppContext, appId: number, accountId: number, userId: number, role: AccountRole) {
  await requireGrant(ctx, appId, 'account', accountId);
  if (!(await repository.isGranted(ctx.db, appId, 'user', userId))) throw invalidField('user_id', 'is not a user of this platform app', 'not_found');
  return ctx.transaction(async (tx) => {
    const existing = await accounts.findMembership(tx, accountId, userId);
    if (existing) return accounts.updateMember(tx, accountId, userId, { role });
    return accounts.addMember(tx, { accountId, userId, role });
  });
}

export async function removeAccountUser(ctx: AppContext, appId: number, accountId: number, userId: number) {
  await requireGrant(ctx, appId, 'account', accountId);
  await ctx.transaction(async (tx) => {
    await accounts.removeMember(tx, accountId, userId);
    await inboxes.removeUserFromInboxes(tx, accountId, userId);
    await teams.removeUserFromTeams(tx, accountId, userId);
  });
}

export type PlatformUserInput = {
  name?: string | undefined;
  displayName?: string | null | undefined;
  email?: string | undefined;
  password?: string | undefined;
  customAttributes?: Record<string, unknown> | undefined;
};

/**
 * Creates a user, confirmed. Creating again with the email of a user this app already manages
 * returns that user (idempotent provisioning); another app's or a dashboard user's email is taken.
 */
export async function createUser(ctx: AppContext, appId: number, input: PlatformUserInput & { name: string; email: string }) {
  const passwordHash = input.password === undefined ? null : await users.hashNewPassword(input.password);
  return ctx.transaction(async (tx) => {
    const existing = await users.findUserByEmail(tx, input.email);
    if (existing) {
      if (!(await repository.isGranted(tx, appId, 'user', existing.id))) throw invalidField('email', 'is already taken', 'taken');
      return existing;
    }
    const user = await users.createUser(tx, {
      name: input.name,
      email: input.email,
      displayName: input.displayName ?? null,
      passwordHash,
      confirmed: true,
      customAttributes: input.customAttributes ?? {},
    });
    await repository.grant(tx, appId, 'user', user.id);
    return user;
  });
}

export async function getUser(ctx: AppContext, appId: number, userId: number) {
  await requireGrant(ctx, appId, 'user', userId);
  const user = await users.getUser(ctx.db, userId);
  if (!user) throw notFound('User');
  return user;
}

export async function updateUser(ctx: AppContext, appId: number, userId: number, input: PlatformUserInput) {
  await requireGrant(ctx, appId, 'user', userId);
  const passwordHash = input.password === undefined ? undefined : await users.hashNewPassword(input.password);
  return ctx.transaction(async (tx) => {
    const user = await users.updateUser(tx, userId, {
      name: input.name,
      displayName: input.displayName,
      email: input.email,
      customAttributes: input.customAttributes,
    });
    if (!user) throw notFound('User');
    if (passwordHash !== undefined) await auth.setPassword(tx, userId, passwordHash);
    return user;
  });
}

export async function deleteUser(ctx: AppContext, appId: number, userId: number) {
  await requireGrant(ctx, appId, 'user', userId);
  await ctx.transaction(async (tx) => {
    await repository.revokeEverywhere(tx, 'user', userId);
    await auth.deleteAccessToken(tx, 'user', userId);
    await users.deleteUser(tx, userId);
  });
}

export async function ssoLink(ctx: AppContext, appId: number, userId: number) {
  const user = await getUser(ctx, appId, userId);
  return auth.createSsoLink(ctx, user);
}
