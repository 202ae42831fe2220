import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import { invalidField, notFound } from '../../platform/errors';
import * as repository from './repository';

export type { LabelRow } from './repository';

export type LabelInput = {
  title?: string | undefined;
  description?: string | null | undefined;
  color?: string | undefined;
  showOnSidebar?: boolean | undefined;
};

async function ensureTitleFree(db: Executor, accountId: number, title: string, exceptId?: number) {
  if (await repository.titleTaken(db, accountId, title, exceptId)) throw invalidField('title', 'is already taken by another label', 'taken');
}

/** Whether the account has a label with this (lower-case) title. */
export const labelExists = (db: Executor, accountId: number, title: string) => repository.titleTaken(db, accountId, title);

export const listLabels = (ctx: AppContext, accountId: number) => repository.listLabels(ctx.db, accountId);

export async function getLabel(ctx: AppContext, accountId: number, labelId: number) {
  const label = await repository.findLabel(ctx.db, accountId, labelId);
  if (!label) throw notFound('Label');
  return label;
}

/** Titles are unique in an account (they are stored in lower case). */
export async function createLabel(ctx: AppContext, accountId: number, input: LabelInput & { title: string }) {
  return ctx.transaction(async (tx) => {
    await ensureTitleFree(tx, accountId, input.title);
    return repository.insertLabel(tx, {
      accountId,
      title: input.title,
      description: input.description ?? null,
      ...(input.color !== undefined ? { color: input.color } : {}),
      ...(input.showOnSidebar !== undefined ? { showOnSidebar: input.showOnSidebar } : {}),
    });
  });
}

/** A new title is carried over to the contacts and conversations that had the old one, in the same transaction. */
export async function updateLabel(ctx: AppContext, accountId: number, labelId: number, input: LabelInput) {
  return ctx.transaction(async (tx) => {
    const label = await repository.lockLabel(tx, accountId, labelId);
    if (!label) throw notFound('Label');
    const renamed = input.title !== undefined && input.title !== label.title;
    if (renamed) await ensureTitleFree(tx, accountId, input.title as string, label.id);
    const updated = await repository.updateLabel(tx, accountId, label.id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.color !== undefined ? { color: input.color } : {}),
      ...(input.showOnSidebar !== undefined ? { showOnSidebar: input.showOnSidebar } : {}),
    });
    if (!updated) throw notFound('Label');
    if (renamed) await repository.renameOnRecords(tx, accountId, label.title, updated.title);
    return updated;
  });
}

/** Deletes a label and takes it off every contact and conversation, in the same transaction. */
export async function deleteLabel(ctx: AppContext, accountId: number, labelId: number): Promise<void> {
  await ctx.transaction(async (tx) => {
    const label = await repository.lockLabel(tx, accountId, labelId);
    if (!label) throw notFound('Label');
    await repository.deleteLabel(tx, accountId, label.id);
    await repository.removeFromRecords(tx, accountId, label.title);
  });
}
