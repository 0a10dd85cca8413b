/** What the hall screen shows; built from the screen API's state and the live events. */

import type { AttendanceSummary, PollResultSummary, PollSummary, QuorumIndicator } from '../../domain/meeting/live.js';

export type Quorum = QuorumIndicator;
export type Attendance = Omit<AttendanceSummary, 'meetingId'>;
export type LivePoll = Omit<PollSummary, 'meetingId' | 'agendaItemId'>;
export type LiveResult = Omit<PollResultSummary, 'meetingId' | 'closedAt'>;

export interface ScreenView {
  townshipName: string;
  meetingName: string;
  meetingStatus: string;
  hasElection: boolean;
  agendaTitle: string | null;
  attendance: Attendance | null;
  poll: LivePoll | null;
  result: LiveResult | null;
}
