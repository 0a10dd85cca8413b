/**
 * Recognising the header row of a roster workbook as organization departments keep them:
 * a title row (often merged) above the header, header texts that vary from county to county
 * (出生年月 / 出生日期, 联系电话 / 手机号码 …), typed with stray spaces, line breaks, full-width
 * brackets and notes such as “（必填）”.
 */
import { cleanCell } from '../text/clean.js';
import type { DelegateInputT } from '../schemas/roster.js';

/** A DelegateInput field, plus the delegate group a row assigns its delegate to. */
export type RosterField = keyof DelegateInputT | 'group';

/** The columns of an exported roster and of the template, in this order. */
export const ROSTER_COLUMNS: readonly { field: RosterField | 'seq'; header: string }[] = [
  { field: 'seq', header: '序号' },
  { field: 'name', header: '姓名' },
  { field: 'gender', header: '性别' },
  { field: 'ethnicity', header: '民族' },
  { field: 'birthDate', header: '出生年月' },
  { field: 'partyJoinDate', header: '入党时间' },
  { field: 'education', header: '学历' },
  { field: 'workplace', header: '工作单位及职务' },
  { field: 'category', header: '代表类别' },
  { field: 'electoralUnit', header: '选举单位' },
  { field: 'group', header: '代表小组' },
  { field: 'phone', header: '联系电话' },
  { field: 'idNumber', header: '公民身份号码' },
];

export const FIELD_LABELS = Object.fromEntries(
  ROSTER_COLUMNS.filter((c) => c.field !== 'seq').map((c) => [c.field, c.header]),
) as Record<RosterField, string>;

const SYNONYMS: Record<RosterField | 'seq', readonly string[]> = {
  seq: ['序号', '编号', '序'],
  name: ['姓名', '代表姓名', '名字'],
  gender: ['性别'],
  ethnicity: ['民族'],
  birthDate: ['出生年月', '出生日期', '出生时间', '出生年月日'],
  partyJoinDate: ['入党时间', '入党年月', '入党日期', '入党年月日'],
  education: ['学历', '文化程度', '全日制学历', '最高学历', '学历学位'],
  workplace: ['工作单位及职务', '单位职务', '单位及职务', '工作单位及职务职称', '工作单位和职务', '工作单位', '职务', '现任职务', '单位'],
  category: ['代表类别', '类别', '代表构成', '代表类型'],
  electoralUnit: ['选举单位', '选区', '原选举单位'],
  group: ['代表小组', '所在小组', '小组', '所在代表小组', '代表团'],
  phone: ['联系电话', '手机号码', '手机', '电话', '手机号', '联系方式'],
  idNumber: ['公民身份号码', '身份证号', '身份证号码', '身份证'],
};

const LOOKUP = new Map<string, RosterField | 'seq'>();
for (const [field, names] of Object.entries(SYNONYMS)) {
  for (const n of names) LOOKUP.set(n, field as RosterField | 'seq');
}

/**
 * The header text reduced to what identifies it: no whitespace or line breaks at all, no
 * required-field marks, and no trailing note in brackets (“出生年月（格式：1975.03）”).
 */
export function normaliseHeader(raw: unknown): string {
  return cleanCell(raw)
    .replace(/\s+/g, '')
    .replace(/[*※★]/g, '')
    .replace(/[(（【[][^)）】\]]*[)）】\]]$/u, '')
    .replace(/[:：]$/, '');
}

/** The field a header names, 'seq' for the running number, or null when unknown. */
export function recogniseHeader(raw: unknown): RosterField | 'seq' | null {
  const key = normaliseHeader(raw);
  if (key === '') return null;
  return LOOKUP.get(key) ?? null;
}

export interface HeaderColumn {
  /** 1-based column number, as Excel and exceljs count. */
  index: number;
  /** The header text as the file has it (trimmed), for messages that name the column. */
  header: string;
  field: RosterField | null;
}

export interface HeaderMatch {
  /** 1-based row number of the header within the scanned rows. */
  rowNumber: number;
  columns: HeaderColumn[];
  /** Headers present in the file that are not imported (unknown or a second column for the same field). */
  ignored: string[];
  /** The fields found; a field absent from the file is left unchanged by a re-import. */
  fields: Set<RosterField>;
}

export const HEADER_SCAN_ROWS = 10;

/**
 * Maps one candidate row. The workplace may come as one column or as 工作单位 plus 职务 (both
 * map to `workplace` and are joined in column order); any other field named twice keeps its
 * first column.
 */
export function mapHeaderRow(cells: readonly unknown[], rowNumber: number): HeaderMatch {
  const columns: HeaderColumn[] = [];
  const ignored: string[] = [];
  const fields = new Set<RosterField>();
  for (let index = 1; index < cells.length; index++) {
    const header = cleanCell(cells[index]).trim();
    if (header === '') continue;
    const found = recogniseHeader(header);
    let field: RosterField | null = null;
    if (found === null) ignored.push(header);
    else if (found !== 'seq') {
      if (!fields.has(found) || found === 'workplace') field = found;
      else ignored.push(header);
    }
    if (field) fields.add(field);
    columns.push({ index, header, field });
  }
  return { rowNumber, columns, ignored, fields };
}

/**
 * Finds the header among the first rows: the row naming the most known fields, which must
 * include 姓名 and at least two others. `rows[i]` holds row i+1's cells indexed by column
 * number (index 0 unused), the shape exceljs gives as `row.values`.
 */
export function findHeaderRow(rows: readonly (readonly unknown[] | undefined)[]): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const cells = rows[i];
    if (!cells) continue;
    const m = mapHeaderRow(cells, i + 1);
    if (!m.fields.has('name') || m.fields.size < 3) continue;
    if (!best || m.fields.size > best.fields.size) best = m;
  }
  return best;
}

/** Why no header was found, in words an officer can act on. */
export const NO_HEADER_MESSAGE =
  `前 ${HEADER_SCAN_ROWS} 行中没有找到表头：表头行须包含“姓名”及至少两个其他列（如“性别”“出生年月”“公民身份号码”），请对照模板检查`;
