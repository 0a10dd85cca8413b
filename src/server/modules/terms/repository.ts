import { and, desc, eq, sql } from 'drizzle-orm';
import { terms } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type TermRow = typeof terms.$inferSelect;

export const listTerms = (db: Executor, townshipId: string) =>
  db.select().from(terms).where(eq(terms.townshipId, townshipId)).orderBy(desc(terms.number));

export async function findTerm(db: Executor, townshipId: string, id: string) {
  const [t] = await db.select().from(terms).where(and(eq(terms.townshipId, townshipId), eq(terms.id, id)));
  return t;
}

/** Row-locks the term, so that work numbered within it (meeting sessions) runs one at a time. */
export async function lockTerm(tx: Executor, townshipId: string, termId: string) {
  await tx.select({ id: terms.id }).from(terms).where(and(eq(terms.townshipId, townshipId), eq(terms.id, termId))).for('update');
}

export async function findCurrentTerm(db: Executor, townshipId: string) {
  const [t] = await db.select().from(terms).where(and(eq(terms.townshipId, townshipId), eq(terms.isCurrent, true)));
  return t;
}

export async function insertTerm(db: Executor, values: typeof terms.$inferInsert) {
  const [t] = await db.insert(terms).values(values).returning();
  return t!;
}

export async function updateTerm(db: Executor, townshipId: string, id: string, set: Partial<typeof terms.$inferInsert>) {
  const [t] = await db.update(terms).set(set).where(and(eq(terms.townshipId, townshipId), eq(terms.id, id))).returning();
  return t;
}

export async function clearCurrent(db: Executor, townshipId: string) {
  await db.update(terms).set({ isCurrent: false }).where(and(eq(terms.townshipId, townshipId), eq(terms.isCurrent, true)));
}

/**
 * Serialises writers of one township's terms. A row lock cannot do it: the rule (no overlap, one
 * number once) is about rows that do not exist yet, so two creators would both see none.
 */
export async function lockTermsOf(tx: Executor, townshipId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${'terms/' + townshipId}, 0))`);
  return listTerms(tx, townshipId);
}
