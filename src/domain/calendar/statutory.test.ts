import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { statutoryHolidays } from './statutory.js';
import { addWorkdays, deadline, isWorkday, type WorkCalendar } from './workdays.js';

const published = new Set(Object.keys((data as { holidays: Record<string, string> }).holidays));
// The source misses one day of a published period: 端午 2012 was 22–24 June (国办发明电〔2011〕39号).
const SOURCE_GAPS = new Set(['2012-06-23']);

describe('statutory holidays of a year', () => {
  it('are days off in every published arrangement from 2004 to 2026', () => {
    for (let year = 2004; year <= 2026; year++) {
      const missing = statutoryHolidays(year).filter((d) => !published.has(d) && !SOURCE_GAPS.has(d));
      expect({ year, missing }).toEqual({ year, missing: [] });
    }
  });

  it('give 2030 its Spring Festival, 清明, 端午 and 中秋 from the lunar calendar and solar terms', () => {
    expect(statutoryHolidays(2030)).toEqual([
      '2030-01-01',
      '2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05',
      '2030-04-05',
      '2030-05-01', '2030-05-02',
      '2030-06-05',
      '2030-09-12',
      '2030-10-01', '2030-10-02', '2030-10-03',
    ]);
  });
});

describe('working days in a year without a published arrangement', () => {
  const cal: WorkCalendar = [{ year: 2026, holidays: [], makeupWorkdays: [] }];

  it('skip the statutory holidays that fall on weekdays', () => {
    // 2030-10-01 is a Tuesday: 1–3 October are off by law, so the first working day after 30 September is 4 October.
    expect(isWorkday('2030-10-01', cal)).toBe(false);
    expect(isWorkday('2030-02-04', cal)).toBe(false);
    expect(addWorkdays('2030-09-30', 1, cal)).toBe('2030-10-04');
  });

  it('stay provisional, since the make-up working days are not yet known', () => {
    expect(deadline('2030-09-30', { workdays: 1 }, cal)).toEqual({ date: '2030-10-04', provisional: true });
  });

  it('follow the published arrangement once it is entered', () => {
    const entered: WorkCalendar = [{ year: 2030, holidays: [], makeupWorkdays: [] }];
    expect(isWorkday('2030-10-01', entered)).toBe(true);
  });
});
