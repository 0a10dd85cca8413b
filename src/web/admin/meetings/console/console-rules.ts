import { chinaToday } from '../../../../domain/meeting/deadlines.js';
import { quorumRefusal, type QuorumKind } from '../../../../domain/meeting/quorum.js';
import type { AttendanceSummary } from '../types.js';

/**
 * Why check-in is closed, as the server's attendance policy decides it (check-in opens on the
 * meeting day once notified and stays open until closing); null when it is open.
 */
export function checkInRefusalText(m: { status: string; startsOn: string }, today = chinaToday()): string | null {
  if (m.status === 'inProgress') return null;
  if (m.status === 'notified') return today >= m.startsOn ? null : `会议尚未到举行日期（${m.startsOn}），暂不能签到`;
  if (m.status === 'draft') return '会议通知尚未发出，不能签到';
  return '会议已闭幕，不能再签到';
}

/** Why a poll of this quorum kind cannot open now (the server checks the same), or null. */
export function openRefusal(meetingStatus: string, a: AttendanceSummary | undefined, kind: QuorumKind, otherOpen: boolean): string | null {
  if (meetingStatus !== 'inProgress') return '会议开幕后才能开始表决';
  if (otherOpen) return '已有一项表决正在进行，请先结束该表决';
  if (!a) return '正在读取到会情况';
  const q = kind === 'election' ? a.quorum.election : a.quorum.meeting;
  return quorumRefusal(kind, { reached: q.reached, required: q.required, due: a.due, present: a.present });
}
