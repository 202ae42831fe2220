import { eq, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client';
import { accounts, installationConfigs } from '../../db/schema';

export async function readConfig(db: Executor, name: string): Promise<unknown> {
  const [row] = await db.select({ value: installationConfigs.value }).from(installationConfigs).where(eq(installationConfigs.name, name));
  return row?.value;
}

/** Inserts the value unless another node got there first; returns the stored value either way. */
export async function insertConfigOnce(db: Executor, name: string, value: unknown): Promise<unknown> {
  await db.insert(installationConfigs).values({ name, value }).onConflictDoNothing();
  return readConfig(db, name);
}

export async function hasAnyAccount(db: Executor): Promise<boolean> {
  const [row] = await queryRows<{ present: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM ${accounts}) AS present`);
  return Boolean(row?.present);
}

const INSTALLATION_LOCK_KEY = 7_267_002;

/** Serialises onboarding: two first-account requests at once cannot both become the first. */
export async function lockInstallation(tx: Executor): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${INSTALLATION_LOCK_KEY})`);
}
