import type { Db, Executor } from '../../db/client';
import { randomToken } from '../../platform/tokens';
import * as repository from './repository';

/** Without SECRET_KEY_BASE, one secret is generated on first start and shared by every node through the database. */
export async function resolveSecretKeyBase(db: Db): Promise<string> {
  const existing = await repository.readConfig(db, 'secret_key_base');
  if (typeof existing === 'string') return existing;
  const stored = await repository.insertConfigOnce(db, 'secret_key_base', randomToken(48));
  return String(stored);
}

/** Onboarding is open while the installation has no account at all. */
export async function needsOnboarding(db: Executor): Promise<boolean> {
  return !(await repository.hasAnyAccount(db));
}

export const lockInstallation = repository.lockInstallation;

export type VapidKeys = { publicKey: string; privateKey: string };

/**
 * The installation's VAPID key pair for Web Push: generated once (on first start, or first use)
 * and shared by every node through the database. `generate` makes a new pair (base64url).
 */
export async function resolveVapidKeys(db: Executor, generate: () => VapidKeys): Promise<VapidKeys> {
  const isKeys = (v: unknown): v is { public_key: string; private_key: string } =>
    typeof v === 'object' && v !== null && typeof (v as { public_key?: unknown }).public_key === 'string' && typeof (v as { private_key?: unknown }).private_key === 'string';
  let stored = await repository.readConfig(db, 'vapid_keys');
  if (!isKeys(stored)) {
    const keys = generate();
    stored = await repository.insertConfigOnce(db, 'vapid_keys', { public_key: keys.publicKey, private_key: keys.privateKey });
  }
  if (!isKeys(stored)) throw new Error('installation config vapid_keys is malformed');
  return { publicKey: stored.public_key, privateKey: stored.private_key };
}
