/**
 * Working days under the State Council's holiday arrangement (国务院办公厅关于部分节假日安排
 * 的通知), published each autumn for the next year. The calendar is data an administrator
 * updates; a deadline whose span reaches a year without an arrangement is provisional,
 * decided by weekends and the statutory holidays (statutory.ts) until it is entered.
 *
 * Dates are 'YYYY-MM-DD' strings and all arithmetic is on UTC day numbers, so the server's
 * time zone never shifts a day.
 */
import { z } from 'zod';
import { isStatutoryHoliday } from './statutory.js';

export interface CalendarYear {
  year: number;
  /** Days off that would otherwise be working days (Monday to Friday). */
  holidays: string[];
  /** Saturdays and Sundays that are working days (调休). */
  makeupWorkdays: string[];
}

/** Treated as an immutable value: its lookup index is built once per array. */
export type WorkCalendar = readonly CalendarYear[];

export interface Deadline {
  date: string;
  /** True when a day of the span lies in a year the calendar has no arrangement for. */
  provisional: boolean;
}

export type DeadlineRule = { workdays: number } | { calendarDays: number } | { months: number };

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01; throws on anything but a real calendar date. */
export function toDayNumber(date: string): number {
  const m = ISO_DAY.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`);
  }
  return ms / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function dayOfWeek(date: string): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

export function addCalendarDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`天数应为整数：${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

/** Same day n months later, or the month's last day (01-31 plus one month is 02-28/29). */
export function addMonths(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`月数应为整数：${n}`);
  toDayNumber(date);
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

interface CalendarIndex {
  years: Set<number>;
  holidays: Set<string>;
  makeup: Set<string>;
}
const indexes = new WeakMap<WorkCalendar, CalendarIndex>();

function indexOf(cal: WorkCalendar): CalendarIndex {
  let index = indexes.get(cal);
  if (!index) {
    index = {
      years: new Set(cal.map((y) => y.year)),
      holidays: new Set(cal.flatMap((y) => y.holidays)),
      makeup: new Set(cal.flatMap((y) => y.makeupWorkdays)),
    };
    indexes.set(cal, index);
  }
  return index;
}

export function hasArrangement(year: number, cal: WorkCalendar): boolean {
  return indexOf(cal).years.has(year);
}

export function isWorkday(date: string, cal: WorkCalendar): boolean {
  const index = indexOf(cal);
  if (index.makeup.has(date)) return true;
  if (index.holidays.has(date)) return false;
  // Without the year's notice the days fixed by law are still off; only 调休 stays unknown.
  if (!index.years.has(Number(date.slice(0, 4))) && isStatutoryHoliday(date)) return false;
  return !isWeekend(date);
}

const MAX_STEPS = 20_000;

/**
 * The n-th working day after `date` (n > 0) or before it (n < 0), not counting `date`
 * itself; n = 0 returns `date`. "Topics at least 10 working days before the meeting" means
 * the latest day is addWorkdays(meetingDate, -10).
 */
export function addWorkdays(date: string, n: number, cal: WorkCalendar): string {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_STEPS) throw new RangeError(`工作日数无效：${n}`);
  const step = n < 0 ? -1 : 1;
  let day = toDayNumber(date);
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkday(fromDayNumber(day), cal)) left--;
  }
  return fromDayNumber(day);
}

/**
 * Working days after `a` up to and including `b`; negative when b is before a. So
 * workdaysBetween(d, addWorkdays(d, n)) === n for n ≥ 0, and for n < 0 when d is a workday.
 */
export function workdaysBetween(a: string, b: string, cal: WorkCalendar): number {
  const from = toDayNumber(a);
  const to = toDayNumber(b);
  if (to < from) return 0 - workdaysBetween(b, a, cal); // not -x: an empty span must be 0, not -0
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (isWorkday(fromDayNumber(day), cal)) count++;
  return count;
}

/** Whether any year from a to b (either order) lacks an arrangement in the calendar. */
export function spanIsProvisional(a: string, b: string, cal: WorkCalendar): boolean {
  const [y1, y2] = [Number(a.slice(0, 4)), Number(b.slice(0, 4))].sort((x, y) => x - y);
  for (let y = y1; y <= y2; y++) if (!hasArrangement(y, cal)) return true;
  return false;
}

/**
 * A deadline counted from `from`: in working days (negative counts back), calendar days or
 * months. Only working-day deadlines depend on the arrangement, so only they can be
 * provisional.
 */
export function deadline(from: string, rule: DeadlineRule, cal: WorkCalendar): Deadline {
  if ('workdays' in rule) {
    const date = addWorkdays(from, rule.workdays, cal);
    return { date, provisional: spanIsProvisional(from, date, cal) };
  }
  if ('calendarDays' in rule) return { date: addCalendarDays(from, rule.calendarDays), provisional: false };
  return { date: addMonths(from, rule.months), provisional: false };
}

function isIsoDay(s: string): boolean {
  try {
    toDayNumber(s);
    return true;
  } catch {
    return false;
  }
}

const IsoDay = z.string().refine(isIsoDay, '日期格式应为 YYYY-MM-DD');

/** One year's arrangement as an administrator enters it. */
export const CalendarYearInput = z
  .object({
    year: z.number().int().min(1900, '年份应在1900—2100之间').max(2100, '年份应在1900—2100之间'),
    holidays: z.array(IsoDay),
    makeupWorkdays: z.array(IsoDay),
  })
  .superRefine((y, ctx) => {
    const check = (days: string[], field: 'holidays' | 'makeupWorkdays') => {
      days.forEach((day, i) => {
        if (!isIsoDay(day)) return;
        const problem = !day.startsWith(`${y.year}-`)
          ? `${day} 不在 ${y.year} 年内`
          : field === 'holidays' && isWeekend(day)
            ? `${day} 是周末，不必列为放假日`
            : field === 'makeupWorkdays' && !isWeekend(day)
              ? `${day} 不是周末，不能列为调休上班日`
              : days.indexOf(day) !== i
                ? `${day} 重复`
                : null;
        if (problem) ctx.addIssue({ code: 'custom', path: [field, i], message: problem });
      });
    };
    check(y.holidays, 'holidays');
    check(y.makeupWorkdays, 'makeupWorkdays');
  });
