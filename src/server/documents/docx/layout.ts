import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { FONTS, fontTableXml, runFont, type FontRole } from './fonts.js';
import { TEXT_LINE, TITLE_LINE, textWidth, titleLines } from './wording.js';

/**
 * The page of GB/T 9704-2012 (党政机关公文格式): A4, 版心 156 mm × 225 mm with 天头 37 mm and
 * 订口 28 mm, 22 lines of 28 characters of 3号 (16 pt) text. Word measures in twips (1/20 pt).
 */
export const mm = (v: number) => Math.round((v * 1440) / 25.4);

export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
} as const;

/** Half-points, as Word stores font sizes: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZE = { title: 44, body: 32, table: 28, pageNumber: 28 } as const;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const TEXT_HEIGHT = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;
/** 225 mm / 22 lines ≈ 28.95 pt; rounded down so that the 22nd line never spills over. */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);
/**
 * 156 mm holds 27.6 characters of 16 pt; tightening each character by a quarter point makes
 * exactly 28 fit (and 29 not): 28 × 315 ≤ 8845 < 29 × 315 twips.
 */
export const CHAR_SPACING = Math.floor(TEXT_WIDTH / CHARS_PER_LINE) - SIZE.body * 10;
export const CHAR_PITCH = SIZE.body * 10 + CHAR_SPACING;

const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

export function run(text: string, role: FontRole = 'body', size: number = SIZE.body, extra: { bold?: boolean } = {}) {
  return new TextRun({ text, font: runFont(role), size, characterSpacing: CHAR_SPACING, ...extra });
}

/** 标题: 2号小标宋, centred, broken into lines where the meaning allows (or at '\n'). */
export function title(text: string): Paragraph[] {
  return (text.includes('\n') ? text : titleLines(text, TITLE_LINE)).split('\n').map((line) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run(line, 'title', SIZE.title)] }));
}

/** A centred 楷体 line under a title, e.g. the adoption line of a resolution, broken like a title. */
export function subtitle(text: string): Paragraph[] {
  return titleLines(text, TEXT_LINE)
    .split('\n')
    .map((line) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run(line, 'heading2')] }));
}

export const blank = () => new Paragraph({ spacing: exact, children: [run('')] });

/** 主送机关: flush left, ending with a full-width colon. */
export function addressee(text: string): Paragraph {
  return new Paragraph({ spacing: exact, children: [run(text.endsWith('：') ? text : `${text}：`)] });
}

const HEADING1 = /^[一二三四五六七八九十]+、/;
const HEADING2 = /^（[一二三四五六七八九十]+）/;

/**
 * 正文 paragraphs, indented two characters. A paragraph opening “一、” is a level-1 heading in
 * 黑体 and one opening “（一）” a level-2 heading in 楷体: the heading runs to its first “。”
 * and any text after it stays in 仿宋, as the standard's examples show.
 */
export function body(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((line) => {
      const role: FontRole | null = HEADING1.test(line) ? 'heading1' : HEADING2.test(line) ? 'heading2' : null;
      const cut = line.indexOf('。');
      const head = role ? (cut >= 0 ? line.slice(0, cut + 1) : line) : '';
      const rest = line.slice(head.length);
      return paragraph([...(head ? [run(head, role!)] : []), ...(rest ? [run(rest)] : [])], { keepNext: !!head && !rest });
    });
}

/** A 正文 paragraph of plain text, taken as written (no heading detection). */
export const text = (t: string, opts: { indent?: boolean } = {}) => paragraph([run(t)], opts);

/** 一级标题 “一、…” in 黑体, as its own line, kept on the page of the text it heads. */
export const heading1 = (t: string) => paragraph([run(t, 'heading1')], { keepNext: true });

/** 二级标题 “（一）…” in 楷体; `rest` continues the paragraph in 仿宋. */
export const heading2 = (t: string, rest = '') => paragraph([run(t, 'heading2'), ...(rest ? [run(rest)] : [])], { keepNext: !rest });

/** One 正文 paragraph of ready runs, justified, first line indented two characters. */
export function paragraph(children: TextRun[], opts: { indent?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    keepNext: opts.keepNext,
    spacing: exact,
    indent: opts.indent === false ? undefined : { firstLine: 2 * CHAR_PITCH },
    children,
  });
}

/**
 * 发文机关署名 and 成文日期 (GB/T 9704 7.3.5): one blank line below the text, the date
 * right-aligned four characters in, the issuer centred above the date.
 */
export function signature(issuer: string | null, dateText: string): Paragraph[] {
  const dateIndent = 4 * CHAR_PITCH;
  // keepNext: the signature never stands alone at the top of a page without its date.
  const out = [new Paragraph({ spacing: exact, keepNext: true, children: [run('')] })];
  if (issuer) {
    const shift = Math.max(0, 4 + (textWidth(dateText) - textWidth(issuer)) / 2);
    out.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact, keepNext: true, indent: { right: Math.round(shift * CHAR_PITCH) }, children: [run(issuer)] }));
  }
  out.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exact, indent: { right: dateIndent }, children: [run(dateText)] }));
  return out;
}

/** 页码: 4号半角宋体 “— 1 —”, odd pages on the right and even pages on the left, one character in. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const font = runFont('pageNumber');
  const oneChar = SIZE.pageNumber * 10;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        children: [new TextRun({ font, size: SIZE.pageNumber, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

export interface OfficialDocument {
  /** Document properties title (shown by Word's file info). */
  title: string;
  children: FileChild[];
}

/** The section every official document uses: page, margins, line grid and page numbers. */
function section(children: FileChild[]): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        // The page number sits 7 mm below the text block; the footer distance is measured from the page edge.
        margin: { ...PAGE.margin, header: mm(15), footer: mm(25), gutter: 0 },
      },
      grid: { type: 'default', linePitch: LINE_PITCH },
    },
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children,
  };
}

export function officialDocument(d: OfficialDocument): Document {
  return new Document({
    title: d.title,
    creator: '年会',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: runFont('body'), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: exact },
        },
      },
    },
    sections: [section(d.children)],
  });
}

/** Bytes of the .docx, with the font table that names each font's substitute. */
export async function packDocument(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}

export { FONTS };
