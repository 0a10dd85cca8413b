/**
 * The calendar page's rules, kept apart from the screens so they can be tested: how a click
 * changes a day, the month grids, and reading a pasted arrangement.
 */
import { dayOfWeek, fromDayNumber, isWeekend, toDayNumber } from '../../../domain/calendar/workdays.js';

export interface Arrangement {
  holidays: string[];
  makeupWorkdays: string[];
}

export interface CalendarYearView extends Arrangement {
  year: number;
  source: 'chinese-days' | 'manual';
  updatedAt: string;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export function kindOf(date: string, holidays: ReadonlySet<string>, makeup: ReadonlySet<string>): DayKind {
  if (holidays.has(date)) return 'holiday';
  if (makeup.has(date)) return 'makeup';
  return isWeekend(date) ? 'weekend' : 'workday';
}

const without = (list: string[], date: string) => list.filter((d) => d !== date);

/** A weekday toggles between working day and 休, a weekend day between 周末 and 班. */
export function cycleDay(a: Arrangement, date: string): Arrangement {
  if (isWeekend(date)) {
    const on = a.makeupWorkdays.includes(date);
    return { holidays: a.holidays, makeupWorkdays: on ? without(a.makeupWorkdays, date) : [...a.makeupWorkdays, date].sort() };
  }
  const on = a.holidays.includes(date);
  return { holidays: on ? without(a.holidays, date) : [...a.holidays, date].sort(), makeupWorkdays: a.makeupWorkdays };
}

export function sameArrangement(a: Arrangement, b: Arrangement): boolean {
  const key = (x: Arrangement) => JSON.stringify([[...x.holidays].sort(), [...x.makeupWorkdays].sort()]);
  return key(a) === key(b);
}

/** The month's days in rows of seven, Monday first as Chinese calendars print them; null pads. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = toDayNumber(`${year}-${String(month).padStart(2, '0')}-01`);
  const lead = (dayOfWeek(fromDayNumber(first)) + 6) % 7;
  const cells: (string | null)[] = Array<null>(lead).fill(null);
  for (let day = first; fromDayNumber(day).slice(0, 7) === fromDayNumber(first).slice(0, 7); day++) cells.push(fromDayNumber(day));
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

export interface PastedArrangement extends Arrangement {
  /** Entries that stop the import: unreadable dates, dates of another year, bad JSON. */
  problems: string[];
  /** Entries left out because they change nothing (a weekend marked 休, a weekday marked 班). */
  notes: string[];
}

const DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;

function toIso(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  try {
    toDayNumber(iso);
    return iso;
  } catch {
    return null;
  }
}

/**
 * Reads `{holidays, makeupWorkdays}` JSON, or one date a line (2027-01-01, 2027/1/1, 2027年1月1日),
 * optionally followed by 休 or 班; an unmarked weekday is a day off, an unmarked weekend day a
 * working day, since that is the only change either can be.
 */
export function parseArrangement(text: string, year: number): PastedArrangement {
  const out: PastedArrangement = { holidays: [], makeupWorkdays: [], problems: [], notes: [] };
  const entries: { raw: string; mark: '休' | '班' | null }[] = [];
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      return { ...out, problems: ['JSON 格式有误，请检查括号、引号和逗号'] };
    }
    const j = json as Partial<Record<keyof Arrangement, unknown>>;
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : null);
    const holidays = list(j.holidays);
    const makeup = list(j.makeupWorkdays);
    if (!holidays || !makeup || (j.holidays === undefined && j.makeupWorkdays === undefined)) {
      return { ...out, problems: ['JSON 应为 {"holidays": [...], "makeupWorkdays": [...]}，两项都是日期列表'] };
    }
    holidays.forEach((raw) => entries.push({ raw, mark: '休' }));
    makeup.forEach((raw) => entries.push({ raw, mark: '班' }));
  } else {
    for (const line of trimmed.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
      entries.push({ raw: line, mark: /班|上班|调休/.test(line.replace(DATE, '')) ? '班' : /休|放假/.test(line.replace(DATE, '')) ? '休' : null });
    }
  }
  const holidays = new Set<string>();
  const makeup = new Set<string>();
  for (const { raw, mark } of entries) {
    const date = toIso(raw);
    if (!date) out.problems.push(`无法识别的日期：${raw}`);
    else if (!date.startsWith(`${year}-`)) out.problems.push(`${date} 不在 ${year} 年内`);
    else if (isWeekend(date) ? mark === '休' : mark === '班') {
      out.notes.push(isWeekend(date) ? `${date} 是周末，本就休息，已略去` : `${date} 本就是工作日，已略去`);
    } else (isWeekend(date) ? makeup : holidays).add(date);
  }
  out.holidays = [...holidays].sort();
  out.makeupWorkdays = [...makeup].sort();
  if (entries.length === 0) out.problems.push('没有读到任何日期');
  return out;
}
