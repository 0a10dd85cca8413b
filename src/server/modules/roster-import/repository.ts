import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { delegateGroups, delegates, electoralUnits, groupMembers } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

/** Ids per `in (…)` list in reads. */
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

/**
 * The bulk writes send each batch as ONE jsonb parameter expanded in SQL: binding 17
 * parameters a row costs both the driver and the server far more than parsing one JSON
 * document, and a statement of 2,000 rows stays about a megabyte.
 */
export const JSON_BATCH = 500;

type Column = keyof DelegateInsert;
type ColumnInfo = { name: string; getSQLType(): string };
const column = (key: string) => (delegates as unknown as Record<string, ColumnInfo>)[key]!;
const columnName = (key: string) => column(key).name;

/** Rows of one township and term: those two go once as parameters, not in every row. */
export type DelegateRowValues = Omit<DelegateInsert, 'townshipId' | 'termId'>;

/**
 * A batch as one jsonb array of arrays (no property names: a third fewer bytes to send and
 * parse), unpacked by position with the column's type.
 */
function recordset(townshipId: string, termId: string, rows: DelegateRowValues[]) {
  const keys = Object.keys(rows[0]!) as (keyof DelegateRowValues)[];
  const json = JSON.stringify(rows.map((r) => keys.map((k) => r[k] ?? null)));
  const fields = keys.map((k, i) => `(e->>${i})::${column(k).getSQLType()}`).join(', ');
  return {
    target: sql.raw(['township_id', 'term_id', ...keys.map(columnName)].map((n) => `"${n}"`).join(', ')),
    select: sql`select ${townshipId}::uuid, ${termId}::uuid, ${sql.raw(fields)} from jsonb_array_elements(${json}::jsonb) e`,
  };
}

export async function insertDelegates(db: Executor, townshipId: string, termId: string, rows: DelegateRowValues[]) {
  for (let i = 0; i < rows.length; i += JSON_BATCH) {
    const r = recordset(townshipId, termId, rows.slice(i, i + JSON_BATCH));
    await db.execute(sql`insert into ${delegates} (${r.target}) ${r.select}`);
  }
}

/**
 * Updates many delegates a batch per statement: INSERT … ON CONFLICT (id) DO UPDATE sets only
 * `columns` (the fields the workbook has) and leaves status, history and the rest alone.
 */
export async function updateDelegates(db: Executor, townshipId: string, termId: string, rows: DelegateRowValues[], columns: Column[]) {
  const set = sql.raw([...columns.map((c) => `"${columnName(c)}" = excluded."${columnName(c)}"`), 'updated_at = now()'].join(', '));
  for (let i = 0; i < rows.length; i += JSON_BATCH) {
    const r = recordset(townshipId, termId, rows.slice(i, i + JSON_BATCH));
    await db.execute(sql`
      insert into ${delegates} (${r.target}) ${r.select}
      on conflict (id) do update set ${set} where ${delegates}.township_id = ${townshipId}`);
  }
}

export interface Membership {
  delegateId: string;
  groupId: string;
  /** Created by this import, so in no group yet. */
  isNew: boolean;
}

/**
 * Puts each delegate into its group, taking an existing delegate out of any other group of
 * the same kind first (a delegate belongs to one group of each kind).
 */
export async function placeInGroups(db: Executor, townshipId: string, rows: Membership[]) {
  for (let i = 0; i < rows.length; i += JSON_BATCH) {
    const batch = rows.slice(i, i + JSON_BATCH);
    const pairs = (list: Membership[]) => JSON.stringify(list.map((m) => [m.delegateId, m.groupId]));
    const moved = batch.filter((m) => !m.isNew);
    if (moved.length > 0) {
      await db.execute(sql`
        delete from ${groupMembers} gm
        using jsonb_array_elements(${pairs(moved)}::jsonb) e, ${delegateGroups} g
        where g.id = (e->>1)::uuid and gm.township_id = ${townshipId} and gm.delegate_id = (e->>0)::uuid
          and gm.kind = g.kind and gm.group_id <> g.id`);
    }
    await db.execute(sql`
      insert into ${groupMembers} (group_id, delegate_id, township_id, kind)
      select g.id, (e->>0)::uuid, ${townshipId}, g.kind
      from jsonb_array_elements(${pairs(batch)}::jsonb) e join ${delegateGroups} g on g.id = (e->>1)::uuid and g.township_id = ${townshipId}
      on conflict do nothing`);
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
