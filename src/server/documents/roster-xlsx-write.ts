import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS, type RosterField } from '../../domain/roster/headers.js';
import { formatRosterDate } from '../../domain/roster/dates.js';

/**
 * The roster workbook as organization departments print it: a merged title row, the header,
 * one delegate a row. The export and the template share this shape, so both import back.
 */

export type RosterSheetRow = { [K in RosterField]?: string | null } & { status?: string | null };

export interface RosterWorkbookInput {
  /** 中国共产党青山镇第12届代表大会代表名册 */
  title: string;
  rows: RosterSheetRow[];
  /** Adds a 状态 column (the export); the template has none since the import ignores it. */
  withStatus?: boolean;
  /** The template: one sample row marked 示例 (never imported) and a sheet of notes. */
  template?: { sample: RosterSheetRow; notes: string[] };
}

const WIDTHS: Record<string, number> = {
  seq: 6, name: 10, gender: 6, ethnicity: 8, birthDate: 11, partyJoinDate: 11, education: 10, workplace: 32,
  category: 14, electoralUnit: 16, group: 14, phone: 16, idNumber: 22, status: 12,
};
const DATE_FIELDS = new Set<string>(['birthDate', 'partyJoinDate']);
/** Typed into the template, these must stay text: Excel would drop 1975.10's zero and the ID's last digits. */
const TEXT_FIELDS = new Set<string>(['birthDate', 'partyJoinDate', 'phone', 'idNumber']);

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = { name: '宋体', size: 11 };

function cellValue(field: string, row: RosterSheetRow, index: number): string | number | null {
  if (field === 'seq') return index;
  const v = row[field as keyof RosterSheetRow];
  if (v === null || v === undefined || v === '') return null;
  return DATE_FIELDS.has(field) && /^\d{4}-\d{2}(-\d{2})?$/.test(v) ? formatRosterDate(v) : v;
}

export async function writeRosterWorkbook(input: RosterWorkbookInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Nianhui 年会';
  const ws = wb.addWorksheet('代表名册', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
  });
  const cols = [...ROSTER_COLUMNS.map((c) => ({ field: c.field as string, header: c.header }))];
  if (input.withStatus) cols.push({ field: 'status', header: '状态' });
  ws.columns = cols.map((c) => ({
    key: c.field,
    width: WIDTHS[c.field] ?? 12,
    style: TEXT_FIELDS.has(c.field) ? { numFmt: '@', font: FONT } : { font: FONT },
  }));

  const title = ws.getRow(1);
  title.getCell(1).value = input.title;
  title.getCell(1).font = { name: '方正小标宋简体', size: 18, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 36;
  ws.mergeCells(1, 1, 1, cols.length);

  const header = ws.getRow(2);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  header.height = 24;

  const body: { values: (string | number | null)[] }[] = [];
  if (input.template) body.push({ values: cols.map((c, i) => (i === 0 ? '示例' : cellValue(c.field, input.template!.sample, 0))) });
  input.rows.forEach((row, n) => body.push({ values: cols.map((c) => cellValue(c.field, row, n + 1)) }));
  body.forEach((b, n) => {
    const row = ws.getRow(n + 3);
    b.values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: cols[i]!.field === 'workplace' };
      if (input.template && n === 0) cell.font = { ...FONT, italic: true, color: { argb: 'FF808080' } };
    });
  });

  if (input.template) {
    const notes = wb.addWorksheet('填写说明');
    notes.columns = [{ width: 100 }];
    notes.getCell('A1').value = '填写说明';
    notes.getCell('A1').font = { ...FONT, size: 14, bold: true };
    input.template.notes.forEach((line, i) => {
      const cell = notes.getCell(i + 2, 1);
      cell.value = line;
      cell.font = FONT;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
