import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ATTRIBUTE_DISPLAY_TYPES, ATTRIBUTE_MODELS } from '../../db/schema';
import { errorResponses } from '../../platform/http/schemas';
import { authorize } from '../../platform/permissions';
import { accountParams, clearableText, id, requiredText, successResponse } from '../../platform/validation';
import { requireMember } from '../auth/guards';
import { presentDefinition } from './presenter';
import * as definitions from './service';

const tags = ['Custom Attributes'];

/** By name, or by Chatwoot's number (text 0 … checkbox 7). */
const displayType = z.union([
  z.enum(ATTRIBUTE_DISPLAY_TYPES),
  z
    .union([z.number().int(), z.string().regex(/^\d$/).transform(Number)])
    .pipe(z.number().int().min(0).max(ATTRIBUTE_DISPLAY_TYPES.length - 1, `must be one of ${ATTRIBUTE_DISPLAY_TYPES.join(', ')} or 0-7`))
    .transform((n) => ATTRIBUTE_DISPLAY_TYPES[n]!),
]);

/** conversation_attribute (0) or contact_attribute (1). */
const model = z.union([
  z.enum(ATTRIBUTE_MODELS),
  z
    .union([z.number().int(), z.string().regex(/^\d$/).transform(Number)])
    .pipe(z.number().int().min(0).max(1, 'must be conversation_attribute (0) or contact_attribute (1)'))
    .transform((n) => ATTRIBUTE_MODELS[n]!),
]);

const attributeKey = z
  .string()
  .trim()
  .min(1, 'must not be blank')
  .max(255)
  .regex(/^[\p{L}\p{N}_-]+$/u, 'may contain only letters, digits, "_" and "-"');

const definitionFields = z.object({
  attribute_display_name: requiredText(255),
  attribute_key: attributeKey,
  attribute_display_type: displayType.optional(),
  attribute_model: model,
  attribute_description: clearableText(1000).optional(),
  attribute_values: z.array(z.string().trim().min(1).max(255)).max(500).optional(),
  regex_pattern: clearableText(255).optional(),
  regex_cue: clearableText(255).optional(),
  default_value: z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]).optional(),
});

/** Chatwoot's dashboard wraps the fields in `custom_attribute_definition`; the contract sends them at the top. */
const unwrap = (value: unknown) =>
  value && typeof value === 'object' && 'custom_attribute_definition' in value && typeof value.custom_attribute_definition === 'object'
    ? value.custom_attribute_definition
    : value;

const createBody = z.preprocess(unwrap, definitionFields);
const updateBody = z.preprocess(unwrap, definitionFields.partial());

const definitionSchema = z
  .object({
    id: z.number(),
    attribute_display_name: z.string(),
    attribute_display_type: z.enum(ATTRIBUTE_DISPLAY_TYPES),
    attribute_description: z.string().nullable(),
    attribute_key: z.string(),
    regex_pattern: z.string().nullable(),
    regex_cue: z.string().nullable(),
    attribute_values: z.array(z.string()),
    attribute_model: z.enum(ATTRIBUTE_MODELS),
    default_value: z.unknown(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'CustomAttributeDefinition' });

const itemParams = accountParams.extend({ id });

function inputOf(b: Partial<z.output<typeof definitionFields>>): definitions.DefinitionInput {
  return {
    attributeDisplayName: b.attribute_display_name,
    attributeKey: b.attribute_key,
    attributeDisplayType: b.attribute_display_type,
    attributeModel: b.attribute_model,
    attributeDescription: b.attribute_description,
    attributeValues: b.attribute_values,
    regexPattern: b.regex_pattern,
    regexCue: b.regex_cue,
    defaultValue: b.default_value,
  };
}

export function customAttributeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/accounts/:account_id/custom_attribute_definitions';

  r.get(
    base,
    {
      schema: {
        tags,
        summary: 'List the custom attribute definitions',
        description: '`attribute_model` (0 or conversation_attribute, 1 or contact_attribute) narrows the list; without it, all are listed.',
        params: accountParams,
        querystring: z.object({ attribute_model: model.optional() }),
        response: { 200: z.array(definitionSchema), ...errorResponses(401, 404, 422) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'custom_attributes.read');
      return (await definitions.listDefinitions(ctx, membership.accountId, request.query.attribute_model)).map(presentDefinition);
    },
  );

  r.get(
    `${base}/:id`,
    { schema: { tags, summary: 'Custom attribute definition details', params: itemParams, response: { 200: definitionSchema, ...errorResponses(401, 404) } } },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'custom_attributes.read');
      return presentDefinition(await definitions.getDefinition(ctx, membership.accountId, request.params.id));
    },
  );

  r.post(
    base,
    {
      schema: {
        tags,
        summary: 'Create a custom attribute definition (administrators)',
        description: 'The key is unique per model in the account. Values written later to contacts or conversations under this key must fit its type.',
        params: accountParams,
        body: createBody,
        response: { 200: definitionSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'custom_attributes.manage');
      const b = request.body;
      const row = await definitions.createDefinition(ctx, membership.accountId, {
        ...inputOf(b),
        attributeDisplayName: b.attribute_display_name,
        attributeKey: b.attribute_key,
        attributeModel: b.attribute_model,
      });
      return presentDefinition(row);
    },
  );

  r.route({
    method: ['PATCH', 'PUT'],
    url: `${base}/:id`,
    schema: {
      tags,
      summary: 'Update a custom attribute definition (administrators)',
      params: itemParams,
      body: updateBody,
      response: { 200: definitionSchema, ...errorResponses(401, 403, 404, 422) },
    },
    handler: async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'custom_attributes.manage');
      return presentDefinition(await definitions.updateDefinition(ctx, membership.accountId, request.params.id, inputOf(request.body)));
    },
  });

  r.delete(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Delete a custom attribute definition (administrators)',
        description: 'Values already stored on contacts and conversations stay.',
        params: itemParams,
        response: { 200: successResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const { membership } = await requireMember(ctx, request, request.params.account_id);
      authorize(membership, 'custom_attributes.manage');
      await definitions.deleteDefinition(ctx, membership.accountId, request.params.id);
      return { success: true as const };
    },
  );
}
