import QRCode from 'qrcode';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import { invalidField } from '../../platform/errors';
import { hashBackupCode, matchTotp, newBackupCodes, newTotpSecret, totpUri } from '../../platform/totp';
import { sealTotpSecret, totpSecretOf, verifySecondFactor } from '../auth/service';
import type { UserActor } from '../auth/actor';
import * as auth from '../auth/service';
import * as users from '../users/service';
import type { UserRow } from '../users/service';

/** Two-factor sign-in (TOTP, as authenticator apps generate) with single-use backup codes. */

export function twoFactorStatus(user: UserRow) {
  return { enabled: user.otpRequiredForLogin, backup_codes_remaining: user.otpRequiredForLogin ? user.otpBackupCodes.length : 0 };
}

async function freshUser(db: Executor, userId: number): Promise<UserRow> {
  const user = await users.getUser(db, userId);
  if (!user) throw new Error(`user ${userId} vanished`);
  return user;
}

/** Step 1 (needs the password): a new secret, shown as text and as a QR code; not active until confirmed. */
export async function startSetup(ctx: AppContext, actor: UserActor, currentPassword: string | undefined) {
  await auth.verifyCurrentPassword(actor, currentPassword);
  if (actor.user.otpRequiredForLogin) throw invalidField('otp_code', 'two-factor authentication is already on', 'already_enabled');
  const secret = newTotpSecret();
  await ctx.transaction((tx) => users.updateTwoFactor(tx, actor.user.id, { otpSecret: sealTotpSecret(ctx.secretKeyBase, secret), otpLastStep: null }));
  const uri = totpUri(secret, actor.user.email);
  return { secret, provisioning_url: uri, qr_code_url: await QRCode.toDataURL(uri, { margin: 1, width: 240 }) };
}

/** Step 2: a code from the app proves it is set up; two-factor goes on and the backup codes are shown once. */
export async function confirmSetup(ctx: AppContext, actor: UserActor, code: string) {
  return ctx.transaction(async (tx) => {
    const user = await freshUser(tx, actor.user.id);
    if (user.otpRequiredForLogin) throw invalidField('otp_code', 'two-factor authentication is already on', 'already_enabled');
    const secret = totpSecretOf(ctx.secretKeyBase, user);
    if (!secret) throw invalidField('otp_code', 'start the setup first', 'not_started');
    const step = matchTotp(secret, code, user.otpLastStep);
    if (step === undefined) throw invalidField('otp_code', 'is not the current code', 'invalid');
    const codes = newBackupCodes();
    await users.updateTwoFactor(tx, user.id, { otpRequiredForLogin: true, otpLastStep: step, otpBackupCodes: codes.map(hashBackupCode) });
    return { enabled: true as const, backup_codes: codes };
  });
}

/** Turns two-factor off: needs the password and a current code (or a backup code). */
export async function disable(ctx: AppContext, actor: UserActor, input: { currentPassword?: string | undefined; otpCode?: string | undefined; backupCode?: string | undefined }) {
  await auth.verifyCurrentPassword(actor, input.currentPassword);
  await ctx.transaction(async (tx) => {
    const user = await freshUser(tx, actor.user.id);
    if (!user.otpRequiredForLogin) throw invalidField('otp_code', 'two-factor authentication is off', 'not_enabled');
    if (!(await verifySecondFactor(tx, ctx.secretKeyBase, user, input))) throw invalidField('otp_code', 'is not the current code', 'invalid');
    await users.updateTwoFactor(tx, user.id, { otpRequiredForLogin: false, otpSecret: null, otpBackupCodes: [], otpLastStep: null });
  });
  return { enabled: false, backup_codes_remaining: 0 };
}

/** New backup codes (the old ones stop working), after a current code. */
export async function regenerateBackupCodes(ctx: AppContext, actor: UserActor, code: string) {
  return ctx.transaction(async (tx) => {
    const user = await freshUser(tx, actor.user.id);
    if (!user.otpRequiredForLogin) throw invalidField('otp_code', 'two-factor authentication is off', 'not_enabled');
    if (!(await verifySecondFactor(tx, ctx.secretKeyBase, user, { otpCode: code }))) throw invalidField('otp_code', 'is not the current code', 'invalid');
    const codes = newBackupCodes();
    await users.updateTwoFactor(tx, user.id, { otpBackupCodes: codes.map(hashBackupCode) });
    return { enabled: true as const, backup_codes: codes };
  });
}
