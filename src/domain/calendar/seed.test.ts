import { describe, expect, it } from 'vitest';
import { seedCalendarYears } from './seed.js';
import { CalendarYearInput, isWeekend } from './workdays.js';

const years = seedCalendarYears();
const year = (y: number) => years.find((c) => c.year === y);

describe('seedCalendarYears', () => {
  it('covers every year from 2004 to 2026 once, in order', () => {
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });

  it('lists only weekday holidays and only weekend makeup days', () => {
    for (const y of years) {
      for (const d of y.holidays) expect(isWeekend(d), d).toBe(false);
      for (const d of y.makeupWorkdays) expect(isWeekend(d), d).toBe(true);
    }
  });

  it('passes the schema an administrator’s edits must pass', () => {
    for (const y of years) expect(CalendarYearInput.safeParse(y).success, String(y.year)).toBe(true);
  });

  it('holds the 2025 arrangement as published', () => {
    expect(year(2025)).toEqual({
      year: 2025,
      holidays: [
        '2025-01-01',
        '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-03', '2025-02-04',
        '2025-04-04',
        '2025-05-01', '2025-05-02', '2025-05-05',
        '2025-06-02',
        '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08',
      ],
      makeupWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    });
  });

  it('keeps a makeup day in December with the year it falls in', () => {
    expect(year(2018)?.makeupWorkdays).toContain('2018-12-29');
    expect(year(2018)?.holidays).toContain('2018-12-31');
  });

  it('returns a fresh copy each time, so edits cannot leak into the seed', () => {
    const first = seedCalendarYears();
    first[0].holidays.push('2004-12-31');
    expect(seedCalendarYears()[0].holidays).not.toContain('2004-12-31');
  });
});
