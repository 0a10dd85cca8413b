import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { delegates, meetingAttendance, meetings, polls, terms } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type MeetingRow = typeof meetings.$inferSelect;

export async function findMeeting(db: Executor, townshipId: string, id: string) {
  const [m] = await db.select().from(meetings).where(and(eq(meetings.townshipId, townshipId), eq(meetings.id, id)));
  return m;
}

/** Row-locks the meeting so that concurrent transitions of one meeting run one after another. */
export async function lockMeeting(tx: Executor, townshipId: string, id: string) {
  const [m] = await tx.select().from(meetings).where(and(eq(meetings.townshipId, townshipId), eq(meetings.id, id))).for('update');
  return m;
}

export const listMeetings = (db: Executor, townshipId: string, status?: string) =>
  db
    .select({ meeting: meetings, termNumber: terms.number })
    .from(meetings)
    .innerJoin(terms, eq(terms.id, meetings.termId))
    .where(and(eq(meetings.townshipId, townshipId), status ? eq(meetings.status, status) : undefined))
    .orderBy(desc(meetings.startsOn), desc(meetings.sessionNumber));

export async function sessionNumbersOfTerm(db: Executor, townshipId: string, termId: string) {
  const rows = await db.select({ n: meetings.sessionNumber }).from(meetings).where(and(eq(meetings.townshipId, townshipId), eq(meetings.termId, termId)));
  return rows.map((r) => r.n);
}

export async function insertMeeting(db: Executor, values: typeof meetings.$inferInsert) {
  const [m] = await db.insert(meetings).values(values).returning();
  return m!;
}

export async function updateMeeting(db: Executor, townshipId: string, id: string, set: Partial<typeof meetings.$inferInsert>) {
  const [m] = await db
    .update(meetings)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(meetings.townshipId, townshipId), eq(meetings.id, id)))
    .returning();
  return m!;
}

export async function lockTerm(tx: Executor, townshipId: string, termId: string) {
  await tx.select({ id: terms.id }).from(terms).where(and(eq(terms.townshipId, townshipId), eq(terms.id, termId))).for('update');
}

export async function findTermOf(db: Executor, townshipId: string, termId: string) {
  const [t] = await db.select().from(terms).where(and(eq(terms.townshipId, townshipId), eq(terms.id, termId)));
  return t;
}

/** The meetings of a term held before this one (by session number), most recent first. */
export const earlierMeetingsOfTerm = (db: Executor, townshipId: string, termId: string, sessionNumber: number) =>
  db
    .select()
    .from(meetings)
    .where(and(eq(meetings.townshipId, townshipId), eq(meetings.termId, termId), sql`${meetings.sessionNumber} < ${sessionNumber}`))
    .orderBy(desc(meetings.sessionNumber));

/** Delegates due to attend = the active delegates of the term (DOMAIN.md §1). */
export const activeDelegatesOfTerm = (db: Executor, townshipId: string, termId: string) =>
  db
    .select({ id: delegates.id, name: delegates.name, phoneEnc: delegates.phoneEnc })
    .from(delegates)
    .where(and(eq(delegates.townshipId, townshipId), eq(delegates.termId, termId), eq(delegates.status, 'active')))
    .orderBy(asc(delegates.nameSortKey), asc(delegates.id));

export const attendanceRows = (db: Executor, townshipId: string, meetingId: string) =>
  db
    .select()
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId)));

export async function insertAttendance(db: Executor, rows: (typeof meetingAttendance.$inferInsert)[]) {
  if (rows.length) await db.insert(meetingAttendance).values(rows).onConflictDoNothing();
}

/** Drops rows of delegates no longer due, unless they already checked in. */
export async function deleteAttendance(db: Executor, townshipId: string, meetingId: string, delegateIds: string[]) {
  if (delegateIds.length === 0) return;
  await db
    .delete(meetingAttendance)
    .where(
      and(
        eq(meetingAttendance.townshipId, townshipId),
        eq(meetingAttendance.meetingId, meetingId),
        inArray(meetingAttendance.delegateId, delegateIds),
        isNull(meetingAttendance.checkedInAt),
      ),
    );
}

export async function attendanceCounts(db: Executor, townshipId: string, meetingId: string) {
  const [c] = await db
    .select({
      due: sql<number>`count(*)::int`,
      confirmed: sql<number>`count(*) filter (where ${meetingAttendance.reply} = 'confirmed')::int`,
      leave: sql<number>`count(*) filter (where ${meetingAttendance.reply} = 'leave')::int`,
      pending: sql<number>`count(*) filter (where ${meetingAttendance.reply} = 'pending')::int`,
      checkedIn: sql<number>`count(*) filter (where ${meetingAttendance.checkedInAt} is not null)::int`,
    })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId)));
  return c!;
}

/** Votes still open at the meeting: a meeting does not close over an unfinished vote. */
export async function openPollCount(db: Executor, townshipId: string, meetingId: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(polls)
    .where(and(eq(polls.townshipId, townshipId), eq(polls.meetingId, meetingId), eq(polls.status, 'open')));
  return r!.n;
}
