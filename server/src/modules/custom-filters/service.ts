import type { z } from 'zod';
import type { AppContext } from '../../context';
import type { CustomFilterType } from '../../db/schema';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { jsonObject, parseInput } from '../../platform/validation';
import * as contacts from '../contacts/service';
import { filterBody as contactFilterBody } from '../contacts/schemas';
import * as conversations from '../conversations/service';
import { filterBody as conversationFilterBody } from '../conversations/schemas';
import * as repository from './repository';

export type { CustomFilterRow } from './repository';

/** How many saved filters one member may keep in an account. */
export const FILTERS_PER_USER = 100;

type Owner = { accountId: number; userId: number };

/** Runs a check whose field errors name parts of the query: they are reported under `query.`. */
function underQuery<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') {
      const errors = error.errors.map((e) => ({ ...e, field: e.field === 'body' ? 'query' : `query.${e.field}` }));
      throw new AppError('validation_failed', `Validation failed: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
    }
    throw error;
  }
}

/**
 * A saved query must be one the filter of its kind accepts (`{payload: [conditions]}`), checked by
 * the same code that runs it; a report filter is kept as given.
 */
function checkedQuery(type: CustomFilterType, query: Record<string, unknown>): Record<string, unknown> {
  return underQuery(() => {
    if (type === 'conversation') {
      const body: z.output<typeof conversationFilterBody> = parseInput(conversationFilterBody, query);
      conversations.checkFilter(body.payload);
      return body;
    }
    if (type === 'contact') {
      const body: z.output<typeof contactFilterBody> = parseInput(contactFilterBody, query);
      contacts.checkFilter(body.payload);
      return body;
    }
    return parseInput(jsonObject, query);
  });
}

export const listFilters = (ctx: AppContext, owner: Owner, type: CustomFilterType) => repository.listFilters(ctx.db, owner, type);

export async function getFilter(ctx: AppContext, owner: Owner, id: number) {
  const row = await repository.findFilter(ctx.db, owner, id);
  if (!row) throw notFound('Custom filter');
  return row;
}

export async function createFilter(ctx: AppContext, owner: Owner, input: { name: string; filterType: CustomFilterType; query: Record<string, unknown> }) {
  const query = checkedQuery(input.filterType, input.query);
  return ctx.transaction(async (tx) => {
    if ((await repository.countFilters(tx, owner)) >= FILTERS_PER_USER) {
      throw invalidField('name', `cannot be added: you already keep ${FILTERS_PER_USER} saved filters`, 'limit_reached');
    }
    return repository.insertFilter(tx, { ...owner, name: input.name, filterType: input.filterType, query });
  });
}

export async function updateFilter(
  ctx: AppContext,
  owner: Owner,
  id: number,
  input: { name?: string | undefined; filterType?: CustomFilterType | undefined; query?: Record<string, unknown> | undefined },
) {
  return ctx.transaction(async (tx) => {
    const current = await repository.findFilter(tx, owner, id, true);
    if (!current) throw notFound('Custom filter');
    const filterType = input.filterType ?? current.filterType;
    const query = input.query !== undefined || filterType !== current.filterType ? checkedQuery(filterType, input.query ?? current.query) : current.query;
    const updated = await repository.updateFilter(tx, owner, id, { ...(input.name !== undefined ? { name: input.name } : {}), filterType, query });
    if (!updated) throw notFound('Custom filter');
    return updated;
  });
}

export async function deleteFilter(ctx: AppContext, owner: Owner, id: number): Promise<void> {
  if (!(await repository.deleteFilter(ctx.db, owner, id))) throw notFound('Custom filter');
}
