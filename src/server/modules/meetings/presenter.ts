import { meetingDeadline, type MeetingDeadline } from '../../../domain/meeting/deadlines.js';
import { parseMeetingRules, type MeetingRules } from '../../../domain/meeting/rules.js';
import { MEETING_STATUSES, type MeetingStatus } from '../../../domain/meeting/state.js';
import type { WorkCalendar } from '../../../domain/calendar/workdays.js';
import type { MeetingRow } from './repository.js';

export interface MeetingDeadlines {
  topic: MeetingDeadline;
  notice: MeetingDeadline;
}

export function deadlinesOf(m: Pick<MeetingRow, 'startsOn' | 'rules'>, cal: WorkCalendar, today: string): MeetingDeadlines {
  const rules = parseMeetingRules(m.rules);
  return { topic: meetingDeadline(m.startsOn, rules.topicDeadline, cal, today), notice: meetingDeadline(m.startsOn, rules.noticePeriod, cal, today) };
}

export interface MeetingView {
  id: string;
  termId: string;
  termNumber: number;
  sessionNumber: number;
  name: string;
  startsOn: string;
  startTime: string | null;
  place: string | null;
  durationDays: number;
  hasElection: boolean;
  status: MeetingStatus;
  statusLabel: string;
  rules: MeetingRules;
  currentAgendaItemId: string | null;
  notifiedAt: Date | null;
  noticeLate: boolean;
  noticeLateReason: string | null;
  publishedAt: Date | null;
  openedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  deadlines: MeetingDeadlines;
}

export function presentMeeting(m: MeetingRow, termNumber: number, deadlines: MeetingDeadlines): MeetingView {
  return {
    id: m.id,
    termId: m.termId,
    termNumber,
    sessionNumber: m.sessionNumber,
    name: m.name,
    startsOn: m.startsOn,
    startTime: m.startTime,
    place: m.place,
    durationDays: Number(m.durationDays),
    hasElection: m.hasElection,
    status: m.status as MeetingStatus,
    statusLabel: MEETING_STATUSES[m.status as MeetingStatus] ?? m.status,
    rules: parseMeetingRules(m.rules),
    currentAgendaItemId: m.currentAgendaItemId,
    notifiedAt: m.notifiedAt,
    noticeLate: !!m.noticeLateReason,
    noticeLateReason: m.noticeLateReason,
    publishedAt: m.publishedAt,
    openedAt: m.openedAt,
    closedAt: m.closedAt,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    deadlines,
  };
}
