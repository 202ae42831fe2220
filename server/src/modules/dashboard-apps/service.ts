import type { AppContext } from '../../context';
import type { Tx } from '../../db/client';
import type { DashboardAppFrame } from '../../db/schema';
import { notFound } from '../../platform/errors';
import * as repository from './repository';

export type { DashboardAppRow } from './repository';

export type DashboardAppInput = { title: string; content: DashboardAppFrame[] };

/**
 * Tells the account's agents (live only, once the change commits) that the apps changed, so an
 * open details panel shows the new list without waiting to be reopened.
 */
function announceChange(ctx: AppContext, tx: Tx, accountId: number, id: number) {
  return ctx.outbox.record(tx, { name: 'dashboard_app.changed', accountId, payload: { account_id: accountId, id }, realtime: {}, liveOnly: true });
}

export const listDashboardApps = (ctx: AppContext, accountId: number) => repository.listDashboardApps(ctx.db, accountId);

export async function getDashboardApp(ctx: AppContext, accountId: number, id: number) {
  const row = await repository.findDashboardApp(ctx.db, accountId, id);
  if (!row) throw notFound('Dashboard app');
  return row;
}

export function createDashboardApp(ctx: AppContext, accountId: number, userId: number | null, input: DashboardAppInput) {
  return ctx.transaction(async (tx) => {
    const row = await repository.insertDashboardApp(tx, { accountId, userId, title: input.title, content: input.content });
    await announceChange(ctx, tx, accountId, row.id);
    return row;
  });
}

export async function updateDashboardApp(ctx: AppContext, accountId: number, id: number, input: Partial<DashboardAppInput>) {
  return ctx.transaction(async (tx) => {
    const row = await repository.updateDashboardApp(tx, accountId, id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.content !== undefined ? { content: input.content } : {}),
    });
    if (!row) throw notFound('Dashboard app');
    await announceChange(ctx, tx, accountId, id);
    return row;
  });
}

export async function deleteDashboardApp(ctx: AppContext, accountId: number, id: number): Promise<void> {
  await ctx.transaction(async (tx) => {
    if (!(await repository.deleteDashboardApp(tx, accountId, id))) throw notFound('Dashboard app');
    await announceChange(ctx, tx, accountId, id);
  });
}
