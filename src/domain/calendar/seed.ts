/**
 * The arrangements chinese-days ships (2004 to the latest year it knows), as the first
 * contents of the editable calendar. Kept apart from workdays.ts so that the web bundle,
 * which only needs the rules, does not carry the data.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { isWeekend, type CalendarYear } from './workdays.js';

interface ChineseDaysData {
  /** Every day off of a holiday period, weekends included: 'name,中文名,days'. */
  holidays: Record<string, string>;
  /** Weekend days worked in exchange (调休). */
  workdays: Record<string, string>;
}

/**
 * One CalendarYear per year the data covers, grouped by the date's own year: a makeup day
 * on 29 December for the next New Year belongs to the earlier year. Holiday days that fall
 * on a weekend are dropped, since a weekend is a day off anyway.
 */
export function seedCalendarYears(): CalendarYear[] {
  const source = data as ChineseDaysData;
  const years = new Map<number, CalendarYear>();
  const yearOf = (date: string) => {
    const year = Number(date.slice(0, 4));
    let entry = years.get(year);
    if (!entry) {
      entry = { year, holidays: [], makeupWorkdays: [] };
      years.set(year, entry);
    }
    return entry;
  };
  for (const date of Object.keys(source.holidays)) {
    if (!isWeekend(date)) yearOf(date).holidays.push(date);
  }
  for (const date of Object.keys(source.workdays)) {
    if (isWeekend(date)) yearOf(date).makeupWorkdays.push(date);
  }
  return [...years.values()]
    .sort((a, b) => a.year - b.year)
    .map((y) => ({ year: y.year, holidays: y.holidays.sort(), makeupWorkdays: y.makeupWorkdays.sort() }));
}
