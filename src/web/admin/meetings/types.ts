/** Response types of the meeting API, read from the server's response schemas. */
import type { Wire } from '../../../domain/schemas/responses.js';
import type * as views from '../../../domain/schemas/meeting-views.js';

export type Deadline = Wire<typeof views.Deadline>;
export type Meeting = Wire<typeof views.MeetingView>;
export type MeetingDetail = Wire<typeof views.MeetingDetail>;
export type RulesSettings = Wire<typeof views.RulesSettings>;

export type { AttendanceSummary, PollSummary, QuorumIndicator } from '../../../domain/meeting/live.js';
export type { PollResultSummary as PollResult } from '../../../domain/meeting/live.js';

/** What every tab of a meeting's workspace receives. */
export interface TabProps {
  tid: string;
  meeting: MeetingDetail;
  canManage: boolean;
}
