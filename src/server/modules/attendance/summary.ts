import { quorumStatus } from '../../../domain/meeting/quorum.js';
import { describeFraction, parseMeetingRules } from '../../../domain/meeting/rules.js';
import type { Executor } from '../../db/client.js';
import type { AttendanceSummary } from '../../realtime/events.js';
import * as repo from './repository.js';

/** Counts of due, present, on leave and absent with both quorum indicators, under the meeting's own rules. */
export async function attendanceSummary(db: Executor, townshipId: string, m: { id: string; rules: unknown }): Promise<AttendanceSummary> {
  const c = await repo.attendanceCounts(db, townshipId, m.id);
  const rules = parseMeetingRules(m.rules);
  const indicator = (rule: typeof rules.meetingQuorum) => {
    const q = quorumStatus({ due: c.due, present: c.checkedIn }, rule);
    return { reached: q.reached, required: q.required, rule: describeFraction(rule) };
  };
  return {
    meetingId: m.id,
    due: c.due,
    present: c.checkedIn,
    onLeave: c.onLeave,
    absent: c.due - c.checkedIn - c.onLeave,
    quorum: { meeting: indicator(rules.meetingQuorum), election: indicator(rules.electionQuorum) },
  };
}
