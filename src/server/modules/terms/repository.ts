import { and, desc, eq } from 'drizzle-orm';
import { terms } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type TermRow = typeof terms.$inferSelect;

export const listTerms = (db: Executor, townshipId: string) =>
  db.select().from(terms).where(eq(terms.townshipId, townshipId)).orderBy(desc(terms.number));

export async function findTerm(db: Executor, townshipId: string, id: string) {
  const [t] = await db.select().from(terms).where(and(eq(terms.townshipId, townshipId), eq(terms.id, id)));
  return t;
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
