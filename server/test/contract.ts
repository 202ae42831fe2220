import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { repoRoot } from '../src/paths';

/**
 * Two checks of response shapes:
 * - `expectContractFields`: a response object carries every field the Chatwoot contract
 *   (shared/chatwoot-api/swagger.json, read at run time, never copied) lists for a schema, except
 *   fields a test names as deliberately absent, with the reason.
 * - `expectDocumentedResponse`: a response body matches the schema RocketHub itself documents for
 *   that route and status in /openapi.json (types, required fields, no undocumented fields, enums).
 */

type Schema = {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
};

type OpenApiDocument = {
  components?: { schemas?: Record<string, Schema> };
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>;
};

/** The contract sits beside the project (../shared), as on every developer machine and in CI. */
export const CONTRACT_FILE = process.env.CHATWOOT_SWAGGER_PATH ?? join(repoRoot, '../shared/chatwoot-api/swagger.json');

let contract: OpenApiDocument | undefined;
function loadContract(): OpenApiDocument {
  contract ??= JSON.parse(readFileSync(CONTRACT_FILE, 'utf8')) as OpenApiDocument;
  return contract;
}

function deref(schema: Schema, document: OpenApiDocument): Schema {
  let current = schema;
  for (let depth = 0; current.$ref !== undefined; depth += 1) {
    const name = /^#\/components\/schemas\/(.+)$/.exec(current.$ref)?.[1];
    const target = name === undefined ? undefined : document.components?.schemas?.[name];
    if (!target || depth > 20) throw new Error(`cannot resolve ${current.$ref}`);
    current = target;
  }
  return current;
}

/** The contract's properties of a schema, `allOf` parts merged. */
function contractProperties(schema: Schema, document: OpenApiDocument): Record<string, Schema> {
  const resolved = deref(schema, document);
  const merged: Record<string, Schema> = { ...(resolved.properties ?? {}) };
  for (const part of resolved.allOf ?? []) Object.assign(merged, contractProperties(part, document));
  return merged;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function missingContractFields(
  value: unknown,
  schema: Schema,
  document: OpenApiDocument,
  path: string,
  absent: Record<string, string>,
): string[] {
  const resolved = deref(schema, document);
  if (resolved.type === 'array' || resolved.items) {
    if (!Array.isArray(value) || !resolved.items) return [];
    return value.flatMap((item) => missingContractFields(item, resolved.items as Schema, document, `${path}[]`, absent));
  }
  const properties = contractProperties(resolved, document);
  if (!isObject(value) || Object.keys(properties).length === 0) return [];
  if (path !== '' && absent[`${path}.*`] !== undefined) return [];
  const missing: string[] = [];
  for (const [name, propertySchema] of Object.entries(properties)) {
    const fieldPath = path === '' ? name : `${path}.${name}`;
    if (absent[fieldPath] !== undefined) continue;
    if (!(name in value)) missing.push(fieldPath);
    else missing.push(...missingContractFields(value[name], propertySchema, document, fieldPath, absent));
  }
  return missing;
}

/**
 * Asserts that `value` has every field the contract's `components.schemas[schemaName]` lists
 * (nested objects and array items too). `absent` maps a dotted path (`accounts[].custom_role`,
 * or `custom_attributes.*` for a whole object's fields) to the reason it is deliberately missing.
 */
export function expectContractFields(value: unknown, schemaName: string, absent: Record<string, string> = {}): void {
  const document = loadContract();
  const schema = document.components?.schemas?.[schemaName];
  if (!schema) throw new Error(`the contract has no schema ${schemaName}`);
  for (const [path, reason] of Object.entries(absent)) {
    if (reason.trim().length < 10) throw new Error(`give a real reason why ${path} is absent`);
  }
  expect(missingContractFields(value, schema, document, '', absent), `fields of the contract's ${schemaName} missing`).toEqual([]);
}

/** The names of a contract schema's top-level fields (for tests that compare field sets). */
export function contractFieldNames(schemaName: string): string[] {
  const document = loadContract();
  const schema = document.components?.schemas?.[schemaName];
  if (!schema) throw new Error(`the contract has no schema ${schemaName}`);
  return Object.keys(contractProperties(schema, document));
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    default:
      throw new Error(`schema type ${type} is not supported by this checker`);
  }
}

