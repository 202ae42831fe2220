import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { type PermissibleType, platformAppPermissibles, platformApps } from '../../db/schema';

export async function insertPlatformApp(db: Executor, name: string) {
  const [row] = await db.insert(platformApps).values({ name }).returning();
  if (!row) throw new Error('insert platform_apps returned nothing');
  return row;
}

export async function grant(db: Executor, platformAppId: number, permissibleType: PermissibleType, permissibleId: number) {
  await db.insert(platformAppPermissibles).values({ platformAppId, permissibleType, permissibleId }).onConflictDoNothing();
}

export async function isGranted(db: Executor, platformAppId: number, permissibleType: PermissibleType, permissibleId: number) {
  const [row] = await db
    .select({ id: platformAppPermissibles.id })
    .from(platformAppPermissibles)
    .where(
      and(
        eq(platformAppPermissibles.platformAppId, platformAppId),
        eq(platformAppPermissibles.permissibleType, permissibleType),
        eq(platformAppPermissibles.permissibleId, permissibleId),
      ),
    );
  return row !== undefined;
}

/** Grants on a deleted record are dropped with it (permissibles carry no foreign key: they point at two tables). */
export async function revokeEverywhere(db: Executor, permissibleType: PermissibleType, permissibleId: number) {
  await db
    .delete(platformAppPermissibles)
    .where(and(eq(platformAppPermissibles.permissibleType, permissibleType), eq(platformAppPermissibles.permissibleId, permissibleId)));
}
