import { addWorkdays, deadline, toDayNumber, workdaysBetween, type WorkCalendar } from '../calendar/workdays.js';
import type { DayPeriod } from './rules.js';

/**
 * Deadlines counted back from the meeting date: topics at least N working (or calendar) days
 * before, the notice at least N days before. The last allowed day is the deadline itself.
 */

export interface MeetingDeadline {
  /** The last day on which the act is on time. */
  date: string;
  /** True when the calendar lacks the arrangement of a year the count runs through. */
  provisional: boolean;
  /** Days from today to the deadline in the rule's unit: 0 on the day itself, negative after it. */
  daysLeft: number;
  unit: DayPeriod['unit'];
  passed: boolean;
}

export function meetingDeadline(meetingDate: string, period: DayPeriod, cal: WorkCalendar, today: string): MeetingDeadline {
  const d = deadline(meetingDate, period.unit === 'workdays' ? { workdays: -period.days } : { calendarDays: -period.days }, cal);
  const daysLeft = period.unit === 'workdays' ? workdaysBetween(today, d.date, cal) : toDayNumber(d.date) - toDayNumber(today);
  return { date: d.date, provisional: d.provisional, daysLeft, unit: period.unit, passed: today > d.date };
}

/** 2026-05-08 → 2026年5月8日, as official text writes a date. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Today's date in China, whatever the server's time zone. */
export function chinaToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * 回复截止 of a notice: the working day before the meeting, unless that day is already past when
 * the notice is dated (a notice of 12月3日 cannot ask for replies by 12月2日); then no date, and
 * the notice asks delegates to reply 及时.
 */
export function defaultReplyBy(startsOn: string, issuedOn: string, cal: WorkCalendar): string | null {
  const day = addWorkdays(startsOn, -1, cal);
  return day >= issuedOn ? day : null;
}

/** Why a reply date chosen by hand cannot be asked for, or null when it can. */
export function replyByProblem(replyBy: string, issuedOn: string, startsOn: string): string | null {
  if (replyBy < issuedOn) return `回复截止日期（${chineseDate(replyBy)}）早于通知的成文日期（${chineseDate(issuedOn)}），代表无法按期回复`;
  if (replyBy >= startsOn) return `回复截止日期（${chineseDate(replyBy)}）应早于会议召开日期（${chineseDate(startsOn)}）`;
  return null;
}
