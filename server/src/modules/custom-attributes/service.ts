import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import type { AttributeDisplayType, AttributeModel } from '../../db/schema';
import { AppError, type FieldError, invalidField, notFound } from '../../platform/errors';
import * as repository from './repository';
import { compilePattern, valueProblem } from './values';

export type { DefinitionRow } from './repository';

export type DefinitionInput = {
  attributeDisplayName?: string | undefined;
  attributeKey?: string | undefined;
  attributeDisplayType?: AttributeDisplayType | undefined;
  attributeModel?: AttributeModel | undefined;
  attributeDescription?: string | null | undefined;
  attributeValues?: string[] | undefined;
  regexPattern?: string | null | undefined;
  regexCue?: string | null | undefined;
  defaultValue?: unknown;
};

export const listDefinitions = (ctx: AppContext, accountId: number, model?: AttributeModel) => repository.listDefinitions(ctx.db, accountId, model);

export async function getDefinition(ctx: AppContext, accountId: number, id: number) {
  const row = await repository.findDefinition(ctx.db, accountId, id);
  if (!row) throw notFound('Custom attribute');
  return row;
}

/** The definition as it would be stored is consistent: list choices, a compilable pattern, a fitting default. */
function checkDefinition(d: {
  attributeDisplayType: AttributeDisplayType;
  attributeValues: string[];
  regexPattern: string | null;
  regexCue: string | null;
  defaultValue: unknown;
}) {
  if (d.attributeDisplayType === 'list' && d.attributeValues.length === 0) throw invalidField('attribute_values', 'must list at least one value for a list attribute', 'required');
  if (d.regexPattern !== null) {
    if (d.attributeDisplayType !== 'text') throw invalidField('regex_pattern', 'applies only to text attributes', 'not_applicable');
    if (!compilePattern(d.regexPattern)) throw invalidField('regex_pattern', 'is not a valid regular expression', 'invalid');
  }
  if (d.defaultValue !== null && d.defaultValue !== undefined) {
    const problem = valueProblem(d, d.defaultValue);
    if (problem) throw invalidField('default_value', problem, 'invalid');
  }
}

async function ensureKeyFree(db: Executor, accountId: number, model: AttributeModel, key: string, exceptId?: number) {
  if (await repository.keyTaken(db, accountId, model, key, exceptId)) throw invalidField('attribute_key', 'is already used by another attribute of this model', 'taken');
}

export async function createDefinition(
  ctx: AppContext,
  accountId: number,
  input: DefinitionInput & { attributeDisplayName: string; attributeKey: string; attributeModel: AttributeModel },
) {
  const values = {
    attributeDisplayType: input.attributeDisplayType ?? 'text',
    attributeValues: input.attributeValues ?? [],
    regexPattern: input.regexPattern ?? null,
    regexCue: input.regexCue ?? null,
    defaultValue: input.defaultValue ?? null,
  };
  checkDefinition(values);
  return ctx.transaction(async (tx) => {
    await ensureKeyFree(tx, accountId, input.attributeModel, input.attributeKey);
    return repository.insertDefinition(tx, {
      accountId,
      attributeDisplayName: input.attributeDisplayName,
      attributeKey: input.attributeKey,
      attributeModel: input.attributeModel,
      attributeDescription: input.attributeDescription ?? null,
      ...values,
    });
  });
}

export async function updateDefinition(ctx: AppContext, accountId: number, id: number, input: DefinitionInput) {
  return ctx.transaction(async (tx) => {
    const current = await repository.findDefinition(tx, accountId, id, true);
    if (!current) throw notFound('Custom attribute');
    const next = {
      attributeDisplayName: input.attributeDisplayName ?? current.attributeDisplayName,
      attributeKey: input.attributeKey ?? current.attributeKey,
      attributeModel: input.attributeModel ?? current.attributeModel,
      attributeDisplayType: input.attributeDisplayType ?? current.attributeDisplayType,
      attributeDescription: input.attributeDescription !== undefined ? input.attributeDescription : current.attributeDescription,
      attributeValues: input.attributeValues ?? current.attributeValues,
      regexPattern: input.regexPattern !== undefined ? input.regexPattern : current.regexPattern,
      regexCue: input.regexCue !== undefined ? input.regexCue : current.regexCue,
      defaultValue: input.defaultValue !== undefined ? input.defaultValue : current.defaultValue,
    };
    // A pattern or choices left over from another type would refuse every value: drop them.
    if (next.attributeDisplayType !== 'text' && input.regexPattern === undefined) next.regexPattern = null;
    if (next.attributeDisplayType !== 'list' && input.attributeValues === undefined) next.attributeValues = [];
    checkDefinition(next);
    if (next.attributeKey !== current.attributeKey || next.attributeModel !== current.attributeModel) {
      await ensureKeyFree(tx, accountId, next.attributeModel, next.attributeKey, current.id);
    }
    const updated = await repository.updateDefinition(tx, accountId, id, next);
    if (!updated) throw notFound('Custom attribute');
    return updated;
  });
}

/** Deletes the definition; values already stored on contacts or conversations stay. */
export async function deleteDefinition(ctx: AppContext, accountId: number, id: number): Promise<void> {
  if (!(await repository.deleteDefinition(ctx.db, accountId, id))) throw notFound('Custom attribute');
}

/**
 * Checks custom attribute values being written to a contact or conversation against the account's
 * definitions of that model: a key with a definition must hold a value that fits it (422 naming
 * `custom_attributes.<key>`); keys without a definition are kept as given, as Chatwoot does.
 */
export async function validateValues(db: Executor, accountId: number, model: AttributeModel, attributes: Record<string, unknown> | undefined): Promise<void> {
  if (!attributes || Object.keys(attributes).length === 0) return;
  const definitions = new Map((await repository.listDefinitions(db, accountId, model)).map((d) => [d.attributeKey, d]));
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    const definition = definitions.get(key);
    const problem = definition && valueProblem(definition, value);
    if (problem) errors.push({ field: `custom_attributes.${key}`, message: problem, code: 'invalid' });
  }
  if (errors.length > 0) {
    throw new AppError('validation_failed', `Validation failed: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
  }
}
