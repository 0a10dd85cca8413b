import crypto from 'node:crypto';
import type { GROUP_KINDS } from '../../../domain/groups/size.js';
import type { RosterField } from '../../../domain/roster/headers.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { matchKey } from '../../../domain/text/clean.js';
import { toDelegateValues } from '../roster/record.js';
import type { Lookup, MatchedRow, ProgressFn } from './analyse.js';
import * as repo from './repository.js';

/** The columns an imported field sets on update; a field absent from the file sets none. */
const COLUMNS_OF_FIELD: Record<RosterField, (keyof repo.DelegateInsert)[]> = {
  name: ['name', 'nameSortKey'],
  gender: ['gender'],
  ethnicity: ['ethnicity'],
  birthDate: ['birthDate'],
  partyJoinDate: ['partyJoinDate'],
  education: ['education'],
  workplace: ['workplace'],
  category: ['category'],
  electoralUnit: ['electoralUnitId'],
  phone: ['phoneEnc', 'phoneHash'],
  idNumber: ['idNumberEnc', 'idNumberHash'],
  group: [],
};

/** A delegate created by this import is in no group yet: nothing to take it out of. */
interface Placement {
  delegateId: string;
  group: string;
  isNew: boolean;
}

interface Where {
  townshipId: string;
  termId: string;
  fields: Set<RosterField>;
}

/**
 * Writes checked rows inside the caller's transaction, a batch at a time: each batch's
 * encrypted values are built just before they are sent, so memory holds one batch of
 * ciphertext, not the whole file's.
 */
export async function writeRows(ctx: AppContext, tx: Executor, where: Where, matched: MatchedRow[], lookup: Lookup, progress?: ProgressFn) {
  const { townshipId, termId } = where;
  const unitIds = await ensureUnits(tx, townshipId, termId, matched, lookup);
  const columns = [...where.fields].flatMap((f) => COLUMNS_OF_FIELD[f]);
  const placements: Placement[] = [];
  let creates: repo.DelegateRowValues[] = [];
  let updates: repo.DelegateRowValues[] = [];
  let created = 0;
  let unchanged = 0;
  const total = matched.length;
  progress?.('write', 0, total);
  for (let i = 0; i < total; i++) {
    const m = matched[i]!;
    (matched as unknown[])[i] = null;
    const input = m.row.input!;
    const id = m.existing?.id ?? crypto.randomUUID();
    if (m.row.group && (!m.existing || m.changes.some((c) => c.field === 'group'))) placements.push({ delegateId: id, group: m.row.group, isNew: !m.existing });
    if (m.existing && m.changes.length === 0) unchanged++;
    // A row whose only change is its group needs no delegate update, just the membership.
    if (!m.existing || m.changes.some((c) => c.field !== 'group')) {
      const unitId = input.electoralUnit ? unitIds.get(input.electoralUnit)! : null;
      const values: repo.DelegateRowValues = toDelegateValues(ctx.cipher, input, m.row, unitId);
      values.id = id;
      if (m.existing) updates.push(values);
      else creates.push(values);
    }
    const last = i === total - 1;
    if (creates.length >= repo.JSON_BATCH || (last && creates.length > 0)) {
      await repo.insertDelegates(tx, townshipId, termId, creates);
      created += creates.length;
      creates = [];
    }
    if (updates.length >= repo.JSON_BATCH || (last && updates.length > 0)) {
      await repo.updateDelegates(tx, townshipId, termId, updates, columns);
      updates = [];
    }
    if (progress && (i % repo.JSON_BATCH === 0 || last)) progress('write', i + 1, total);
  }
  if (placements.length > 0) await placeInGroups(tx, townshipId, termId, placements);
  return { created, updated: total - created - unchanged, unchanged };
}

async function ensureUnits(tx: Executor, townshipId: string, termId: string, matched: MatchedRow[], lookup: Lookup) {
  // Keyed by matchKey: 「石桥村（一组）」 typed half-width is the same unit, not a new one.
  const byKey = new Map([...lookup.unitNames].map(([id, name]) => [matchKey(name), id]));
  const missing = new Map<string, string>();
  for (const m of matched) {
    const name = m.row.input!.electoralUnit;
    if (name && !byKey.has(matchKey(name)) && !missing.has(matchKey(name))) missing.set(matchKey(name), name);
  }
  if (missing.size > 0) {
    await repo.insertUnits(tx, townshipId, termId, [...missing.values()]);
    for (const u of await repo.termUnits(tx, townshipId, termId)) if (!byKey.has(matchKey(u.name))) byKey.set(matchKey(u.name), u.id);
  }
  return { get: (name: string) => byKey.get(matchKey(name)) };
}

/** The 代表小组 column names a group of the term; a missing one is created as a regional group. */
async function placeInGroups(tx: Executor, townshipId: string, termId: string, placements: Placement[]) {
  const kind: keyof typeof GROUP_KINDS = 'region';
  let groups = await repo.termGroups(tx, townshipId, termId);
  // Found by matchKey, so a group typed with other-width brackets is the existing one.
  const known = new Set(groups.map((g) => matchKey(g.name)));
  const missing = new Map<string, string>();
  for (const p of placements) if (!known.has(matchKey(p.group)) && !missing.has(matchKey(p.group))) missing.set(matchKey(p.group), p.group);
  if (missing.size > 0) {
    await repo.insertGroups(tx, townshipId, termId, [...missing.values()], kind);
    groups = await repo.termGroups(tx, townshipId, termId);
  }
  const byName = new Map<string, (typeof groups)[number]>();
  for (const g of groups) if (!byName.has(matchKey(g.name))) byName.set(matchKey(g.name), g);
  await repo.placeInGroups(
    tx,
    townshipId,
    placements.map((p) => {
      const g = byName.get(matchKey(p.group))!;
      return { delegateId: p.delegateId, groupId: g.id, isNew: p.isNew };
    }),
  );
  await repo.clearDepartedLeaders(tx, townshipId, termId);
}
