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
