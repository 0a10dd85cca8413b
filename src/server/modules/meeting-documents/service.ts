import { chinaToday, defaultReplyBy, replyByProblem } from '../../../domain/meeting/deadlines.js';
import { POLL_METHODS, type PollMethod } from '../../../domain/meeting/poll.js';
import type { VoteRecord } from '../../../domain/meeting/resolution.js';
import { parseMeetingRules } from '../../../domain/meeting/rules.js';
import { sortByStrokes } from '../../../domain/names/stroke-order.js';
import type { AppContext } from '../../context.js';
import { invalid } from '../../errors.js';
import type { TownshipScope } from '../../access/types.js';
import { renderAgenda } from '../../documents/docx/agenda.js';
import { implementationReportTitle, renderImplementationReport } from '../../documents/docx/implementation-report.js';
import { noticeTitle, renderNotice } from '../../documents/docx/notice.js';
import { renderResolution, resolutionTitle } from '../../documents/docx/resolution.js';
import { renderSummary, summaryTitle } from '../../documents/docx/summary.js';
import { attendanceSummary } from '../attendance/summary.js';
import { loadWorkCalendar } from '../calendar/service.js';
import { requireMeeting } from '../meetings/lookup.js';
import { buildImplementationReport } from '../resolutions/report.js';
import { visibleResolution } from '../resolutions/service.js';
import * as repo from './repository.js';

/** A rendered document: its bytes and the file name people see when they save it. */
export interface DocumentFile {
  fileName: string;
  bytes: Buffer;
}

const issuerOf = (townshipName: string) => `中共${townshipName}委员会`;
const dateOf = (t: Date | null | undefined) => (t ? chinaToday(t) : null);

/** 会议通知: dated the day the notice went out (or today for a draft), replies due the working day before (never before the notice's date). */
export async function noticeDocument(ctx: AppContext, s: TownshipScope, meetingId: string, q: { issuedOn?: string; replyBy?: string }): Promise<DocumentFile> {
  const db = ctx.database.db;
  const m = await requireMeeting(db, s.township.id, meetingId);
  const agenda = await repo.agendaOf(db, s.township.id, m.id);
  const attendance = await attendanceSummary(db, s.township.id, m);
  const observerKinds = new Set((await repo.approvedObservers(db, s.township.id, m.id)).map((o) => o.kind));
  const observers = [
    ...(observerKinds.has('disciplineCommission') ? [`${s.township.name}纪委委员`] : []),
    ...(observerKinds.has('committeeDecided') || observerKinds.has('publicApplicant') ? ['经批准的其他列席人员'] : []),
  ];
  const issuedOn = q.issuedOn ?? dateOf(m.notifiedAt) ?? chinaToday();
  const problem = q.replyBy ? replyByProblem(q.replyBy, issuedOn, m.startsOn) : null;
  if (problem) throw invalid(problem);
  const bytes = await renderNotice({
    issuer: issuerOf(s.township.name),
    issuedOn,
    addressee: '各位党代表',
    townshipUnit: s.township.name.endsWith('乡') ? '乡' : '镇',
    meeting: { name: m.name, startsOn: m.startsOn, startTime: m.startTime, place: m.place, durationDays: Number(m.durationDays) },
    agenda: agenda.map((a) => a.title),
    delegatesDue: attendance.due || null,
    observers,
    replyBy: q.replyBy ?? defaultReplyBy(m.startsOn, issuedOn, await loadWorkCalendar(db)),
    contact: null,
  });
  return { fileName: `${noticeTitle(m.name)}.docx`, bytes };
}

export async function agendaDocument(ctx: AppContext, s: TownshipScope, meetingId: string): Promise<DocumentFile> {
  const db = ctx.database.db;
  const m = await requireMeeting(db, s.township.id, meetingId);
  const bytes = await renderAgenda({
    meetingName: m.name,
    startsOn: m.startsOn,
    place: m.place,
    items: await repo.agendaOf(db, s.township.id, m.id),
    groupSessions: await repo.groupSessionsOf(db, s.township.id, m.id),
  });
  return { fileName: `${m.name}议程.docx`, bytes };
}

function proposerOf(t: Awaited<ReturnType<typeof repo.acceptedTopics>>[number], unit: string) {
  if (t.proposerKind === 'committee') return `${unit}党委`;
  if (t.proposerKind === 'group') return t.groupName ?? '代表小组';
  return `${t.initiator ?? ''}等${Math.max(t.cosigners, 1)}名代表联名`;
}

/**
 * 召开情况的报告 to the county: attendance and quorum from the attendance rows, every closed
 * poll and every vote entered by hand on a resolution, the resolutions adopted, the accepted
 * topics and the observers (in stroke order).
 */
