import { and, asc, eq, sql } from 'drizzle-orm';
import { agendaItems, delegateGroups, delegates, groupMembers, groupSessions } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type GroupSessionRow = typeof groupSessions.$inferSelect;

export const listItems = (db: Executor, townshipId: string, meetingId: string) =>
  db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.townshipId, townshipId), eq(agendaItems.meetingId, meetingId)))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));

export async function findItem(db: Executor, townshipId: string, meetingId: string, id: string) {
  const [i] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.townshipId, townshipId), eq(agendaItems.meetingId, meetingId), eq(agendaItems.id, id)));
  return i;
}

export async function insertItems(db: Executor, rows: (typeof agendaItems.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(agendaItems).values(rows).returning();
}

export async function updateItem(db: Executor, townshipId: string, id: string, set: Partial<typeof agendaItems.$inferInsert>) {
  const [i] = await db
    .update(agendaItems)
    .set(set)
    .where(and(eq(agendaItems.townshipId, townshipId), eq(agendaItems.id, id)))
    .returning();
  return i!;
}

export async function deleteItems(db: Executor, townshipId: string, meetingId: string, id?: string) {
  await db
    .delete(agendaItems)
    .where(and(eq(agendaItems.townshipId, townshipId), eq(agendaItems.meetingId, meetingId), id ? eq(agendaItems.id, id) : undefined));
}

/** Writes positions 1…n in the given order. */
export async function renumber(db: Executor, townshipId: string, orderedIds: string[]) {
  for (const [i, id] of orderedIds.entries()) {
    await db
      .update(agendaItems)
      .set({ position: i + 1 })
      .where(and(eq(agendaItems.townshipId, townshipId), eq(agendaItems.id, id)));
  }
}

const convener = delegates;

export const listSessions = (db: Executor, townshipId: string, meetingId: string) =>
  db
    .select({ session: groupSessions, groupName: delegateGroups.name, convenerName: convener.name })
    .from(groupSessions)
    .innerJoin(delegateGroups, eq(delegateGroups.id, groupSessions.groupId))
    .leftJoin(convener, eq(convener.id, groupSessions.convenerDelegateId))
    .where(and(eq(groupSessions.townshipId, townshipId), eq(groupSessions.meetingId, meetingId)))
    .orderBy(asc(delegateGroups.name), asc(groupSessions.createdAt));

export async function findSession(db: Executor, townshipId: string, meetingId: string, id: string) {
  const [s] = await db
    .select()
    .from(groupSessions)
    .where(and(eq(groupSessions.townshipId, townshipId), eq(groupSessions.meetingId, meetingId), eq(groupSessions.id, id)));
  return s;
}

export async function insertSession(db: Executor, values: typeof groupSessions.$inferInsert) {
  const [s] = await db.insert(groupSessions).values(values).returning();
  return s!;
}

export async function updateSession(db: Executor, townshipId: string, id: string, set: Partial<typeof groupSessions.$inferInsert>) {
  const [s] = await db
    .update(groupSessions)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(groupSessions.townshipId, townshipId), eq(groupSessions.id, id)))
    .returning();
  return s!;
}

export async function deleteSession(db: Executor, townshipId: string, id: string) {
  await db.delete(groupSessions).where(and(eq(groupSessions.townshipId, townshipId), eq(groupSessions.id, id)));
}

export async function findGroup(db: Executor, townshipId: string, id: string) {
  const [g] = await db.select().from(delegateGroups).where(and(eq(delegateGroups.townshipId, townshipId), eq(delegateGroups.id, id)));
  return g;
}

export async function isMember(db: Executor, groupId: string, delegateId: string) {
  const [r] = await db
    .select({ n: sql<number>`1` })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.delegateId, delegateId)));
  return !!r;
}

export async function countAgendaItems(db: Executor, townshipId: string, meetingId: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(agendaItems)
    .where(and(eq(agendaItems.townshipId, townshipId), eq(agendaItems.meetingId, meetingId)));
  return r!.n;
}
