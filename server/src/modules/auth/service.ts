import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import type { AccessTokenOwner, UserTokenPurpose } from '../../db/schema';
import { AppError, invalidField, tooManyRequests, unauthorized } from '../../platform/errors';
import { verifyPassword } from '../../platform/passwords';
import { hashToken, randomToken } from '../../platform/tokens';
import { hashBackupCode, matchTotp } from '../../platform/totp';
import { openSecret, sealSecret } from '../../platform/secret-box';
import * as users from '../users/service';
import type { UserRow } from '../users/service';
import type { Actor } from './actor';
import { LIMITS, TOKEN_TTL_SECONDS } from './limits';
import { passwordResetMail } from './mails';
import * as repository from './repository';

export type SessionSecrets = { token: string; csrfToken: string; expiresAt: Date };
export type ClientInfo = { ip: string | null; userAgent: string | null };

async function enforceLimit(ctx: AppContext, key: string, [limit, window]: readonly [number, number]) {
  const result = await ctx.rateLimiter.hit(key, limit, window);
  if (!result.allowed) throw tooManyRequests(result.retryAfterSeconds);
}

export async function startSession(ctx: AppContext, tx: Executor, userId: number, client: ClientInfo): Promise<SessionSecrets> {
  const token = randomToken();
  const csrfToken = randomToken(18);
  const expiresAt = new Date(Date.now() + ctx.config.sessionTtlDays * 86_400_000);
  await repository.insertSession(tx, {
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

const INVALID_CREDENTIALS = 'Invalid login credentials. Please try again.';

export type SignInInput = {
  email?: string | undefined;
  password?: string | undefined;
  ssoAuthToken?: string | undefined;
  /** The second step of a two-factor sign-in: the token the first step gave, with a code. */
  mfaToken?: string | undefined;
  otpCode?: string | undefined;
  backupCode?: string | undefined;
};

export type SignInResult = { user: UserRow; session: SessionSecrets } | { mfaRequired: true; mfaToken: string };

const TOTP_PURPOSE = 'totp-secret';

/** A TOTP secret as stored: encrypted with a key from the installation secret. */
export const sealTotpSecret = (secretKeyBase: string, secret: string): string => sealSecret(secretKeyBase, TOTP_PURPOSE, secret);

/** The user's TOTP secret in clear (secrets stored before encryption are read as they are). */
export const totpSecretOf = (secretKeyBase: string, user: Pick<UserRow, 'otpSecret'>): string | undefined =>
  user.otpSecret ? openSecret(secretKeyBase, TOTP_PURPOSE, user.otpSecret) : undefined;

/**
 * Checks a second factor of the user, in the caller's transaction: a TOTP code (never the same time
 * step twice) or a backup code (used up). False when neither matches.
 */
export async function verifySecondFactor(
  tx: Executor,
  secretKeyBase: string,
  user: UserRow,
  input: { otpCode?: string | undefined; backupCode?: string | undefined },
) {
  const secret = totpSecretOf(secretKeyBase, user);
  if (!secret) return false;
  if (input.otpCode !== undefined) {
    const step = matchTotp(secret, input.otpCode, user.otpLastStep);
    if (step === undefined) return false;
    await users.updateTwoFactor(tx, user.id, { otpLastStep: step });
    return true;
  }
  if (input.backupCode !== undefined) {
    const hash = hashBackupCode(input.backupCode);
    if (!user.otpBackupCodes.includes(hash)) return false;
    await users.updateTwoFactor(tx, user.id, { otpBackupCodes: user.otpBackupCodes.filter((h) => h !== hash) });
    return true;
  }
  return false;
}

const INVALID_SECOND_FACTOR = 'Invalid two-factor code. Please try again.';

/** The second step of a two-factor sign-in: the `mfa_token` of the first step and a code. */
async function signInSecondStep(ctx: AppContext, input: SignInInput, client: ClientInfo): Promise<SignInResult> {
  await enforceLimit(ctx, `signin:ip:${client.ip ?? 'unknown'}`, [ctx.config.signInLimitPerIp, LIMITS.signInPerIp[1]]);
  const tokenHash = hashToken(input.mfaToken ?? '');
  const pending = await repository.findUsableUserToken(ctx.db, tokenHash, ['mfa']);
  const user = pending && (await users.getUser(ctx.db, pending.userId));
  if (!pending || !user) throw unauthorized('The sign-in has expired; enter your email and password again');
  await enforceLimit(ctx, `signin:email:${user.email.toLowerCase()}`, LIMITS.signInPerEmail);
  const result = await ctx.transaction(async (tx) => {
    const token = await repository.findUsableUserToken(tx, tokenHash, ['mfa'], true);
    const current = await users.getUser(tx, pending.userId);
    if (!token || !current) return undefined;
    if (!(await verifySecondFactor(tx, ctx.secretKeyBase, current, input))) return undefined;
    await repository.markUserTokenUsed(tx, token.id);
    return { user: current, session: await startSession(ctx, tx, current.id, client) };
  });
  if (!result) throw unauthorized(INVALID_SECOND_FACTOR);
  await ctx.rateLimiter.reset(`signin:email:${user.email.toLowerCase()}`);
  return result;
}

export async function signIn(ctx: AppContext, input: SignInInput, client: ClientInfo): Promise<SignInResult> {
  if (input.mfaToken !== undefined) return signInSecondStep(ctx, input, client);
  const email = (input.email ?? '').trim().toLowerCase();
  await enforceLimit(ctx, `signin:ip:${client.ip ?? 'unknown'}`, [ctx.config.signInLimitPerIp, LIMITS.signInPerIp[1]]);
  await enforceLimit(ctx, `signin:email:${email}`, LIMITS.signInPerEmail);
  const outcome = await ctx.transaction(async (tx) => {
    const user = await users.findUserByEmail(tx, email);
    let valid = false;
    if (input.ssoAuthToken !== undefined) {
      const token = user && (await repository.findUsableUserToken(tx, hashToken(input.ssoAuthToken), ['sso'], true));
      if (user && token && token.userId === user.id) {
        await repository.markUserTokenUsed(tx, token.id);
        valid = true;
      }
    } else {
      valid = await verifyPassword(user?.passwordHash ?? null, input.password ?? '');
    }
    if (!user || !valid) throw unauthorized(INVALID_CREDENTIALS);
    if (user.otpRequiredForLogin) {
      // Two-factor: a code sent along signs in at once; otherwise the client asks for one.
      if (input.otpCode === undefined && input.backupCode === undefined) {
        return { mfaRequired: true as const, mfaToken: await issueUserToken(tx, user.id, 'mfa') };
      }
      if (!(await verifySecondFactor(tx, ctx.secretKeyBase, user, input))) return { invalidSecondFactor: true as const };
    }
    await ctx.rateLimiter.reset(`signin:email:${email}`);
    return { user, session: await startSession(ctx, tx, user.id, client) };
  });
  if ('invalidSecondFactor' in outcome) throw unauthorized(INVALID_SECOND_FACTOR);
  return outcome;
}

export async function signOut(ctx: AppContext, actor: Actor): Promise<void> {
  if (actor.kind === 'user' && actor.via === 'session') await repository.deleteSession(ctx.db, actor.session.id);
}

const TOUCH_AFTER_MS = 3_600_000;

/** The actor behind a session cookie or an api_access_token; undefined when neither is valid. */
export async function actorFromSessionToken(ctx: AppContext, token: string): Promise<Actor | undefined> {
  const found = await repository.findLiveSessionWithUser(ctx.db, hashToken(token));
  if (!found) return undefined;
  const { session, user } = found;
  if (Date.now() - session.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await repository.touchSession(ctx.db, session.id, new Date(Date.now() + ctx.config.sessionTtlDays * 86_400_000));
  }
  return { kind: 'user', user, via: 'session', session };
}

export async function actorFromAccessToken(ctx: AppContext, token: string): Promise<Actor | undefined> {
  const owner = await repository.findAccessTokenOwnerWithUser(ctx.db, token);
  if (!owner) return undefined;
  if (owner.ownerType === 'platform_app') return { kind: 'platform_app', platformAppId: owner.ownerId };
  if (owner.ownerType === 'user') return owner.user ? { kind: 'user', user: owner.user, via: 'token' } : undefined;
  return undefined;
}

/** The owner's api_access_token, created on first use. */
export async function ensureAccessToken(db: Executor, ownerType: AccessTokenOwner, ownerId: number): Promise<string> {
  const existing = await repository.findAccessToken(db, ownerType, ownerId);
  if (existing) return existing;
  await repository.insertAccessTokenIfMissing(db, ownerType, ownerId, randomToken(24));
  const created = await repository.findAccessToken(db, ownerType, ownerId);
  if (!created) throw new Error('access token was not stored');
  return created;
}

/** A new token for the owner; the previous one stops working at once. */
export async function regenerateAccessToken(db: Executor, ownerType: AccessTokenOwner, ownerId: number): Promise<string> {
  const token = randomToken(24);
  await repository.replaceAccessToken(db, ownerType, ownerId, token);
  return token;
}

export const deleteAccessToken = repository.deleteAccessToken;

/** Creates a one-time token for the user and returns its secret (only the hash is stored). */
export async function issueUserToken(tx: Executor, userId: number, purpose: UserTokenPurpose): Promise<string> {
  const token = randomToken();
  await repository.insertUserToken(tx, {
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + TOKEN_TTL_SECONDS[purpose] * 1000),
  });
  return token;
}

export function passwordEditUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.frontendUrl}/app/auth/password/edit?reset_password_token=${encodeURIComponent(token)}`;
}

/** Always answers the same way, so it cannot be used to learn which emails have an account. */
export async function requestPasswordReset(ctx: AppContext, emailInput: string, client: ClientInfo): Promise<void> {
  const email = emailInput.trim().toLowerCase();
  await enforceLimit(ctx, `reset:ip:${client.ip ?? 'unknown'}`, LIMITS.passwordResetPerIp);
  await enforceLimit(ctx, `reset:email:${email}`, LIMITS.passwordResetPerEmail);
  await ctx.transaction(async (tx) => {
    const user = await users.findUserByEmail(tx, email);
    if (!user) return;
    const token = await issueUserToken(tx, user.id, 'reset_password');
    await ctx.mailer.queue(tx, passwordResetMail(user, passwordEditUrl(ctx, token)));
  });
}

const PASSWORD_TOKEN_PURPOSES = ['reset_password', 'invitation'] as const;

export async function describePasswordToken(ctx: AppContext, token: string) {
  const row = await repository.findUsableUserToken(ctx.db, hashToken(token), PASSWORD_TOKEN_PURPOSES);
  const user = row && (await users.getUser(ctx.db, row.userId));
  if (!row || !user) throw new AppError('not_found', 'This link is invalid or has expired');
  return { purpose: row.purpose as (typeof PASSWORD_TOKEN_PURPOSES)[number], email: user.email, name: user.name };
}

/** Sets the password from a reset or invitation link, ends every other session, and signs the user in. */
export async function resetPassword(
  ctx: AppContext,
  input: { token: string; password: string; passwordConfirmation: string },
  client: ClientInfo,
): Promise<{ user: UserRow; session: SessionSecrets }> {
  const passwordHash = await users.hashNewPassword(input.password, input.passwordConfirmation);
  return ctx.transaction(async (tx) => {
    const row = await repository.findUsableUserToken(tx, hashToken(input.token), PASSWORD_TOKEN_PURPOSES, true);
    if (!row) throw invalidField('reset_password_token', 'is invalid or has expired', 'invalid_token');
    await repository.markUserTokenUsed(tx, row.id);
    const user = await setPassword(tx, row.userId, passwordHash, { confirm: true });
    if (!user) throw invalidField('reset_password_token', 'is invalid or has expired', 'invalid_token');
    return { user, session: await startSession(ctx, tx, user.id, client) };
  });
}

/** Sensitive profile changes (password, email) need the current password. */
export async function verifyCurrentPassword(actor: Extract<Actor, { kind: 'user' }>, currentPassword: string | undefined) {
  if (!(await verifyPassword(actor.user.passwordHash, currentPassword ?? ''))) {
    throw invalidField('current_password', 'is incorrect', 'invalid');
  }
}

/**
 * Sets a user's password in the caller's transaction, whoever asks (reset link, profile, platform
 * app): outstanding reset and invitation links stop working, and every session ends except
 * `keepSessionId` (the one making the change).
 */
export async function setPassword(
  tx: Executor,
  userId: number,
  passwordHash: string,
  options: { keepSessionId?: number | undefined; confirm?: boolean } = {},
) {
  const user = await users.updateUser(tx, userId, { passwordHash, confirmed: options.confirm });
  await repository.revokeUserTokens(tx, userId, PASSWORD_TOKEN_PURPOSES);
  await repository.deleteSessionsOfUser(tx, userId, options.keepSessionId);
  return user;
}

export async function createSsoLink(ctx: AppContext, user: UserRow): Promise<string> {
  const token = await ctx.transaction((tx) => issueUserToken(tx, user.id, 'sso'));
  const query = new URLSearchParams({ email: user.email, sso_auth_token: token });
  return `${ctx.config.frontendUrl}/app/login?${query.toString()}`;
}


/** Housekeeping: expired sessions and old one-time tokens go. */
export async function purgeExpiredCredentials(ctx: AppContext): Promise<void> {
  await repository.deleteExpiredSessions(ctx.db);
  await repository.deleteStaleUserTokens(ctx.db);
}

/** Marks a one-time token of the purpose used and returns it, if it is usable (in the caller's transaction). */
export async function takeUserToken(tx: Executor, token: string, purpose: UserTokenPurpose) {
  const row = await repository.findUsableUserToken(tx, hashToken(token), [purpose], true);
  if (row) await repository.markUserTokenUsed(tx, row.id);
  return row;
}

/** Outstanding one-time tokens of these purposes stop working. */
export const revokeTokens = repository.revokeUserTokens;