export async function summaryDocument(ctx: AppContext, s: TownshipScope, meetingId: string, q: { issuedOn?: string }): Promise<DocumentFile> {
  const db = ctx.database.db;
  const m = await requireMeeting(db, s.township.id, meetingId);
  const rules = parseMeetingRules(m.rules);
  const att = await attendanceSummary(db, s.township.id, m);
  const decided = await repo.decidedResolutions(db, s.township.id, m.id);
  const polls = (await repo.closedPolls(db, s.township.id, m.id)).map((p) => ({
    at: p.closedAt?.getTime() ?? 0,
    vote: {
      title: p.title,
      method: POLL_METHODS[p.method as PollMethod] ?? p.method,
      present: p.presentSnapshot ?? 0,
      yes: p.yes ?? 0,
      no: p.no ?? 0,
      abstain: p.abstain ?? 0,
      passed: p.passed === true,
    },
  }));
  const manual = decided
    .filter((r) => (r.voteRecord as VoteRecord | null)?.source === 'manual')
    .map((r) => {
      const v = r.voteRecord as VoteRecord;
      return { at: (r.adoptedAt ?? r.rejectedAt)?.getTime() ?? 0, vote: { title: r.title, method: '举手表决', present: v.present, yes: v.yes, no: v.no, abstain: v.abstain, passed: v.passed } };
    });
  const unit = s.township.name.endsWith('乡') ? '乡' : '镇';
  const bytes = await renderSummary({
    issuer: issuerOf(s.township.name),
    issuedOn: q.issuedOn ?? chinaToday(),
    addressee: `中共${await repo.countyName(db, s.township.countyId)}委组织部`,
    meeting: { name: m.name, startsOn: m.startsOn, place: m.place, durationDays: Number(m.durationDays) },
    attendance: att.due
      ? { due: att.due, present: att.present, onLeave: att.onLeave, absent: att.absent, quorumRule: rules.meetingQuorum, quorumReached: att.quorum.meeting.reached }
      : null,
    agenda: (await repo.agendaOf(db, s.township.id, m.id)).map((a) => a.title),
    votes: [...polls, ...manual].sort((a, b) => a.at - b.at).map((x) => x.vote),
    resolutions: decided
      .filter((r) => r.status !== 'rejected')
      .map((r) => ({ number: r.number, title: resolutionTitle(m.name, r.title), adoptedOn: dateOf(r.adoptedAt) })),
    topics: (await repo.acceptedTopics(db, s.township.id, m.id)).map((t) => ({ title: t.title, proposer: proposerOf(t, unit) })),
    observers: sortByStrokes(await repo.approvedObservers(db, s.township.id, m.id), (o) => o.name),
  });
  return { fileName: `${summaryTitle(m.name)}.docx`, bytes };
}

/** 决议 as adopted (or as a draft for the committee), with the meeting's name and the adoption line. */
export async function resolutionDocument(ctx: AppContext, s: TownshipScope, resolutionId: string): Promise<DocumentFile> {
  const db = ctx.database.db;
  const r = await visibleResolution(db, s, resolutionId);
  const m = await requireMeeting(db, s.township.id, r.meetingId);
  const adopted = r.status === 'adopted' || r.status === 'superseded';
  const bytes = await renderResolution({ meetingName: m.name, title: r.title, adoptedOn: adopted ? dateOf(r.adoptedAt) : null, body: r.body });
  return { fileName: `${resolutionTitle(m.name, r.title)}${adopted ? '' : '（草案）'}.docx`, bytes };
}

/** 决议执行情况的报告 to the meeting, from the same data as GET …/implementation-report. */
export async function implementationReportDocument(ctx: AppContext, s: TownshipScope, meetingId: string, q: { issuedOn?: string }): Promise<DocumentFile> {
  const report = await buildImplementationReport(ctx.database.db, s.township.id, meetingId);
  const data = {
    issuer: issuerOf(s.township.name),
    issuedOn: q.issuedOn ?? chinaToday(),
    meetingName: report.meeting.name,
    previousMeetings: report.previousMeetings.filter((m) => m.resolutionCount > 0).map((m) => m.name),
    summary: {
      resolutions: report.summary.resolutions,
      items: report.summary.items.total,
      done: report.summary.items.done,
      overdue: report.summary.items.overdue,
      averageProgress: report.summary.items.averageProgress,
    },
    resolutions: report.resolutions.map((r) => ({
      title: resolutionTitle(r.meeting.name, r.title),
      superseded: r.status === 'superseded',
      items: r.items.map((i) => ({
        title: i.title,
        owner: [i.ownerUnit, i.ownerName].filter(Boolean).join('，'),
        dueOn: i.dueOn,
        progress: i.progress,
        statusLabel: i.statusLabel,
        daysOverdue: i.daysOverdue,
        latestNote: i.latestUpdate?.note ?? null,
      })),
      changes: r.changes.map((c) => ({ kindLabel: c.kindLabel, decidedOn: c.decidedOn, reason: c.reason })),
    })),
  };
  return { fileName: `${implementationReportTitle(data)}.docx`, bytes: await renderImplementationReport(data) };
}
