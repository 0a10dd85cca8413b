/**
 * What the console, the delegates' phones and the hall screen receive over a meeting's live
 * channel. Shared by the server that publishes and the pages that show it. Payloads stay small
 * (they travel through PostgreSQL NOTIFY): counts and ids, never a list of delegates, and never a
 * secret poll's counts before it closes.
 */

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
