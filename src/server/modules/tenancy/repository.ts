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

export async function countCounties(db: Executor): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(counties);
  return r?.n ?? 0;
}

/** Per township of a county: delegates of the current term by status, and open vacancies. */
export async function countyOverviewRows(db: Executor, countyId: string) {
  const replaced = sql`exists (select 1 from ${delegates} r where r.replaces_delegate_id = ${delegates.id})`;
  return db
    .select({
      townshipId: townships.id,
      code: townships.code,
      name: townships.name,
      termNumber: terms.number,
      active: sql<number>`count(${delegates.id}) filter (where ${delegates.status} = 'active')::int`,
      suspended: sql<number>`count(${delegates.id}) filter (where ${delegates.status} = 'suspended')::int`,
      terminated: sql<number>`count(${delegates.id}) filter (where ${delegates.status} = 'terminated')::int`,
      vacancies: sql<number>`count(${delegates.id}) filter (where ${delegates.status} = 'terminated' and not ${replaced})::int`,
    })
    .from(townships)
    .leftJoin(terms, and(eq(terms.townshipId, townships.id), eq(terms.isCurrent, true)))
    .leftJoin(delegates, and(eq(delegates.termId, terms.id)))
    .where(eq(townships.countyId, countyId))
    .groupBy(townships.id, townships.code, townships.name, terms.number)
    .orderBy(asc(townships.code));
}
