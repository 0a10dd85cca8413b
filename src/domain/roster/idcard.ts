/**
 * Resident ID numbers (公民身份号码, GB 11643-1999) and phone numbers as they arrive in
 * rosters, and the masks lists and exports show when the viewer may not see them in full.
 */
import { cleanCell } from '../text/clean.js';

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; gender: '男' | '女' }
  | { ok: false; message: string };

export type PhoneResult =
  | { ok: true; value: string; kind: 'mobile' | 'landline' }
  | { ok: false; message: string };

/** ISO 7064 MOD 11-2: weight of position i is 2^(17-i) mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Checks an 18-character ID number. `today` (YYYY-MM-DD), when given, also rejects birth
 * dates in the future; the function reads no clock itself.
 */
export function validateIdNumber(raw: unknown, options: { today?: string } = {}): IdNumberResult {
  // Excel turns a long digit string into a float and silently loses the last digits.
  if (typeof raw === 'number') {
    return { ok: false, message: '身份证号被 Excel 存成了数字，末几位已丢失，请把该列设为“文本”后重新填写' };
  }
  const value = cleanCell(raw).replace(/[\s-]/g, '').toUpperCase();
  if (value === '') return { ok: false, message: '身份证号为空' };
  if (/^\d{15}$/.test(value)) return { ok: false, message: '15位旧身份证号已停用，请填写18位身份证号' };
  if (value.length !== 18) return { ok: false, message: `身份证号应为18位，现为${value.length}位` };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, message: '身份证号只能由数字和末位的X组成' };
  if (!/^[1-8]/.test(value)) return { ok: false, message: '身份证号前6位不是有效的地区代码' };

  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birthDate = value.slice(6, 10) + '-' + value.slice(10, 12) + '-' + value.slice(12, 14);
  if (y < 1900 || !isRealDate(y, m, d)) {
    return { ok: false, message: `身份证号中的出生日期无效：${birthDate}` };
  }
  if (options.today !== undefined && birthDate > options.today) {
    return { ok: false, message: `身份证号中的出生日期晚于今天：${birthDate}` };
  }
  if (idCheckDigit(value) !== value[17]) return { ok: false, message: '身份证号校验位错误' };

  // The 17th digit is the sequence code: odd for men, even for women.
  const gender = Number(value[16]) % 2 === 1 ? '男' : '女';
  return { ok: true, value, birthDate, gender };
}

/** 110105********1234: keeps the region and the last four, which people use to tell two apart. */
export function maskIdNumber(v: string): string {
  if (v.length <= 10) return '*'.repeat(v.length);
  return v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4);
}

/** 138****5678 for mobiles, 0571-****6666 for landlines. */
export function maskPhone(v: string): string {
  const dash = v.indexOf('-');
  if (dash > 0) {
    const local = v.slice(dash + 1).split('-')[0];
    return v.slice(0, dash + 1) + maskMiddle(local, 0);
  }
  return maskMiddle(v, 3);
}

function maskMiddle(s: string, keepStart: number): string {
  if (s.length <= keepStart + 4) return '*'.repeat(s.length);
  return s.slice(0, keepStart) + '*'.repeat(s.length - keepStart - 4) + s.slice(-4);
}

/** Area codes: 010 and 02X are three digits; every other one is four (0571, 0991). */
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))([2-9]\d{6,7})$/;
const EXTENSION = /^(.*?)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;
const SEPARATORS = /[\s()（）\-—–.]/g;

type Parsed = { value: string; kind: 'mobile' | 'landline' } | { error: string };

function parseDigits(main: string, ext: string | undefined): Parsed | null {
  const international = /^\s*(?:\+|00)86/.test(main);
  let digits = main.replace(SEPARATORS, '').replace(/^(?:\+|00)?86(?=1\d{10}$)/, '');
  if (/^1\d{10}$/.test(digits)) {
    if (ext !== undefined) return null;
    if (!/^1[3-9]/.test(digits)) return { error: '手机号码不存在' };
    return { value: digits, kind: 'mobile' };
  }
  // +86 571 8888 6666 drops the trunk 0 of the area code.
  if (international) digits = '0' + digits.replace(/^(?:\+|00)86/, '');
  const landline = LANDLINE.exec(digits);
  if (!landline) return null;
  return { value: [landline[1], landline[2], ext].filter(Boolean).join('-'), kind: 'landline' };
}

/**
 * A mainland mobile (1[3-9] and nine digits) or a landline with its area code. Mobiles come
 * back as 11 digits, landlines as 0571-88886666, or 0571-88886666-123 with an extension.
 */
export function validatePhone(raw: unknown): PhoneResult {
  const text = cleanCell(raw);
  if (text === '') return { ok: false, message: '电话号码为空' };
  const marked = EXTENSION.exec(text);
  // A trailing "-123" is an extension only if the number does not parse with it attached.
  const dashed = /^(.*\d)-(\d{1,6})$/.exec(text);
  const attempts: [string, string | undefined][] = marked
    ? [[marked[1], marked[2]]]
    : dashed
      ? [[text, undefined], [dashed[1], dashed[2]]]
      : [[text, undefined]];
  for (const [main, ext] of attempts) {
    const parsed = parseDigits(main, ext);
    if (parsed === null) continue;
    if ('error' in parsed) return { ok: false, message: `${parsed.error}：${text}` };
    return { ok: true, ...parsed };
  }
  if (/^[2-9]\d{6,7}$/.test(text.replace(SEPARATORS, ''))) {
    return { ok: false, message: `固定电话请带区号，如 0571-88886666：${text}` };
  }
  return { ok: false, message: `电话号码格式无法识别：${text}` };
}
