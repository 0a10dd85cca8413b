import type { QualificationReportT } from '../../../domain/schemas/qualification.js';
import { DELEGATE_STATUSES, STATUS_REASONS, type DelegateStatus, type StatusReason } from '../../../domain/roster/status.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { conflict } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { lockMeetingOr404, requireMeeting } from './lookup.js';
import { assertActivity } from './policy.js';
import * as meetingRepo from './repository.js';
import { activeDelegatesOfTerm } from '../roster/index.js';
import { findTerm } from '../terms/index.js';
import * as repo from './qualification-repository.js';

/**
 * 代表资格审查报告: generated from the roster before each meeting — how many delegates are
 * active, suspended or terminated, what changed since the previous meeting of the term (or the
 * start of the term) and why, the seats still vacant, and who is due to attend.
 */
export async function buildReport(db: Executor, m: meetingRepo.MeetingRow) {
  const term = (await findTerm(db, m.townshipId, m.termId))!;
  const [previous] = await meetingRepo.earlierMeetingsOfTerm(db, m.townshipId, m.termId, m.sessionNumber);
  const since = previous
    ? { date: previous.startsOn, basis: 'previousMeeting' as const, previousMeeting: { id: previous.id, name: previous.name, startsOn: previous.startsOn } }
    : { date: term.startsOn, basis: 'termStart' as const, previousMeeting: null };
  const counts = await repo.statusCounts(db, m.townshipId, m.termId);
  const changes = await repo.changesSince(db, m.townshipId, m.termId, since.date);
  const vacancies = await repo.openVacancies(db, m.townshipId, m.termId);
  const notified = m.status !== 'draft';
  const due = notified ? await repo.attendanceDelegates(db, m.townshipId, m.id) : await activeDelegatesOfTerm(db, m.townshipId, m.termId);
  const seats = await repo.seatsOfTerm(db, m.townshipId, m.termId);
  const [active, suspended, terminated] = [counts.active ?? 0, counts.suspended ?? 0, counts.terminated ?? 0];
  return {
    meeting: { id: m.id, name: m.name, startsOn: m.startsOn },
    term: { number: term.number, startsOn: term.startsOn, endsOn: term.endsOn },
    since,
    counts: { total: active + suspended + terminated, active, suspended, terminated },
    seats,
    changes: changes.map(({ change: c, name }) => ({
      delegateId: c.delegateId,
      name,
      fromStatus: c.fromStatus,
      toStatus: c.toStatus,
      toStatusLabel: DELEGATE_STATUSES[c.toStatus as DelegateStatus] ?? c.toStatus,
      reason: c.reason,
      reasonLabel: STATUS_REASONS[c.reason as StatusReason]?.label ?? c.reason,
      note: c.note,
      decidedBy: c.decidedBy,
      decidedOn: c.decidedOn,
      filedWithCountyOn: c.filedWithCountyOn,
    })),
    vacancies: { count: vacancies.length, delegates: vacancies.map((v) => ({ id: v.id, name: v.name, since: v.since })) },
    due: { basis: notified ? ('attendance' as const) : ('activeDelegates' as const), count: due.length, delegates: due.map((d) => ({ id: d.id, name: d.name })) },
    generatedAt: new Date().toISOString(),
  };
}

/** The report as it stands now, or as the meeting received it once adopted. */
export async function getQualificationReview(ctx: AppContext, s: TownshipScope, meetingId: string) {
  const db = ctx.database.db;
  const m = await requireMeeting(db, s.township.id, meetingId);
  const adopted = await repo.findAdoption(db, s.township.id, meetingId);
  if (adopted) return { ...(adopted.report as QualificationReportT), adopted: { adoptedAt: adopted.adoptedAt, adoptedBy: adopted.adoptedBy } };
  return { ...(await buildReport(db, m)), adopted: null };
}

/** 会议听取并通过资格审查报告: the report is frozen as received. */
export async function adoptQualificationReview(ctx: AppContext, s: TownshipScope, meetingId: string) {
  await ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    assertActivity(m.status, 'adoptQualificationReview');
    if (await repo.findAdoption(tx, s.township.id, meetingId)) throw conflict('本次会议已听取并通过代表资格审查报告');
    const report = await buildReport(tx, m);
    await repo.insertAdoption(tx, { meetingId, townshipId: s.township.id, report, adoptedBy: s.user.id });
    await writeAudit(tx, actorOf(s.user), {
      townshipId: s.township.id,
      action: 'qualificationReview.adopt',
      entity: 'meeting',
      entityId: meetingId,
      after: { counts: report.counts, changes: report.changes.length, vacancies: report.vacancies.count, due: report.due.count },
    });
  });
  return getQualificationReview(ctx, s, meetingId);
}