/** Where `value` breaks an OpenAPI 3.0 schema (the subset zod's documents use). */
export function schemaViolations(value: unknown, schema: Schema, document: OpenApiDocument, path = '$'): string[] {
  const s = deref(schema, document);
  const allows = (candidate: Schema) => schemaViolations(value, candidate, document, path).length === 0;
  if (value === null && (s.nullable === true || s.type === 'null' || s.enum?.includes(null))) return [];
  if (s.anyOf && !s.anyOf.some(allows)) return [`${path}: matches none of anyOf`];
  if (s.oneOf && s.oneOf.filter(allows).length !== 1) return [`${path}: does not match exactly one of oneOf`];
  const errors: string[] = [];
  for (const part of s.allOf ?? []) errors.push(...schemaViolations(value, part, document, path));
  if (s.enum && !s.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
  if (s.const !== undefined && s.const !== value) errors.push(`${path}: is not ${JSON.stringify(s.const)}`);
  if (s.type !== undefined && !typeMatches(s.type, value)) {
    errors.push(`${path}: expected ${s.type}${s.nullable ? ' or null' : ''}, got ${value === null ? 'null' : typeof value}`);
    return errors;
  }
  if (isObject(value) && (s.type === 'object' || s.properties)) {
    const properties = s.properties ?? {};
    for (const name of s.required ?? []) if (!(name in value)) errors.push(`${path}.${name}: is required`);
    for (const [name, item] of Object.entries(value)) {
      const propertySchema = properties[name];
      if (propertySchema) errors.push(...schemaViolations(item, propertySchema, document, `${path}.${name}`));
      else if (s.additionalProperties === false) errors.push(`${path}.${name}: is not documented`);
      else if (isObject(s.additionalProperties) && Object.keys(s.additionalProperties).length > 0) {
        errors.push(...schemaViolations(item, s.additionalProperties, document, `${path}.${name}`));
      }
    }
  }
  if (Array.isArray(value) && s.items) {
    value.forEach((item, index) => errors.push(...schemaViolations(item, s.items as Schema, document, `${path}[${index}]`)));
  }
  return errors;
}

const documents = new WeakMap<FastifyInstance, OpenApiDocument>();

/** The app's own OpenAPI document (what /openapi.json serves). */
export function openApiDocument(app: FastifyInstance): OpenApiDocument {
  let document = documents.get(app);
  if (!document) {
    document = app.swagger() as unknown as OpenApiDocument;
    documents.set(app, document);
  }
  return document;
}

/**
 * Asserts that the response's status is documented for the route (e.g. `GET /api/v1/accounts/{id}`)
 * and that its JSON body matches the documented schema.
 */
export function expectDocumentedResponse(app: FastifyInstance, route: string, response: LightMyRequestResponse): void {
  const [method = '', path = ''] = route.split(' ');
  const document = openApiDocument(app);
  const operation = document.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${route} is not in the OpenAPI document`);
  const documented = operation.responses?.[String(response.statusCode)];
  expect(documented, `${route} does not document status ${response.statusCode} (body ${response.body.slice(0, 300)})`).toBeDefined();
  const schema = documented?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${route} documents no JSON schema for ${response.statusCode}`);
  expect(schemaViolations(response.json(), schema, document), `${route} ${response.statusCode} body vs its documented schema`).toEqual([]);
}

// ——— the contract's operations, and a whole response checked against one (contract-coverage.test.ts) ———

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/**
 * The shape of a route, to match the contract's paths with RocketHub's: path parameter names do
 * not matter (`{id}` and `{account_id}` are one shape) and neither does a trailing slash.
 */
export function routeShape(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{}').replace(/(.)\/+$/, '$1')}`;
}

