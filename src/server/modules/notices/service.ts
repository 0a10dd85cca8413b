import { chineseDate } from '../../../domain/meeting/deadlines.js';
import { meetingDuration } from '../../../domain/meeting/duration.js';
import { describePeriod, parseMeetingRules } from '../../../domain/meeting/rules.js';
import type { AttendanceReply } from '../../../domain/schemas/notices.js';
import type { AppContext } from '../../context.js';
import { conflict, invalid } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { syncAttendance } from '../meetings/attendance-sync.js';
import { deadlinesFor, lockMeetingOr404, requireMeeting } from '../meetings/lookup.js';
import { assertTransition } from '../meetings/policy.js';
import { attendanceCounts } from '../attendance/index.js';
import * as meetingRepo from '../meetings/index.js';
import { activeDelegatesOfTerm } from '../roster/index.js';
import { getMeeting } from '../meetings/service.js';
import { addDisciplineObservers } from '../observers/discipline.js';
import { notifyDelegates } from './notify.js';
import { drainSmsOutbox } from './outbox.js';
import * as repo from './repository.js';

function noticeText(m: meetingRepo.MeetingRow) {
  const when = `${chineseDate(m.startsOn)}${m.startTime ? ` ${m.startTime}` : ''}`;
  const where = m.place ? `在${m.place}` : '';
  return {
    title: `${m.name}通知`,
    body: `定于${when}${where}召开${m.name}，会期${meetingDuration(Number(m.durationDays))}。请及时确认参会；因故不能参会的，请写明理由请假。`,
    sms: `【年会】${m.name}定于${when}${where}召开，请登录系统确认参会或请假。`,
  };
}

/**
 * 发出会议通知: every active delegate of the term becomes due to attend and is notified in the
 * app and by text message; discipline-commission members are added as observers. Later than the
 * notice period only with `late` and a reason, which is recorded.
 */
export async function sendNotice(ctx: AppContext, s: TownshipScope, meetingId: string, body: { late?: boolean; reason?: string | null }) {
  const db = ctx.database.db;
  const current = await requireMeeting(db, s.township.id, meetingId);
  assertTransition(current.status, 'notify');
  const { notice } = await deadlinesFor(db, current);
  const rules = parseMeetingRules(current.rules);
  let lateReason: string | null = null;
  if (notice.passed) {
    if (!body.late) {
      throw conflict(
        `会议通知应不迟于${chineseDate(notice.date)}（会前${describePeriod(rules.noticePeriod)}）发出，现已逾期；确需发出的，请注明逾期原因后再发`,
      );
    }
    if (!body.reason?.trim()) throw invalid('逾期发出会议通知须写明原因');
    lateReason = body.reason.trim();
  }
  const now = new Date();
  const result = await db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    assertTransition(m.status, 'notify');
    const sync = await syncAttendance(tx, m, now);
    assertTransition(m.status, 'notify', { dueCount: sync.due });
    await repo.markAttendanceNotified(tx, s.township.id, meetingId, now);
    const due = await activeDelegatesOfTerm(tx, s.township.id, m.termId);
    const text = noticeText(m);
    const sent = await notifyDelegates(tx, due, {
      townshipId: s.township.id,
      meetingId,
      kind: 'meetingNotice',
      title: text.title,
      body: text.body,
      link: `/m/meetings/${meetingId}`,
      sms: text.sms,
    });
    const added = await addDisciplineObservers(tx, m);
    await meetingRepo.updateMeeting(tx, s.township.id, meetingId, { status: 'notified', notifiedAt: now, noticeLateReason: lateReason });
    await writeAudit(tx, actorOf(s.user), {
      townshipId: s.township.id,
      action: 'meeting.notify',
      entity: 'meeting',
      entityId: meetingId,
      before: { status: m.status },
      after: { status: 'notified', due: sync.due, sms: sent.sms, disciplineObservers: added.length, noticeDeadline: notice.date, late: !!lateReason, lateReason },
    });
    return { due: sync.due, sms: sent.sms };
  });
  ctx.hub.publish({ channel: `meeting:${meetingId}`, type: 'meeting', data: { status: 'notified' } });
  drainSmsOutbox(ctx).catch(() => undefined);
  return { meeting: await getMeeting(ctx, s, meetingId), notice: { due: result.due, smsQueued: result.sms, late: !!lateReason, lateReason } };
}

/** The committee's view of the replies: who confirmed, who asked for leave and why, who is silent. */
export async function listReplies(ctx: AppContext, s: TownshipScope, meetingId: string) {
  const db = ctx.database.db;
  const m = await requireMeeting(db, s.township.id, meetingId);
  const rows = await repo.repliesOfMeeting(db, s.township.id, meetingId);
  return {
    notifiedAt: m.notifiedAt,
    noticeLateReason: m.noticeLateReason,
    counts: await attendanceCounts(db, s.township.id, meetingId),
    sms: await repo.smsCounts(db, s.township.id, meetingId),
    items: rows.map((r) => ({
      delegateId: r.attendance.delegateId,
      name: r.name,
      reply: r.attendance.reply as AttendanceReply,
      leaveReason: r.attendance.leaveReason,
      repliedAt: r.attendance.repliedAt,
      notifiedAt: r.attendance.notifiedAt,
      checkedInAt: r.attendance.checkedInAt,
    })),
  };
}
