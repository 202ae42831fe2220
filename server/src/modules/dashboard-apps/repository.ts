import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { dashboardApps } from '../../db/schema';

export type DashboardAppRow = typeof dashboardApps.$inferSelect;
export type NewDashboardApp = typeof dashboardApps.$inferInsert;

export async function insertDashboardApp(db: Executor, values: NewDashboardApp): Promise<DashboardAppRow> {
  const [row] = await db.insert(dashboardApps).values(values).returning();
  if (!row) throw new Error('insert dashboard_apps returned nothing');
  return row;
}

/** The account's apps in the order they were added (the order of their tabs). */
export function listDashboardApps(db: Executor, accountId: number): Promise<DashboardAppRow[]> {
  return db.select().from(dashboardApps).where(eq(dashboardApps.accountId, accountId)).orderBy(asc(dashboardApps.id));
}

export async function findDashboardApp(db: Executor, accountId: number, id: number): Promise<DashboardAppRow | undefined> {
  const [row] = await db
    .select()
    .from(dashboardApps)
    .where(and(eq(dashboardApps.accountId, accountId), eq(dashboardApps.id, id)));
  return row;
}

export async function updateDashboardApp(
  db: Executor,
  accountId: number,
  id: number,
  patch: Pick<Partial<NewDashboardApp>, 'title' | 'content'>,
): Promise<DashboardAppRow | undefined> {
  const [row] = await db
    .update(dashboardApps)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(dashboardApps.accountId, accountId), eq(dashboardApps.id, id)))
    .returning();
  return row;
}

export async function deleteDashboardApp(db: Executor, accountId: number, id: number): Promise<boolean> {
  const rows = await db
    .delete(dashboardApps)
    .where(and(eq(dashboardApps.accountId, accountId), eq(dashboardApps.id, id)))
    .returning({ id: dashboardApps.id });
  return rows.length > 0;
}
