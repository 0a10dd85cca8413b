/**
 * Dates as Chinese rosters hold them (出生年月, 入党时间): usually a month, sometimes a day,
 * written 1975.03, 1975年3月, 1975-03-01, as Excel serial numbers, or typed into a numeric
 * cell so that Excel keeps 1975.1 for what the person wrote as 1975.10.
 */
import { cleanCell } from '../text/clean.js';

export type RosterDateResult =
  | { ok: true; value: string; precision: 'month' | 'day'; warning?: string }
  | { ok: false; message: string };

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const DAY_MS = 86_400_000;
/** Excel serial of 2100-12-31, the last date a roster may hold. */
const MAX_SERIAL = 73_415;

const pad = (n: number) => String(n).padStart(2, '0');

type Parts = { y: number; m: number; d?: number; warning?: string };

function check(parts: Parts, label: string, shown: string): RosterDateResult {
  const { y, m, d } = parts;
  if (y < MIN_YEAR || y > MAX_YEAR) return { ok: false, message: `${label}的年份应在1900—2100之间：${shown}` };
  if (m < 1 || m > 12) return { ok: false, message: `${label}的月份不存在：${shown}` };
  const warning = parts.warning === undefined ? {} : { warning: parts.warning };
  if (d === undefined) return { ok: true, value: `${y}-${pad(m)}`, precision: 'month', ...warning };
  const t = new Date(Date.UTC(y, m - 1, d));
  if (d < 1 || t.getUTCMonth() !== m - 1) return { ok: false, message: `${label}的日期不存在：${shown}` };
  return { ok: true, value: `${y}-${pad(m)}-${pad(d)}`, precision: 'day', ...warning };
}

function fromUtcMs(ms: number): Parts {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/**
 * Excel counts days from 1900-01-00 and, copying Lotus 1-2-3, treats 1900 as a leap year:
 * serial 60 is the non-existent 1900-02-29, and every later serial is one day too high.
 */
function fromSerial(serial: number, label: string, shown: string): RosterDateResult {
  const day = Math.floor(serial);
  if (day === 60) return { ok: false, message: `${label}的日期不存在：${shown}（Excel 的 1900-02-29）` };
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return check(fromUtcMs(epoch + day * DAY_MS), label, shown);
}

/**
 * A number typed as YYYY.MM loses trailing zeros: 1975.10 is stored as 1975.1. One fraction
 * digit is therefore read as a month of 10 when it is 1 (1975.1 → October) and as the month
 * itself otherwise (1975.2 cannot be the 20th month, so it is February).
 */
function fromDecimal(n: number, label: string, shown: string): RosterDateResult {
  const [whole, fraction] = String(n).split('.');
  const y = Number(whole);
  if (fraction.length === 1) {
    if (fraction === '1') {
      const warning = `${shown} 按 ${y}年10月 处理；如指1月，请把单元格设为文本并填写 ${y}.01`;
      return check({ y, m: 10, warning }, label, shown);
    }
    return check({ y, m: Number(fraction) }, label, shown);
  }
  if (fraction.length === 2) return check({ y, m: Number(fraction) }, label, shown);
  if (fraction.length <= 4) {
    const mmdd = fraction.padEnd(4, '0');
    return check({ y, m: Number(mmdd.slice(0, 2)), d: Number(mmdd.slice(2)) }, label, shown);
  }
  return { ok: false, message: `${label}格式无法识别：${shown}` };
}

function fromNumber(n: number, label: string, shown: string): RosterDateResult {
  if (!Number.isFinite(n) || n < 1) return { ok: false, message: `${label}格式无法识别：${shown}` };
  if (n >= MIN_YEAR && n < MAX_YEAR + 1) {
    if (Number.isInteger(n)) return { ok: false, message: `${label}只有年份，请写到月份（如 1975.03）：${shown}` };
    return fromDecimal(n, label, shown);
  }
  if (Number.isInteger(n) && n >= 190_001 && n <= 210_012) {
    return check({ y: Math.floor(n / 100), m: n % 100 }, label, shown);
  }
  if (Number.isInteger(n) && n >= 19_000_101 && n <= 21_001_231) {
    return check({ y: Math.floor(n / 10_000), m: Math.floor(n / 100) % 100, d: n % 100 }, label, shown);
  }
  if (n <= MAX_SERIAL + 1) return fromSerial(n, label, shown);
  return { ok: false, message: `${label}格式无法识别：${shown}` };
}

const CN_DIGITS: Record<string, string> = {
  〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};

/** 一九七五年三月二十日 → 1975年3月20日. */
function chineseNumerals(s: string): string {
  if (!/[〇零一二三四五六七八九十]/.test(s)) return s;
  return s
    .replace(/([一二三])?十([一二三四五六七八九])?/g, (_, tens?: string, ones?: string) =>
      String((tens ? Number(CN_DIGITS[tens]) : 1) * 10 + (ones ? Number(CN_DIGITS[ones]) : 0)),
    )
    .replace(/[〇零一二三四五六七八九]/g, (ch) => CN_DIGITS[ch]);
}

const WITH_NIAN = /^(\d{4})年(\d{1,2})(?:月(?:(\d{1,2})[日号]?)?)?$/;
const SEPARATED = /^(\d{4})[.。/-](\d{1,2})(?:[.。/-](\d{1,2}))?\.?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})?$/;

