import type { AttendanceSummary, PollResultSummary, PollSummary } from '../../domain/meeting/live.js';

export type { AttendanceSummary, PollResultSummary, PollSummary, QuorumIndicator } from '../../domain/meeting/live.js';

/** The events of a meeting's channel `meeting:<meetingId>`; payload types in domain/meeting/live.ts. */
export const meetingChannel = (meetingId: string) => `meeting:${meetingId}`;

export type MeetingEvent =
  | { type: 'attendance'; data: AttendanceSummary }
  | { type: 'poll'; data: PollSummary }
  | { type: 'pollResult'; data: PollResultSummary }
  | { type: 'agenda'; data: { currentAgendaItemId: string | null; title?: string | null } }
  | { type: 'resolution'; data: unknown }
  | { type: 'meeting'; data: { status: string } };
