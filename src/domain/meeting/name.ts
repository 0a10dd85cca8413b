/**
 * The official name of an annual meeting (DOMAIN.md §1):
 * 中国共产党{乡镇}第{届}届代表大会第{次}次会议, with Chinese numerals (第十二届, 第三次).
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (1–999, as official names write them). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`无法写成中文数字：${n}`);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let s = '';
  if (hundreds) s += `${DIGITS[hundreds]}百`;
  if (tens) s += tens === 1 && !hundreds ? '十' : `${DIGITS[tens]}十`;
  else if (hundreds && ones) s += '零';
  if (ones) s += DIGITS[ones];
  return s;
}

export function meetingName(townshipName: string, termNumber: number, sessionNumber: number): string {
  return `中国共产党${townshipName}第${chineseNumeral(termNumber)}届代表大会第${chineseNumeral(sessionNumber)}次会议`;
}

/** The session number of a new meeting: one more than the highest of the term (1-based). */
export function nextSessionNumber(existing: readonly number[]): number {
  return existing.reduce((max, n) => Math.max(max, n), 0) + 1;
}
