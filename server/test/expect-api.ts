import { randomBytes, randomInt } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { accessTokens, accounts, accountUsers, devMailbox, outbox, outboxDeliveries, sessions, users, userTokens } from '../src/db/schema';
import { ERROR_STATUS, type ErrorCode } from '../src/platform/errors';
import type { TestApp } from './harness';

/** Assertions and probes shared by the API tests. */

export const unique = () => randomBytes(4).toString('hex');

/** A loopback client address of its own, so rate-limited entry points count this test's requests apart. */
export function clientAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 255)}.${randomInt(1, 255)}`;
}

/** Path ids no record can have: zero, negative, not a number, beyond any id, a fraction. */
export const BAD_IDS = ['0', '-1', 'abc', '99999999999999999999', '1.5'] as const;
/** A well-formed id no record has. */
export const UNKNOWN_ID = 987_654_321;

const CODE_FOR_STATUS = Object.fromEntries(Object.entries(ERROR_STATUS).map(([code, status]) => [status, code])) as Record<
  number,
  ErrorCode
>;

export type ErrorResponseBody = {
  code: string;
  message: string;
  description: string;
  errors: { field: string; message: string; code: string }[];
};

/**
 * Asserts the one error shape `{code, message, description, errors}` with the status's code; with
 * `field`, that a field error names it. Returns the body.
 */
export function expectError(res: LightMyRequestResponse, status: number, field?: string): ErrorResponseBody {
  expect(res.statusCode, `status of ${res.body.slice(0, 500)}`).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as ErrorResponseBody;
  expect(Object.keys(body).sort()).toEqual(['code', 'description', 'errors', 'message']);
  expect(body.code).toBe(CODE_FOR_STATUS[status]);
  expect(body.message).toEqual(expect.any(String));
  expect(body.message.length).toBeGreaterThan(0);
  expect(body.description).toBe(body.message);
  expect(Array.isArray(body.errors)).toBe(true);
  for (const error of body.errors) {
    expect(error).toEqual({ field: expect.any(String), message: expect.any(String), code: expect.any(String) });
  }
  if (field !== undefined) expect(body.errors.map((e) => e.field)).toContain(field);
  return body;
}

/** Asserts that no secret or private value (names, emails, tokens) appears anywhere in the response. */
export function expectNoLeak(res: LightMyRequestResponse, secrets: (string | number)[]): void {
  const text = res.body.toLowerCase();
  for (const secret of secrets) expect(text, `response leaks ${secret}`).not.toContain(String(secret).toLowerCase());
}

/**
 * What the database holds about an account: its row, memberships, members' user rows, API tokens,
 * sessions and one-time tokens. Tests compare it before and after a rejected request.
 */
export async function accountState(t: TestApp, accountId: number) {
  const db = t.ctx.db;
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  const members = await db.select().from(accountUsers).where(eq(accountUsers.accountId, accountId)).orderBy(asc(accountUsers.id));
  const userIds = members.map((m) => m.userId);
  if (userIds.length === 0) return { account, members, users: [], tokens: [], sessions: [], userTokens: [] };
  return {
    account,
    members,
    users: await db.select().from(users).where(inArray(users.id, userIds)).orderBy(asc(users.id)),
    tokens: await db
      .select({ ownerId: accessTokens.ownerId, token: accessTokens.token })
      .from(accessTokens)
      .where(and(eq(accessTokens.ownerType, 'user'), inArray(accessTokens.ownerId, userIds)))
      .orderBy(asc(accessTokens.ownerId)),
    sessions: await db
      .select({ id: sessions.id, userId: sessions.userId })
      .from(sessions)
      .where(inArray(sessions.userId, userIds))
      .orderBy(asc(sessions.id)),
    userTokens: await db
      .select({ id: userTokens.id, usedAt: userTokens.usedAt })
      .from(userTokens)
      .where(inArray(userTokens.userId, userIds))
      .orderBy(asc(userTokens.id)),
  };
}

/** The state of one user (row, token, sessions), for requests that are not about an account. */
export async function userState(t: TestApp, userId: number) {
  const db = t.ctx.db;
  return {
    user: (await db.select().from(users).where(eq(users.id, userId)))[0],
    memberships: await db.select().from(accountUsers).where(eq(accountUsers.userId, userId)).orderBy(asc(accountUsers.id)),
    token: (await db.select({ token: accessTokens.token }).from(accessTokens).where(and(eq(accessTokens.ownerType, 'user'), eq(accessTokens.ownerId, userId))))[0],
    sessions: await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)).orderBy(asc(sessions.id)),
  };
}

/**
 * Waits until every outbox event committed so far is dispatched and delivered (mail stored in the
 * dev mailbox). Unlike a single drain, it also waits for events another dispatch pass holds in a
 * transaction not yet committed (with PostgreSQL, the app's own pass after the request's commit).
 */
export async function settleDeliveries(t: TestApp, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await t.ctx.outbox.drain();
    const [undispatched] = await t.ctx.db.select({ id: outbox.id }).from(outbox).where(isNull(outbox.dispatchedAt)).limit(1);
    const [pending] = await t.ctx.db
      .select({ id: outboxDeliveries.id })
      .from(outboxDeliveries)
      .where(eq(outboxDeliveries.status, 'pending'))
      .limit(1);
    if (!undispatched && !pending) return;
    if (Date.now() > deadline) {
      const waiting = await t.ctx.db
        .select({ handler: outboxDeliveries.handler, eventId: outboxDeliveries.eventId, error: outboxDeliveries.lastError })
        .from(outboxDeliveries)
        .where(eq(outboxDeliveries.status, 'pending'))
        .limit(5);
      throw new Error(`outbox did not settle: ${undispatched ? 'events not dispatched; ' : ''}pending ${JSON.stringify(waiting)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Every message the dev mailbox holds for an address, oldest first (call settleDeliveries first). */
export async function mailsTo(t: TestApp, email: string) {
  return t.ctx.db.select().from(devMailbox).where(eq(devMailbox.to, email)).orderBy(asc(devMailbox.id));
}

/** The `reset_password_token` of the first link in a mail's text. */
export function linkToken(text: string): string {
  const url = /https?:\/\/\S+/.exec(text)?.[0];
  const token = url ? new URL(url).searchParams.get('reset_password_token') : null;
  if (!token) throw new Error(`no reset_password_token link in: ${text}`);
  return token;
}

/** The cookie header a browser would send back after a response that set the session cookies. */
export function sessionFrom(res: LightMyRequestResponse) {
  const session = res.cookies.find((c) => c.name === 'rh_session')?.value;
  const csrf = res.cookies.find((c) => c.name === 'rh_csrf')?.value;
  if (!session || !csrf) throw new Error(`response set no session cookies: ${res.statusCode} ${res.body.slice(0, 200)}`);
  return { cookie: `rh_session=${session}; rh_csrf=${csrf}`, csrf };
}

/** A JSON body sent exactly as written (invalid JSON, escapes), with the JSON content type. */
export function rawJson(payload: string) {
  return { payload, headers: { 'content-type': 'application/json' } };
}
