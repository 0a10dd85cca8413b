/**
 * The holidays fixed by law (全国年节及纪念日放假办法), known for any year before the State
 * Council publishes that year's arrangement: only the make-up working days (调休) and the
 * bridging days wait for the notice. Lunar dates come from chinese-days' lunar tables.
 */
import chineseDays from 'chinese-days';

// The package is CommonJS with a minified build: Node cannot see its named exports, only the default.
const { getSolarDateFromLunar, getSolarTermDate } = chineseDays;

/** The law as amended in 2007, 2013 and 2024: which days each period's version gives. */
interface Law {
  from: number;
  /** Days of the Spring Festival relative to 正月初一 (-1 = 除夕). */
  springFestival: number[];
  labourDays: number;
  /** 清明, 端午 and 中秋 became holidays in 2008. */
  traditional: boolean;
}

const LAWS: readonly Law[] = [
  { from: 2025, springFestival: [-1, 0, 1, 2], labourDays: 2, traditional: true },
  { from: 2014, springFestival: [0, 1, 2], labourDays: 1, traditional: true },
  { from: 2008, springFestival: [-1, 0, 1], labourDays: 1, traditional: true },
  { from: 0, springFestival: [0, 1, 2], labourDays: 3, traditional: false },
];

const DAY_MS = 86_400_000;
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const lunar = (year: number, month: number, day: number) =>
  getSolarDateFromLunar(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).date;

const cache = new Map<number, ReadonlySet<string>>();

/** Every statutory day off of a Gregorian year, weekends included, sorted. */
export function statutoryHolidays(year: number): string[] {
  return [...statutorySet(year)].sort();
}

export function isStatutoryHoliday(date: string): boolean {
  return statutorySet(Number(date.slice(0, 4))).has(date);
}

function statutorySet(year: number): ReadonlySet<string> {
  let days = cache.get(year);
  if (!days) {
    const law = LAWS.find((l) => year >= l.from)!;
    const list = [`${year}-01-01`];
    // 正月初一 falls between 21 January and 20 February, so 除夕 is always in the same year.
    for (const d of law.springFestival) list.push(shift(lunar(year, 1, 1), d));
    for (let d = 1; d <= law.labourDays; d++) list.push(`${year}-05-0${d}`);
    if (law.traditional) list.push(getSolarTermDate(year, 4, 'pure_brightness'), lunar(year, 5, 5), lunar(year, 8, 15));
    list.push(`${year}-10-01`, `${year}-10-02`, `${year}-10-03`);
    days = new Set(list);
    cache.set(year, days);
  }
  return days;
}
