/**
 * Which database the tests run on: embedded PGlite by default, or the PostgreSQL server named by
 * DATABASE_URL (as in CI's second pass). Either way every test file gets a fresh copy of one
 * migrated template, made once per run.
 */
export const TEST_DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;
export const TEST_REDIS_URL = process.env.REDIS_URL?.trim() || undefined;

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function baseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'rockethub_test';
}
