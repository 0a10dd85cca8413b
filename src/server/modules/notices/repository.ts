import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { delegates, meetingAttendance, meetings, notifications, smsOutbox } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export async function markAttendanceNotified(db: Executor, townshipId: string, meetingId: string, at: Date) {
  await db
    .update(meetingAttendance)
    .set({ notifiedAt: at })
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId), isNull(meetingAttendance.notifiedAt)));
}

/** The meetings a delegate is due at, with their reply. */
export const meetingsOfDelegate = (db: Executor, townshipId: string, delegateId: string) =>
  db
    .select({ attendance: meetingAttendance, meeting: meetings })
    .from(meetingAttendance)
    .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.delegateId, delegateId)))
    .orderBy(desc(meetings.startsOn));

export async function findAttendance(db: Executor, townshipId: string, meetingId: string, delegateId: string) {
  const [row] = await db
    .select()
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.delegateId, delegateId)))
    .for('update');
  return row;
}

export async function updateReply(db: Executor, townshipId: string, meetingId: string, delegateId: string, set: { reply: string; leaveReason: string | null; repliedAt: Date }) {
  const [row] = await db
    .update(meetingAttendance)
    .set(set)
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.delegateId, delegateId)))
    .returning();
  return row!;
}

/** Every delegate due with their reply, in the official name order (for the committee). */
export const repliesOfMeeting = (db: Executor, townshipId: string, meetingId: string) =>
  db
    .select({ attendance: meetingAttendance, name: delegates.name })
    .from(meetingAttendance)
    .innerJoin(delegates, eq(delegates.id, meetingAttendance.delegateId))
    .where(and(eq(meetingAttendance.townshipId, townshipId), eq(meetingAttendance.meetingId, meetingId)))
    .orderBy(asc(delegates.nameSortKey), asc(delegates.id));

export async function smsCounts(db: Executor, townshipId: string, meetingId: string) {
  const rows = await db
    .select({ status: smsOutbox.status, n: sql<number>`count(*)::int` })
    .from(smsOutbox)
    .where(and(eq(smsOutbox.townshipId, townshipId), eq(smsOutbox.meetingId, meetingId)))
    .groupBy(smsOutbox.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
  return { pending: by.pending ?? 0, sent: by.sent ?? 0, failed: by.failed ?? 0 };
}

const mine = (townshipId: string, userId: string, delegateId: string | null) =>
  and(eq(notifications.townshipId, townshipId), or(eq(notifications.userId, userId), delegateId ? eq(notifications.delegateId, delegateId) : undefined));

export const listNotifications = (db: Executor, townshipId: string, userId: string, delegateId: string | null, limit: number) =>
  db.select().from(notifications).where(mine(townshipId, userId, delegateId)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit);

export async function unreadCount(db: Executor, townshipId: string, userId: string, delegateId: string | null) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(mine(townshipId, userId, delegateId), isNull(notifications.readAt)));
  return r!.n;
}

export async function markRead(db: Executor, townshipId: string, userId: string, delegateId: string | null, id: string) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(mine(townshipId, userId, delegateId), eq(notifications.id, id)))
    .returning();
  return row;
}

export type NotificationInsert = typeof notifications.$inferInsert;
export type SmsInsert = typeof smsOutbox.$inferInsert;

export async function insertNotifications(tx: Executor, rows: NotificationInsert[]) {
  if (rows.length) await tx.insert(notifications).values(rows);
}

export async function queueSms(tx: Executor, rows: SmsInsert[]) {
  if (rows.length) await tx.insert(smsOutbox).values(rows);
}

export interface ClaimedSms {
  id: string;
  phone_enc: string;
  text: string;
  attempts: number;
}

/**
 * Takes up to `batch` pending messages of every township (the one sender of the process): the
 * claim is one UPDATE with SKIP LOCKED, so two servers on one PostgreSQL never take the same
 * row, and a sender that dies holds its rows only until the claim expires.
 */
export async function claimSms(db: Executor, batch: number): Promise<ClaimedSms[]> {
  const res = await db.execute(sql`
    update sms_outbox set claimed_until = now() + interval '120 seconds', attempts = attempts + 1
    where id in (
      select id from sms_outbox
      where status = 'pending' and (claimed_until is null or claimed_until < now())
      order by created_at, id
      limit ${batch}
      for update skip locked
    )
    returning id, phone_enc, text, attempts`);
  return (res as unknown as { rows: ClaimedSms[] }).rows;
}

export async function markSmsSent(db: Executor, id: string) {
  await db.execute(sql`update sms_outbox set status = 'sent', sent_at = now(), error = null, claimed_until = null where id = ${id}`);
}

/** A failed attempt: tried again later unless it was the last one. */
export async function markSmsFailed(db: Executor, id: string, error: string, final: boolean) {
  await db.execute(sql`update sms_outbox set status = ${final ? 'failed' : 'pending'}, error = ${error.slice(0, 500)}, claimed_until = null where id = ${id}`);
}
