import { and, asc, eq, sql } from 'drizzle-orm';
import { counties, delegates, townships, terms } from '../../db/schema/index.js';
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

/**
 * Per township of a county: delegates of the current term by status, and open vacancies.
 * Counted per term first (an index-only scan of delegates_term_status_idx, grouped in index
 * order), then joined to the townships, so no delegate row is read or sorted.
 */
export async function countyOverviewRows(db: Executor, countyId: string) {
  const counts = db
    .select({
      termId: delegates.termId,
      active: sql<number>`count(*) filter (where ${delegates.status} = 'active')`.as('active'),
      suspended: sql<number>`count(*) filter (where ${delegates.status} = 'suspended')`.as('suspended'),
      terminated: sql<number>`count(*) filter (where ${delegates.status} = 'terminated')`.as('terminated'),
    })
    .from(delegates)
    .where(sql`${delegates.termId} in (select t.id from ${terms} t join ${townships} w on w.id = t.township_id where t.is_current and w.county_id = ${countyId})`)
    .groupBy(delegates.termId)
    .as('counts');
  // Terminated and not replaced: few rows, found through the terminated ones of the term.
  const vacancies = sql<number>`(select count(*) from ${delegates} d where d.term_id = ${terms.id} and d.status = 'terminated'
    and not exists (select 1 from ${delegates} r where r.replaces_delegate_id = d.id))::int`;
  return db
    .select({
      townshipId: townships.id,
      code: townships.code,
      name: townships.name,
      termNumber: terms.number,
      active: sql<number>`coalesce(${counts.active}, 0)::int`,
      suspended: sql<number>`coalesce(${counts.suspended}, 0)::int`,
      terminated: sql<number>`coalesce(${counts.terminated}, 0)::int`,
      vacancies: sql<number>`coalesce(${vacancies}, 0)::int`,
    })
    .from(townships)
    .leftJoin(terms, and(eq(terms.townshipId, townships.id), eq(terms.isCurrent, true)))
    .leftJoin(counts, eq(counts.termId, terms.id))
    .where(eq(townships.countyId, countyId))
    .orderBy(asc(townships.code));
}

export async function insertCounty(db: Executor, values: typeof counties.$inferInsert) {
  const [c] = await db.insert(counties).values(values).returning();
  return c!;
}

export const insertTownships = (db: Executor, values: (typeof townships.$inferInsert)[]) => db.insert(townships).values(values).returning();
