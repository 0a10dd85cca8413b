import { and, asc, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import { delegateGroups, delegates, delegateStatusChanges, electoralUnits, groupMembers } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type DelegateRow = typeof delegates.$inferSelect;
export type DelegateInsert = typeof delegates.$inferInsert;
export type StatusChangeRow = typeof delegateStatusChanges.$inferSelect;
export type DelegateWithUnit = { delegate: DelegateRow; unit: { id: string; name: string } | null };
export type DelegateSort = 'strokes' | 'name' | 'updated';

export interface DelegateFilter {
  /** Part of a name, or the keyed digests an exact phone / ID number may have. */
  name?: string;
  hashes?: string[];
  status?: string;
  groupId?: string;
  category?: string;
  electoralUnitId?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function filterConditions(townshipId: string, termId: string, f: DelegateFilter): SQL[] {
  const c: SQL[] = [eq(delegates.townshipId, townshipId), eq(delegates.termId, termId)];
  if (f.name) c.push(like(delegates.name, `%${escapeLike(f.name)}%`));
  if (f.hashes) {
    const h = f.hashes.length ? f.hashes : ['-'];
    c.push(sql`(${inArray(delegates.phoneHash, h)} or ${inArray(delegates.idNumberHash, h)})`);
  }
  if (f.status) c.push(eq(delegates.status, f.status));
  if (f.category) c.push(eq(delegates.category, f.category));
  if (f.electoralUnitId) c.push(eq(delegates.electoralUnitId, f.electoralUnitId));
  if (f.groupId) {
    c.push(sql`exists (select 1 from ${groupMembers} where ${groupMembers.groupId} = ${f.groupId} and ${groupMembers.delegateId} = ${delegates.id})`);
  }
  return c;
}

/** The official order (姓氏笔画): the sort key compares bytewise, as the index does. */
export const strokeOrder = () => [sql`${delegates.nameSortKey} collate "C"`, asc(delegates.id)];

export const ORDER: Record<DelegateSort, () => SQL[]> = {
  strokes: strokeOrder,
  name: () => [asc(delegates.name), asc(delegates.id)],
  updated: () => [desc(delegates.updatedAt), asc(delegates.id)],
};

export async function findDelegate(db: Executor, townshipId: string, id: string): Promise<DelegateWithUnit | undefined> {
  const [r] = await db
    .select({ delegate: delegates, unit: { id: electoralUnits.id, name: electoralUnits.name } })
    .from(delegates)
    .leftJoin(electoralUnits, eq(electoralUnits.id, delegates.electoralUnitId))
    .where(and(eq(delegates.townshipId, townshipId), eq(delegates.id, id)));
  return r;
}

/** Row-locks the delegate: status changes of one delegate run one after another. */
export async function lockDelegate(tx: Executor, townshipId: string, id: string) {
  const [d] = await tx.select().from(delegates).where(and(eq(delegates.townshipId, townshipId), eq(delegates.id, id))).for('update');
  return d;
}

/** The groups of many delegates in one query (a list page, never one query per row). */
export async function groupsOfDelegates(db: Executor, townshipId: string, delegateIds: string[]) {
  if (delegateIds.length === 0) return [];
  return db
    .select({ delegateId: groupMembers.delegateId, id: delegateGroups.id, name: delegateGroups.name, kind: delegateGroups.kind })
    .from(groupMembers)
    .innerJoin(delegateGroups, eq(delegateGroups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.townshipId, townshipId), inArray(groupMembers.delegateId, delegateIds)))
    .orderBy(asc(delegateGroups.kind), asc(delegateGroups.createdAt), asc(delegateGroups.name));
}

export const statusHistory = (db: Executor, townshipId: string, delegateId: string) =>
  db
    .select()
    .from(delegateStatusChanges)
    .where(and(eq(delegateStatusChanges.townshipId, townshipId), eq(delegateStatusChanges.delegateId, delegateId)))
    .orderBy(asc(delegateStatusChanges.decidedOn), asc(delegateStatusChanges.createdAt));

export async function findByIdNumberHash(db: Executor, townshipId: string, termId: string, hash: string) {
  const [r] = await db
    .select({ id: delegates.id, name: delegates.name })
    .from(delegates)
    .where(and(eq(delegates.townshipId, townshipId), eq(delegates.termId, termId), eq(delegates.idNumberHash, hash)));
  return r;
}

/** The delegate elected to fill `replacedId`'s seat, if any. */
export async function findReplacement(db: Executor, townshipId: string, replacedId: string) {
  const [r] = await db
    .select({ id: delegates.id, name: delegates.name })
    .from(delegates)
    .where(and(eq(delegates.townshipId, townshipId), eq(delegates.replacesDelegateId, replacedId)));
  return r;
}

export async function findOrCreateUnit(db: Executor, townshipId: string, termId: string, name: string) {
  const [created] = await db.insert(electoralUnits).values({ townshipId, termId, name }).onConflictDoNothing().returning();
  if (created) return created;
  const [found] = await db
    .select()
    .from(electoralUnits)
    .where(and(eq(electoralUnits.townshipId, townshipId), eq(electoralUnits.termId, termId), eq(electoralUnits.name, name)));
  return found!;
}

export async function findUnit(db: Executor, townshipId: string, id: string) {
  const [u] = await db.select().from(electoralUnits).where(and(eq(electoralUnits.townshipId, townshipId), eq(electoralUnits.id, id)));
  return u;
}

export async function insertDelegate(db: Executor, values: typeof delegates.$inferInsert) {
  const [d] = await db.insert(delegates).values(values).returning();
  return d!;
}

export async function updateDelegate(db: Executor, townshipId: string, id: string, set: Partial<typeof delegates.$inferInsert>) {
  const [d] = await db
    .update(delegates)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(delegates.townshipId, townshipId), eq(delegates.id, id)))
    .returning();
  return d;
}

