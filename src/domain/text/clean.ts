/**
 * Normalising the text people type into rosters: Chinese input methods switch to full-width
 * forms, Word and WPS insert no-break and ideographic spaces, and names are often padded with
 * spaces so that two-character names line up with three-character ones ('张  三').
 */

/** Spaces that mean nothing in a cell but survive copy and paste from Word/WPS/web pages. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const SPACE_RUN = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;

/**
 * Characters between which a space is only padding: Han ideographs, CJK punctuation, the
 * middle dot of minority names (阿不都·热合曼) and full-width forms outside the ASCII block.
 */
const CJK_SIDE = /[\p{Script=Han}\u3000-\u303f\u00b7\u2027\u30fb\uff00\uff5f-\uffef]/u;

/** U+FF01..U+FF5E mirror ASCII 0x21..0x7E at a fixed offset. */
const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g;

export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Excel libraries hand back rich text, hyperlinks and formula results as objects. */
function cellText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'bigint') return String(raw);
  if (typeof raw === 'boolean') return raw ? '是' : '否';
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return '';
    const iso = raw.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return o.richText.map((run) => cellText((run as { text?: unknown }).text)).join('');
    }
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
  }
  return '';
}

/** The whole code point before index i, so that rare names in CJK Extension B count as Han. */
function charBefore(text: string, i: number): string {
  const low = text.charCodeAt(i - 1);
  const pair = low >= 0xdc00 && low <= 0xdfff && i >= 2;
  return text.slice(pair ? i - 2 : i - 1, i);
}

/**
 * One roster cell as plain text: full-width ASCII made half-width (unless `keepWidth`: free
 * text such as a group name or a post is stored as typed), invisible characters
 * dropped, whitespace runs removed between two CJK characters and reduced to one space
 * elsewhere (a space beside Latin text or digits may be meaningful: 'Zhang San', '3 号').
 */
export function cleanCell(raw: unknown, options: { keepWidth?: boolean } = {}): string {
  const typed = cellText(raw);
  const text = (options.keepWidth ? typed : toHalfWidth(typed)).replace(INVISIBLE, '');
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SPACE_RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    out += text.slice(last, start);
    const before = charBefore(text, start);
    const after = String.fromCodePoint(text.codePointAt(end) ?? 0x20);
    const padding = start === 0 || end === text.length || (CJK_SIDE.test(before) && CJK_SIDE.test(after));
    if (!padding) out += ' ';
    last = end;
  }
  return out + text.slice(last);
}

/** Dots people type between the parts of a minority name; the ID card uses U+00B7. */
const NAME_DOTS = /[\u2022\u2027\u30fb\uff65\u2219\u22c5\u0387]|(?<=\p{Script=Han})\.(?=\p{Script=Han})/gu;

/** A person's name: no whitespace at all, and one kind of middle dot. */
export function cleanName(raw: unknown): string {
  return cleanCell(raw).replace(/\s+/g, '').replace(NAME_DOTS, '·');
}

/** Two texts that differ only in full- or half-width forms (（ and (, ： and :) name the same thing. */
export const matchKey = (text: string): string => toHalfWidth(text);
