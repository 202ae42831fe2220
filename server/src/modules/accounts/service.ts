import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import type { AccountRole, Availability } from '../../db/schema';
import { AppError, invalidField, notFound, tooManyRequests } from '../../platform/errors';
import { lockInstallation, needsOnboarding } from '../installation/service';
import * as auth from '../auth/service';
import * as users from '../users/service';
import { LIMITS } from '../auth/limits';
import * as labels from '../labels/service';
import * as repository from './repository';

export type { AccountRow, MembershipRow, MembershipWithAccount, MemberRow } from './repository';

export const getAccount = repository.findAccount;
export const findMembership = repository.findMembership;
export const listMembershipsOfUser = repository.listMembershipsOfUser;
export const listMembers = repository.listMembers;
export const findMember = repository.findMember;

export type AccountInput = {
  name?: string | undefined;
  locale?: string | undefined;
  domain?: string | null | undefined;
  supportEmail?: string | null | undefined;
  status?: 'active' | 'suspended' | undefined;
  customAttributes?: Record<string, unknown> | undefined;
  limits?: Record<string, unknown> | undefined;
};

export async function createAccount(tx: Executor, input: AccountInput & { name: string }) {
  return repository.insertAccount(tx, {
    name: input.name,
    locale: input.locale ?? 'pt_BR',
    domain: input.domain ?? null,
    supportEmail: input.supportEmail ?? null,
    status: input.status ?? 'active',
    customAttributes: input.customAttributes ?? {},
    limits: input.limits ?? {},
  });
}

export type SignUpInput = {
  accountName: string;
  userFullName: string;
  email: string;
  password: string;
  locale?: string | undefined;
};

/**
 * Creates an account and its first administrator, and signs them in. Open while the installation
 * has no account (onboarding; the user becomes the installation owner), afterwards only when
 * sign-up is enabled.
 */
export async function signUp(ctx: AppContext, input: SignUpInput, client: auth.ClientInfo) {
  const limit = await ctx.rateLimiter.hit(`signup:ip:${client.ip ?? 'unknown'}`, ...LIMITS.signUpPerIp);
  if (!limit.allowed) throw tooManyRequests(limit.retryAfterSeconds);
  const passwordHash = await users.hashNewPassword(input.password);
  return ctx.transaction(async (tx) => {
    await lockInstallation(tx);
    const first = await needsOnboarding(tx);
    if (!first && !ctx.config.signupEnabled) {
      throw new AppError('forbidden', 'Sign-up is disabled on this installation; ask an administrator for an invitation');
    }
    const user = await users.createUser(tx, {
      name: input.userFullName,
      email: input.email,
      passwordHash,
      confirmed: true,
      type: first ? 'SuperAdmin' : null,
      locale: input.locale ?? null,
    });
    const account = await createAccount(tx, { name: input.accountName, locale: input.locale });
    await repository.insertMembership(tx, { accountId: account.id, userId: user.id, role: 'administrator' });
    await repository.updateMembership(tx, account.id, user.id, { activeAt: new Date() });
    const session = await auth.startSession(ctx, tx, user.id, client);
    return { user, account, session };
  });
}

export type AccountUpdate = AccountInput & {
  autoResolveAfter?: number | null | undefined;
  autoResolveMessage?: string | null | undefined;
  autoResolveIgnoreWaiting?: boolean | null | undefined;
  autoResolveLabel?: string | null | undefined;
  industry?: string | undefined;
  companySize?: string | undefined;
  timezone?: string | undefined;
};

export async function updateAccount(ctx: AppContext, accountId: number, input: AccountUpdate) {
  return ctx.transaction(async (tx) => {
    const account = await repository.findAccount(tx, accountId);
    if (!account) throw notFound('Account');
    const settings = { ...account.settings };
    if (input.autoResolveAfter !== undefined) settings.auto_resolve_after = input.autoResolveAfter;
    if (input.autoResolveMessage !== undefined) settings.auto_resolve_message = input.autoResolveMessage;
    if (input.autoResolveIgnoreWaiting !== undefined) settings.auto_resolve_ignore_waiting = input.autoResolveIgnoreWaiting;
    if (input.autoResolveLabel !== undefined) {
      const label = input.autoResolveLabel?.toLowerCase() ?? null;
      if (label !== null && !(await labels.labelExists(tx, accountId, label))) {
        throw invalidField('auto_resolve_label', 'is not a label of this account', 'not_found');
      }
      settings.auto_resolve_label = label;
    }
    const customAttributes = { ...account.customAttributes, ...(input.customAttributes ?? {}) };
    if (input.industry !== undefined) customAttributes.industry = input.industry;
    if (input.companySize !== undefined) customAttributes.company_size = input.companySize;
    if (input.timezone !== undefined) customAttributes.timezone = input.timezone;
    const updated = await repository.updateAccount(tx, accountId, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      ...(input.domain !== undefined ? { domain: input.domain } : {}),
      ...(input.supportEmail !== undefined ? { supportEmail: input.supportEmail } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.limits !== undefined ? { limits: input.limits } : {}),
      settings,
      customAttributes,
    });
    if (!updated) throw notFound('Account');
    return updated;
  });
}

/** Deletes the account and everything in it (rows cascade); its users keep their other accounts. */
export async function deleteAccountIn(tx: Executor, accountId: number): Promise<void> {
  const deleted = await repository.deleteAccount(tx, accountId);
  if (!deleted) throw notFound('Account');
}

/** Adds a user to an account; 422 when already a member. */
export async function addMember(
  tx: Executor,
  input: { accountId: number; userId: number; role: AccountRole; inviterId?: number | null },
) {
  if (await repository.findMembership(tx, input.accountId, input.userId)) {
    throw invalidField('email', 'already belongs to this account', 'taken');
  }
  return repository.insertMembership(tx, input);
}

/** Role and availability changes; an account never loses its last administrator. */
export async function updateMember(
  tx: Executor,
  accountId: number,
  userId: number,
  patch: { role?: AccountRole | undefined; availability?: Availability | undefined; autoOffline?: boolean | undefined },
) {
  const current = await repository.findMembership(tx, accountId, userId);
  if (!current) throw notFound('Agent');
  if (patch.role === 'agent' && current.role === 'administrator') await ensureAnotherAdministrator(tx, accountId, userId, 'cannot change');
  const updated = await repository.updateMembership(tx, accountId, userId, {
    ...(patch.role !== undefined ? { role: patch.role } : {}),
    ...(patch.availability !== undefined ? { availability: patch.availability } : {}),
    ...(patch.autoOffline !== undefined ? { autoOffline: patch.autoOffline } : {}),
  });
  if (!updated) throw notFound('Agent');
  return updated;
}

export async function removeMember(tx: Executor, accountId: number, userId: number): Promise<void> {
  const current = await repository.findMembership(tx, accountId, userId);
  if (!current) throw notFound('Agent');
  if (current.role === 'administrator') await ensureAnotherAdministrator(tx, accountId, userId, 'cannot be removed');
  await repository.deleteMembership(tx, accountId, userId);
}

async function ensureAnotherAdministrator(tx: Executor, accountId: number, userId: number, what: 'cannot change' | 'cannot be removed') {
  const admins = await repository.lockAdministrators(tx, accountId);
  if (!admins.some((id) => id !== userId)) {
    throw invalidField('role', `${what}: the account must keep at least one administrator`, 'last_administrator');
  }
}

/** Marks the account the user works in now (the default account on next sign-in). */
export async function markActive(db: Executor, accountId: number, userId: number): Promise<void> {
  await repository.updateMembership(db, accountId, userId, { activeAt: new Date() });
}
