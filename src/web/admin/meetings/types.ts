/** Response shapes of the meeting API as its routes answer them (see src/server/modules/*). */
import type { MeetingRules } from '../../../domain/meeting/rules.js';
import type { MeetingStatus } from '../../../domain/meeting/state.js';

export interface Deadline {
  date: string;
  provisional: boolean;
  daysLeft: number;
  unit: 'workdays' | 'calendarDays';
  passed: boolean;
}

export interface Meeting {
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
  notifiedAt: string | null;
  noticeLate: boolean;
  noticeLateReason: string | null;
  publishedAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  deadlines: { topic: Deadline; notice: Deadline };
}

export interface MeetingDetail extends Meeting {
  counts: {
    activeDelegates: number;
    attendance: Record<string, number>;
    topics: Record<'collecting' | 'submitted' | 'accepted' | 'rejected' | 'withdrawn', number>;
    observers: Record<'approved' | 'pending' | 'declined', number>;
    agendaItems: number;
    briefings: number;
  };
}

export interface RulesSettings {
  rules: MeetingRules;
  isDefault: boolean;
  defaults: MeetingRules;
}

export type { AttendanceSummary, PollSummary, QuorumIndicator } from '../../../domain/meeting/live.js';
export type { PollResultSummary as PollResult } from '../../../domain/meeting/live.js';

/** What every tab of a meeting's workspace receives. */
export interface TabProps {
  tid: string;
  meeting: MeetingDetail;
  canManage: boolean;
}
