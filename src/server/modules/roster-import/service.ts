import crypto from 'node:crypto';
import { GROUP_KINDS } from '../../../domain/groups/size.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { invalid } from '../../errors.js';
import { writeAudit, type Actor } from '../../audit/audit.js';
import { readRosterWorkbook, type ReadProgress, type WorkbookSource } from '../../documents/roster-xlsx.js';
import { requireCurrentTerm } from '../roster/service.js';
import { toDelegateValues } from '../roster/record.js';
import { matchRows, parseRoster, presentPreview, type Lookup, type MatchedRow, type ParsedRoster, type RosterPreview } from './analyse.js';
import * as repo from './repository.js';

/**
 * The roster import use cases, shared by the HTTP routes and the `nianhui import roster`
 * command: read → clean and check every row → match against the current term → either a
 * preview, or (no problems at all) one transaction that writes every row and one audit entry.
 */

export interface RosterUpload {
  fileName: string;
  data: WorkbookSource;
}

export type ImportPhase = 'read' | 'check' | 'write';
export type ProgressFn = (phase: ImportPhase, done: number, total: number) => void;

export interface ImportTarget {
  township: { id: string; name: string };
  actor: Actor;
}

export interface ImportResult {
  imported: number;
  created: number;
  updated: number;
  unchanged: number;
}

async function parseUpload(ctx: AppContext, upload: RosterUpload, progress?: ProgressFn): Promise<ParsedRoster> {
  const onRead = progress ? (p: ReadProgress) => progress('read', p.bytesRead, p.totalBytes) : undefined;
  const sheet = await readRosterWorkbook(upload.data, onRead);
  return parseRoster(sheet, ctx.cipher, progress ? (d, t) => progress('check', d, t) : undefined);
}

async function loadLookup(db: Executor, townshipId: string, termId: string): Promise<Lookup> {
  const [delegates, units, groups, memberships] = [
    await repo.termDelegates(db, townshipId, termId),
    await repo.termUnits(db, townshipId, termId),
    await repo.termGroups(db, townshipId, termId),
    await repo.termMemberships(db, townshipId, termId),
  ];
  const memberOf = new Map<string, Set<string>>();
  for (const m of memberships) {
    const set = memberOf.get(m.delegateId) ?? new Set<string>();
    set.add(m.groupId);
    memberOf.set(m.delegateId, set);
  }
  return {
    delegates,
    unitNames: new Map(units.map((u) => [u.id, u.name])),
    groupNames: new Map(groups.map((g) => [g.id, g.name])),
    memberOf,
  };
}

export async function previewRoster(ctx: AppContext, townshipId: string, upload: RosterUpload): Promise<RosterPreview> {
  const parsed = await parseUpload(ctx, upload);
  const db = ctx.database.db;
  const term = await requireCurrentTerm(db, townshipId);
  const matched = matchRows(parsed, await loadLookup(db, townshipId, term.id));
  return presentPreview(upload.fileName, parsed, matched);
}

/** All or nothing: any problem in any row answers the whole preview and writes nothing. */
export async function importRoster(ctx: AppContext, target: ImportTarget, upload: RosterUpload, progress?: ProgressFn): Promise<ImportResult> {
  const parsed = await parseUpload(ctx, upload, progress);
  const townshipId = target.township.id;
  const result = await ctx.database.db.transaction(async (tx) => {
    const term = await requireCurrentTerm(tx, townshipId);
    const lookup = await loadLookup(tx, townshipId, term.id);
    const matched = matchRows(parsed, lookup);
    const bad = matched.filter((m) => m.row.problems.length > 0).length;
    if (bad > 0) {
      const preview = presentPreview(upload.fileName, parsed, matched);
      throw invalid(`名册中有 ${bad} 行存在问题，未导入任何数据；请按提示修改后重新导入`, preview);
    }
    const counts = await writeRows(ctx, tx, townshipId, term.id, parsed, matched, lookup, progress);
    await writeAudit(tx, target.actor, {
      townshipId,
      action: 'roster.import',
      entity: 'term',
      entityId: term.id,
      after: { fileName: upload.fileName, rows: matched.length, ...counts },
    });
    return { imported: matched.length, ...counts };
  });
  ctx.hub.publish({ channel: `township:${townshipId}`, type: 'roster.imported', data: result });
  return result;
}

