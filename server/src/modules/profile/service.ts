import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import type { Availability } from '../../db/schema';
import { AppError, invalidField, notFound } from '../../platform/errors';
import * as accounts from '../accounts/service';
import type { UserActor } from '../auth/actor';
import * as auth from '../auth/service';
import { availabilityChanged } from '../realtime/service';
import * as users from '../users/service';
import { emailConfirmationMail } from './mails';
import { presentUser } from './presenter';

/** The user JSON of profile, sign-in and sign-up responses. */
export async function userPayload(db: Executor, userId: number) {
  const user = await users.getUser(db, userId);
  if (!user) throw notFound('User');
  const [memberships, accessToken] = await Promise.all([
    accounts.listMembershipsOfUser(db, userId),
    auth.ensureAccessToken(db, 'user', userId),
  ]);
  return presentUser(user, memberships, accessToken);
}

export type ProfileUpdate = {
  name?: string | undefined;
  displayName?: string | null | undefined;
  email?: string | undefined;
  messageSignature?: string | null | undefined;
  uiSettings?: Record<string, unknown> | undefined;
  locale?: string | null | undefined;
  availability?: Availability | undefined;
  accountId?: number | undefined;
  password?: string | undefined;
  passwordConfirmation?: string | undefined;
  currentPassword?: string | undefined;
};

export async function updateProfile(ctx: AppContext, actor: UserActor, input: ProfileUpdate): Promise<void> {
  await applyProfileUpdate(ctx, actor, input);
  if (input.availability !== undefined) {
    const accountId = input.accountId ?? (await accounts.listMembershipsOfUser(ctx.db, actor.user.id))[0]?.accountId;
    if (accountId !== undefined) await availabilityChanged(ctx, accountId);
  }
}

async function applyProfileUpdate(ctx: AppContext, actor: UserActor, input: ProfileUpdate): Promise<void> {
  const emailChanges = input.email !== undefined && input.email.trim().toLowerCase() !== actor.user.email.toLowerCase();
  const passwordChanges = input.password !== undefined;
  if (emailChanges || passwordChanges) await auth.verifyCurrentPassword(actor, input.currentPassword);
  let passwordHash: string | undefined;
  if (input.password !== undefined) {
    if (input.passwordConfirmation === undefined) throw invalidField('password_confirmation', 'is required', 'required');
    passwordHash = await users.hashNewPassword(input.password, input.passwordConfirmation);
  }
  // One transaction: a rejected field leaves everything, the password included, as it was.
  await ctx.transaction(async (tx) => {
    await users.updateUser(tx, actor.user.id, {
      name: input.name,
      displayName: input.displayName,
      messageSignature: input.messageSignature,
      uiSettings: input.uiSettings === undefined ? undefined : { ...actor.user.uiSettings, ...input.uiSettings },
      locale: input.locale,
    });
    if (input.availability !== undefined || input.accountId !== undefined) {
      const accountId = input.accountId ?? (await accounts.listMembershipsOfUser(tx, actor.user.id))[0]?.accountId;
      const membership = accountId === undefined ? undefined : await accounts.findMembership(tx, accountId, actor.user.id);
      if (!membership) throw notFound('Account');
      if (input.availability !== undefined) {
        await accounts.updateMember(tx, membership.accountId, actor.user.id, { availability: input.availability });
      }
      // The account named last becomes the default one (`account_id`) for the next sign-in.
      if (input.accountId !== undefined) await accounts.markActive(tx, membership.accountId, actor.user.id);
    }
    // A new email takes effect once its owner follows the link mailed to it.
    if (emailChanges && input.email !== undefined) await requestEmailChange(ctx, tx, actor, input.email);
    if (passwordHash !== undefined) {
      await auth.setPassword(tx, actor.user.id, passwordHash, {
        keepSessionId: actor.via === 'session' ? actor.session.id : undefined,
      });
    }
  });
}

async function requestEmailChange(ctx: AppContext, tx: Executor, actor: UserActor, email: string): Promise<void> {
  await users.setUnconfirmedEmail(tx, actor.user.id, email);
  await auth.revokeTokens(tx, actor.user.id, ['email_confirmation']);
  const token = await auth.issueUserToken(tx, actor.user.id, 'email_confirmation');
  const url = `${ctx.config.frontendUrl}/app/auth/confirmation?confirmation_token=${encodeURIComponent(token)}`;
  await ctx.mailer.queue(tx, emailConfirmationMail({ email: email.trim(), name: users.availableName(actor.user), locale: actor.user.locale }, url));
}

/** Follows the link of an email change: the new address replaces the old one (unless someone took it meanwhile). */
export async function confirmEmail(ctx: AppContext, token: string) {
  return ctx.transaction(async (tx) => {
    const row = await auth.takeUserToken(tx, token, 'email_confirmation');
    const user = row && (await users.getUser(tx, row.userId));
    if (!row || !user?.unconfirmedEmail) throw new AppError('not_found', 'This link is invalid or has expired');
    await users.updateUser(tx, user.id, { email: user.unconfirmedEmail, confirmed: true });
    await users.setUnconfirmedEmail(tx, user.id, null);
    return user.id;
  });
}
