import { chineseDate } from '../../../domain/meeting/deadlines.js';
import { chineseNumeral } from '../../../domain/meeting/name.js';

/** How official documents write numbers, dates and rules. */

/** Width in characters as the standard counts them: Latin letters and digits are half-width, Chinese punctuation (“”—…) full. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

export { chineseDate };

/** 0 → 一、 1 → 二、: the ordinal of a level-1 heading. */
export const ordinal = (i: number) => `${chineseNumeral(i + 1)}、`;
/** 0 → （一）. */
export const subOrdinal = (i: number) => `（${chineseNumeral(i + 1)}）`;

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** 2026-03-05 → 2026年3月5日（星期四）. */
export function dateWithWeekday(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return `${chineseDate(iso)}（${WEEKDAYS[day]}）`;
}

/** 09:00 → 上午9:00, 14:30 → 下午2:30, as notices write the hour. */
export function clockTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const half = h < 12 ? '上午' : '下午';
  const hour = h <= 12 ? h : h - 12;
  return `${half}${hour}:${String(m).padStart(2, '0')}`;
}


/** 2/3 → 三分之二. */
export const fractionWords = (numerator: number, denominator: number) => `${chineseNumeral(denominator)}分之${chineseNumeral(numerator)}`;

/**
 * A quorum or pass rule in a sentence: 超过应到会代表的三分之二 / 不少于应到会代表的五分之四,
 * or its negation (未超过… / 少于…) when the rule was not met.
 */
export function ruleWords(rule: { numerator: number; denominator: number; comparison: string }, basis: string, met = true): string {
  const verb = rule.comparison === 'moreThan' ? (met ? '超过' : '未超过') : met ? '不少于' : '少于';
  return `${verb}${basis}的${fractionWords(rule.numerator, rule.denominator)}`;
}

/** Characters of 2号 type on one title line, and of 3号 type on one text line, of the 156 mm block. */
export const TITLE_LINE = 20;
export const TEXT_LINE = 28;

/** Where a title may break without splitting a word: after the congress, before the meeting's matter. */
const BREAKS = /(?<=代表大会)|(?<=次会议)(?=关于)|(?<=\d日)(?=中国共产党)/;

/**
 * A long title broken where the meaning allows (GB/T 9704 7.3.3: 回行时词意完整): the text is
 * cut at the points above and the pieces packed greedily into lines of `width` characters. A
 * piece longer than a line is left for Word to wrap.
 */
export function titleLines(t: string, width = TITLE_LINE): string {
  if (textWidth(t) <= width) return t;
  const lines: string[] = [];
  for (const piece of t.split(BREAKS)) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(last + piece) <= width) lines[lines.length - 1] = last + piece;
    else lines.push(piece);
  }
  return lines.join('\n');
}

/** “、”-joined list with a final “和”: 甲、乙和丙. */
export function enumerate(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items.at(-1)}`;
}
