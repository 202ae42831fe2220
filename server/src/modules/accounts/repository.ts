import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { type AccountRole, accounts, accountUsers, users } from '../../db/schema';

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;
export type MembershipRow = typeof accountUsers.$inferSelect;

export async function insertAccount(db: Executor, values: NewAccount): Promise<AccountRow> {
  const [row] = await db.insert(accounts).values(values).returning();
  if (!row) throw new Error('insert accounts returned nothing');
  return row;
}

export async function findAccount(db: Executor, id: number): Promise<AccountRow | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row;
}

export async function updateAccount(db: Executor, id: number, patch: Partial<NewAccount>): Promise<AccountRow | undefined> {
  const [row] = await db
    .update(accounts)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(accounts.id, id))
    .returning();
  return row;
}

export async function deleteAccount(db: Executor, id: number): Promise<boolean> {
  const rows = await db.delete(accounts).where(eq(accounts.id, id)).returning({ id: accounts.id });
  return rows.length > 0;
}

export async function insertMembership(
  db: Executor,
  values: { accountId: number; userId: number; role: AccountRole; inviterId?: number | null },
): Promise<MembershipRow> {
  const [row] = await db.insert(accountUsers).values(values).returning();
  if (!row) throw new Error('insert account_users returned nothing');
  return row;
}

export async function findMembership(db: Executor, accountId: number, userId: number): Promise<MembershipRow | undefined> {
  const [row] = await db
    .select()
    .from(accountUsers)
    .where(and(eq(accountUsers.accountId, accountId), eq(accountUsers.userId, userId)));
  return row;
}

export async function updateMembership(
  db: Executor,
  accountId: number,
  userId: number,
  patch: Partial<Pick<MembershipRow, 'role' | 'availability' | 'autoOffline' | 'activeAt'>>,
): Promise<MembershipRow | undefined> {
  const [row] = await db
    .update(accountUsers)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(accountUsers.accountId, accountId), eq(accountUsers.userId, userId)))
    .returning();
  return row;
}

export async function deleteMembership(db: Executor, accountId: number, userId: number): Promise<boolean> {
  const rows = await db
    .delete(accountUsers)
    .where(and(eq(accountUsers.accountId, accountId), eq(accountUsers.userId, userId)))
    .returning({ id: accountUsers.id });
  return rows.length > 0;
}

/** Locks the account's administrator rows, so two concurrent demotions cannot leave it with none. */
export async function lockAdministrators(db: Executor, accountId: number): Promise<number[]> {
  const rows = await db
    .select({ userId: accountUsers.userId })
    .from(accountUsers)
    .where(and(eq(accountUsers.accountId, accountId), eq(accountUsers.role, 'administrator')))
    .for('update');
  return rows.map((r) => r.userId);
}

export type MembershipWithAccount = MembershipRow & { account: Pick<AccountRow, 'id' | 'name' | 'status' | 'locale'> };

export async function listMembershipsOfUser(db: Executor, userId: number): Promise<MembershipWithAccount[]> {
  const rows = await db
    .select({ membership: accountUsers, account: { id: accounts.id, name: accounts.name, status: accounts.status, locale: accounts.locale } })
    .from(accountUsers)
    .innerJoin(accounts, eq(accounts.id, accountUsers.accountId))
    .where(eq(accountUsers.userId, userId))
    .orderBy(sql`${accountUsers.activeAt} DESC NULLS LAST`, asc(accountUsers.accountId));
  return rows.map((r) => ({ ...r.membership, account: r.account }));
}

export type MemberRow = MembershipRow & { user: typeof users.$inferSelect };

export async function listMembers(db: Executor, accountId: number): Promise<MemberRow[]> {
  const rows = await db
    .select({ membership: accountUsers, user: users })
    .from(accountUsers)
    .innerJoin(users, eq(users.id, accountUsers.userId))
    .where(eq(accountUsers.accountId, accountId))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map((r) => ({ ...r.membership, user: r.user }));
}

export async function findMember(db: Executor, accountId: number, userId: number): Promise<MemberRow | undefined> {
  const [row] = await db
    .select({ membership: accountUsers, user: users })
    .from(accountUsers)
    .innerJoin(users, eq(users.id, accountUsers.userId))
    .where(and(eq(accountUsers.accountId, accountId), eq(accountUsers.userId, userId)));
  return row ? { ...row.membership, user: row.user } : undefined;
}
