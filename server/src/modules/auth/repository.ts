import { and, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { type AccessTokenOwner, accessTokens, sessions, type UserTokenPurpose, userTokens, users } from '../../db/schema';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(
  db: Executor,
  values: { tokenHash: string; userId: number; csrfToken: string; ip: string | null; userAgent: string | null; expiresAt: Date },
): Promise<SessionRow> {
  const [row] = await db.insert(sessions).values(values).returning();
  if (!row) throw new Error('insert sessions returned nothing');
  return row;
}

/**
 * A live session and its user in one read (every request signed in with a cookie asks this; the
 * users table is the users module's, read here to save a round trip per request).
 */
export async function findLiveSessionWithUser(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)));
  return row;
}

export async function touchSession(db: Executor, id: number, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastUsedAt: sql`now()`, expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Executor, id: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of the user, except `keepSessionId` when given. */
export async function deleteSessionsOfUser(db: Executor, userId: number, keepSessionId?: number): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepSessionId === undefined ? undefined : ne(sessions.id, keepSessionId)));
}

export async function deleteExpiredSessions(db: Executor): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}

/** One-time tokens a week past their use or expiry. */
export async function deleteStaleUserTokens(db: Executor): Promise<void> {
  await db.delete(userTokens).where(lt(userTokens.expiresAt, sql`now() - interval '7 days'`));
}

/** An api_access_token's owner and, for a user's token, the user, in one read (as above). */
export async function findAccessTokenOwnerWithUser(db: Executor, token: string) {
  const [row] = await db
    .select({ ownerType: accessTokens.ownerType, ownerId: accessTokens.ownerId, user: users })
    .from(accessTokens)
    .leftJoin(users, and(eq(accessTokens.ownerType, 'user'), eq(users.id, accessTokens.ownerId)))
    .where(eq(accessTokens.token, token));
  return row;
}

export async function findAccessToken(db: Executor, ownerType: AccessTokenOwner, ownerId: number): Promise<string | undefined> {
  const [row] = await db
    .select({ token: accessTokens.token })
    .from(accessTokens)
    .where(and(eq(accessTokens.ownerType, ownerType), eq(accessTokens.ownerId, ownerId)));
  return row?.token;
}

/** Sets the owner's one token, replacing any previous one. */
export async function replaceAccessToken(db: Executor, ownerType: AccessTokenOwner, ownerId: number, token: string): Promise<void> {
  await db
    .insert(accessTokens)
    .values({ ownerType, ownerId, token })
    .onConflictDoUpdate({
      target: [accessTokens.ownerType, accessTokens.ownerId],
      set: { token, createdAt: sql`now()` },
    });
}

export async function insertAccessTokenIfMissing(db: Executor, ownerType: AccessTokenOwner, ownerId: number, token: string) {
  await db.insert(accessTokens).values({ ownerType, ownerId, token }).onConflictDoNothing();
}

export async function deleteAccessToken(db: Executor, ownerType: AccessTokenOwner, ownerId: number): Promise<void> {
  await db.delete(accessTokens).where(and(eq(accessTokens.ownerType, ownerType), eq(accessTokens.ownerId, ownerId)));
}

export type UserTokenRow = typeof userTokens.$inferSelect;

export async function insertUserToken(
  db: Executor,
  values: { userId: number; purpose: UserTokenPurpose; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db.insert(userTokens).values(values);
}

/** An unused, unexpired token of one of the given purposes; `lock` holds it until the transaction ends. */
export async function findUsableUserToken(
  db: Executor,
  tokenHash: string,
  purposes: readonly UserTokenPurpose[],
  lock = false,
): Promise<UserTokenRow | undefined> {
  const query = db
    .select()
    .from(userTokens)
    .where(
      and(
        eq(userTokens.tokenHash, tokenHash),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, sql`now()`),
        or(...purposes.map((p) => eq(userTokens.purpose, p))),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function markUserTokenUsed(db: Executor, id: number): Promise<void> {
  await db.update(userTokens).set({ usedAt: sql`now()` }).where(eq(userTokens.id, id));
}

/** Used when a password changes: outstanding reset links stop working. */
export async function revokeUserTokens(db: Executor, userId: number, purposes: readonly UserTokenPurpose[]): Promise<void> {
  await db
    .update(userTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(userTokens.userId, userId), isNull(userTokens.usedAt), or(...purposes.map((p) => eq(userTokens.purpose, p)))));
}
