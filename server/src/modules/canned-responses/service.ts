import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import { invalidField, notFound } from '../../platform/errors';
import * as repository from './repository';

export type { CannedResponseRow } from './repository';

async function ensureShortCodeFree(db: Executor, accountId: number, shortCode: string, exceptId?: number) {
  if (await repository.shortCodeTaken(db, accountId, shortCode, exceptId)) {
    throw invalidField('short_code', 'is already used by another canned response', 'taken');
  }
}

/** All of the account's canned responses, or those matching `search` (see the repository for the ranking). */
export const listCannedResponses = (ctx: AppContext, accountId: number, search?: string) =>
  repository.listCannedResponses(ctx.db, accountId, search);

/** Content is stored as written, `{{contact.name}}`-style variables included: the composer fills them in. */
export async function createCannedResponse(ctx: AppContext, accountId: number, input: { shortCode: string; content: string }) {
  return ctx.transaction(async (tx) => {
    await ensureShortCodeFree(tx, accountId, input.shortCode);
    return repository.insertCannedResponse(tx, { accountId, shortCode: input.shortCode, content: input.content });
  });
}

export async function updateCannedResponse(
  ctx: AppContext,
  accountId: number,
  id: number,
  input: { shortCode?: string | undefined; content?: string | undefined },
) {
  return ctx.transaction(async (tx) => {
    const current = await repository.findCannedResponse(tx, accountId, id);
    if (!current) throw notFound('Canned response');
    if (input.shortCode !== undefined) await ensureShortCodeFree(tx, accountId, input.shortCode, current.id);
    const updated = await repository.updateCannedResponse(tx, accountId, id, {
      ...(input.shortCode !== undefined ? { shortCode: input.shortCode } : {}),
      ...(input.content !== undefined ? { content: input.content } : {}),
    });
    if (!updated) throw notFound('Canned response');
    return updated;
  });
}

export async function deleteCannedResponse(ctx: AppContext, accountId: number, id: number): Promise<void> {
  await ctx.transaction(async (tx) => {
    if (!(await repository.deleteCannedResponse(tx, accountId, id))) throw notFound('Canned response');
  });
}
