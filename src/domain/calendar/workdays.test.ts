import { afterEach, describe, expect, it } from 'vitest';
import { seedCalendarYears } from './seed.js';
import {
  addCalendarDays,
  addMonths,
  addWorkdays,
  CalendarYearInput,
  dayOfWeek,
  deadline,
  hasArrangement,
  isWorkday,
  spanIsProvisional,
  toDayNumber,
  workdaysBetween,
  type WorkCalendar,
} from './workdays.js';

const cal: WorkCalendar = seedCalendarYears();

/** Every date from a to b inclusive. */
function days(a: string, b: string): string[] {
  const out: string[] = [];
  for (let d = a; d <= b; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

describe('plain date arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addCalendarDays('2025-10-20', -15)).toBe('2025-10-05');
    expect(addCalendarDays('2025-10-20', 0)).toBe('2025-10-20');
  });

  it('adds months, keeping to the last day of a shorter month', () => {
    expect(addMonths('2025-03-15', 3)).toBe('2025-06-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-05-31', -1)).toBe('2025-04-30');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(0);
    expect(dayOfWeek('2025-09-28')).toBe(0);
    expect(dayOfWeek('2025-10-11')).toBe(6);
    expect(dayOfWeek('2000-01-01')).toBe(6);
  });

  it('refuses dates that are not YYYY-MM-DD or do not exist', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-1', '2025/01/01', '', '2025-01-01T00:00:00Z']) {
      expect(() => toDayNumber(bad), bad).toThrow(RangeError);
    }
    expect(() => addCalendarDays('2025-01-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2025-01-01', 0.5)).toThrow(RangeError);
  });
});

describe('isWorkday with the published arrangements', () => {
  it('2025 National Day: 1–8 October off, Sunday 28 September and Saturday 11 October worked', () => {
    expect(isWorkday('2025-09-26', cal)).toBe(true);
    expect(isWorkday('2025-09-27', cal)).toBe(false);
    expect(isWorkday('2025-09-28', cal)).toBe(true);
    expect(isWorkday('2025-09-30', cal)).toBe(true);
    for (const d of days('2025-10-01', '2025-10-08')) expect(isWorkday(d, cal), d).toBe(false);
    expect(isWorkday('2025-10-09', cal)).toBe(true);
    expect(isWorkday('2025-10-10', cal)).toBe(true);
    expect(isWorkday('2025-10-11', cal)).toBe(true);
    expect(isWorkday('2025-10-12', cal)).toBe(false);
  });

  it('2025 Spring Festival: 28 January – 4 February off, 26 January and 8 February worked', () => {
    expect(isWorkday('2025-01-26', cal)).toBe(true);
    expect(isWorkday('2025-01-27', cal)).toBe(true);
    for (const d of days('2025-01-28', '2025-02-04')) expect(isWorkday(d, cal), d).toBe(false);
    expect(isWorkday('2025-02-05', cal)).toBe(true);
    expect(isWorkday('2025-02-08', cal)).toBe(true);
    expect(isWorkday('2025-02-09', cal)).toBe(false);
  });

  it('2024 Labour Day: 1–5 May off, Sunday 28 April and Saturday 11 May worked', () => {
    expect(isWorkday('2024-04-28', cal)).toBe(true);
    for (const d of days('2024-05-01', '2024-05-05')) expect(isWorkday(d, cal), d).toBe(false);
    expect(isWorkday('2024-05-06', cal)).toBe(true);
    expect(isWorkday('2024-05-11', cal)).toBe(true);
    expect(isWorkday('2024-05-12', cal)).toBe(false);
  });

  it('counts the working days of whole years as published: 251 in 2024, 248 in 2025', () => {
    expect(workdaysBetween('2023-12-31', '2024-12-31', cal)).toBe(251);
    expect(workdaysBetween('2024-12-31', '2025-12-31', cal)).toBe(248);
  });

  it('falls back to weekends and the statutory holidays in a year without an arrangement', () => {
    expect(hasArrangement(2030, cal)).toBe(false);
    expect(isWorkday('2030-10-01', cal)).toBe(false);
    expect(isWorkday('2030-10-08', cal)).toBe(true);
    expect(isWorkday('2030-10-05', cal)).toBe(false);
    expect(isWorkday('2025-10-01', [])).toBe(false);
    expect(isWorkday('2025-10-09', [])).toBe(true);
  });
});