function fromText(raw: unknown, label: string): RosterDateResult {
  const text = cleanCell(raw);
  if (text === '') return { ok: false, message: `${label}为空` };
  // CSV exports and ISO strings carry a time of day that means nothing here.
  const s = chineseNumerals(text.replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '')).replace(/\s+/g, '');
  const m = WITH_NIAN.exec(s) ?? SEPARATED.exec(s) ?? COMPACT.exec(s);
  if (m) {
    const parts: Parts = { y: Number(m[1]), m: Number(m[2]) };
    if (m[3] !== undefined) parts.d = Number(m[3]);
    return check(parts, label, text);
  }
  if (/^\d{1,5}$/.test(s)) return fromNumber(Number(s), label, text);
  if (/^\d{4}年?$/.test(s)) return { ok: false, message: `${label}只有年份，请写到月份（如 1975.03）：${text}` };
  if (/^\d{2}[.。/-]\d{1,2}([.。/-]\d{1,2})?$/.test(s)) {
    return { ok: false, message: `${label}的年份请写四位（如 1975.03）：${text}` };
  }
  return { ok: false, message: `${label}格式无法识别：${text}` };
}

/**
 * Reads a roster date into 'YYYY-MM' (month precision) or 'YYYY-MM-DD' (day precision).
 * `label` names the column in messages, e.g. '出生年月' gives '出生年月格式无法识别：…'.
 */
export function parseRosterDate(raw: unknown, options: { label?: string } = {}): RosterDateResult {
  const label = options.label ?? '日期';
  if (raw instanceof Date) {
    const ms = raw.getTime();
    if (Number.isNaN(ms)) return { ok: false, message: `${label}格式无法识别：无效日期` };
    // exceljs gives UTC midnight; a Date built at midnight in UTC+8 is 16:00 the day before,
    // so the nearest UTC midnight is the calendar date in either case.
    return check(fromUtcMs(Math.round(ms / DAY_MS) * DAY_MS), label, raw.toISOString().slice(0, 10));
  }
  if (typeof raw === 'number') return fromNumber(raw, label, String(raw));
  if (raw === null || raw === undefined) return { ok: false, message: `${label}为空` };
  return fromText(raw, label);
}

/** '1975-03' → '1975.03', '1975-03-01' → '1975.03.01', the way rosters print dates. */
export function formatRosterDate(value: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!m) throw new RangeError(`不是规范的日期：${value}`);
  return m[3] === undefined ? `${m[1]}.${m[2]}` : `${m[1]}.${m[2]}.${m[3]}`;
}
