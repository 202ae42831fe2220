import type { Executor } from '../../db/client';
import { invalidField } from '../../platform/errors';
import { hashPassword, passwordWeakness } from '../../platform/passwords';
import { randomToken } from '../../platform/tokens';
import * as repository from './repository';

export type { UserRow } from './repository';

export const getUser = repository.findUserById;
export const findUserByEmail = repository.findUserByEmail;

export function normalizeEmail(email: string): string {
  return email.trim();
}

/** Rejects a weak password (as a field error) and returns its hash. */
export async function hashNewPassword(password: string, confirmation?: string, field = 'password'): Promise<string> {
  const weakness = passwordWeakness(password);
  if (weakness) throw invalidField(field, weakness, 'weak_password');
  if (confirmation !== undefined && confirmation !== password) {
    throw invalidField('password_confirmation', 'does not match the password', 'confirmation_mismatch');
  }
  return hashPassword(password);
}

export type CreateUserInput = {
  name: string;
  email: string;
  displayName?: string | null;
  /** Already validated and hashed (see hashNewPassword); omit for invited users. */
  passwordHash?: string | null;
  confirmed?: boolean;
  type?: 'SuperAdmin' | null;
  locale?: string | null;
  customAttributes?: Record<string, unknown>;
};

export async function createUser(tx: Executor, input: CreateUserInput) {
  const email = normalizeEmail(input.email);
  if (await repository.findUserByEmail(tx, email)) throw invalidField('email', 'is already taken', 'taken');
  return repository.insertUser(tx, {
    name: input.name.trim(),
    email,
    displayName: input.displayName ?? null,
    passwordHash: input.passwordHash ?? null,
    confirmedAt: input.confirmed ? new Date() : null,
    pubsubToken: randomToken(24),
    type: input.type ?? null,
    locale: input.locale ?? null,
    customAttributes: input.customAttributes ?? {},
  });
}

export type UpdateUserInput = {
  name?: string;
  displayName?: string | null;
  email?: string;
  messageSignature?: string | null;
  uiSettings?: Record<string, unknown>;
  customAttributes?: Record<string, unknown>;
  locale?: string | null;
  passwordHash?: string;
  confirmed?: boolean;
};

export async function updateUser(tx: Executor, userId: number, input: UpdateUserInput) {
  if (input.email !== undefined) {
    const other = await repository.findUserByEmail(tx, input.email);
    if (other && other.id !== userId) throw invalidField('email', 'is already taken', 'taken');
  }
  const patch: Parameters<typeof repository.updateUser>[2] = {};
  if (input.name !== undefined) patch.name = input.name.trim();
  if (input.displayName !== undefined) patch.displayName = input.displayName;
  if (input.email !== undefined) patch.email = normalizeEmail(input.email);
  if (input.messageSignature !== undefined) patch.messageSignature = input.messageSignature;
  if (input.uiSettings !== undefined) patch.uiSettings = input.uiSettings;
  if (input.customAttributes !== undefined) patch.customAttributes = input.customAttributes;
  if (input.locale !== undefined) patch.locale = input.locale;
  if (input.passwordHash !== undefined) {
    patch.passwordHash = input.passwordHash;
    patch.passwordChangedAt = new Date();
  }
  if (input.confirmed) patch.confirmedAt = new Date();
  return repository.updateUser(tx, userId, patch);
}

export const deleteUser = repository.deleteUser;

/** The name shown to customers and colleagues: the display name when set. */
export function availableName(user: { name: string; displayName: string | null }): string {
  return user.displayName?.trim() || user.name;
}

export type TwoFactorPatch = {
  otpSecret?: string | null;
  otpRequiredForLogin?: boolean;
  otpBackupCodes?: string[];
  otpLastStep?: number | null;
};

/** Two-factor state of a user (secret, whether sign-in asks for a code, backup code hashes, last code step). */
export async function updateTwoFactor(tx: Executor, userId: number, patch: TwoFactorPatch) {
  return repository.updateUser(tx, userId, patch);
}

/** A new email waiting for confirmation (null: none); refused when another user has it. */
export async function setUnconfirmedEmail(tx: Executor, userId: number, email: string | null) {
  if (email !== null) {
    const other = await repository.findUserByEmail(tx, email);
    if (other && other.id !== userId) throw invalidField('email', 'is already taken', 'taken');
  }
  return repository.updateUser(tx, userId, { unconfirmedEmail: email === null ? null : normalizeEmail(email) });
}

/** The profile photo: its storage name and public URL (both null: none). */
export async function updateAvatar(tx: Executor, userId: number, avatar: { avatarKey: string | null; avatarUrl: string | null }) {
  return repository.updateUser(tx, userId, avatar);
}