describe('addWorkdays', () => {
  it('finds the latest day for topics 10 working days before a meeting, across National Day', () => {
    // Back from Monday 20 October 2025: 17 16 15 14 13, Saturday 11, 10 9, then 30 and 29 September.
    expect(addWorkdays('2025-10-20', -10, cal)).toBe('2025-09-29');
  });

  it('steps over a holiday in either direction', () => {
    expect(addWorkdays('2025-09-30', 1, cal)).toBe('2025-10-09');
    expect(addWorkdays('2025-10-09', -1, cal)).toBe('2025-09-30');
    expect(addWorkdays('2025-01-27', 1, cal)).toBe('2025-02-05');
  });

  it('lands on a makeup Saturday or Sunday', () => {
    expect(addWorkdays('2025-09-27', 1, cal)).toBe('2025-09-28');
    expect(addWorkdays('2025-10-10', 1, cal)).toBe('2025-10-11');
    expect(addWorkdays('2024-04-26', 1, cal)).toBe('2024-04-28');
  });

  it('returns the date itself for zero, even a holiday', () => {
    expect(addWorkdays('2025-10-01', 0, cal)).toBe('2025-10-01');
  });

  it('counts from a holiday or weekend without counting that day', () => {
    expect(addWorkdays('2025-10-04', 1, cal)).toBe('2025-10-09');
    expect(addWorkdays('2025-10-04', -1, cal)).toBe('2025-09-30');
  });

  it('is undone by workdaysBetween', () => {
    for (const start of days('2025-09-20', '2025-10-15')) {
      for (const n of [0, 1, 3, 5, 10, 15, 30]) {
        expect(workdaysBetween(start, addWorkdays(start, n, cal), cal)).toBe(n);
        if (isWorkday(start, cal)) expect(workdaysBetween(start, addWorkdays(start, -n, cal), cal)).toBe(0 - n);
      }
    }
  });

  it('refuses counts that are not whole numbers or absurdly large', () => {
    expect(() => addWorkdays('2025-01-01', 1.5, cal)).toThrow(RangeError);
    expect(() => addWorkdays('2025-01-01', 1e9, cal)).toThrow(RangeError);
  });
});

describe('workdaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(workdaysBetween('2025-09-30', '2025-10-09', cal)).toBe(1);
    expect(workdaysBetween('2025-09-26', '2025-10-11', cal)).toBe(6); // 28 Sep, 29, 30, 9 Oct, 10, 11
    expect(workdaysBetween('2025-10-01', '2025-10-01', cal)).toBe(0);
    expect(workdaysBetween('2025-10-09', '2025-09-30', cal)).toBe(-1);
  });
});

describe('deadline', () => {
  it('is final when the whole span has an arrangement', () => {
    expect(deadline('2025-10-20', { workdays: -10 }, cal)).toEqual({ date: '2025-09-29', provisional: false });
    expect(deadline('2025-09-30', { workdays: 5 }, cal)).toEqual({ date: '2025-10-14', provisional: false });
  });

  it('is provisional when the span reaches a year without an arrangement', () => {
    const result = deadline('2026-12-21', { workdays: 15 }, cal);
    expect(result.provisional).toBe(true);
    // 2027-01-01 is a Friday and off by law even before the 2027 arrangement is published.
    expect(result.date).toBe('2027-01-12');
    expect(deadline('2030-03-01', { workdays: 5 }, cal)).toEqual({ date: '2030-03-08', provisional: true });
    expect(deadline('2027-01-11', { workdays: -15 }, cal).provisional).toBe(true);
  });

  it('becomes final once the administrator enters the next year', () => {
    const withNextYear: WorkCalendar = [...cal, { year: 2027, holidays: ['2027-01-01'], makeupWorkdays: [] }];
    expect(deadline('2026-12-21', { workdays: 15 }, withNextYear)).toEqual({ date: '2027-01-12', provisional: false });
  });

  it('counts calendar days and months without the arrangement', () => {
    expect(deadline('2025-10-20', { calendarDays: -15 }, cal)).toEqual({ date: '2025-10-05', provisional: false });
    expect(deadline('2026-11-30', { months: 3 }, cal)).toEqual({ date: '2027-02-28', provisional: false });
  });

  it('reports a provisional span in either order', () => {
    expect(spanIsProvisional('2025-01-01', '2026-12-31', cal)).toBe(false);
    expect(spanIsProvisional('2027-01-01', '2025-01-01', cal)).toBe(true);
    expect(spanIsProvisional('2003-12-30', '2004-01-05', cal)).toBe(true);
  });
});

describe('time zones', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati'])('gives the same answers in %s', (tz) => {
    process.env.TZ = tz;
    expect(addWorkdays('2025-10-20', -10, cal)).toBe('2025-09-29');
    expect(addCalendarDays('2025-03-09', 1)).toBe('2025-03-10');
    expect(dayOfWeek('2025-09-28')).toBe(0);
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
  });
});

describe('CalendarYearInput', () => {
  it('accepts a well-formed year', () => {
    const parsed = CalendarYearInput.safeParse({ year: 2027, holidays: ['2027-01-01'], makeupWorkdays: ['2027-01-02'] });
    expect(parsed.success).toBe(true);
  });

  it('explains each wrong entry in Chinese', () => {
    const parsed = CalendarYearInput.safeParse({
      year: 2027,
      holidays: ['2026-12-31', '2027-01-02', '2027-01-01', '2027-01-01', '2027-02-30'],
      makeupWorkdays: ['2027-01-04'],
    });
    expect(parsed.success).toBe(false);
    const messages = parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'holidays.0: 2026-12-31 不在 2027 年内',
        'holidays.1: 2027-01-02 是周末，不必列为放假日',
        'holidays.3: 2027-01-01 重复',
        'holidays.4: 日期格式应为 YYYY-MM-DD',
        'makeupWorkdays.0: 2027-01-04 不是周末，不能列为调休上班日',
      ]),
    );
  });

  it('refuses years outside 1900–2100', () => {
    expect(CalendarYearInput.safeParse({ year: 1899, holidays: [], makeupWorkdays: [] }).success).toBe(false);
    expect(CalendarYearInput.safeParse({ year: 2025.5, holidays: [], makeupWorkdays: [] }).success).toBe(false);
  });
});
