import { and, desc, eq, sql } from 'drizzle-orm';
import { meetings, polls, terms, townships } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type MeetingRow = typeof meetings.$inferSelect;

export async function findMeeting(db: Executor, townshipId: string, id: string) {
  const [m] = await db.select().from(meetings).where(and(eq(meetings.townshipId, townshipId), eq(meetings.id, id)));
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

/** Row-locks the meeting so that concurrent transitions of one meeting run one after another. */
export async function lockMeeting(tx: Executor, townshipId: string, id: string) {
  const [m] = await tx.select().from(meetings).where(and(eq(meetings.townshipId, townshipId), eq(meetings.id, id))).for('update');
  return m;
}

/** Share-locked: check-ins run while the meeting cannot change status (closing waits for them). */
export async function lockMeetingShared(tx: Executor, townshipId: string, id: string) {
  const [m] = await tx.select().from(meetings).where(and(eq(meetings.townshipId, townshipId), eq(meetings.id, id))).for('share');
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

/** The meetings of a term held before this one (by session number), most recent first. */
export const earlierMeetingsOfTerm = (db: Executor, townshipId: string, termId: string, sessionNumber: number) =>
  db
    .select()
    .from(meetings)
    .where(and(eq(meetings.townshipId, townshipId), eq(meetings.termId, termId), sql`${meetings.sessionNumber} < ${sessionNumber}`))
    .orderBy(desc(meetings.sessionNumber));

/** Votes still open at the meeting: a meeting does not close over an unfinished vote. */
export async function openPollCount(db: Executor, townshipId: string, meetingId: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(polls)
    .where(and(eq(polls.townshipId, townshipId), eq(polls.meetingId, meetingId), eq(polls.status, 'open')));
  return r!.n;
}
