import { chinaToday } from '../../../domain/meeting/deadlines.js';
import { meetingName, nextSessionNumber } from '../../../domain/meeting/name.js';
import type { MeetingBodyT, MeetingUpdateBodyT } from '../../../domain/schemas/meetings.js';
import type { AppContext } from '../../context.js';
import { conflict } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { loadWorkCalendar } from '../calendar/service.js';
import { findCurrentTerm, findTerm, lockTerm } from '../terms/index.js';
import { syncAttendance } from './attendance-sync.js';
import { deadlinesFor, lockMeetingOr404, requireMeeting } from './lookup.js';
import { assertActivity, assertTransition } from './policy.js';
import { deadlinesOf, presentMeeting } from './presenter.js';
import * as repo from './repository.js';
import { loadRules } from './rules-settings.js';
import { prepCounts } from './counts.js';

export async function listMeetings(ctx: AppContext, s: TownshipScope, status?: string) {
  const db = ctx.database.db;
  const rows = await repo.listMeetings(db, s.township.id, status);
  const cal = await loadWorkCalendar(db);
  const today = chinaToday();
  return { items: rows.map((r) => presentMeeting(r.meeting, r.termNumber, deadlinesOf(r.meeting, cal, today))) };
}

export async function getMeeting(ctx: AppContext, s: TownshipScope, meetingId: string) {
  const db = ctx.database.db;
  const m = await requireMeeting(db, s.township.id, meetingId);
  const term = await findTerm(db, s.township.id, m.termId);
  return { ...presentMeeting(m, term!.number, await deadlinesFor(db, m)), counts: await prepCounts(db, s.township.id, m) };
}

/** 新建会议: in the current term, with the next session number and the township's rules as they are now. */
export async function createMeeting(ctx: AppContext, s: TownshipScope, body: MeetingBodyT) {
  const db = ctx.database.db;
  const term = await findCurrentTerm(db, s.township.id);
  if (!term) throw conflict('尚未设置当前届次，请先在“届次”中设置');
  const id = await db.transaction(async (tx) => {
    // Serialises meeting creation within the term so that two requests cannot take one number.
    await lockTerm(tx, s.township.id, term.id);
    const sessionNumber = nextSessionNumber(await repo.sessionNumbersOfTerm(tx, s.township.id, term.id));
    const { rules } = await loadRules(tx, s.township.id);
    const m = await repo.insertMeeting(tx, {
      townshipId: s.township.id,
      termId: term.id,
      sessionNumber,
      name: meetingName(s.township.name, term.number, sessionNumber),
      startsOn: body.startsOn,
      startTime: body.startTime ?? null,
      place: body.place ?? null,
      durationDays: String(body.durationDays),
      hasElection: body.hasElection,
      rules,
    });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'meeting.create', entity: 'meeting', entityId: m.id, after: m });
    return m.id;
  });
  return getMeeting(ctx, s, id);
}

export async function updateMeeting(ctx: AppContext, s: TownshipScope, meetingId: string, body: MeetingUpdateBodyT) {
  await ctx.database.db.transaction(async (tx) => {
    const before = await lockMeetingOr404(tx, s.township.id, meetingId);
    assertActivity(before.status, 'edit');
    const set = {
      ...(body.startsOn !== undefined && { startsOn: body.startsOn }),
      ...(body.startTime !== undefined && { startTime: body.startTime }),
      ...(body.place !== undefined && { place: body.place }),
      ...(body.durationDays !== undefined && { durationDays: String(body.durationDays) }),
      ...(body.hasElection !== undefined && { hasElection: body.hasElection }),
    };
    const after = await repo.updateMeeting(tx, s.township.id, meetingId, set);
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'meeting.update', entity: 'meeting', entityId: meetingId, before, after });
  });
  return getMeeting(ctx, s, meetingId);
}

/** 开幕: brings the attendance rows in step with the roster, then check-in and votes may start. */
export async function openMeeting(ctx: AppContext, s: TownshipScope, meetingId: string) {
  const change = await ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    assertTransition(m.status, 'open');
    const sync = await syncAttendance(tx, m, null);
    assertTransition(m.status, 'open', { dueCount: sync.due });
    const after = await repo.updateMeeting(tx, s.township.id, meetingId, { status: 'inProgress', openedAt: new Date() });
    await writeAudit(tx, actorOf(s.user), {
      townshipId: s.township.id,
      action: 'meeting.open',
      entity: 'meeting',
      entityId: meetingId,
      before: { status: m.status },
      after: { status: after.status, due: sync.due, addedDelegateIds: sync.added.map((a) => a.id), removedDelegateIds: sync.removed },
    });
    return after;
  });
  ctx.hub.publish({ channel: `meeting:${meetingId}`, type: 'meeting', data: { status: change.status } });
  return getMeeting(ctx, s, meetingId);
}

export async function closeMeeting(ctx: AppContext, s: TownshipScope, meetingId: string) {
  const change = await ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    assertTransition(m.status, 'close', { openVotes: await repo.openPollCount(tx, s.township.id, meetingId) });
    const after = await repo.updateMeeting(tx, s.township.id, meetingId, { status: 'closed', closedAt: new Date() });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'meeting.close', entity: 'meeting', entityId: meetingId, before: { status: m.status }, after: { status: after.status } });
    return after;
  });
  ctx.hub.publish({ channel: `meeting:${meetingId}`, type: 'meeting', data: { status: change.status } });
  return getMeeting(ctx, s, meetingId);
}
