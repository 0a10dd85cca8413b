import type { WorkCalendar } from '../calendar/workdays.js';
import { chineseDate, meetingDeadline } from './deadlines.js';
import { describePeriod, type DayPeriod } from './rules.js';

/**
 * Said before a meeting is saved for a date already inside the notice period: the day by which
 * the notice was due, so the officer learns it up front and not when sending the notice.
 */
export function lateNoticeWarning(startsOn: string, noticePeriod: DayPeriod, cal: WorkCalendar, today: string): string | null {
  const d = meetingDeadline(startsOn, noticePeriod, cal, today);
  if (!d.passed) return null;
  return `按本乡镇规则，会议通知应不迟于${chineseDate(d.date)}（会前${describePeriod(noticePeriod)}）发出，这一天已过${d.provisional ? '（该年节假日安排未录入，日期暂按周末推算）' : ''}。仍可建立会议，发出通知时须写明逾期原因。`;
}
