import { and, asc, eq, sql } from 'drizzle-orm';
import { counties, townships, terms } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export async function findTownship(db: Executor, id: string) {
  const [t] = await db.select().from(townships).where(eq(townships.id, id));
  return t;
}

export async function findTownshipByCode(db: Executor, code: string) {
  const [t] = await db.select().from(townships).where(eq(townships.code, code));
  return t;
}

export async function listTownshipsOfCounty(db: Executor, countyId: string) {
  return db.select().from(townships).where(eq(townships.countyId, countyId)).orderBy(asc(townships.code));
}

export async function findCounty(db: Executor, id: string) {
  const [c] = await db.select().from(counties).where(eq(counties.id, id));
  return c;
}

/** The demo county, if the demo was loaded into this database. */
export async function findDemoCounty(db: Executor) {
  const [c] = await db.select({ name: counties.name }).from(counties).where(eq(counties.isDemo, true)).limit(1);
  return c;
}

export const listCounties = (db: Executor) => db.select().from(counties).orderBy(asc(counties.name));

export async function countCounties(db: Executor): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(counties);
  return r?.n ?? 0;
}

/** The townships of a county with their current term (null when none), in code order. */
export const townshipsWithCurrentTerm = (db: Executor, countyId: string) =>
  db
    .select({ townshipId: townships.id, code: townships.code, name: townships.name, termId: terms.id, termNumber: terms.number })
    .from(townships)
    .leftJoin(terms, and(eq(terms.townshipId, townships.id), eq(terms.isCurrent, true)))
    .where(eq(townships.countyId, countyId))
    .orderBy(asc(townships.code));

export async function insertCounty(db: Executor, values: typeof counties.$inferInsert) {
  const [c] = await db.insert(counties).values(values).returning();
  return c!;
}

export const insertTownships = (db: Executor, values: (typeof townships.$inferInsert)[]) => db.insert(townships).values(values).returning();
