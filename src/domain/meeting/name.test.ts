import { describe, expect, it } from 'vitest';
import { chineseNumeral, meetingName, nextSessionNumber } from './name.js';

const ones = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** Written out by hand from the rule: tens as 十/二十…, no 一十 at the start, no 零 below 100. */
const expected = (n: number) => {
  const t = Math.floor(n / 10);
  const o = n % 10;
  if (t === 0) return ones[o];
  return `${t === 1 ? '' : ones[t]}十${ones[o]}`;
};

describe('meeting name', () => {
  it.each(Array.from({ length: 99 }, (_, i) => i + 1))('writes %i in Chinese numerals', (n) => {
    expect(chineseNumeral(n)).toBe(expected(n));
  });

  it('spot-checks the numerals of real names', () => {
    expect(chineseNumeral(1)).toBe('一');
    expect(chineseNumeral(10)).toBe('十');
    expect(chineseNumeral(12)).toBe('十二');
    expect(chineseNumeral(20)).toBe('二十');
    expect(chineseNumeral(99)).toBe('九十九');
    expect(chineseNumeral(100)).toBe('一百');
    expect(chineseNumeral(105)).toBe('一百零五');
    expect(chineseNumeral(110)).toBe('一百一十');
  });

  it('refuses numbers it cannot write', () => {
    for (const n of [0, -1, 1.5, 1000]) expect(() => chineseNumeral(n)).toThrow(RangeError);
  });

  it('derives the official name', () => {
    expect(meetingName('青山镇', 12, 3)).toBe('中国共产党青山镇第十二届代表大会第三次会议');
    expect(meetingName('白水乡', 8, 1)).toBe('中国共产党白水乡第八届代表大会第一次会议');
  });

  it('numbers sessions from one, after the highest of the term', () => {
    expect(nextSessionNumber([])).toBe(1);
    expect(nextSessionNumber([1, 2])).toBe(3);
    expect(nextSessionNumber([3, 1])).toBe(4);
  });
});
