import { describe, expect, it } from 'vitest';
import { seedCalendarYears } from '../calendar/seed.js';
import { chinaToday, chineseDate, defaultReplyBy, meetingDeadline, replyByProblem } from './deadlines.js';

const cal = seedCalendarYears();

describe('meeting deadlines', () => {
  it('counts working days back over the National Day holiday and its make-up Saturday', () => {
    // 2025: 1–8 October off; Sunday 28 September and Saturday 11 October worked.
    const d = meetingDeadline('2025-10-15', { days: 5, unit: 'workdays' }, cal, '2025-09-01');
    // Back from 15 Oct: 14, 13, 11 (make-up Saturday), 10, 9 → 9 October.
    expect(d.date).toBe('2025-10-09');
    expect(d.provisional).toBe(false);
    expect(d.passed).toBe(false);
  });

  it('counts calendar days plainly', () => {
    const d = meetingDeadline('2025-10-15', { days: 15, unit: 'calendarDays' }, cal, '2025-09-30');
    expect(d).toEqual({ date: '2025-09-30', provisional: false, daysLeft: 0, unit: 'calendarDays', passed: false });
  });

  it('is open on the deadline day and closed the day after', () => {
    const rule = { days: 10, unit: 'workdays' } as const;
    const on = meetingDeadline('2025-03-20', rule, cal, '2025-03-06');
    expect(on.date).toBe('2025-03-06');
    expect([on.daysLeft, on.passed]).toEqual([0, false]);
    const after = meetingDeadline('2025-03-20', rule, cal, '2025-03-07');
    expect([after.daysLeft, after.passed]).toEqual([-1, true]);
    const before = meetingDeadline('2025-03-20', rule, cal, '2025-03-03');
    expect(before.daysLeft).toBe(3);
  });

  it('is provisional in a year without an arrangement', () => {
    const d = meetingDeadline('2099-06-15', { days: 10, unit: 'workdays' }, cal, '2099-01-01');
    expect(d.provisional).toBe(true);
    expect(d.date).toBe('2099-06-01');
    expect(meetingDeadline('2099-06-15', { days: 10, unit: 'calendarDays' }, cal, '2099-01-01').provisional).toBe(false);
  });

  it('writes dates the official way and knows the day in China', () => {
    expect(chineseDate('2026-05-08')).toBe('2026年5月8日');
    expect(chinaToday(new Date('2026-01-01T17:00:00Z'))).toBe('2026-01-02');
    expect(chinaToday(new Date('2026-01-01T15:59:00Z'))).toBe('2026-01-01');
  });
});

describe('the reply date of a notice', () => {
  it('is the working day before the meeting when the notice goes out in time', () => {
    // Monday 7 December 2026: the working day before is Friday the 4th.
    expect(defaultReplyBy('2026-12-07', '2026-11-20', cal)).toBe('2026-12-04');
    expect(defaultReplyBy('2026-12-04', '2026-12-03', cal)).toBe('2026-12-03');
  });

  it('is never before the notice itself: a notice of 12月3日 does not ask for replies by 12月2日', () => {
    expect(defaultReplyBy('2026-12-03', '2026-12-03', cal)).toBeNull();
    // Dated Saturday the 5th for Monday the 7th: Friday the 4th has passed.
    expect(defaultReplyBy('2026-12-07', '2026-12-05', cal)).toBeNull();
  });

  it('refuses a date chosen by hand before the notice or on or after the meeting day', () => {
    expect(replyByProblem('2026-12-02', '2026-12-03', '2026-12-10')).toBe('回复截止日期（2026年12月2日）早于通知的成文日期（2026年12月3日），代表无法按期回复');
    expect(replyByProblem('2026-12-10', '2026-12-03', '2026-12-10')).toBe('回复截止日期（2026年12月10日）应早于会议召开日期（2026年12月10日）');
    expect(replyByProblem('2026-12-03', '2026-12-03', '2026-12-10')).toBeNull();
    expect(replyByProblem('2026-12-09', '2026-12-03', '2026-12-10')).toBeNull();
  });
});
