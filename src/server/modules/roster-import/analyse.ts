import { FIELD_LABELS, type HeaderMatch, type RosterField } from '../../../domain/roster/headers.js';
import { importRow, isBlankRow, isSampleRow, rowProblem, type ImportedRow, type RowProblem, type RosterRowValues } from '../../../domain/roster/import-row.js';
import type { DelegateInputT } from '../../../domain/schemas/roster.js';
import type { RosterSheet } from '../../documents/roster-xlsx.js';
import type { FieldCipher } from '../../security/crypto.js';
import { cleanCell, matchKey } from '../../../domain/text/clean.js';
import { FOOTER_REASON, footerStart } from '../../../domain/roster/footer.js';
import { maskIdNumber, maskPhone } from '../../../domain/roster/idcard.js';
import { checkDelegate } from '../roster/record.js';
import { lifeDateProblems, refineBirthDate } from '../../../domain/roster/life-dates.js';
import { validateIdNumber } from '../../../domain/roster/idcard.js';
import type { ExistingDelegate } from './repository.js';

export type ImportPhase = 'read' | 'check' | 'write';
export type ProgressFn = (phase: ImportPhase, done: number, total: number) => void;

/** A cleaned row ready for matching: the delegate, its normalised numbers and their digests. */
export interface ParsedRow extends ImportedRow {
  phone: string | null;
  idNumber: string | null;
  /** Keyed digests, computed only when there are stored delegates to compare with. */
  idHash?: string | null;
  phoneHash?: string | null;
}

/** A row below the header that is not a delegate, shown in the preview with why. */
export interface SkippedRow {
  rowNumber: number;
  text: string;
  reason: string;
}

export interface ParsedRoster {
  sheetName: string;
  header: HeaderMatch;
  rows: ParsedRow[];
  skipped: SkippedRow[];
}

const NO_VALUES: RosterRowValues = Object.freeze({});

const nameKey = (name: string, birthDate: string | null | undefined) => `${name}\u0000${birthDate ?? ''}`;

/** The header text of the file's column for a field, for messages. */
function columnName(header: HeaderMatch, field: RosterField): string {
  return header.columns.find((c) => c.field === field)?.header ?? FIELD_LABELS[field];
}

/**
 * Cleans every data row (no database): blank and sample rows skipped, the domain checks, the
 * ID-number and phone checks shared with the form, and duplicates within the file.
 */
export function parseRoster(sheet: RosterSheet, onRow?: (done: number, total: number) => void, today = localToday()): ParsedRoster {
  const { header } = sheet;
  const rows: ParsedRow[] = [];
  const byId = new Map<string, number>();
  const byName = new Map<string, number>();
  const skipped: SkippedRow[] = [];
  const total = sheet.rows.length;
  const footer = footerStart(sheet.rows.map((r) => r.cells));
  for (let i = 0; i < total; i++) {
    const raw = sheet.rows[i]!;
    // Let the raw cells go as soon as they are read: a large file's memory is mostly these.
    (sheet.rows as unknown[])[i] = null;
    if (onRow && i % 5000 === 0) onRow(i, total);
    if (i >= footer) {
      const text = rowText(raw.cells);
      if (text !== '') skipped.push({ rowNumber: raw.rowNumber, text, reason: FOOTER_REASON });
      continue;
    }
    if (isBlankRow(raw.cells, header.columns) || isSampleRow(raw.cells, header.columns)) continue;
    const r = importRow(raw.rowNumber, raw.cells, header.columns);
    const row = r as ParsedRow;
    // The ID-number and phone checks run even on a row with other problems, so that the
    // preview lists all of a row's problems at once; fields already reported are not re-checked.
    const reported = new Set(r.problems.map((p) => p.field));
    const checked = checkDelegate(probe(r, reported));
    for (const p of checked.problems) {
      if (!reported.has(p.field)) row.problems.push(rowProblem(r.rowNumber, columnName(header, p.field), p.field, p.message));
    }
    for (const p of lifeDateProblems(r.input?.birthDate ?? okValue(r, reported, 'birthDate'), r.input?.partyJoinDate ?? okValue(r, reported, 'partyJoinDate'), today)) {
      if (!row.problems.some((q) => q.field === p.field)) row.problems.push(rowProblem(r.rowNumber, columnName(header, p.field), p.field, p.message));
    }
    row.phone = checked.phone;
    row.idNumber = checked.idNumber;
    if (r.input && checked.idNumber && row.problems.length === 0) {
      const id = validateIdNumber(checked.idNumber);
      if (id.ok) r.input.birthDate = refineBirthDate(r.input.birthDate, id.birthDate);
    }
    if (checked.idNumber) {
      const first = byId.get(checked.idNumber);
      if (first !== undefined) {
        row.problems.push(rowProblem(r.rowNumber, columnName(header, 'idNumber'), 'idNumber', `与第${first}行的身份证号重复（同一人出现两次？）`));
      } else byId.set(checked.idNumber, r.rowNumber);
    } else if (r.input) {
      const key = nameKey(r.input.name, r.input.birthDate);
      const first = byName.get(key);
      if (first !== undefined) {
        row.problems.push(rowProblem(r.rowNumber, columnName(header, 'name'), 'name', `与第${first}行姓名、出生年月相同且都没有身份证号，无法区分，请填写身份证号`));
      } else byName.set(key, r.rowNumber);
    }
    if (row.problems.length > 0) row.input = null;
    // A valid row's values are its input; keeping both would double a large file's memory.
    else row.values = NO_VALUES;
    rows.push(row);
  }
  onRow?.(total, total);
  return { sheetName: sheet.sheetName, header, rows, skipped };
}

