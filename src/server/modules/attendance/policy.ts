import type { Role } from '../../../domain/accounts/roles.js';
import { MEETING_STATUSES, type MeetingStatus } from '../../../domain/meeting/state.js';
import { conflict } from '../../errors.js';

/** Who sees the attendance list (names, replies, leave reasons): the committee's staff and the tellers. */
export const ATTENDANCE_READERS: readonly Role[] = ['countyAdmin', 'townshipAdmin', 'committeeMember', 'reviewer', 'scrutineer', 'teller'];
/** Who checks delegates in and runs the votes. */
export const MEETING_RUNNERS: readonly Role[] = ['townshipAdmin'];

/** Today's date in China, 'YYYY-MM-DD': the meeting day is a local date. */
export const chinaDate = (now = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);

/**
 * Check-in opens on the meeting day once the notice is out, before the opening: the chair
 * announces "应到 N 人，实到 M 人" when opening, so delegates must be checked in by then. It
 * stays open while the meeting is in progress (latecomers) and ends when it closes.
 */
export function checkInRefusal(m: { status: string; startsOn: string }, today = chinaDate()): string | null {
  const status = m.status as MeetingStatus;
  if (status === 'inProgress') return null;
  if (status === 'notified') return today >= m.startsOn ? null : `会议尚未到举行日期（${m.startsOn}），暂不能签到`;
  if (status === 'draft') return '会议通知尚未发出，不能签到';
  return `会议${MEETING_STATUSES[status] ?? '状态异常'}，不能再签到或撤销签到`;
}

export function assertCheckInOpen(m: { status: string; startsOn: string }) {
  const msg = checkInRefusal(m);
  if (msg) throw conflict(msg);
}