const COLUMNS_OF_FIELD: Record<string, (keyof repo.DelegateInsert)[]> = {
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
};

async function writeRows(
  ctx: AppContext,
  tx: Executor,
  townshipId: string,
  termId: string,
  parsed: ParsedRoster,
  matched: MatchedRow[],
  lookup: Lookup,
  progress?: ProgressFn,
) {
  const unitIds = await ensureUnits(tx, townshipId, termId, matched, lookup);
  const creates: repo.DelegateInsert[] = [];
  const updates: repo.DelegateInsert[] = [];
  const placements: { delegateId: string; group: string }[] = [];
  let unchanged = 0;
  for (const m of matched) {
    const input = m.row.input!;
    const id = m.existing?.id ?? crypto.randomUUID();
    if (m.row.group && (!m.existing || m.changes.includes('group'))) placements.push({ delegateId: id, group: m.row.group });
    if (m.existing && m.changes.length === 0) unchanged++;
    // A row whose only change is its group needs no delegate update, just the membership.
    if (m.existing && m.changes.every((f) => f === 'group')) continue;
    const unitId = input.electoralUnit ? unitIds.get(input.electoralUnit)! : null;
    const values = { ...toDelegateValues(ctx.cipher, input, m.row, unitId), id, townshipId, termId };
    (m.existing ? updates : creates).push(values);
  }
  const total = creates.length + updates.length;
  progress?.('write', 0, total);
  for (let i = 0; i < creates.length; i += repo.BATCH) {
    await repo.insertDelegates(tx, creates.slice(i, i + repo.BATCH));
    progress?.('write', Math.min(i + repo.BATCH, creates.length), total);
  }
  const columns = [...parsed.header.fields].flatMap((f) => COLUMNS_OF_FIELD[f] ?? []);
  for (let i = 0; i < updates.length; i += repo.BATCH) {
    await repo.updateDelegates(tx, townshipId, updates.slice(i, i + repo.BATCH), columns);
    progress?.('write', creates.length + Math.min(i + repo.BATCH, updates.length), total);
  }
  if (placements.length > 0) await placeInGroups(tx, townshipId, termId, placements);
  return { created: creates.length, updated: matched.length - creates.length - unchanged, unchanged };
}

async function ensureUnits(tx: Executor, townshipId: string, termId: string, matched: MatchedRow[], lookup: Lookup) {
  const byName = new Map([...lookup.unitNames].map(([id, name]) => [name, id]));
  const missing = new Set<string>();
  for (const m of matched) {
    const name = m.row.input!.electoralUnit;
    if (name && !byName.has(name)) missing.add(name);
  }
  if (missing.size > 0) {
    await repo.insertUnits(tx, townshipId, termId, [...missing]);
    for (const u of await repo.termUnits(tx, townshipId, termId)) byName.set(u.name, u.id);
  }
  return byName;
}

/** The 代表小组 column names a group of the term; a missing one is created as a regional group. */
async function placeInGroups(tx: Executor, townshipId: string, termId: string, placements: { delegateId: string; group: string }[]) {
  const kind: keyof typeof GROUP_KINDS = 'region';
  let groups = await repo.termGroups(tx, townshipId, termId);
  const known = new Set(groups.map((g) => g.name));
  const missing = [...new Set(placements.map((p) => p.group))].filter((n) => !known.has(n));
  if (missing.length > 0) {
    await repo.insertGroups(tx, townshipId, termId, missing, kind);
    groups = await repo.termGroups(tx, townshipId, termId);
  }
  const byName = new Map(groups.map((g) => [g.name, g]));
  await repo.placeInGroups(
    tx,
    townshipId,
    placements.map((p) => {
      const g = byName.get(p.group)!;
      return { delegateId: p.delegateId, groupId: g.id, kind: g.kind };
    }),
  );
  await repo.clearDepartedLeaders(tx, townshipId, termId);
}
