import type { AppContext } from '../../context';
import type { DashboardAppFrame } from '../../db/schema';
import { notFound } from '../../platform/errors';
import * as repository from './repository';

export type { DashboardAppRow } from './repository';

export type DashboardAppInput = { title: string; content: DashboardAppFrame[] };

export const listDashboardApps = (ctx: AppContext, accountId: number) => repository.listDashboardApps(ctx.db, accountId);

export async function getDashboardApp(ctx: AppContext, accountId: number, id: number) {
  const row = await repository.findDashboardApp(ctx.db, accountId, id);
  if (!row) throw notFound('Dashboard app');
  return row;
}

export function createDashboardApp(ctx: AppContext, accountId: number, userId: number | null, input: DashboardAppInput) {
  return ctx.transaction((tx) => repository.insertDashboardApp(tx, { accountId, userId, title: input.title, content: input.content }));
}

export async function updateDashboardApp(ctx: AppContext, accountId: number, id: number, input: Partial<DashboardAppInput>) {
  const row = await ctx.transaction((tx) =>
    repository.updateDashboardApp(tx, accountId, id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.content !== undefined ? { content: input.content } : {}),
    }),
  );
  if (!row) throw notFound('Dashboard app');
  return row;
}

export async function deleteDashboardApp(ctx: AppContext, accountId: number, id: number): Promise<void> {
  await ctx.transaction(async (tx) => {
    if (!(await repository.deleteDashboardApp(tx, accountId, id))) throw notFound('Dashboard app');
  });
}
