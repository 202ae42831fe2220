import type { AppContext } from '../../context';
import type { Executor } from '../../db/client';
import type { ContactImportMapping } from '../../db/schema';
import { invalidField, notFound } from '../../platform/errors';
import * as contacts from '../contacts/service';
import { toE164 } from '../contacts/phone';
import type { FilterItem } from '../contacts/filter';
import { listDefinitions } from '../custom-attributes/service';
import { valueProblem } from '../custom-attributes/values';
import { CsvError, csvLine, parseCsv } from './csv';
import * as repository from './repository';
import type { ImportProgress, ImportRow } from './repository';

export const IMPORT_JOB = 'contacts.import';
export const BATCH_SIZE = 2000;
export const MAX_ROWS = 1_000_000;

/** Contact fields a CSV column can feed; `custom_attributes.<key>` feeds a custom attribute. */
const STANDARD_FIELDS = ['name', 'email', 'phone_number', 'identifier'] as const;
const ADDITIONAL_FIELDS = ['company_name', 'city', 'country', 'country_code', 'description'] as const;
/** Header names read as a field when no mapping is given (lower case, spaces as "_"). */
const HEADER_ALIASES: Record<string, string> = { phone: 'phone_number', telefone: 'phone_number', nome: 'name', company: 'company_name', empresa: 'company_name', cidade: 'city', pais: 'country', país: 'country' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isField(field: string): boolean {
  return (
    (STANDARD_FIELDS as readonly string[]).includes(field) ||
    (ADDITIONAL_FIELDS as readonly string[]).includes(field) ||
    /^custom_attributes\.[\p{L}\p{N}_-]{1,255}$/u.test(field)
  );
}

/**
 * The columns each field reads. Given: `{field: header name or 0-based column}`; absent: headers
 * named like the fields (name, email, phone_number, identifier, company_name, city, …).
 */
export function resolveMapping(header: string[], given: Record<string, unknown> | undefined): ContactImportMapping {
  const mapping: ContactImportMapping = {};
  if (given) {
    for (const [field, column] of Object.entries(given)) {
      if (!isField(field)) throw invalidField(`mapping.${field}`, 'is not a contact field (name, email, phone_number, identifier, company_name, city, country, country_code, description, custom_attributes.<key>)', 'unknown_field');
      const index = typeof column === 'number' ? column : typeof column === 'string' ? header.findIndex((h) => h.trim().toLowerCase() === column.trim().toLowerCase()) : -1;
      if (!Number.isInteger(index) || index < 0 || index >= header.length) throw invalidField(`mapping.${field}`, 'names no column of the file', 'unknown_column');
      mapping[field] = index;
    }
  } else {
    header.forEach((name, index) => {
      const key = name.trim().toLowerCase().replace(/\s+/g, '_');
      const field = HEADER_ALIASES[key] ?? key;
      if (isField(field) && mapping[field] === undefined) mapping[field] = index;
    });
  }
  if (!['email', 'phone_number', 'identifier'].some((f) => mapping[f] !== undefined)) {
    throw invalidField('mapping', 'must map at least one of email, phone_number or identifier (contacts are matched by them)', 'required');
  }
  return mapping;
}

/** Stores the file and queues its import; the job does the rest in batches. */
export async function startImport(ctx: AppContext, owner: { accountId: number; userId: number }, input: { fileName: string; content: Buffer; mapping?: Record<string, unknown> | undefined }) {
  const text = input.content.toString('utf8');
  if (text.includes('\u0000') || !text.isWellFormed() || text.includes('\uFFFD')) throw invalidField('import_file', 'is not UTF-8 text', 'invalid_encoding');
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw invalidField('import_file', `is not valid CSV: ${error.message}`, 'invalid_csv');
    throw error;
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0) throw invalidField('import_file', 'has no rows under its header', 'empty');
  if (rows.length > MAX_ROWS) throw invalidField('import_file', `has more than ${MAX_ROWS} rows`, 'too_many_rows');
  const mapping = resolveMapping(header, input.mapping);
  return ctx.transaction(async (tx) => {
    const row = await repository.insertImport(tx, {
      accountId: owner.accountId,
      userId: owner.userId,
      fileName: input.fileName,
      source: text,
      mapping,
      totalRows: rows.length,
    });
    await ctx.jobs.send(IMPORT_JOB, { importId: row.id }, { tx });
    return row;
  });
}

