import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { delegates, meetingAttendance, meetings, townships } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type MeetingRow = typeof meetings.$inferSelect;

export async function findMeeting(db: Executor, townshipId: string, meetingId: string) {
  const [m] = await db.select().from(meetings).where(and(eq(meetings.townshipId, townshipId), eq(meetings.id, meetingId)));
  return m;
}

/** The hall screen names its meeting by id alone; its token is the scope (see screen policy). */
export async function findMeetingForScreen(db: Executor, meetingId: string) {
  const [row] = await db
    .select({ meeting: meetings, townshipName: townships.name })
    .from(meetings)
    .innerJoin(townships, eq(townships.id, meetings.townshipId))
    .where(eq(meetings.id, meetingId));
  return row;
}

export async function attendanceCounts(db: Executor, townshipId: string, meetingId: string) {
  const [r] = await db
    .select({
      due: sql<number>`count(*)::int`,
      present: sql<number>`(count(*) filter (where ${meetingAttendance.checkedInAt} is not null))::int`,
      onLeave: sql<number>`(count(*) filter (where ${meetingAttendance.checkedInAt} is null and ${meetingAttendance.reply} = 'leave'))::int`,
    })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId)));
  return r!;
}

export const attendanceList = (db: Executor, townshipId: string, meetingId: string) =>
  db
    .select({
      delegateId: meetingAttendance.delegateId,
      name: delegates.name,
      reply: meetingAttendance.reply,
      leaveReason: meetingAttendance.leaveReason,
      checkedInAt: meetingAttendance.checkedInAt,
      checkInMethod: meetingAttendance.checkInMethod,
    })
    .from(meetingAttendance)
    .innerJoin(delegates, eq(delegates.id, meetingAttendance.delegateId))
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId)))
    .orderBy(sql`${delegates.nameSortKey} collate "C"`, asc(delegates.id));

/** One delegate's attendance row, row-locked when `tx` is a transaction that will change it. */
export async function lockAttendance(tx: Executor, townshipId: string, meetingId: string, delegateId: string) {
  const [row] = await tx
    .select({ checkedInAt: meetingAttendance.checkedInAt, checkInMethod: meetingAttendance.checkInMethod, name: delegates.name })
    .from(meetingAttendance)
    .innerJoin(delegates, eq(delegates.id, meetingAttendance.delegateId))
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.delegateId, delegateId)))
    .for('update', { of: meetingAttendance });
  return row;
}

export async function findAttendance(db: Executor, townshipId: string, meetingId: string, delegateId: string) {
  const [row] = await db
    .select()
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.delegateId, delegateId)));
  return row;
}

export async function setCheckIn(tx: Executor, townshipId: string, meetingId: string, delegateId: string, at: Date | null, method: string | null) {
  await tx
    .update(meetingAttendance)
    .set({ checkedInAt: at, checkInMethod: method })
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.delegateId, delegateId)));
}

/** The delegates present now: the snapshot a poll takes when it opens. */
export async function presentDelegateIds(tx: Executor, townshipId: string, meetingId: string) {
  const rows = await tx
    .select({ id: meetingAttendance.delegateId })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId), isNotNull(meetingAttendance.checkedInAt)))
    .orderBy(asc(meetingAttendance.delegateId));
  return rows.map((r) => r.id);
}
