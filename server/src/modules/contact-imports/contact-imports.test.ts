import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactImports, contacts } from '../../db/schema';
import { buildAccount, buildContact, type BuiltAccount } from '../../../test/builders';
import { expectError, expectNoLeak } from '../../../test/expect-api';
import { startTestApp, type TestApp } from '../../../test/harness';
import { multipart } from '../../../test/multipart';
import { waitFor } from '../../../test/wait';
import { parseCsv } from './csv';
import { runImport } from './service';

describe('contacts CSV import and export', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const url = (a: { id: number }, path: string) => `/api/v1/accounts/${a.id}/contacts${path}`;
  const contactRows = (accountId: number) => t.ctx.db.select().from(contacts).where(eq(contacts.accountId, accountId)).orderBy(asc(contacts.id));

  function upload(a: BuiltAccount, csv: string, mapping?: object, token = a.admin.token) {
    const parts = [{ name: 'import_file', filename: 'clientes.csv', contentType: 'text/csv', data: csv }];
    if (mapping) parts.push({ name: 'mapping', data: JSON.stringify(mapping) } as never);
    return t.request({ method: 'POST', url: url(a, '/import'), token, ...multipart(parts) });
  }

  async function finished(a: BuiltAccount, id: number) {
    return waitFor(async () => {
      const res = await t.request({ method: 'GET', url: url(a, `/imports/${id}`), token: a.admin.token });
      const json = res.json();
      return json.status === 'completed' || json.status === 'failed' ? json : undefined;
    }, 30_000);
  }

  it('imports in the background, matching identifier → email → phone to update, and reports rejected rows as CSV', async () => {
    const a = await buildAccount(t.ctx);
    const byIdentifier = await buildContact(t.ctx, a.id, { name: 'Antigo Id', identifier: 'cli-1', email: 'velho@example.test' });
    const byEmail = await buildContact(t.ctx, a.id, { name: 'Antiga Email', email: 'ana@example.test' });
    const byPhone = await buildContact(t.ctx, a.id, { name: 'Antigo Fone', email: null, phoneNumber: '+5581999990000' });
    const csv = [
      'Nome,E-mail,Telefone,Código,Cidade',
      'Carlos Id,carlos@example.test,,cli-1,Recife',
      'Ana Souza,ANA@example.test,,,Olinda',
      'Fone Novo,,+55 81 99999-0000,,',
      'Bruna Nova,bruna@example.test,+5511988887777,cli-9,"São Paulo, SP"',
      'Sem Contato,,,,',
      'Email Ruim,nao-e-email,,,',
      'Fone Ruim,,12345,,',
      'Repetida,bruna@example.test,,,',
      '"Aspas ""duplas""",aspas@example.test,,,',
    ].join('\r\n');
    const res = await upload(a, csv, { name: 'Nome', email: 'E-mail', phone_number: 'Telefone', identifier: 'Código', city: 4 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'queued', total_rows: 9, processed_rows: 0, file_name: 'clientes.csv' });
    const done = await finished(a, res.json().id);
    expect(done).toMatchObject({ status: 'completed', total_rows: 9, processed_rows: 9, created_count: 2, updated_count: 3, rejected_count: 4 });

    const rows = await contactRows(a.id);
    const find = (id: number) => rows.find((r) => r.id === id)!;
    expect(find(byIdentifier.id)).toMatchObject({ name: 'Carlos Id', email: 'carlos@example.test', identifier: 'cli-1', additionalAttributes: { city: 'Recife' } });
    expect(find(byEmail.id)).toMatchObject({ name: 'Ana Souza', additionalAttributes: { city: 'Olinda' } });
    expect(find(byPhone.id)).toMatchObject({ name: 'Fone Novo', phoneNumber: '+5581999990000' });
    expect(rows.find((r) => r.email === 'bruna@example.test')).toMatchObject({ name: 'Bruna Nova', phoneNumber: '+5511988887777', identifier: 'cli-9', additionalAttributes: { city: 'São Paulo, SP' } });
    expect(rows.find((r) => r.email === 'aspas@example.test')).toMatchObject({ name: 'Aspas "duplas"' });
    expect(rows).toHaveLength(5);

    const report = await t.request({ method: 'GET', url: url(a, `/imports/${done.id}/rejected_rows`), token: a.admin.token });
    expect(report.statusCode).toBe(200);
    expect(report.headers['content-type']).toMatch(/^text\/csv/);
    const lines = parseCsv(report.body);
    expect(lines[0]).toEqual(['row', 'error']);
    expect(lines.slice(1).map((l) => [l[0], l[2]])).toEqual([
      ['5', 'Sem Contato'],
      ['6', 'Email Ruim'],
      ['7', 'Fone Ruim'],
      ['8', 'Repetida'],
    ]);
    expect(lines[1]![1]).toMatch(/no email, phone_number or identifier/);
    expect(lines[4]![1]).toMatch(/repeats .* row 4/);
    const list = await t.request({ method: 'GET', url: url(a, '/imports'), token: a.admin.token });
    expect(list.json().payload.map((i: { id: number }) => i.id)).toEqual([done.id]);
  });

  it('a crashed import resumes after its last committed batch: no row twice, none lost', async () => {
    const a = await buildAccount(t.ctx);
    const lines = ['email,name'];
    for (let i = 1; i <= 25; i++) lines.push(`pessoa${i}@example.test,Pessoa ${i}`);
    // The import row without its job: this test runs it, crashing after the first batch.
    const [imp] = await t.ctx.db
      .insert(contactImports)
      .values({ accountId: a.id, userId: a.admin.id, fileName: 'x.csv', source: lines.join('\n'), mapping: { email: 0, name: 1 }, totalRows: 25 })
      .returning();
    await expect(runImport(t.ctx, imp!.id, { batchSize: 10, crashAfterBatches: 1 })).rejects.toThrow('simulated crash');
    const [midway] = await t.ctx.db.select().from(contactImports).where(eq(contactImports.id, imp!.id));
    expect(midway).toMatchObject({ status: 'running', processedRows: 10, createdCount: 10 });
    expect(await contactRows(a.id)).toHaveLength(10);
    await runImport(t.ctx, imp!.id, { batchSize: 10 });
    const done = await finished(a, imp!.id);
    expect(done).toMatchObject({ status: 'completed', processed_rows: 25, created_count: 25, rejected_count: 0 });
    const emails = (await contactRows(a.id)).map((c) => c.email);
    expect(new Set(emails).size).toBe(25);
  });

  it('imports thousands of rows in set-based batches', async () => {
    const a = await buildAccount(t.ctx);
    const lines = ['identifier,email,phone,name,city'];
    for (let i = 1; i <= 3000; i++) lines.push(`id-${i},p${i}@example.test,+55119${String(i).padStart(8, '0')},Pessoa ${i},Cidade ${i % 7}`);
    const res = await upload(a, lines.join('\n'));
    expect(res.statusCode, res.body).toBe(200);
    const done = await finished(a, res.json().id);
    expect(done).toMatchObject({ status: 'completed', processed_rows: 3000, created_count: 3000, rejected_count: 0 });
    // Again: every row now updates its contact.
    const again = await upload(a, lines.join('\n'));
    expect(await finished(a, again.json().id)).toMatchObject({ status: 'completed', created_count: 0, updated_count: 3000 });
    expect(await contactRows(a.id)).toHaveLength(3000);
  });

  it('agents get 403, other accounts 404, bad files and mappings 422; nothing is imported', async () => {
    const a = await buildAccount(t.ctx);
    const other = await buildAccount(t.ctx);
    const csv = 'email\nx@example.test\n';
    expectError(await upload(a, csv, undefined, a.agent.token), 403);
    expectError(await upload(a, csv, undefined, other.admin.token), 404);
    const bad: [string, object | undefined, string][] = [
      ['', undefined, 'import_file'],
      ['email\n', undefined, 'import_file'],
      ['email\n"nunca fecha\n', undefined, 'import_file'],
      ['nome,cidade\nAna,Recife\n', undefined, 'mapping'],
      [csv, { shoe_size: 'email' }, 'mapping.shoe_size'],
      [csv, { email: 'E-mail' }, 'mapping.email'],
      [csv, { email: 3 }, 'mapping.email'],
    ];
    for (const [file, mapping, field] of bad) expectError(await upload(a, file, mapping), 422, field);
    const noFile = await t.request({ method: 'POST', url: url(a, '/import'), token: a.admin.token, ...multipart([{ name: 'mapping', data: '{}' }]) });
    expectError(noFile, 422, 'import_file');
    expectError(await t.request({ method: 'POST', url: url(a, '/import'), token: a.admin.token, payload: { import_file: csv } }), 415);
    expect(await t.ctx.db.select().from(contactImports).where(eq(contactImports.accountId, a.id))).toEqual([]);
    // Someone else's import, through one's own account or theirs.
    const theirs = await upload(other, 'email\nsegredo@example.test\n');
    await finished(other, theirs.json().id);
    for (const path of [`/imports/${theirs.json().id}`, `/imports/${theirs.json().id}/rejected_rows`]) {
      const res = await t.request({ method: 'GET', url: url(a, path), token: a.admin.token });
      expectError(res, 404);
      expectNoLeak(res, ['segredo@example.test']);
      expectError(await t.request({ method: 'GET', url: url(other, path), token: a.admin.token }), 404);
      expectError(await t.request({ method: 'GET', url: url(other, path), token: other.agent.token }), 403);
    }
  });

  describe('export', () => {
    it('streams the contacts matching a filter with the chosen columns; formulas are neutralised', async () => {
      const a = await buildAccount(t.ctx);
      await buildContact(t.ctx, a.id, { name: 'Ana', email: 'ana@example.test', additionalAttributes: { city: 'Recife' }, customAttributes: { plano: 'Ouro' } });
      await buildContact(t.ctx, a.id, { name: '=HYPERLINK("x")', email: 'mal@example.test', additionalAttributes: { city: 'Recife' } });
      await buildContact(t.ctx, a.id, { name: 'Bia', email: 'bia@example.test', additionalAttributes: { city: 'Olinda' } });
      await buildContact(t.ctx, (await buildAccount(t.ctx)).id, { name: 'Outra conta', email: 'outra@example.test', additionalAttributes: { city: 'Recife' } });
      const res = await t.request({
        method: 'POST',
        url: url(a, '/export'),
        token: a.admin.token,
        payload: { column_names: ['name', 'email', 'city', 'custom_attributes.plano'], payload: [{ attribute_key: 'city', filter_operator: 'equal_to', values: ['Recife'] }] },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(parseCsv(res.body)).toEqual([
        ['name', 'email', 'city', 'custom_attributes.plano'],
        ['Ana', 'ana@example.test', 'Recife', 'Ouro'],
        [`'=HYPERLINK("x")`, 'mal@example.test', 'Recife', ''],
      ]);
      const all = await t.request({ method: 'POST', url: url(a, '/export'), token: a.admin.token, payload: {} });
      expect(parseCsv(all.body)).toHaveLength(4);
    });

    it('agents get 403, other accounts 404, unknown columns and bad filters 422', async () => {
      const a = await buildAccount(t.ctx);
      const other = await buildAccount(t.ctx);
      expectError(await t.request({ method: 'POST', url: url(a, '/export'), token: a.agent.token, payload: {} }), 403);
      expectError(await t.request({ method: 'POST', url: url(a, '/export'), token: other.admin.token, payload: {} }), 404);
      expectError(await t.request({ method: 'POST', url: url(a, '/export'), token: a.admin.token, payload: { column_names: ['password'] } }), 422, 'column_names.0');
      const badFilter = { payload: [{ attribute_key: 'shoe_size', filter_operator: 'equal_to', values: ['42'] }] };
      expectError(await t.request({ method: 'POST', url: url(a, '/export'), token: a.admin.token, payload: badFilter }), 422);
    });
  });
});
