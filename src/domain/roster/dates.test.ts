import { describe, expect, it } from 'vitest';
import { formatRosterDate, parseRosterDate } from './dates.js';

const month = (value: string) => ({ ok: true, value, precision: 'month' });
const day = (value: string) => ({ ok: true, value, precision: 'day' });

describe('parseRosterDate: text', () => {
  it.each([
    ['1975.03', '1975-03'],
    ['1975.3', '1975-03'],
    ['1975.1', '1975-01'],
    ['1975.10', '1975-10'],
    ['1975.12.', '1975-12'],
    ['1975年3月', '1975-03'],
    ['1975年03月', '1975-03'],
    ['1975年3', '1975-03'],
    ['1975-03', '1975-03'],
    ['1975/3', '1975-03'],
    ['197503', '1975-03'],
    ['１９７５．０３', '1975-03'],
    ['  1975 . 03 ', '1975-03'],
    ['1975 年 3 月', '1975-03'],
    ['1975。3', '1975-03'],
    ['一九七五年三月', '1975-03'],
    ['二〇〇一年十二月', '2001-12'],
  ])('reads %j as a month', (raw, value) => {
    expect(parseRosterDate(raw)).toEqual(month(value));
  });

  it.each([
    ['1975年03月05日', '1975-03-05'],
    ['1975年3月5日', '1975-03-05'],
    ['1975年3月5号', '1975-03-05'],
    ['1975年3月5', '1975-03-05'],
    ['1975-03-01', '1975-03-01'],
    ['1975/3/1', '1975-03-01'],
    ['1975.3.1', '1975-03-01'],
    ['1975.03.01', '1975-03-01'],
    ['19750301', '1975-03-01'],
    ['1975-03-01 00:00:00', '1975-03-01'],
    ['1975-03-01T00:00:00.000Z', '1975-03-01'],
    ['１９７５－０３－０１', '1975-03-01'],
    ['一九七五年三月二十日', '1975-03-20'],
    ['一九七五年十月三十一日', '1975-10-31'],
    ['2000年2月29日', '2000-02-29'],
  ])('reads %j as a day', (raw, value) => {
    expect(parseRosterDate(raw)).toEqual(day(value));
  });

  it('reads numeric-looking text of five digits or fewer as an Excel serial', () => {
    expect(parseRosterDate('27454')).toEqual(day('1975-03-01'));
    expect(parseRosterDate(' 27454 ')).toEqual(day('1975-03-01'));
  });
});

describe('parseRosterDate: numbers', () => {
  it('reads Excel serial numbers', () => {
    expect(parseRosterDate(27454)).toEqual(day('1975-03-01'));
    expect(parseRosterDate(45658)).toEqual(day('2025-01-01'));
    expect(parseRosterDate(36586)).toEqual(day('2000-03-01'));
    expect(parseRosterDate(27454.75)).toEqual(day('1975-03-01'));
  });

  it('handles the 1900 leap-year bug Excel inherited from Lotus 1-2-3', () => {
    expect(parseRosterDate(1)).toEqual(day('1900-01-01'));
    expect(parseRosterDate(59)).toEqual(day('1900-02-28'));
    expect(parseRosterDate(61)).toEqual(day('1900-03-01'));
    expect(parseRosterDate(60)).toMatchObject({ ok: false });
    expect(parseRosterDate(73415)).toEqual(day('2100-12-31'));
  });

  it('reads a number typed as YYYY.MM, where Excel drops the trailing zero of 1975.10', () => {
    expect(parseRosterDate(1975.03)).toEqual(month('1975-03'));
    expect(parseRosterDate(1975.12)).toEqual(month('1975-12'));
    expect(parseRosterDate(1975.11)).toEqual(month('1975-11'));
    expect(parseRosterDate(1975.2)).toEqual(month('1975-02'));
    expect(parseRosterDate(1975.9)).toEqual(month('1975-09'));
  });

  it('reads the number 1975.1 as October and says so, because 1975.10 is stored that way', () => {
    const result = parseRosterDate(1975.1);
    expect(result).toMatchObject({ ok: true, value: '1975-10', precision: 'month' });
    expect(result.ok && result.warning).toContain('1975.01');
  });

  it('reads a number typed as YYYY.MMDD', () => {
    expect(parseRosterDate(1975.0301)).toEqual(day('1975-03-01'));
    expect(parseRosterDate(1975.031)).toEqual(day('1975-03-10'));
  });

  it('reads numbers typed as YYYYMM and YYYYMMDD', () => {
    expect(parseRosterDate(197503)).toEqual(month('1975-03'));
    expect(parseRosterDate(19750301)).toEqual(day('1975-03-01'));
  });

  it('rejects a bare year rather than guess a month', () => {
    expect(parseRosterDate(1975, { label: '出生年月' })).toEqual({
      ok: false,
      message: '出生年月只有年份，请写到月份（如 1975.03）：1975',
    });
    expect(parseRosterDate('1975年').ok).toBe(false);
    expect(parseRosterDate('1975').ok).toBe(false);
  });

  it('rejects numbers that are no date', () => {
    for (const n of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 99999, 1975.13, 197513, 19750230, 1975.12345]) {
      expect(parseRosterDate(n).ok, String(n)).toBe(false);
    }
  });
});