export async function getImport(ctx: AppContext, accountId: number, id: number) {
  const row = await repository.findImport(ctx.db, accountId, id);
  if (!row) throw notFound('Import');
  return row;
}

export const listImports = (ctx: AppContext, accountId: number) => repository.listImports(ctx.db, accountId);

type Prepared = { rowNumber: number; values: string[]; contact: contacts.BulkContact };
type Rejection = { rowNumber: number; values: string[]; reason: string };

const CHECKBOX: Record<string, boolean> = { true: true, yes: true, sim: true, '1': true, false: false, no: false, não: false, nao: false, '0': false };

/** A row's values as a contact, or why it cannot be one. */
function prepare(values: string[], mapping: ContactImportMapping, definitions: Map<string, Parameters<typeof valueProblem>[0]>): contacts.BulkContact | string {
  const cell = (field: string) => {
    const index = mapping[field];
    const value = index === undefined ? '' : (values[index] ?? '').trim();
    return value === '' ? null : value;
  };
  const email = cell('email');
  if (email !== null && (email.length > 254 || !EMAIL.test(email))) return `email "${email}" is not a valid email address`;
  const typedPhone = cell('phone_number');
  const phone = typedPhone === null ? null : toE164(typedPhone);
  if (typedPhone !== null && !phone) return `phone_number "${typedPhone}" is not a phone number with country code, like +5511987654321`;
  const identifier = cell('identifier');
  if (email === null && phone === null && identifier === null) return 'has no email, phone_number or identifier';
  const name = cell('name');
  if (name !== null && name.length > 255) return 'name is longer than 255 characters';
  const additionalAttributes: Record<string, unknown> = {};
  for (const field of ADDITIONAL_FIELDS) {
    const value = cell(field);
    if (value !== null) additionalAttributes[field] = value;
  }
  const customAttributes: Record<string, unknown> = {};
  for (const field of Object.keys(mapping)) {
    if (!field.startsWith('custom_attributes.')) continue;
    const key = field.slice('custom_attributes.'.length);
    const raw = cell(field);
    if (raw === null) continue;
    const definition = definitions.get(key);
    let value: unknown = raw;
    if (definition?.attributeDisplayType === 'checkbox') value = CHECKBOX[raw.toLowerCase()] ?? raw;
    if (definition && ['number', 'currency', 'percent'].includes(definition.attributeDisplayType) && Number.isFinite(Number(raw))) value = Number(raw);
    const problem = definition && valueProblem(definition, value);
    if (problem) return `custom_attributes.${key} ${problem}`;
    customAttributes[key] = value;
  }
  return { name, email, phoneNumber: phone ?? null, identifier, additionalAttributes, customAttributes };
}

/**
 * One batch, in one transaction: rows become contacts with set-based SQL (one look-up of existing
 * contacts, one insert, one update), rejected rows are stored with their reason, and the import's
 * progress moves past the batch — all or nothing.
 */
