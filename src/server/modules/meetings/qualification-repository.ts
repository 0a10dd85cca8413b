import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { delegateStatusChanges, delegates, electoralUnits, meetingAttendance, qualificationReviews } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export async function statusCounts(db: Executor, townshipId: string, termId: string) {
  const rows = await db
    .select({ status: delegates.status, n: sql<number>`count(*)::int` })
    .from(delegates)
    .where(and(eq(delegates.townshipId, townshipId), eq(delegates.termId, termId)))
    .groupBy(delegates.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
}

export async function seatsOfTerm(db: Executor, townshipId: string, termId: string): Promise<number | null> {
  const [r] = await db
    .select({ seats: sql<number | null>`sum(${electoralUnits.seats})::int` })
    .from(electoralUnits)
    .where(and(eq(electoralUnits.townshipId, townshipId), eq(electoralUnits.termId, termId)));
  return r?.seats ?? null;
}

/** Status changes of the term's delegates decided on or after `since`. */
export const changesSince = (db: Executor, townshipId: string, termId: string, since: string) =>
  db
    .select({ change: delegateStatusChanges, name: delegates.name })
    .from(delegateStatusChanges)
    .innerJoin(delegates, eq(delegates.id, delegateStatusChanges.delegateId))
    .where(and(eq(delegateStatusChanges.townshipId, townshipId), eq(delegates.termId, termId), gte(delegateStatusChanges.decidedOn, since)))
    .orderBy(asc(delegateStatusChanges.decidedOn), asc(delegateStatusChanges.createdAt));

const replacement = alias(delegates, 'replacement');

/** Terminated delegates whose seat no by-election has filled yet. */
export const openVacancies = (db: Executor, townshipId: string, termId: string) =>
  db
    .select({ id: delegates.id, name: delegates.name, since: delegates.statusSince })
    .from(delegates)
    .leftJoin(replacement, eq(replacement.replacesDelegateId, delegates.id))
    .where(and(eq(delegates.townshipId, townshipId), eq(delegates.termId, termId), eq(delegates.status, 'terminated'), sql`${replacement.id} is null`))
    .orderBy(asc(delegates.nameSortKey));

/** Delegates due: the attendance rows once the notice is out. */
export const attendanceDelegates = (db: Executor, townshipId: string, meetingId: string) =>
  db
    .select({ id: delegates.id, name: delegates.name })
    .from(meetingAttendance)
    .innerJoin(delegates, eq(delegates.id, meetingAttendance.delegateId))
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId)))
    .orderBy(asc(delegates.nameSortKey), asc(delegates.id));

export async function findAdoption(db: Executor, townshipId: string, meetingId: string) {
  const [r] = await db
    .select()
    .from(qualificationReviews)
    .where(and(eq(qualificationReviews.townshipId, townshipId), eq(qualificationReviews.meetingId, meetingId)));
  return r;
}

export async function insertAdoption(db: Executor, values: typeof qualificationReviews.$inferInsert) {
  await db.insert(qualificationReviews).values(values);
}
