import { describe, expect, it } from 'vitest';
import { seedCalendarYears } from '../calendar/seed.js';
import { lateNoticeWarning } from './notice-warning.js';

const cal = seedCalendarYears();
const fiveWorkdays = { days: 5, unit: 'workdays' } as const;

describe('the warning for a meeting inside the notice period', () => {
  it('names the day the notice was due when that day has passed', () => {
    // Thursday 10 December 2026: five working days before is Thursday the 3rd.
    expect(lateNoticeWarning('2026-12-10', fiveWorkdays, cal, '2026-12-04')).toBe(
      '按本乡镇规则，会议通知应不迟于2026年12月3日（会前5个工作日）发出，这一天已过。仍可建立会议，发出通知时须写明逾期原因。',
    );
    // 2040 has no arrangement in the calendar: the date is provisional and the warning says so.
    expect(lateNoticeWarning('2040-03-08', fiveWorkdays, cal, '2040-03-07')).toMatch(/这一天已过（该年节假日安排未录入，日期暂按周末推算）。/);
  });

  it('says nothing while the notice can still go out in time, the due day included', () => {
    expect(lateNoticeWarning('2026-12-10', fiveWorkdays, cal, '2026-12-03')).toBeNull();
    expect(lateNoticeWarning('2027-03-01', fiveWorkdays, cal, '2026-12-03')).toBeNull();
  });
});
