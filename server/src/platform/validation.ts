import { z } from 'zod';
import { AppError } from './errors';

/** Building blocks for route schemas, so every endpoint rejects the same bad input the same way. */

/** A record id: a positive integer, as a JSON number or as digits (path and query parameters). */
export const id = z
  .union([z.number(), z.string().regex(/^[0-9]{1,16}$/, 'must be a positive integer').transform(Number)])
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

export const idParams = z.object({ id });
export const accountParams = z.object({ account_id: id });

/** Required, trimmed, bounded text. */
export const requiredText = (max = 255) => z.string().trim().min(1, 'must not be blank').max(max);

/** Optional text where an empty string means "clear it" (stored as null). */
export const clearableText = (max = 255) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v === null || v === '' ? null : v));

export const email = z.string().trim().max(254).pipe(z.email({ message: 'is not a valid email address' }));

export const password = z.string().max(1024);

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/** An absolute http:// or https:// URL with a host. */
export const httpUrl = z.string().trim().max(2048).refine(isHttpUrl, 'must be an http:// or https:// URL');

/** A free-form JSON object (custom attributes, settings), bounded in size. */
export const jsonObject = z
  .record(z.string().max(255), z.unknown())
  .refine((v) => JSON.stringify(v).length <= 64 * 1024, 'is too large (64 KiB at most)');

export const localeCode = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}([_-][A-Za-z]{2,4})?$/, 'is not a locale code like pt_BR or en');

export const role = z.enum(['administrator', 'agent']);

export const successResponse = z.object({ success: z.literal(true) });

/**
 * Validates input that did not go through a route schema (multipart fields, stored data): the same
 * 422 naming each field as route validation.
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({ field: issue.path.join('.') || 'body', message: issue.message, code: issue.code }));
  throw new AppError('validation_failed', `Validation failed: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
}
