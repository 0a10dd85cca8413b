import { and, asc, eq, sql } from 'drizzle-orm';
import { observers } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type ObserverRow = typeof observers.$inferSelect;

export const listObservers = (db: Executor, townshipId: string, meetingId: string) =>
  db
    .select()
    .from(observers)
    .where(and(eq(observers.townshipId, townshipId), eq(observers.meetingId, meetingId)))
    .orderBy(asc(observers.kind), asc(observers.createdAt), asc(observers.id));

export async function findObserver(db: Executor, townshipId: string, meetingId: string, id: string) {
  const [o] = await db
    .select()
    .from(observers)
    .where(and(eq(observers.townshipId, townshipId), eq(observers.meetingId, meetingId), eq(observers.id, id)));
  return o;
}

export async function insertObservers(db: Executor, rows: (typeof observers.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(observers).values(rows).returning();
}

export async function updateObserver(db: Executor, townshipId: string, id: string, set: Partial<typeof observers.$inferInsert>) {
  const [o] = await db
    .update(observers)
    .set(set)
    .where(and(eq(observers.townshipId, townshipId), eq(observers.id, id)))
    .returning();
  return o!;
}

export async function deleteObserver(db: Executor, townshipId: string, id: string) {
  await db.delete(observers).where(and(eq(observers.townshipId, townshipId), eq(observers.id, id)));
}

/** A meeting's observers counted by status (the figures of its overview page). */
export async function observerCountsByStatus(db: Executor, townshipId: string, meetingId: string) {
  const rows = await db
    .select({ status: observers.status, n: sql<number>`count(*)::int` })
    .from(observers)
    .where(and(eq(observers.townshipId, townshipId), eq(observers.meetingId, meetingId)))
    .groupBy(observers.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
}
