/**
 * One data row of a roster workbook → the delegate it describes, with every problem named by
 * row and column the way an officer reads the sheet: 第7行“出生年月”：….
 */
import { cleanCell, cleanName } from '../text/clean.js';
import { DelegateInput, type DelegateInputT } from '../schemas/roster.js';
import { parseRosterDate } from './dates.js';
import { validateIdNumber } from './idcard.js';
import { FIELD_LABELS, type HeaderColumn, type RosterField } from './headers.js';

export interface RowProblem {
  /** The header text as the file has it, or the standard header when the column is absent. */
  column: string;
  field: RosterField | null;
  message: string;
}

/** What the row says, cleaned; a value that could not be read is kept as typed for the preview. */
export type RosterRowValues = { [K in RosterField]?: string | null };

export interface ImportedRow {
  rowNumber: number;
  values: RosterRowValues;
  /** The valid delegate, or null when the row has problems. */
  input: DelegateInputT | null;
  group: string | null;
  problems: RowProblem[];
  /** Readings that are probably right but worth a look (1975.1 read as October). */
  warnings: string[];
}

export function rowMessage(rowNumber: number, column: string, message: string): string {
  return `第${rowNumber}行“${column}”：${message}`;
}

export function rowProblem(rowNumber: number, column: string, field: RosterField | null, message: string): RowProblem {
  return { column, field, message: rowMessage(rowNumber, column, message) };
}

/** Free text kept as typed (full-width brackets stay full-width); codes and dates are read half-width. */
const AS_TYPED = new Set<RosterField>(['education', 'workplace', 'category', 'electoralUnit', 'group']);

const GENDERS: Record<string, '男' | '女'> = { 男: '男', 女: '女', 男性: '男', 女性: '女', 男士: '男', 女士: '女' };

/** 汉 → 汉族, 蒙古 → 蒙古族; names already complete, 其他 and 穿青人 stay as they are. */
function normaliseEthnicity(text: string): string {
  if (!/^\p{Script=Han}{1,4}$/u.test(text) || /[族人]$/.test(text) || /^(其他|未识别|不详)/.test(text)) return text;
  return `${text}族`;
}

/** A row whose imported columns are all empty: blank lines, or trailing lines with only a 序号. */
export function isBlankRow(cells: readonly unknown[], columns: readonly HeaderColumn[]): boolean {
  return columns.every((c) => c.field === null || cleanCell(cells[c.index]).trim() === '');
}

/** The template's sample row carries 示例 in its first column and is never imported. */
export function isSampleRow(cells: readonly unknown[], columns: readonly HeaderColumn[]): boolean {
  const first = columns[0];
  return !!first && first.field === null && cleanCell(cells[first.index]).trim() === '示例';
}

/**
 * Cleans and checks one row. `cells` is indexed by column number (exceljs `row.values`).
 * Checks that need the server (ID-number checksum against birth date and gender, phone
 * format, duplicates, the database) come afterwards, in the import service.
 */
export function importRow(rowNumber: number, cells: readonly unknown[], columns: readonly HeaderColumn[]): ImportedRow {
  const values: RosterRowValues = {};
  const problems: RowProblem[] = [];
  const warnings: string[] = [];
  const columnOf = new Map<RosterField, string>();
  const add = (field: RosterField, message: string) =>
    problems.push(rowProblem(rowNumber, columnOf.get(field) ?? FIELD_LABELS[field], field, message));

  const candidate: Record<string, unknown> = {};
  for (const col of columns) {
    const field = col.field;
    if (!field) continue;
    const raw = cells[col.index];
    if (!columnOf.has(field)) columnOf.set(field, col.header);
    const text = field === 'name' ? cleanName(raw) : cleanCell(raw, { keepWidth: AS_TYPED.has(field) }).trim();
    if (field === 'workplace') {
      // 工作单位 and 职务 in two columns read as one “工作单位及职务”.
      const joined = [values.workplace, text].filter(Boolean).join('');
      values.workplace = joined || null;
      candidate.workplace = joined || null;
      continue;
    }
    values[field] = text || null;
    if (text === '') {
      candidate[field] = field === 'ethnicity' ? undefined : null;
      continue;
    }
    switch (field) {
      case 'birthDate':
      case 'partyJoinDate': {
        const d = parseRosterDate(raw, { label: '日期' });
        if (d.ok) {
          values[field] = d.value;
          candidate[field] = d.value;
          if (d.warning) warnings.push(rowMessage(rowNumber, col.header, d.warning));
        } else {
          candidate[field] = null;
          add(field, d.message);
        }
        break;
      }
      case 'gender': {
        const g = GENDERS[text];
        if (g) values.gender = g;
        candidate.gender = g ?? text;
        break;
      }
      case 'ethnicity':
        values.ethnicity = normaliseEthnicity(text);
        candidate.ethnicity = values.ethnicity;
        break;
      case 'idNumber':
        if (typeof raw === 'number') {
          const r = validateIdNumber(raw);
          if (!r.ok) add(field, r.message);
          candidate.idNumber = null;
        } else candidate.idNumber = text.replace(/\s+/g, '').toUpperCase();
        values.idNumber = (candidate.idNumber as string | null) ?? text;
        break;
      default:
        candidate[field] = text;
    }
  }

  // Officers often leave 性别 empty when the ID number already says it.
  if (!candidate.gender && typeof candidate.idNumber === 'string') {
    const id = validateIdNumber(candidate.idNumber);
    if (id.ok) {
      candidate.gender = id.gender;
      values.gender = id.gender;
    }
  }

  const group = (values.group as string | null | undefined) ?? null;
  delete candidate.group;
  const parsed = DelegateInput.safeParse(candidate);
  if (!parsed.success) {
    const reported = new Set(problems.map((p) => p.field));
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as RosterField | undefined;
      if (!field || reported.has(field)) continue;
      reported.add(field);
      const message = field === 'name' && issue.code === 'invalid_type' ? '请填写姓名' : issue.message;
      add(field, message);
    }
  }
  if (group && group.length > 40) add('group', '不能超过 40 个字');

  problems.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field));
  const ok = problems.length === 0 && parsed.success;
  if (parsed.success) values.ethnicity = parsed.data.ethnicity;
  return { rowNumber, values, input: ok ? parsed.data : null, group, problems, warnings };
}

const ORDER = Object.keys(FIELD_LABELS) as RosterField[];
const fieldOrder = (f: RosterField | null) => (f ? ORDER.indexOf(f) : ORDER.length);