const rowText = (cells: readonly unknown[]) =>
  cells.slice(1).map((c) => cleanCell(c, { keepWidth: true }).trim()).filter(Boolean).join(' ').slice(0, 200);

const okValue = (r: ImportedRow, reported: Set<RosterField | null>, f: 'birthDate' | 'partyJoinDate') => (reported.has(f) ? null : (r.values[f] ?? null));

/** Today in China, where every township is: the rule must not see tomorrow a day early. */
function localToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** What checkDelegate needs of a row, leaving out values already found wrong. */
function probe(r: ImportedRow, reported: Set<RosterField | null>): DelegateInputT {
  if (r.input) return r.input;
  const v = r.values;
  const ok = (f: RosterField) => (reported.has(f) ? null : (v[f] ?? null));
  const gender = v.gender === '男' || v.gender === '女' ? v.gender : undefined;
  return { name: v.name ?? '', gender: gender!, ethnicity: '', birthDate: ok('birthDate'), partyJoinDate: ok('partyJoinDate'), phone: ok('phone'), idNumber: ok('idNumber') };
}

export interface Lookup {
  delegates: ExistingDelegate[];
  unitNames: Map<string, string>;
  /** group id → name, and each delegate's group ids. */
  groupNames: Map<string, string>;
  memberOf: Map<string, Set<string>>;
}

export interface MatchedRow {
  row: ParsedRow;
  action: 'create' | 'update';
  existing: ExistingDelegate | null;
  changes: FieldChange[];
}

/**
 * Finds each row's delegate in the current term: by ID-number digest when the row has one
 * (falling back to name + birth date among delegates still without an ID number, so adding
 * ID numbers to a roster does not duplicate it), otherwise by name + birth date.
 */
export function matchRows(parsed: ParsedRoster, lookup: Lookup, cipher: FieldCipher): MatchedRow[] {
  const byHash = new Map<string, ExistingDelegate>();
  const byName = new Map<string, ExistingDelegate[]>();
  for (const d of lookup.delegates) {
    if (d.idNumberHash) byHash.set(d.idNumberHash, d);
    const k = nameKey(d.name, d.birthDate);
    const list = byName.get(k);
    if (list) list.push(d);
    else byName.set(k, [d]);
  }
  const claimed = new Map<string, number>();
  const out: MatchedRow[] = [];
  const compare = lookup.delegates.length > 0;
  for (const row of parsed.rows) {
    if (compare) {
      row.idHash = row.idNumber ? cipher.digest(row.idNumber) : null;
      row.phoneHash = row.phone ? cipher.digest(row.phone) : null;
    }
    const input = row.input;
    if (!input) {
      out.push({ row, action: 'create', existing: null, changes: [] });
      continue;
    }
    let existing: ExistingDelegate | null = null;
    const sameName = byName.get(nameKey(input.name, input.birthDate)) ?? [];
    if (row.idNumber) {
      existing = row.idHash ? (byHash.get(row.idHash) ?? null) : null;
      if (!existing) {
        const withoutId = sameName.filter((d) => !d.idNumberHash);
        if (withoutId.length === 1) existing = withoutId[0]!;
      }
    } else if (sameName.length > 1) {
      addProblem(row, parsed.header, 'idNumber', `系统中已有${sameName.length}位同名且出生年月相同的代表，请填写身份证号以区分`);
    } else existing = sameName[0] ?? null;
    if (existing) {
      const first = claimed.get(existing.id);
      if (first !== undefined) addProblem(row, parsed.header, 'name', `与第${first}行对应同一位代表（${existing.name}）`);
      else claimed.set(existing.id, row.rowNumber);
    }
    if (!row.input) {
      out.push({ row, action: existing ? 'update' : 'create', existing, changes: [] });
      continue;
    }
    out.push({ row, action: existing ? 'update' : 'create', existing, changes: existing ? changedFields(row, input, existing, parsed.header, lookup) : [] });
  }
  return out;
}

function addProblem(row: ParsedRow, header: HeaderMatch, field: RosterField, message: string) {
  row.problems.push(rowProblem(row.rowNumber, columnName(header, field), field, message));
  if (row.input) row.values = { ...row.input, group: row.group };
  row.input = null;
}