/** Every operation of an OpenAPI document, as `METHOD path` as the document writes it. */
export function documentOperations(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((method) => HTTP_METHODS.includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

export type ContractOperation = {
  /** `METHOD path` as the contract writes it. */
  key: string;
  /** The success status the contract documents (its first 2xx). */
  status: number;
  /** The JSON schema of that response, when the contract gives one. */
  schema: Schema | undefined;
};

/** Every operation of the contract with its documented success response. */
export function contractOperations(): ContractOperation[] {
  const document = loadContract();
  return documentOperations(document).map((key) => {
    const [method = '', path = ''] = key.split(' ');
    const responses = document.paths[path]?.[method.toLowerCase()]?.responses ?? {};
    const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
    if (status === undefined) throw new Error(`the contract documents no success response for ${key}`);
    return { key, status: Number(status), schema: responses[status]?.content?.['application/json']?.schema };
  });
}

/** Declared, deliberate departures from the contract for one response; every value is the reason. */
export type ContractDepartures = {
  /** Fields the contract lists that the response does not carry (`a.b`, `list[].c`, `obj.*` for all of an object's fields). */
  absent?: Record<string, string>;
  /** Fields whose value is not of the contract's declared JSON type or enum. */
  differ?: Record<string, string>;
  /** Arrays the response leaves empty, so their items' fields go unchecked. */
  empty?: Record<string, string>;
};

type Flat = { types: string[]; enum?: unknown[]; properties: Record<string, Schema>; items?: Schema };

/** A schema with its `$ref`s resolved and `allOf` parts merged. */
function flatten(schema: Schema, document: OpenApiDocument): Flat {
  const s = deref(schema, document);
  const flat: Flat = { types: s.type ? [s.type] : [], properties: { ...(s.properties ?? {}) } };
  if (s.enum) flat.enum = s.enum;
  if (s.items) flat.items = s.items;
  for (const part of s.allOf ?? []) {
    const inner = flatten(part, document);
    flat.types.push(...inner.types.filter((type) => !flat.types.includes(type)));
    flat.enum ??= inner.enum;
    flat.items ??= inner.items;
    Object.assign(flat.properties, inner.properties);
  }
  return flat;
}

const jsonType = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/**
 * Where a response departs from the contract's schema, leniently:
 * - every field the contract lists is present (recursively through objects and array items);
 * - a value that is not null has the contract's JSON type (`number` takes any number, `integer` a
 *   whole one; a schema with properties but no type is an object) and is one of its enum values;
 * - every array whose items the contract describes as objects with fields has at least one item,
 *   so those fields are checked.
 * Except what `departures` declares, each with a reason. A declaration that the response does not
 * need (the field is there after all, the value fits, the array has items) is reported as stale.
 * Fields the contract does not list are not checked.
 */
export function contractResponseProblems(value: unknown, schema: Schema | undefined, departures: ContractDepartures = {}): string[] {
  const document = loadContract();
  const problems: string[] = [];
  const used = new Set<string>();
  const absent = departures.absent ?? {};
  const differ = departures.differ ?? {};
  const empty = departures.empty ?? {};
  for (const [kind, map] of Object.entries({ absent, differ, empty })) {
    for (const [path, reason] of Object.entries(map)) {
      if (reason.trim().length < 10) problems.push(`${kind} ${path}: give a real reason`);
    }
  }
  const declared = (kind: string, map: Record<string, string>, path: string) => {
    if (map[path] === undefined) return false;
    used.add(`${kind} ${path}`);
    return true;
  };

  const visit = (item: unknown, itemSchema: Schema, path: string) => {
    const s = flatten(itemSchema, document);
    const isObjectSchema = s.types.includes('object') || (s.types.length === 0 && Object.keys(s.properties).length > 0);
    if (item === null) return;
    const label = path === '' ? '(the body)' : path;
    const types = s.types.length > 0 ? s.types : isObjectSchema ? ['object'] : [];
    const typeFits = types.every((type) => typeMatches(type, item));
    const enumFits = s.enum === undefined || s.enum.includes(item);
    if (!typeFits || !enumFits) {
      if (!declared('differ', differ, path)) {
        problems.push(
          !typeFits
            ? `${label}: the contract says ${types.join(' and ')}, the response has ${jsonType(item)} ${JSON.stringify(item)?.slice(0, 80)}`
            : `${label}: ${JSON.stringify(item)} is not one of the contract's ${JSON.stringify(s.enum)}`,
        );
      }
      return;
    }
    if (Array.isArray(item) && s.items) {
      const itemFields = flatten(s.items, document).properties;
      if (item.length === 0 && Object.keys(itemFields).length > 0 && !declared('empty', empty, path)) {
        problems.push(`${label}: empty, so the fields of its items go unchecked`);
      }
      item.forEach((element) => visit(element, s.items as Schema, `${path}[]`));
      return;
    }
    if (!isObject(item)) return;
    if (path !== '' && declared('absent', absent, `${path}.*`)) return;
    for (const [name, propertySchema] of Object.entries(s.properties)) {
      const fieldPath = path === '' ? name : `${path}.${name}`;
      if (!(name in item)) {
        if (!declared('absent', absent, fieldPath)) problems.push(`${fieldPath}: missing`);
        continue;
      }
      visit(item[name], propertySchema, fieldPath);
    }
  };

  if (schema) visit(value, schema, '');
  for (const [kind, map] of Object.entries({ absent, differ, empty })) {
    for (const path of Object.keys(map)) {
      if (!used.has(`${kind} ${path}`)) problems.push(`${kind} ${path}: declared, but the response does not need it (stale)`);
    }
  }
  return [...new Set(problems)];
}
