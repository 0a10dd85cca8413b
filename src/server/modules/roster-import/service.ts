import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { invalid } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import type { WorkbookSource } from '../../documents/roster-xlsx.js';
import { requireCurrentTerm } from '../terms/index.js';
import { FIRST_PAGE, matchRows, presentPreview, type PreviewPage, type Lookup, type ParsedRoster, type ProgressFn, type RosterPreview } from './analyse.js';
import { writeRows } from './write.js';
import { parseWorkbook } from './off-loop.js';
import * as repo from './repository.js';
import type { Actor } from '../../access/types.js';

/**
 * The roster import use cases, shared by the HTTP routes and the `nianhui import roster`
 * command: read → clean and check every row → match against the current term → either a
 * preview, or (no problems at all) one transaction that writes every row and one audit entry.
 */

export interface RosterUpload {
  fileName: string;
  data: WorkbookSource;
}

export type { ImportPhase, ProgressFn } from './analyse.js';

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

function parseUpload(ctx: AppContext, upload: RosterUpload, progress?: ProgressFn): Promise<ParsedRoster> {
  return parseWorkbook(upload.data, ctx.config.rosterImportMaxRows, progress);
}

async function loadLookup(db: Executor, townshipId: string, termId: string): Promise<Lookup> {
  // One after another: inside a transaction PGlite has a single connection anyway.
  const delegates = await repo.termDelegates(db, townshipId, termId);
  const units = await repo.termUnits(db, townshipId, termId);
  const groups = await repo.termGroups(db, townshipId, termId);
  const memberships = await repo.termMemberships(db, townshipId, termId);
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

export async function previewRoster(ctx: AppContext, townshipId: string, upload: RosterUpload, page: PreviewPage = FIRST_PAGE): Promise<RosterPreview> {
  const parsed = await parseUpload(ctx, upload);
  const db = ctx.database.db;
  const term = await requireCurrentTerm(db, townshipId);
  const matched = matchRows(parsed, await loadLookup(db, townshipId, term.id), ctx.cipher);
  return presentPreview(upload.fileName, parsed, matched, page);
}

/** All or nothing: any problem in any row answers the whole preview and writes nothing. */
export async function importRoster(ctx: AppContext, target: ImportTarget, upload: RosterUpload, progress?: ProgressFn): Promise<ImportResult> {
  const parsed = await parseUpload(ctx, upload, progress);
  const townshipId = target.township.id;
  const result = await ctx.database.db.transaction(async (tx) => {
    const term = await requireCurrentTerm(tx, townshipId);
    const lookup = await loadLookup(tx, townshipId, term.id);
    const matched = matchRows(parsed, lookup, ctx.cipher);
    const bad = matched.filter((m) => m.row.problems.length > 0).length;
    if (bad > 0) {
      // The refusal lists the first rows with problems; the preview pages through the rest.
      const preview = presentPreview(upload.fileName, parsed, matched, { ...FIRST_PAGE, show: 'problems' });
      throw invalid(`名册中有 ${bad} 行存在问题，未导入任何数据；请按提示修改后重新导入`, preview);
    }
    // From here the rows live only in `matched`, which writeRows lets go of as it writes.
    parsed.rows.length = 0;
    const counts = await writeRows(ctx, tx, { townshipId, termId: term.id, fields: parsed.header.fields }, matched, lookup, progress);
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
