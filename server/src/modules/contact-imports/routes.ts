import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { AppError, invalidField } from '../../platform/errors';
import { errorResponses } from '../../platform/http/schemas';
import { authorize } from '../../platform/permissions';
import { accountParams, id, jsonObject, parseInput } from '../../platform/validation';
import { multipartError } from '../attachments/service';
import { requireMember } from '../auth/guards';
import { filterBody } from '../contacts/schemas';
import * as imports from './service';

const tags = ['Contacts'];

const importSchema = z
  .object({
    id: z.number(),
    status: z.enum(['queued', 'running', 'completed', 'failed']),
    file_name: z.string(),
    total_rows: z.number(),
    processed_rows: z.number(),
    created_count: z.number(),
    updated_count: z.number(),
    rejected_count: z.number(),
    error: z.string().nullable(),
    created_at: z.string(),
    finished_at: z.string().nullable(),
  })
  .meta({ id: 'ContactImport' });

const importParams = accountParams.extend({ import_id: id });

/** The CSV file (`import_file`) and the optional `mapping` field (JSON) of an import upload. */
async function readImportForm(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Expected a multipart/form-data body with import_file');
  let file: { name: string; content: Buffer } | undefined;
  let mapping: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'import_file' || file) {
          part.file.resume();
          throw invalidField(part.fieldname, 'is not expected: send one CSV file as import_file', 'unexpected_file');
        }
        file = { name: part.filename || 'contacts.csv', content: await part.toBuffer() };
      } else if (part.fieldname === 'mapping' && typeof part.value === 'string') mapping = part.value;
    }
  } catch (error) {
    request.raw.unpipe();
    request.raw.resume();
    throw multipartError(error);
  }
  if (!file) throw invalidField('import_file', 'is required (a CSV file)', 'required');
  let parsedMapping: Record<string, unknown> | undefined;
  if (mapping !== undefined && mapping.trim() !== '') {
    let json: unknown;
    try {
      json = JSON.parse(mapping);
    } catch {
      throw invalidField('mapping', 'is not JSON', 'invalid');
    }
    parsedMapping = parseInput(z.object({ mapping: jsonObject }), { mapping: json }).mapping;
  }
  return { ...file, mapping: parsedMapping };
}

/** A CSV body streamed as it is produced (the route's documented 200 is the text it makes up). */
const csvStream = (lines: AsyncGenerator<string>) => Readable.from(lines) as unknown as string;

const exportBody = z.object({
  column_names: z.array(z.string().max(300)).max(100).optional(),
  payload: filterBody.shape.payload.optional(),
});

export function contactImportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/accounts/:account_id/contacts';

  r.post(
    `${base}/import`,
    {
      config: { multipart: true },
      schema: {
        tags,
        summary: 'Import contacts from a CSV file (administrators)',
        description:
          'multipart/form-data: `import_file` (CSV, UTF-8, a header line) and optionally `mapping`, JSON `{field: header name or 0-based column}` (fields: name, email, phone_number, identifier, company_name, city, country, country_code, description, custom_attributes.<key>; without it, headers named like the fields are used). Runs in the background in batches of 2,000 rows, each committed whole or not at all; existing contacts are matched by identifier, then email, then phone number, and updated. Read the progress with GET …/contacts/imports/{import_id}.',
        params: accountParams,
        response: { 200: importSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.import');
      const form = await readImportForm(request);
      const row = await imports.startImport(ctx, { accountId: membership.accountId, userId: membership.userId }, { fileName: form.name, content: form.content, mapping: form.mapping });
      return imports.presentImport(row);
    },
  );

  r.get(
    `${base}/imports`,
    { schema: { tags, summary: 'The latest contact imports (administrators)', params: accountParams, response: { 200: z.object({ payload: z.array(importSchema) }), ...errorResponses(401, 403, 404) } } },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.import');
      return { payload: (await imports.listImports(ctx, membership.accountId)).map(imports.presentImport) };
    },
  );

  r.get(
    `${base}/imports/:import_id`,
    { schema: { tags, summary: 'An import’s progress: rows done of total, status, counts (administrators)', params: importParams, response: { 200: importSchema, ...errorResponses(401, 403, 404) } } },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.import');
      return imports.presentImport(await imports.getImport(ctx, membership.accountId, request.params.import_id));
    },
  );

  r.get(
    `${base}/imports/:import_id/rejected_rows`,
    {
      schema: {
        tags,
        summary: 'The rows an import refused, with the reason, as CSV (administrators)',
        params: importParams,
        response: { 200: z.string().describe('text/csv: row, error, then the row’s values'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.import');
      const imp = await imports.getImport(ctx, membership.accountId, request.params.import_id);
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="import-${imp.id}-rejected.csv"`);
      return reply.send(csvStream(imports.rejectedRowsCsv(ctx, imp)));
    },
  );

  r.post(
    `${base}/export`,
    {
      schema: {
        tags,
        summary: 'Export contacts as CSV, streamed (administrators)',
        description: `\`column_names\` chooses the columns (${imports.EXPORT_COLUMNS.join(', ')}, custom_attributes.<key>; default ${imports.DEFAULT_EXPORT_COLUMNS.join(', ')}); \`payload\` takes the contact filter's conditions to export only the matching contacts.`,
        params: accountParams,
        body: exportBody,
        response: { 200: z.string().describe('text/csv'), ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'contacts.export');
      const columns = imports.checkExport({ columns: request.body.column_names, payload: request.body.payload });
      reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="contacts.csv"');
      return reply.send(csvStream(imports.exportCsv(ctx, membership.accountId, columns, request.body.payload)));
    },
  );
}
