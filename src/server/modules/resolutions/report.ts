import { chinaToday } from '../../../domain/meeting/deadlines.js';
import { summarizeItems, type StoredItemStatus } from '../../../domain/meeting/resolution.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import type { TownshipScope } from '../../access/types.js';
import { requireMeeting } from '../meetings/lookup.js';
import { earlierMeetingsOfTerm } from '../meetings/index.js';
import { presentDetail, presentUpdate } from './presenter.js';
import * as repo from './repository.js';

const REPORTED = ['adopted', 'superseded'] as const;

/**
 * 决议执行情况报告: what the committee reports to the next meeting (DOMAIN.md §1) — every
 * resolution adopted by the earlier meetings of the term, with its items, progress, overdue
 * flags, the latest progress note of each item and every change made since.
 */
export async function buildImplementationReport(db: Executor, townshipId: string, meetingId: string) {
  const m = await requireMeeting(db, townshipId, meetingId);
  const earlier = (await earlierMeetingsOfTerm(db, townshipId, m.termId, m.sessionNumber)).reverse();
  const rows = await repo.listResolutions(db, townshipId, earlier.map((e) => e.id), REPORTED);
  const ids = rows.map((r) => r.id);
  const items = await repo.listItems(db, townshipId, ids);
  const updates = await repo.listUpdates(db, townshipId, items.map((i) => i.id));
  const related = { items, changes: await repo.listChanges(db, townshipId, ids), distributions: await repo.listDistributions(db, townshipId, ids) };
  const today = chinaToday();
  const byMeeting = new Map(earlier.map((e) => [e.id, e]));
  // Meeting order first (earlier sessions first), then the resolution number.
  const ordered = [...rows].sort((a, b) => byMeeting.get(a.meetingId)!.sessionNumber - byMeeting.get(b.meetingId)!.sessionNumber || a.number - b.number);
  const resolutions = ordered.map((r) => {
    const d = presentDetail(r, byMeeting.get(r.meetingId)!, related, today);
    return {
      ...d,
      items: d.items.map((i) => {
        const last = updates.find((u) => u.itemId === i.id);
        return { ...i, latestUpdate: last ? presentUpdate(last) : null };
      }),
    };
  });
  return {
    meeting: { id: m.id, name: m.name, startsOn: m.startsOn, sessionNumber: m.sessionNumber, status: m.status },
    generatedOn: today,
    previousMeetings: earlier.map((e) => ({
      id: e.id,
      name: e.name,
      startsOn: e.startsOn,
      sessionNumber: e.sessionNumber,
      resolutionCount: rows.filter((r) => r.meetingId === e.id).length,
    })),
    summary: {
      resolutions: rows.length,
      adopted: rows.filter((r) => r.status === 'adopted').length,
      superseded: rows.filter((r) => r.status === 'superseded').length,
      changed: resolutions.filter((r) => r.changes.length > 0).length,
      items: summarizeItems(items.map((i) => ({ status: i.status as StoredItemStatus, dueOn: i.dueOn, progress: i.progress })), today),
    },
    resolutions,
  };
}
export type ImplementationReport = Awaited<ReturnType<typeof buildImplementationReport>>;

export const implementationReport = (ctx: AppContext, s: TownshipScope, meetingId: string) => buildImplementationReport(ctx.database.db, s.township.id, meetingId);
