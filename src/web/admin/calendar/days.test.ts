import { describe, expect, test } from 'vitest';
import { cycleDay, monthWeeks, parseArrangement, sameArrangement } from './days.js';

describe('clicking a day', () => {
  test('a weekday toggles 休 and a weekend day toggles 班, each back to where it was', () => {
    const empty = { holidays: [], makeupWorkdays: [] };
    const off = cycleDay(empty, '2027-01-01'); // Friday
    expect(off).toEqual({ holidays: ['2027-01-01'], makeupWorkdays: [] });
    const worked = cycleDay(off, '2027-02-06'); // Saturday
    expect(worked).toEqual({ holidays: ['2027-01-01'], makeupWorkdays: ['2027-02-06'] });
    expect(sameArrangement(cycleDay(cycleDay(worked, '2027-02-06'), '2027-01-01'), empty)).toBe(true);
  });
});

describe('month grid', () => {
  test('starts on Monday: February 2027 begins on a Monday and fills four rows', () => {
    const weeks = monthWeeks(2027, 2);
    expect(weeks).toHaveLength(4);
    expect(weeks[0]![0]).toBe('2027-02-01');
    expect(weeks[3]![6]).toBe('2027-02-28');
  });
  test('pads before the first day: January 2027 begins on a Friday', () => {
    expect(monthWeeks(2027, 1)[0]).toEqual([null, null, null, null, '2027-01-01', '2027-01-02', '2027-01-03']);
  });
});

describe('pasted arrangement', () => {
  test('reads lines in several date styles, classing unmarked days by weekday', () => {
    const r = parseArrangement('2027-01-01\n2027/2/6 班\n2027年10月8日 休\n\n2027-01-01', 2027);
    expect(r).toEqual({ holidays: ['2027-01-01', '2027-10-08'], makeupWorkdays: ['2027-02-06'], problems: [], notes: [] });
  });
  test('reads JSON and leaves out weekend days listed as holidays', () => {
    const r = parseArrangement('{"holidays": ["2027-01-01", "2027-01-02"], "makeupWorkdays": ["2027-02-06"]}', 2027);
    expect(r.holidays).toEqual(['2027-01-01']);
    expect(r.makeupWorkdays).toEqual(['2027-02-06']);
    expect(r.notes).toEqual(['2027-01-02 是周末，本就休息，已略去']);
    expect(r.problems).toEqual([]);
  });
  test('names dates of another year, impossible dates and broken JSON', () => {
    expect(parseArrangement('2026-10-01\n2027-02-30', 2027).problems).toEqual(['2026-10-01 不在 2027 年内', '无法识别的日期：2027-02-30']);
    expect(parseArrangement('{"holidays": [', 2027).problems).toEqual(['JSON 格式有误，请检查括号、引号和逗号']);
    expect(parseArrangement('{"days": []}', 2027).problems).toHaveLength(1);
  });
});
