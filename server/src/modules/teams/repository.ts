import { and, asc, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { teamMembers, teams } from '../../db/schema';

export type TeamRow = typeof teams.$inferSelect;
export type NewTeam = typeof teams.$inferInsert;

export async function insertTeam(db: Executor, values: NewTeam): Promise<TeamRow> {
  const [row] = await db.insert(teams).values(values).returning();
  if (!row) throw new Error('insert teams returned nothing');
  return row;
}

export async function findTeam(db: Executor, accountId: number, id: number): Promise<TeamRow | undefined> {
  const [row] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.accountId, accountId), eq(teams.id, id)));
  return row;
}

/** The team row, locked until the transaction ends (changes to a team and its members run one at a time). */
export async function lockTeam(db: Executor, accountId: number, id: number): Promise<TeamRow | undefined> {
  const [row] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.accountId, accountId), eq(teams.id, id)))
    .for('update');
  return row;
}

/** Whether another team of the account has this name, ignoring case. */
export async function nameTaken(db: Executor, accountId: number, name: string, exceptId?: number): Promise<boolean> {
  const [row] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.accountId, accountId), sql`lower(${teams.name}) = lower(${name})`, exceptId ? ne(teams.id, exceptId) : undefined));
  return row !== undefined;
}

export async function listTeams(db: Executor, accountId: number): Promise<TeamRow[]> {
  return db
    .select()
    .from(teams)
    .where(eq(teams.accountId, accountId))
    .orderBy(asc(sql`lower(${teams.name})`), asc(teams.id));
}

export async function updateTeam(db: Executor, accountId: number, id: number, patch: Partial<NewTeam>): Promise<TeamRow | undefined> {
  const [row] = await db
    .update(teams)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(teams.accountId, accountId), eq(teams.id, id)))
    .returning();
  return row;
}

/** Deletes the team; its conversations stay, without a team (the foreign key sets null). */
export async function deleteTeam(db: Executor, accountId: number, id: number): Promise<boolean> {
  const rows = await db
    .delete(teams)
    .where(and(eq(teams.accountId, accountId), eq(teams.id, id)))
    .returning({ id: teams.id });
  return rows.length > 0;
}

export async function listTeamIdsOfUser(db: Executor, accountId: number, userId: number): Promise<number[]> {
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.accountId, accountId), eq(teamMembers.userId, userId)));
  return rows.map((r) => r.teamId);
}

export async function listTeamMemberIds(db: Executor, teamId: number): Promise<number[]> {
  const rows = await db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId));
  return rows.map((r) => r.userId);
}

export async function addTeamMembers(db: Executor, accountId: number, teamId: number, userIds: number[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insert(teamMembers)
    .values(userIds.map((userId) => ({ accountId, teamId, userId })))
    .onConflictDoNothing({ target: [teamMembers.teamId, teamMembers.userId] });
}

export async function removeTeamMembers(db: Executor, teamId: number, userIds: number[]): Promise<void> {
  if (userIds.length === 0) return;
  await db.delete(teamMembers).where(and(eq(teamMembers.teamId, teamId), inArray(teamMembers.userId, userIds)));
}

/** Keeps only `userIds` among the team's members. */
export async function removeTeamMembersExcept(db: Executor, teamId: number, userIds: number[]): Promise<void> {
  await db
    .delete(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), userIds.length > 0 ? notInArray(teamMembers.userId, userIds) : undefined));
}

/** Someone who leaves the account leaves all its teams too. */
export async function deleteMembershipsOfUser(db: Executor, accountId: number, userId: number): Promise<void> {
  await db.delete(teamMembers).where(and(eq(teamMembers.accountId, accountId), eq(teamMembers.userId, userId)));
}
