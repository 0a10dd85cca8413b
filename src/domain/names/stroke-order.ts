/**
 * 姓氏笔画为序: the order of candidate lists, ballots and name lists in official documents.
 *
 * Surname first, by stroke count, then stroke by stroke in the order 横 竖 撇 点 折; within
 * one surname, one-character given names before two-character ones (the missing second
 * character counts as a blank, as the party congress and CPPCC lists do); then the given
 * name's characters the same way.
 *
 * The five classes follow 《现代汉语通用字笔顺规范》 (1997): 提 counts as 横, 竖钩 (亅) as 竖,
 * 捺 as 点, every other hook or turn as 折. DOMAIN.md's shorthand "hooks as 折" would put
 * 竖钩 under 折; that puts 杨 (12345 3 3) before 李 (12345 2 1), the opposite of every
 * official list (十九届中央政治局委员: 李希、李强、李克强、李鸿忠、杨洁篪、杨晓渡).
 */
import cnchar from 'cnchar';
import order from 'cnchar-order';
import { cleanName } from '../text/clean.js';
import { derivedStrokeSequence } from './stroke-fallback.js';

cnchar.use(order);

/**
 * cnchar-order writes each stroke as a letter (see cnchar.orderToWord.orders). Letters not
 * listed here are turns and hooks other than 竖钩 (横折, 横撇|横钩, 弯钩, 斜钩, 竖提, …): 折.
 */
const CLASS_OF_LETTER: Readonly<Record<string, string>> = {
  j: '1', // 横
  i: '1', // 提
  f: '2', // 竖
  g: '2', // 竖钩
  s: '3', // 撇
  k: '4', // 点
  d: '4', // 点 (cnchar's second kind of dot: 心, 火, 宀)
  l: '4', // 捺
};

/** Compound surnames (复姓), recognised only in names of three characters or more. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯', '长孙', '宇文',
];
const COMPOUND = new Set(COMPOUND_SURNAMES);

/**
 * Stroke classes of one character, e.g. 习 → '541': cnchar's, else derived from the
 * character's components (stroke-fallback.ts); null when neither knows it.
 */
export function strokeSequence(ch: string): string | null {
  return cncharSequence(ch) ?? derivedStrokeSequence(ch, cncharSequence);
}

/** cnchar's own sequence, without the fallback. */
export function cncharSequence(ch: string): string | null {
  const letters = cnchar.stroke(ch, 'order') as (string | null | undefined)[];
  const first = letters[0];
  if (typeof first !== 'string' || first === '') return null;
  let out = '';
  for (const letter of first) out += CLASS_OF_LETTER[letter] ?? '5';
  return out;
}

const charKeys = new Map<string, string>();

/**
 * A fixed-width tail (the code point) keeps two characters with the same strokes (田/由,
 * 己/已) apart and in a stable order. Characters of equal stroke count have sequences of
 * equal length, so comparing two keys never runs from one character into the next.
 */
function charKey(ch: string): string {
  let key = charKeys.get(ch);
  if (key !== undefined) return key;
  const tail = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(6, '0');
  const seq = strokeSequence(ch);
  const count = seq === null ? (cnchar.stroke(ch) as number) : seq.length;
  if (seq !== null) key = pad2(seq.length) + seq + tail;
  // A stroke count without the order still places the character among its count, after
  // every character whose order is known; no count at all (Latin, rare) sorts after all.
  else if (count > 0) key = pad2(count) + '6' + tail;
  else key = 'x' + tail;
  charKeys.set(ch, key);
  return key;
}

const pad2 = (n: number) => String(Math.min(n, 99)).padStart(2, '0');

/** Splits a name into surname and given name, recognising the compound surnames above. */
export function splitName(name: string): { surname: string; given: string } {
  const chars = Array.from(cleanName(name));
  const n = chars.length >= 3 && COMPOUND.has(chars[0] + chars[1]) ? 2 : Math.min(chars.length, 1);
  return { surname: chars.slice(0, n).join(''), given: chars.slice(n).join('') };
}

/**
 * An ASCII key whose plain comparison (`<`, PostgreSQL COLLATE "C") gives the official order,
 * so a server can store it in an indexed column and page through long lists cheaply.
 * '-' sorts below every character key, so a surname sorts before a longer one it begins
 * (欧 before 欧阳); the given name's length comes next, then its characters.
 */
export function strokeSortKey(name: string): string {
  const { surname, given } = splitName(name);
  if (surname === '') return '~';
  const givenChars = Array.from(given);
  let key = '';
  for (const ch of surname) key += charKey(ch);
  key += '-' + pad2(givenChars.length);
  for (const ch of givenChars) key += charKey(ch);
  return key;
}

export function compareByStrokes(a: string, b: string): number {
  const ka = strokeSortKey(a);
  const kb = strokeSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** A sorted copy; each name's key is computed once, and equal names keep their input order. */
export function sortByStrokes<T>(items: readonly T[], getName: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, key: strokeSortKey(getName(item)) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
    .map((entry) => entry.item);
}
