/** What the hall screen shows; built from the screen API's state and the live events. */

export interface Quorum {
  reached: boolean;
  required: number;
  rule: string;
}

export interface Attendance {
  due: number;
  present: number;
  onLeave: number;
  absent: number;
  quorum: { meeting: Quorum; election: Quorum };
}

export interface LivePoll {
  id: string;
  title: string;
  method: string;
  status: string;
  presentSnapshot: number | null;
  voted: number | null;
}

export interface LiveResult {
  id: string;
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
  rule: string;
}

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