describe('parseRosterDate: Date objects', () => {
  it('reads the UTC midnight that exceljs returns', () => {
    expect(parseRosterDate(new Date(Date.UTC(1975, 2, 1)))).toEqual(day('1975-03-01'));
  });

  it('reads a Date made at local midnight in China (16:00 UTC the day before)', () => {
    expect(parseRosterDate(new Date('1975-03-01T00:00:00+08:00'))).toEqual(day('1975-03-01'));
  });

  it('rejects an invalid Date and years outside the range', () => {
    expect(parseRosterDate(new Date(Number.NaN)).ok).toBe(false);
    expect(parseRosterDate(new Date(Date.UTC(1850, 0, 1))).ok).toBe(false);
  });
});

describe('parseRosterDate: what it refuses', () => {
  it('names the column and shows the value in the message', () => {
    expect(parseRosterDate('不详', { label: '出生年月' })).toEqual({
      ok: false,
      message: '出生年月格式无法识别：不详',
    });
    expect(parseRosterDate('1975.13', { label: '出生年月' })).toEqual({
      ok: false,
      message: '出生年月的月份不存在：1975.13',
    });
    expect(parseRosterDate('1975.02.30', { label: '入党时间' })).toEqual({
      ok: false,
      message: '入党时间的日期不存在：1975.02.30',
    });
    expect(parseRosterDate('1875.03')).toEqual({ ok: false, message: '日期的年份应在1900—2100之间：1875.03' });
  });

  it.each([
    '1975.00',
    '1975-13-01',
    '1975-02-29',
    '1900-02-29',
    '1975.04.31',
    '1975.03.00',
    '2101.01',
    '1899.12',
    '75.03',
    '03/01/1975',
    '1975年13月',
    'abc',
    '1975.03.01.02',
  ])('rejects %j', (raw) => {
    expect(parseRosterDate(raw).ok).toBe(false);
  });

  it('asks for a four-digit year', () => {
    expect(parseRosterDate('75.3')).toEqual({ ok: false, message: '日期的年份请写四位（如 1975.03）：75.3' });
  });

  it('reports empty cells', () => {
    expect(parseRosterDate('')).toEqual({ ok: false, message: '日期为空' });
    expect(parseRosterDate(null)).toEqual({ ok: false, message: '日期为空' });
    expect(parseRosterDate(undefined, { label: '出生年月' })).toEqual({ ok: false, message: '出生年月为空' });
  });
});

describe('formatRosterDate', () => {
  it('prints months and days with dots', () => {
    expect(formatRosterDate('1975-03')).toBe('1975.03');
    expect(formatRosterDate('1975-03-01')).toBe('1975.03.01');
  });

  it('round-trips through parseRosterDate', () => {
    for (const value of ['1975-03', '2001-12', '1949-10-01', '2000-02-29']) {
      const parsed = parseRosterDate(formatRosterDate(value));
      expect(parsed.ok && parsed.value).toBe(value);
    }
  });

  it('refuses values that were never parsed', () => {
    expect(() => formatRosterDate('1975.03')).toThrow(RangeError);
    expect(() => formatRosterDate('')).toThrow(RangeError);
  });
});
