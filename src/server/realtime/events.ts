/**
 * The events of a meeting's channel `meeting:<meetingId>` (ISSUE3 split): what SSE clients —
 * the administrator's console, delegates' phones and the hall screen — receive. Payloads stay
 * small (they travel through PostgreSQL NOTIFY, under 8,000 bytes): counts and ids, never a
 * list of delegates, and never a secret poll's counts before it closes.
 */

export const meetingChannel = (meetingId: string) => `meeting:${meetingId}`;

export interface QuorumIndicator {
  reached: boolean;
  required: number;
  /** e.g. "超过2/3" */
  rule: string;
}

export interface AttendanceSummary {
  meetingId: string;
  due: number;
  present: number;
  onLeave: number;
  absent: number;
  quorum: { meeting: QuorumIndicator; election: QuorumIndicator };
}

export interface PollSummary {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  title: string;
  method: string;
  status: string;
  presentSnapshot: number | null;
  /** Electronic polls: delegates who have voted (never what). Null for a show of hands. */
  voted: number | null;
}

export interface PollResultSummary {
  id: string;
  meetingId: string;
  title: string;
  method: string;
  dueSnapshot: number;
  presentSnapshot: number;
  yes: number;
  no: number;
  abstain: number;
  notVoted: number;
  passed: boolean;
  requiredYes: number;
  /** e.g. "赞成票超过实到会代表的1/2" */
  rule: string;
  closedAt: string;
}

export type MeetingEvent =
  | { type: 'attendance'; data: AttendanceSummary }
  | { type: 'poll'; data: PollSummary }
  | { type: 'pollResult'; data: PollResultSummary }
  | { type: 'agenda'; data: { currentAgendaItemId: string | null } }
  | { type: 'meeting'; data: { status: string } };