async function runBatch(ctx: AppContext, tx: Executor, imp: ImportProgress, rows: string[][], start: number, definitions: Map<string, Parameters<typeof valueProblem>[0]>) {
  const rejected: Rejection[] = [];
  const prepared: Prepared[] = [];
  const seen = new Map<string, number>();
  rows.forEach((values, i) => {
    const rowNumber = start + i + 1;
    const contact = prepare(values, imp.mapping, definitions);
    if (typeof contact === 'string') return void rejected.push({ rowNumber, values, reason: contact });
    const keys = [contact.identifier && `i:${contact.identifier}`, contact.email && `e:${contact.email.toLowerCase()}`, contact.phoneNumber && `p:${contact.phoneNumber}`].filter((k): k is string => !!k);
    const earlier = keys.map((k) => seen.get(k)).find((n) => n !== undefined);
    if (earlier !== undefined) return void rejected.push({ rowNumber, values, reason: `repeats the email, phone number or identifier of row ${earlier}` });
    for (const key of keys) seen.set(key, rowNumber);
    prepared.push({ rowNumber, values, contact });
  });

  const existing = await contacts.findByIdentities(tx, imp.accountId, {
    identifiers: prepared.flatMap((p) => (p.contact.identifier ? [p.contact.identifier] : [])),
    emails: prepared.flatMap((p) => (p.contact.email ? [p.contact.email.toLowerCase()] : [])),
    phones: prepared.flatMap((p) => (p.contact.phoneNumber ? [p.contact.phoneNumber] : [])),
  });
  const byIdentifier = new Map(existing.filter((c) => c.identifier).map((c) => [c.identifier!, c.id]));
  const byEmail = new Map(existing.filter((c) => c.email).map((c) => [c.email!.toLowerCase(), c.id]));
  const byPhone = new Map(existing.filter((c) => c.phoneNumber).map((c) => [c.phoneNumber!, c.id]));

  const inserts: contacts.BulkContact[] = [];
  const updates: (contacts.BulkContact & { id: number })[] = [];
  const targeted = new Map<number, number>();
  for (const p of prepared) {
    const { identifier, email, phoneNumber } = p.contact;
    const owners = {
      identifier: identifier ? byIdentifier.get(identifier) : undefined,
      email: email ? byEmail.get(email.toLowerCase()) : undefined,
      phone_number: phoneNumber ? byPhone.get(phoneNumber) : undefined,
    };
    // Matched by identifier, else email, else phone.
    const id = owners.identifier ?? owners.email ?? owners.phone_number;
    if (id === undefined) {
      inserts.push(p.contact);
      continue;
    }
    const clash = (Object.entries(owners) as [string, number | undefined][]).find(([, owner]) => owner !== undefined && owner !== id);
    if (clash) {
      rejected.push({ rowNumber: p.rowNumber, values: p.values, reason: `${clash[0]} belongs to another contact than the one this row matches` });
      continue;
    }
    const earlier = targeted.get(id);
    if (earlier !== undefined) {
      rejected.push({ rowNumber: p.rowNumber, values: p.values, reason: `matches the same contact as row ${earlier}` });
      continue;
    }
    targeted.set(id, p.rowNumber);
    updates.push({ ...p.contact, id });
  }

  await contacts.insertContactsInBulk(tx, imp.accountId, inserts);
  await contacts.updateContactsInBulk(tx, imp.accountId, updates);
  await repository.insertRejections(tx, rejected.map((r) => ({ importId: imp.id, rowNumber: r.rowNumber, reason: r.reason, values: r.values })));
  await repository.updateImport(tx, imp.id, {
    processedRows: start + rows.length,
    createdCount: imp.createdCount + inserts.length,
    updatedCount: imp.updatedCount + updates.length,
    rejectedCount: imp.rejectedCount + rejected.length,
  });
}

export type RunOptions = { batchSize?: number; /** Tests: fail after this many batches, as a crash would. */ crashAfterBatches?: number };

/**
 * Runs (or resumes) an import: batches start after the rows already committed, so a job that died
 * mid-way — retried by the queue — neither repeats nor skips rows. Each batch re-reads the import
 * under its lock and does nothing when another worker already committed it.
 */
export async function runImport(ctx: AppContext, importId: number, options: RunOptions = {}): Promise<void> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const first = await repository.findImportById(ctx.db, importId);
  if (!first || first.status === 'completed' || first.status === 'failed' || first.source === null) return;
  if (first.status === 'queued') await repository.updateImport(ctx.db, importId, { status: 'running' });
  const [, ...rows] = parseCsv(first.source);
  const definitions = new Map((await listDefinitions(ctx, first.accountId, 'contact_attribute')).map((d) => [d.attributeKey, d]));
  let batches = 0;
  for (;;) {
    const more = await ctx.transaction(async (tx) => {
      const imp = await repository.lockImportProgress(tx, importId);
      if (!imp || imp.status === 'completed' || imp.status === 'failed') return false;
      const start = imp.processedRows;
      if (start >= rows.length) {
        await repository.updateImport(tx, imp.id, { status: 'completed', finishedAt: new Date(), source: null });
        await ctx.outbox.record(tx, {
          name: 'contact_import.completed',
          accountId: imp.accountId,
          payload: presentImport({ ...imp, status: 'completed' }),
          realtime: imp.userId ? { userIds: [imp.userId] } : { agents: false },
        });
        return false;
      }
      await runBatch(ctx, tx, imp, rows.slice(start, start + batchSize), start, definitions);
      return true;
    });
    if (!more) return;
    batches++;
    if (options.crashAfterBatches !== undefined && batches >= options.crashAfterBatches) throw new Error('simulated crash');
  }
}

