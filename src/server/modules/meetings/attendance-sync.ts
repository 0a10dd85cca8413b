import type { Executor } from '../../db/client.js';
import * as attendance from '../attendance/index.js';
import { activeDelegatesOfTerm } from '../roster/index.js';

/**
 * Keeps one attendance row per delegate due (the active delegates of the term): rows are made
 * when the notice goes out and brought in step again when the meeting opens, so that a
 * delegate suspended meanwhile is no longer due and one reinstated is. A delegate who already
 * checked in keeps the row.
 */
export async function syncAttendance(tx: Executor, meeting: { id: string; townshipId: string; termId: string }, notifiedAt: Date | null) {
  const active = await activeDelegatesOfTerm(tx, meeting.townshipId, meeting.termId);
  const rows = await attendance.attendanceRows(tx, meeting.townshipId, meeting.id);
  const have = new Set(rows.map((r) => r.delegateId));
  const activeIds = new Set(active.map((a) => a.id));
  const added = active.filter((a) => !have.has(a.id));
  const removed = rows.filter((r) => !activeIds.has(r.delegateId) && !r.checkedInAt).map((r) => r.delegateId);
  await attendance.insertAttendance(
    tx,
    added.map((a) => ({ meetingId: meeting.id, delegateId: a.id, townshipId: meeting.townshipId, notifiedAt })),
  );
  await attendance.deleteAttendance(tx, meeting.townshipId, meeting.id, removed);
  return { added, removed, due: rows.length + added.length - removed.length };
}
