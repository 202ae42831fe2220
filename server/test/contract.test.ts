import { describe, expect, it } from 'vitest';
import { contractFieldNames, expectContractFields, schemaViolations } from './contract';

/** The shape checkers the API tests rely on must notice what they are meant to notice. */
describe('contract helpers', () => {
  it('reads the contract schemas the API tests check against', () => {
    for (const name of ['user', 'agent', 'account_detail', 'account_show_response', 'platform_account']) {
      expect(contractFieldNames(name).length, name).toBeGreaterThan(0);
    }
    expect(contractFieldNames('account_show_response')).toEqual(expect.arrayContaining(['id', 'settings', 'subscribed_features']));
  });

  it('reports missing top-level and nested contract fields, except those declared absent', () => {
    const agent = Object.fromEntries(contractFieldNames('agent').map((name) => [name, null]));
    expectContractFields(agent, 'agent');
    const { email: _email, ...withoutEmail } = agent;
    expect(() => expectContractFields(withoutEmail, 'agent')).toThrow(/email/);
    expectContractFields(withoutEmail, 'agent', { email: 'a reason long enough to count' });
    expect(() => expectContractFields(withoutEmail, 'agent', { email: 'short' })).toThrow(/real reason/);
    expect(() => expectContractFields({ ...agent }, 'user')).toThrow();
    const user = Object.fromEntries(contractFieldNames('user').map((name) => [name, null]));
    expect(() => expectContractFields({ ...user, accounts: [{ id: 1 }] }, 'user')).toThrow(/accounts\[\]\.name/);
  });

  it('reports type, enum, nullability, required and undocumented-field violations', () => {
    const document = { paths: {}, components: { schemas: { Thing: { type: 'object', properties: { id: { type: 'number' } }, required: ['id'], additionalProperties: false } } } };
    const schema = {
      type: 'object',
      properties: {
        id: { type: 'integer' },
        name: { type: 'string', nullable: true },
        role: { type: 'string', enum: ['administrator', 'agent'] },
        items: { type: 'array', items: { $ref: '#/components/schemas/Thing' } },
      },
      required: ['id', 'name'],
      additionalProperties: false,
    };
    expect(schemaViolations({ id: 1, name: null, role: 'agent', items: [{ id: 2 }] }, schema, document)).toEqual([]);
    expect(schemaViolations({ id: 1.5, name: null }, schema, document)).toEqual(['$.id: expected integer, got number']);
    expect(schemaViolations({ id: 1 }, schema, document)).toEqual(['$.name: is required']);
    expect(schemaViolations({ id: 1, name: 'x', role: 'owner' }, schema, document)).toHaveLength(1);
    expect(schemaViolations({ id: 1, name: 'x', extra: true }, schema, document)).toEqual(['$.extra: is not documented']);
    expect(schemaViolations({ id: 1, name: 'x', items: [{}] }, schema, document)).toEqual(['$.items[0].id: is required']);
    expect(schemaViolations({ id: null, name: 'x' }, schema, document)).toHaveLength(1);
  });
});