/** After the queue's last retry: the import is marked failed, with the error, keeping what was committed. */
export async function markFailed(ctx: AppContext, importId: number, error: unknown): Promise<void> {
  await repository.updateImport(ctx.db, importId, { status: 'failed', error: error instanceof Error ? error.message.slice(0, 1000) : String(error), finishedAt: new Date(), source: null });
}

export function presentImport(row: ImportProgress) {
  return {
    id: row.id,
    status: row.status,
    file_name: row.fileName,
    total_rows: row.totalRows,
    processed_rows: row.processedRows,
    created_count: row.createdCount,
    updated_count: row.updatedCount,
    rejected_count: row.rejectedCount,
    error: row.error,
    created_at: row.createdAt.toISOString(),
    finished_at: row.finishedAt?.toISOString() ?? null,
  };
}

/** The rejected rows as CSV: the row number, the reason, then the row's own values. */
export async function* rejectedRowsCsv(ctx: AppContext, imp: ImportRow): AsyncGenerator<string> {
  yield csvLine(['row', 'error']);
  let after = 0;
  for (;;) {
    const page = await repository.listRejections(ctx.db, imp.id, after, 1000);
    for (const r of page) yield csvLine([r.rowNumber, r.reason, ...r.values]);
    if (page.length < 1000) return;
    after = page[page.length - 1]!.rowNumber;
  }
}

// ——— export ———

export const EXPORT_COLUMNS = [
  'id',
  'name',
  'email',
  'phone_number',
  'identifier',
  'company_name',
  'city',
  'country',
  'country_code',
  'labels',
  'blocked',
  'created_at',
  'last_activity_at',
] as const;
export const DEFAULT_EXPORT_COLUMNS = ['name', 'email', 'phone_number', 'identifier', 'company_name', 'city'];

type ExportRow = Awaited<ReturnType<typeof contacts.exportPage>>[number];

function exportCell(row: ExportRow, column: string): string | number | boolean | null {
  if (column.startsWith('custom_attributes.')) {
    const value = row.customAttributes[column.slice('custom_attributes.'.length)];
    return value === undefined || value === null ? null : typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
  }
  switch (column) {
    case 'id':
      return row.id;
    case 'name':
      return row.name;
    case 'email':
      return row.email;
    case 'phone_number':
      return row.phoneNumber;
    case 'identifier':
      return row.identifier;
    case 'labels':
      return row.labels.join(';');
    case 'blocked':
      return row.blocked;
    case 'created_at':
      return row.createdAt.toISOString();
    case 'last_activity_at':
      return row.lastActivityAt?.toISOString() ?? null;
    default: {
      const value = row.additionalAttributes[column];
      return typeof value === 'string' || typeof value === 'number' ? value : null;
    }
  }
}

/** Checks the export request before the answer starts (a stream cannot turn into a 422 later). */
export function checkExport(input: { columns?: string[] | undefined; payload?: FilterItem[] | undefined }): string[] {
  const columns = input.columns && input.columns.length > 0 ? input.columns : DEFAULT_EXPORT_COLUMNS;
  columns.forEach((column, i) => {
    if (!(EXPORT_COLUMNS as readonly string[]).includes(column) && !/^custom_attributes\.[\p{L}\p{N}_-]{1,255}$/u.test(column)) {
      throw invalidField(`column_names.${i}`, `is not a column (${EXPORT_COLUMNS.join(', ')}, custom_attributes.<key>)`, 'unknown_column');
    }
  });
  if (input.payload) contacts.checkFilter(input.payload);
  return columns;
}

/** The account's contacts (those matching the filter, when given) as CSV, a page of rows at a time. */
export async function* exportCsv(ctx: AppContext, accountId: number, columns: string[], payload?: FilterItem[]): AsyncGenerator<string> {
  yield csvLine(columns);
  let afterId = 0;
  for (;;) {
    const page = await contacts.exportPage(ctx.db, { accountId, payload, afterId, limit: 1000 });
    let chunk = '';
    for (const row of page) chunk += csvLine(columns.map((c) => exportCell(row, c)));
    if (chunk) yield chunk;
    if (page.length < 1000) return;
    afterId = page[page.length - 1]!.id;
  }
}
