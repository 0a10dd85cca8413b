import { MEETING_STATUSES, type MeetingStatus } from '../../../domain/meeting/state.js';
import type { AppContext } from '../../context.js';
import { attendanceSummary } from '../attendance/summary.js';
import type { MeetingRow } from '../meetings/index.js';
import { pollResult, pollSummary } from './presenter.js';
import * as repo from './repository.js';

/**
 * The full state of a meeting as the hall screen, the console and the phones show it — sent
 * first on every event stream and by GET /api/screen/:meetingId/state. Counts only: no names.
 */
async function buildState(ctx: AppContext, township: { id: string; name: string }, m: MeetingRow) {
  const db = ctx.database.db;
  const item = m.currentAgendaItemId ? await repo.findAgendaItem(db, township.id, m.id, m.currentAgendaItemId) : undefined;
  const open = await repo.openPollOfMeeting(db, township.id, m.id);
  const last = await repo.lastClosedPoll(db, township.id, m.id);
  const voted = open ? (await repo.votedCounts(db, township.id, [open.id])).get(open.id) : undefined;
  return {
    township: { id: township.id, name: township.name },
    meeting: {
      id: m.id,
      name: m.name,
      status: m.status,
      statusLabel: MEETING_STATUSES[m.status as MeetingStatus] ?? m.status,
      startsOn: m.startsOn,
      place: m.place,
      hasElection: m.hasElection,
      currentAgendaItemId: m.currentAgendaItemId,
    },
    currentAgendaItem: item ?? null,
    attendance: await attendanceSummary(db, township.id, m),
    poll: open ? pollSummary(open, voted) : null,
    lastResult: last ? pollResult(last) : null,
    at: new Date().toISOString(),
  };
}

export type MeetingState = Awaited<ReturnType<typeof buildState>>;

export function meetingState(ctx: AppContext, township: { id: string; name: string }, m: MeetingRow): Promise<MeetingState> {
  // Thousands of screens connecting at once share one computation per meeting.
  const map = ctx.polls.meetingStates;
  const running = map.get(m.id);
  if (running) return running;
  const p = buildState(ctx, township, m).finally(() => map.delete(m.id));
  map.set(m.id, p);
  return p;
}