export async function insertStatusChange(db: Executor, values: typeof delegateStatusChanges.$inferInsert) {
  const [r] = await db.insert(delegateStatusChanges).values(values).returning();
  return r!;
}

const replaced = sql`exists (select 1 from ${delegates} r where r.replaces_delegate_id = ${delegates.id} and r.township_id = ${delegates.townshipId})`;

/**
 * Per electoral unit of a term: its delegates by status and its unfilled seats. Vacancies are
 * counted apart: as a WHERE clause `not exists` plans as an anti-join, whereas inside an
 * aggregate's FILTER it becomes a subplan per delegate, whose estimated cost at 100,000
 * delegates sets off PostgreSQL's JIT compiler (a second of compiling for a 14-row answer).
 */
export async function electoralUnitCounts(db: Executor, townshipId: string, termId: string) {
  const units = await db
    .select({
      id: electoralUnits.id,
      name: electoralUnits.name,
      seats: electoralUnits.seats,
      active: sql<number>`count(${delegates.id}) filter (where ${delegates.status} = 'active')::int`,
      suspended: sql<number>`count(${delegates.id}) filter (where ${delegates.status} = 'suspended')::int`,
      terminated: sql<number>`count(${delegates.id}) filter (where ${delegates.status} = 'terminated')::int`,
    })
    .from(electoralUnits)
    .leftJoin(delegates, and(eq(delegates.electoralUnitId, electoralUnits.id), eq(delegates.townshipId, townshipId)))
    .where(and(eq(electoralUnits.townshipId, townshipId), eq(electoralUnits.termId, termId)))
    .groupBy(electoralUnits.id, electoralUnits.name, electoralUnits.seats)
    .orderBy(asc(electoralUnits.name));
  const open = await db
    .select({ unitId: delegates.electoralUnitId, n: sql<number>`count(*)::int` })
    .from(delegates)
    .where(and(eq(delegates.townshipId, townshipId), eq(delegates.termId, termId), eq(delegates.status, 'terminated'), sql`not ${replaced}`))
    .groupBy(delegates.electoralUnitId);
  const vacancies = new Map(open.map((r) => [r.unitId, r.n]));
  return units.map((u) => ({ ...u, vacancies: vacancies.get(u.id) ?? 0 }));
}

/** Terminated delegates of a term whose seat no by-election has filled yet. */
export const vacantDelegates = (db: Executor, townshipId: string, termId: string) =>
  db
    .select({ delegate: delegates, unit: { id: electoralUnits.id, name: electoralUnits.name } })
    .from(delegates)
    .leftJoin(electoralUnits, eq(electoralUnits.id, delegates.electoralUnitId))
    .where(and(eq(delegates.townshipId, townshipId), eq(delegates.termId, termId), eq(delegates.status, 'terminated'), sql`not ${replaced}`))
    .orderBy(asc(delegates.statusSince), ...strokeOrder());

/** The most recent status change of each of `delegateIds`. */
export async function latestStatusChanges(db: Executor, townshipId: string, delegateIds: string[]) {
  if (delegateIds.length === 0) return [];
  return db
    .selectDistinctOn([delegateStatusChanges.delegateId])
    .from(delegateStatusChanges)
    .where(and(eq(delegateStatusChanges.townshipId, townshipId), inArray(delegateStatusChanges.delegateId, delegateIds)))
    .orderBy(delegateStatusChanges.delegateId, desc(delegateStatusChanges.decidedOn), desc(delegateStatusChanges.createdAt));
}


/** Delegates due to attend = the active delegates of the term (DOMAIN.md §1), in stroke order. */
export const activeDelegatesOfTerm = (db: Executor, townshipId: string, termId: string) =>
  db
    .select({ id: delegates.id, name: delegates.name, phoneEnc: delegates.phoneEnc })
    .from(delegates)
    .where(and(eq(delegates.townshipId, townshipId), eq(delegates.termId, termId), eq(delegates.status, 'active')))
    .orderBy(asc(delegates.nameSortKey), asc(delegates.id));

export async function countActiveDelegates(db: Executor, townshipId: string, termId: string) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(delegates)
    .where(and(eq(delegates.townshipId, townshipId), eq(delegates.termId, termId), eq(delegates.status, 'active')));
  return r!.n;
}