const PLAIN: (keyof DelegateInputT & keyof ExistingDelegate)[] = [
  'name', 'gender', 'ethnicity', 'birthDate', 'partyJoinDate', 'education', 'workplace', 'category',
];

/** One field an update changes, as the preview shows it: 学历：大专 → 大学. */
export interface FieldChange {
  field: RosterField;
  column: string;
  /** Phone and ID numbers are compared by digest, so their old value is not shown. */
  from: string | null;
  to: string | null;
}

/** The ID number's exact date refining a stored month is not a change (the demo and old imports hold months). */
const sameBirth = (stored: string | null, read: string | null) =>
  stored === read || (!!stored && !!read && stored.length === 7 && read.length === 10 && read.startsWith(stored));

/** Only the fields the workbook has count: a column absent from the file changes nothing. */
function changedFields(row: ParsedRow, input: DelegateInputT, d: ExistingDelegate, header: HeaderMatch, lookup: Lookup): FieldChange[] {
  const changes: FieldChange[] = [];
  const add = (field: RosterField, from: string | null, to: string | null) => changes.push({ field, column: columnName(header, field), from, to });
  for (const f of PLAIN) {
    if (!header.fields.has(f)) continue;
    const from = d[f] ?? null;
    const to = input[f] ?? null;
    if (f === 'birthDate' ? !sameBirth(from, to) : from !== to) add(f, from, to);
  }
  if (header.fields.has('electoralUnit')) {
    const current = d.electoralUnitId ? lookup.unitNames.get(d.electoralUnitId) ?? null : null;
    const to = input.electoralUnit ?? null;
    if ((to === null ? null : matchKey(to)) !== (current === null ? null : matchKey(current))) add('electoralUnit', current, to);
  }
  if (header.fields.has('phone') && row.phoneHash !== d.phoneHash) add('phone', null, row.phone ? maskPhone(row.phone) : null);
  if (header.fields.has('idNumber') && row.idHash !== d.idNumberHash) add('idNumber', null, row.idNumber ? maskIdNumber(row.idNumber) : null);
  if (row.group) {
    const names = [...(lookup.memberOf.get(d.id) ?? [])].map((g) => lookup.groupNames.get(g)!);
    if (!names.some((n) => matchKey(n) === matchKey(row.group!))) add('group', names.join('、') || null, row.group);
  }
  return changes;
}

export interface PreviewRow {
  rowNumber: number;
  values: RosterRowValues;
  action: 'create' | 'update';
  changes: RosterField[];
  /** What each update changes: field, old → new. */
  changeDetails: FieldChange[];
  problems: RowProblem[];
  warnings: string[];
}

/** One page of the preview: the response carries the whole file's summary and these rows only. */
export interface PreviewPage {
  page: number;
  pageSize: number;
  /** Which rows to list: every row, rows with problems, or rows that create or change a delegate. */
  show: 'all' | 'problems' | 'changes';
}

export const FIRST_PAGE: PreviewPage = { page: 1, pageSize: 100, show: 'all' };

const hasProblems = (m: MatchedRow) => m.row.problems.length > 0;
const isChange = (m: MatchedRow) => !hasProblems(m) && (m.action === 'create' || m.changes.length > 0);

export function presentPreview(fileName: string, parsed: ParsedRoster, matched: MatchedRow[], page: PreviewPage = FIRST_PAGE) {
  let withProblems = 0;
  let creates = 0;
  let updates = 0;
  for (const m of matched) {
    if (hasProblems(m)) withProblems++;
    else if (m.action === 'create') creates++;
    else if (m.changes.length > 0) updates++;
  }
  const listed = page.show === 'problems' ? matched.filter(hasProblems) : page.show === 'changes' ? matched.filter(isChange) : matched;
  const from = (page.page - 1) * page.pageSize;
  const rows: PreviewRow[] = listed.slice(from, from + page.pageSize).map((m) => ({
    rowNumber: m.row.rowNumber,
    values: m.row.input ? { ...m.row.input, group: m.row.group } : m.row.values,
    action: m.action,
    changes: m.changes.map((c) => c.field),
    changeDetails: m.changes,
    problems: m.row.problems,
    warnings: m.row.warnings,
  }));
  const total = matched.length;
  return {
    fileName,
    sheetName: parsed.sheetName,
    headerRow: parsed.header.rowNumber,
    columns: parsed.header.columns,
    ignoredColumns: parsed.header.ignored,
    skipped: parsed.skipped.slice(0, 200),
    rows,
    page: { page: page.page, pageSize: page.pageSize, show: page.show, total: listed.length, pages: Math.max(1, Math.ceil(listed.length / page.pageSize)) },
    summary: { total, valid: total - withProblems, withProblems, creates, updates, unchanged: total - withProblems - creates - updates, skipped: parsed.skipped.length },
  };
}

export type RosterPreview = ReturnType<typeof presentPreview>;
