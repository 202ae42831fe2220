import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildContact } from '../../../test/builders';
import { startTestApp, type TestApp } from '../../../test/harness';
import type { ContactFilter } from './filter';
import { CONTACT_COUNT_CAP, filterContacts, listContacts, searchContacts } from './repository';

/**
 * Lists, searches and filters count matches up to a cap: exact below it, cap + 1 ("more than the
 * cap") above. The API's cap is CONTACT_COUNT_CAP (1,000); here a cap of 3 stands in for it.
 */
describe('contacts: capped match count', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const sort = { key: 'name', direction: 'asc' } as const;

  it('counts exactly up to the cap and says "more" above it, without changing the pages', async () => {
    const a = await buildAccount(t.ctx);
    for (let i = 0; i < 5; i += 1) await buildContact(t.ctx, a.id, { name: `Cliente ${i}` });
    await buildContact(t.ctx, a.id, { name: 'Outra Pessoa' });

    const list = await listContacts(t.ctx.db, { accountId: a.id, labels: [], sort, page: 1, countCap: 3 });
    expect(list.count).toBe(4);
    expect(list.rows).toHaveLength(6);
    expect((await listContacts(t.ctx.db, { accountId: a.id, labels: [], sort, page: 1, countCap: 6 })).count).toBe(6);
    expect((await listContacts(t.ctx.db, { accountId: a.id, labels: [], sort, page: 1, countCap: 100 })).count).toBe(6);

    const search = await searchContacts(t.ctx.db, { accountId: a.id, term: 'cliente', page: 1, countCap: 3 });
    expect(search.count).toBe(4);
    expect(search.rows.map((r) => r.name)).toEqual(['Cliente 0', 'Cliente 1', 'Cliente 2', 'Cliente 3', 'Cliente 4']);
    expect((await searchContacts(t.ctx.db, { accountId: a.id, term: 'outra', page: 1, countCap: 3 })).count).toBe(1);

    const filter: ContactFilter = [{ condition: { kind: 'text', source: { column: 'name' }, operator: 'contains', values: ['cliente'] }, join: 'AND' }];
    const filtered = await filterContacts(t.ctx.db, { accountId: a.id, filter, sort, page: 1, countCap: 2 });
    expect(filtered.count).toBe(3);
    expect(filtered.rows).toHaveLength(5);
  });

  it('pages a search matching more than the cap: exact matches, then names starting with the term, then the others, each in the chosen order', async () => {
    const a = await buildAccount(t.ctx);
    for (let i = 0; i < 18; i += 1) await buildContact(t.ctx, a.id, { name: `Cliente ${String(i).padStart(2, '0')}` });
    await buildContact(t.ctx, a.id, { name: 'Zeca Souza', identifier: 'cliente' });
    await buildContact(t.ctx, a.id, { name: 'Ana Cliente' });
    await buildContact(t.ctx, a.id, { name: 'Fora da Busca' });

    const first = await searchContacts(t.ctx.db, { accountId: a.id, term: 'cliente', page: 1, countCap: 3 });
    const second = await searchContacts(t.ctx.db, { accountId: a.id, term: 'cliente', page: 2, countCap: 3 });
    expect(first.count).toBe(4);
    // The exact match, then the names starting with the term, then the other matches.
    expect(first.rows.map((r) => r.name)).toEqual(['Zeca Souza', ...Array.from({ length: 14 }, (_, i) => `Cliente ${String(i).padStart(2, '0')}`)]);
    expect(second.rows.map((r) => r.name)).toEqual(['Cliente 14', 'Cliente 15', 'Cliente 16', 'Cliente 17', 'Ana Cliente']);
    const backwards = await searchContacts(t.ctx.db, { accountId: a.id, term: 'cliente', sort: { key: 'name', direction: 'desc' }, page: 1, countCap: 3 });
    expect(backwards.rows.map((r) => r.name).slice(0, 3)).toEqual(['Zeca Souza', 'Cliente 17', 'Cliente 16']);
    // Below the cap the same search is ranked as a whole and counted exactly.
    const whole = await searchContacts(t.ctx.db, { accountId: a.id, term: 'cliente', page: 1, countCap: 100 });
    expect(whole.count).toBe(20);
    expect(whole.rows[0]?.name).toBe('Zeca Souza');
  });

  it('the API counts up to 1,000', () => {
    expect(CONTACT_COUNT_CAP).toBe(1_000);
  });
});
