import { chinaToday } from '../../../domain/meeting/deadlines.js';
import type { Executor } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { loadWorkCalendar } from '../calendar/service.js';
import { deadlinesOf, type MeetingDeadlines } from './presenter.js';
import * as repo from './repository.js';

/** Used by every meeting sub-module: the meeting of this township, or 404. */
export async function requireMeeting(db: Executor, townshipId: string, meetingId: string) {
  const m = await repo.findMeeting(db, townshipId, meetingId);
  if (!m) throw notFound('会议');
  return m;
}

/** The meeting's deadlines from the stored calendar, as of today in China. */
export async function deadlinesFor(db: Executor, m: Pick<repo.MeetingRow, 'startsOn' | 'rules'>): Promise<MeetingDeadlines> {
  return deadlinesOf(m, await loadWorkCalendar(db), chinaToday());
}

/** The meeting row-locked for a state change inside `tx`, or 404. */
export async function lockMeetingOr404(tx: Executor, townshipId: string, meetingId: string) {
  const m = await repo.lockMeeting(tx, townshipId, meetingId);
  if (!m) throw notFound('会议');
  return m;
}
