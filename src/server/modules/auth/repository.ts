import { and, eq, lt, ne, sql } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type UserRow = typeof users.$inferSelect;

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  return u;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

// Every API request looks its session up: build that query once per database and let the
// server keep it prepared, instead of building SQL for each request (measured by
// bench/vote-burst: query building was the largest CPU cost of a ballot).
const sessionQueries = new WeakMap<Executor, ReturnType<typeof prepareSessionQuery>>();
const prepareSessionQuery = (db: Executor) =>
  db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('nh_find_session_with_user');

export async function findSessionWithUser(db: Executor, sessionId: string) {
  let q = sessionQueries.get(db);
  if (!q) sessionQueries.set(db, (q = prepareSessionQuery(db)));
  const [row] = await q.execute({ id: sessionId });
  return row;
}

export async function insertSession(db: Executor, s: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(s);
}

export async function touchSession(db: Executor, id: string, now: Date, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Executor, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(db: Executor, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Ends every session of the user but `keep`; answers how many ended. */
export async function deleteOtherSessionsOfUser(db: Executor, userId: string, keep: string): Promise<number> {
  const gone = await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keep))).returning({ id: sessions.id });
  return gone.length;
}

export async function deleteExpiredSessions(db: Executor, now: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export async function updateUser(db: Executor, id: string, set: Partial<typeof users.$inferInsert>) {
  await db.update(users).set({ ...set, updatedAt: new Date() }).where(and(eq(users.id, id)));
}
