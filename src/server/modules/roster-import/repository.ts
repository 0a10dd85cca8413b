import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { delegateGroups, delegates, electoralUnits, groupMembers } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

/** Rows per INSERT: ~17 parameters a row stays well under PostgreSQL's 65,535 per statement. */
export const BATCH = 1000;

export type DelegateInsert = typeof delegates.$inferInsert;

/** What matching and change detection need of every delegate of the term; no ciphertext. */
export const termDelegates = (db: Executor, townshipId: string, termId: string) =>
  db
    .select({
      id: delegates.id,
      name: delegates.name,
      gender: delegates.gender,
      ethnicity: delegates.ethnicity,
      birthDate: delegates.birthDate,
      partyJoinDate: delegates.partyJoinDate,
      education: delegates.education,
      workplace: delegates.workplace,
      category: delegates.category,
      electoralUnitId: delegates.electoralUnitId,
      phoneHash: delegates.phoneHash,
      idNumberHash: delegates.idNumberHash,
    })
    .from(delegates)
    .where(and(eq(delegates.townshipId, townshipId), eq(delegates.termId, termId)));

export type ExistingDelegate = Awaited<ReturnType<typeof termDelegates>>[number];

export const termUnits = (db: Executor, townshipId: string, termId: string) =>
  db
    .select({ id: electoralUnits.id, name: electoralUnits.name })
    .from(electoralUnits)
    .where(and(eq(electoralUnits.townshipId, townshipId), eq(electoralUnits.termId, termId)));

export const termGroups = (db: Executor, townshipId: string, termId: string) =>
  db
    .select({ id: delegateGroups.id, name: delegateGroups.name, kind: delegateGroups.kind })
    .from(delegateGroups)
    .where(and(eq(delegateGroups.townshipId, townshipId), eq(delegateGroups.termId, termId)));

/** Every membership of the term's delegates: (delegate, group) pairs. */
export const termMemberships = (db: Executor, townshipId: string, termId: string) =>
  db
    .select({ delegateId: groupMembers.delegateId, groupId: groupMembers.groupId })
    .from(groupMembers)
    .innerJoin(delegateGroups, eq(delegateGroups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.townshipId, townshipId), eq(delegateGroups.termId, termId)));

export async function insertUnits(db: Executor, townshipId: string, termId: string, names: string[]) {
  if (names.length === 0) return;
  await db.insert(electoralUnits).values(names.map((name) => ({ townshipId, termId, name }))).onConflictDoNothing();
}

export async function insertGroups(db: Executor, townshipId: string, termId: string, names: string[], kind: string) {
  if (names.length === 0) return;
  await db.insert(delegateGroups).values(names.map((name) => ({ townshipId, termId, name, kind }))).onConflictDoNothing();
}

export async function insertDelegates(db: Executor, rows: DelegateInsert[]) {
  for (let i = 0; i < rows.length; i += BATCH) await db.insert(delegates).values(rows.slice(i, i + BATCH));
}

type Column = keyof DelegateInsert;

/**
 * Updates many delegates a batch per statement: INSERT … ON CONFLICT (id) DO UPDATE sets only
 * `columns` (the fields the workbook has) and leaves status, history and the rest alone.
 */
export async function updateDelegates(db: Executor, townshipId: string, rows: DelegateInsert[], columns: Column[]) {
  if (rows.length === 0) return;
  const set: Record<string, SQL> = { updatedAt: sql`now()` };
  for (const c of columns) set[c] = sql.raw(`excluded.${delegates[c as keyof typeof delegates.$inferSelect].name}`);
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insert(delegates)
      .values(rows.slice(i, i + BATCH))
      .onConflictDoUpdate({ target: delegates.id, set, setWhere: eq(delegates.townshipId, townshipId) });
  }
}

export interface Membership {
  delegateId: string;
  groupId: string;
  kind: string;
}

/**
 * Puts each delegate into its group, taking it out of any other group of the same kind first
 * (a delegate belongs to one group of each kind).
 */
export async function placeInGroups(db: Executor, townshipId: string, rows: Membership[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const list = sql.join(
      batch.map((m) => sql`(${m.delegateId}::uuid, ${m.groupId}::uuid, ${m.kind}::text)`),
      sql`, `,
    );
    await db.execute(sql`
      delete from ${groupMembers} gm using (values ${list}) as v(delegate_id, group_id, kind)
      where gm.township_id = ${townshipId} and gm.delegate_id = v.delegate_id and gm.kind = v.kind and gm.group_id <> v.group_id`);
    await db
      .insert(groupMembers)
      .values(batch.map((m) => ({ ...m, townshipId })))
      .onConflictDoNothing();
  }
}

/** A leader or deputy moved to another group by the import no longer leads the old one. */
export async function clearDepartedLeaders(db: Executor, townshipId: string, termId: string) {
  for (const col of ['leader_id', 'deputy_leader_id'] as const) {
    const c = sql.raw(col);
    await db.execute(sql`
      update ${delegateGroups} g set ${c} = null
      where g.township_id = ${townshipId} and g.term_id = ${termId} and g.${c} is not null
        and not exists (select 1 from ${groupMembers} m where m.group_id = g.id and m.delegate_id = g.${c})`);
  }
}

/** The export: delegates of the term with their electoral unit and groups. */
export async function exportDelegates(db: Executor, townshipId: string, termId: string, status?: string) {
  const conds = [eq(delegates.townshipId, townshipId), eq(delegates.termId, termId)];
  if (status) conds.push(eq(delegates.status, status));
  const rows = await db
    .select({ delegate: delegates, unitName: electoralUnits.name })
    .from(delegates)
    .leftJoin(electoralUnits, eq(electoralUnits.id, delegates.electoralUnitId))
    .where(and(...conds));
  const ids = rows.map((r) => r.delegate.id);
  const groups: { delegateId: string; name: string; kind: string }[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    groups.push(
      ...(await db
        .select({ delegateId: groupMembers.delegateId, name: delegateGroups.name, kind: delegateGroups.kind })
        .from(groupMembers)
        .innerJoin(delegateGroups, eq(delegateGroups.id, groupMembers.groupId))
        .where(and(eq(groupMembers.townshipId, townshipId), inArray(groupMembers.delegateId, ids.slice(i, i + BATCH))))
        .orderBy(asc(delegateGroups.name))),
    );
  }
  return { rows, groups };
}
