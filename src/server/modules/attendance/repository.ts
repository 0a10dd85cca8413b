import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { delegates, meetingAttendance } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

/** The one set of attendance figures: replies to the notice, check-ins, and leave not checked in. */
export async function attendanceCounts(db: Executor, townshipId: string, meetingId: string) {
  const [r] = await db
    .select({
      due: sql<number>`count(*)::int`,
      confirmed: sql<number>`(count(*) filter (where ${meetingAttendance.reply} = 'confirmed'))::int`,
      leave: sql<number>`(count(*) filter (where ${meetingAttendance.reply} = 'leave'))::int`,
      pending: sql<number>`(count(*) filter (where ${meetingAttendance.reply} = 'pending'))::int`,
      checkedIn: sql<number>`(count(*) filter (where ${meetingAttendance.checkedInAt} is not null))::int`,
      onLeave: sql<number>`(count(*) filter (where ${meetingAttendance.checkedInAt} is null and ${meetingAttendance.reply} = 'leave'))::int`,
    })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId)));
  return r!;
}

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
  return (await lockAttendanceRows(tx, townshipId, meetingId, [delegateId])).get(delegateId);
}

/** Several delegates' attendance rows, row-locked in delegate order (two desks never deadlock), by delegate. */
export async function lockAttendanceRows(tx: Executor, townshipId: string, meetingId: string, delegateIds: string[]) {
  const ids = [...new Set(delegateIds)].sort();
  const rows = !ids.length ? [] : await tx
    .select({ delegateId: meetingAttendance.delegateId, checkedInAt: meetingAttendance.checkedInAt, checkInMethod: meetingAttendance.checkInMethod, deviceKey: meetingAttendance.deviceKey, name: delegates.name })
    .from(meetingAttendance)
    .innerJoin(delegates, eq(delegates.id, meetingAttendance.delegateId))
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId), inArray(meetingAttendance.delegateId, ids)))
    .orderBy(asc(meetingAttendance.delegateId))
    .for('update', { of: meetingAttendance });
  return new Map(rows.map(({ delegateId, ...r }) => [delegateId, r]));
}

/** The check-in state a batch of desk scans leaves each delegate in: one statement for the batch. */
export async function writeCheckIns(
  tx: Executor,
  townshipId: string,
  meetingId: string,
  rows: { delegateId: string; checkedInAt: Date; method: string; deviceKey: string | null; deviceBoundAt: Date | null }[],
) {
  if (rows.length === 0) return;
  const input = JSON.stringify(rows.map((r) => ({ d: r.delegateId, at: r.checkedInAt.toISOString(), m: r.method, k: r.deviceKey, b: r.deviceBoundAt?.toISOString() ?? null })));
  await tx.execute(sql`
    update meeting_attendance ma
       set checked_in_at = i.at, check_in_method = i.m, device_key = i.k, device_bound_at = i.b, device_released = null
      from jsonb_to_recordset(${input}::jsonb) as i(d uuid, at timestamptz, m text, k text, b timestamptz)
     where ma.township_id = ${townshipId} and ma.meeting_id = ${meetingId} and ma.delegate_id = i.d`);
}

export async function findAttendance(db: Executor, townshipId: string, meetingId: string, delegateId: string) {
  const [row] = await db
    .select()
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.delegateId, delegateId)));
  return row;
}

/** Checks in (or undoes it); `deviceKey` is the phone whose code was scanned, null by hand. */
export async function setCheckIn(tx: Executor, townshipId: string, meetingId: string, delegateId: string, at: Date | null, method: string | null, deviceKey: string | null) {
  await tx
    .update(meetingAttendance)
    .set({ checkedInAt: at, checkInMethod: method, deviceKey, deviceBoundAt: deviceKey ? at : null, deviceReleased: null })
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.delegateId, delegateId)));
}

/** Ends every phone binding of a delegate (their password was reset); returns the meetings concerned. */
export async function releaseDevices(tx: Executor, townshipId: string, delegateId: string, reason: string) {
  const rows = await tx
    .update(meetingAttendance)
    .set({ deviceKey: null, deviceBoundAt: null, deviceReleased: reason })
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.delegateId, delegateId), isNotNull(meetingAttendance.deviceKey)))
    .returning({ meetingId: meetingAttendance.meetingId });
  return rows.map((r) => r.meetingId);
}

/** The meetings for which this phone is the delegate's bound one (a bound phone stays signed in on their days). */
export async function meetingsOfDevice(db: Executor, townshipId: string, delegateId: string, deviceKey: string) {
  const rows = await db
    .select({ meetingId: meetingAttendance.meetingId })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.delegateId, delegateId), eq(meetingAttendance.deviceKey, deviceKey)));
  return rows.map((r) => r.meetingId);
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
