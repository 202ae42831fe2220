import { describe, expect, it } from 'vitest';
import type { CustomAttributeDefinition } from './contact-types';
import { conditionProblem, filterFields, findField, newCondition, OPERATORS_BY_KIND } from './filter-fields';

const definition = (key: string, type: CustomAttributeDefinition['attribute_display_type'], extra: Partial<CustomAttributeDefinition> = {}): CustomAttributeDefinition => ({
  id: 1,
  attribute_display_name: key.toUpperCase(),
  attribute_display_type: type,
  attribute_key: key,
  attribute_values: null,
  attribute_model: 'contact_attribute',
  ...extra,
});

describe('filterFields', () => {
  const fields = filterFields([
    definition('plano', 'list', { attribute_values: ['ouro', 'prata'] }),
    definition('gasto', 'currency'),
    definition('renovacao', 'date'),
    definition('ticket', 'text', { attribute_model: 'conversation_attribute' }),
  ]);

  it('offers the contact fields, labels, then the contact custom attributes only', () => {
    const keys = fields.map((f) => `${f.model}:${f.key}`);
    expect(keys).toContain('standard:labels');
    expect(keys).toContain('standard:company');
    expect(keys.filter((k) => k.startsWith('custom_attribute:'))).toEqual(['custom_attribute:plano', 'custom_attribute:gasto', 'custom_attribute:renovacao']);
    expect(findField(fields, { ...newCondition(fields[0]!), attribute_key: 'plano', attribute_model: 'custom_attribute' })?.options).toEqual(['ouro', 'prata']);
  });

  it('starts a list condition on its first option, a blocked one on true', () => {
    expect(newCondition(findField(fields, { attribute_key: 'plano', attribute_model: 'custom_attribute' } as never)!).values).toEqual(['ouro']);
    expect(newCondition(findField(fields, { attribute_key: 'blocked', attribute_model: 'standard' } as never)!)).toMatchObject({ filter_operator: 'equal_to', values: ['true'] });
  });

  it('says what is wrong with a condition before it reaches the server', () => {
    const field = (key: string, model: 'standard' | 'custom_attribute' = 'standard') => findField(fields, { attribute_key: key, attribute_model: model } as never);
    const c = (key: string, op: string, value: string, model: 'standard' | 'custom_attribute' = 'standard') => ({
      attribute_key: key,
      attribute_model: model,
      filter_operator: op,
      values: [value],
      query_operator: 'AND' as const,
    });
    expect(conditionProblem(c('name', 'contains', ''), field('name'))).toBe('contacts.filter.problems.value');
    expect(conditionProblem(c('name', 'is_present', ''), field('name'))).toBeNull();
    expect(conditionProblem(c('name', 'is_greater_than', 'a'), field('name'))).toBe('contacts.filter.problems.operator');
    expect(conditionProblem(c('created_at', 'equal_to', '25/11/2026'), field('created_at'))).toBe('contacts.filter.problems.date');
    expect(conditionProblem(c('created_at', 'equal_to', '2026-11-25'), field('created_at'))).toBeNull();
    expect(conditionProblem(c('last_activity_at', 'days_before', 'dez'), field('last_activity_at'))).toBe('contacts.filter.problems.days');
    expect(conditionProblem(c('gasto', 'is_greater_than', 'mil', 'custom_attribute'), field('gasto', 'custom_attribute'))).toBe('contacts.filter.problems.number');
    expect(conditionProblem(c('gasto', 'is_greater_than', '1000.5', 'custom_attribute'), field('gasto', 'custom_attribute'))).toBeNull();
    expect(conditionProblem(c('renovacao', 'days_before', '30', 'custom_attribute'), field('renovacao', 'custom_attribute'))).toBeNull();
    expect(conditionProblem(c('sumiu', 'equal_to', 'x', 'custom_attribute'), field('sumiu', 'custom_attribute'))).toBe('contacts.filter.problems.field');
  });

  it('only offers operators the server accepts for each kind', () => {
    const server = ['equal_to', 'not_equal_to', 'contains', 'does_not_contain', 'is_present', 'is_not_present', 'is_greater_than', 'is_less_than', 'days_before'];
    for (const operators of Object.values(OPERATORS_BY_KIND)) for (const op of operators) expect(server).toContain(op);
    expect(OPERATORS_BY_KIND.labels).not.toContain('contains');
  });
});
