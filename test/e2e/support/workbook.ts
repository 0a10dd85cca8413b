import ExcelJS from 'exceljs';
import { idCheckDigit } from '../../../src/domain/roster/idcard.js';

export interface RosterRow {
  name: string;
  gender: string;
  birthDate: string;
  partyJoinDate: string;
  workplace: string;
  electoralUnit: string;
  phone: string;
  idNumber: string;
}

/** A valid 18-digit ID number for a region, birth date (YYYYMMDD) and sequence (odd = man). */
export function idNumber(region: string, birth: string, seq: string): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + idCheckDigit(first17);
}

/**
 * A roster as townships keep them: a merged title row above the header, dates as text like
 * 1975.03, ID numbers as text.
 */
export async function rosterWorkbook(title: string, rows: RosterRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表名册');
  const header = ['序号', '姓名', '性别', '民族', '出生年月', '入党时间', '学历', '工作单位及职务', '代表类别', '选举单位', '联系电话', '公民身份号码'];
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(header);
  rows.forEach((r, i) => {
    ws.addRow([i + 1, r.name, r.gender, '汉族', r.birthDate, r.partyJoinDate, '大学本科', r.workplace, '农民', r.electoralUnit, r.phone, r.idNumber]);
  });
  ws.getColumn(12).numFmt = '@';
  return Buffer.from(await wb.xlsx.writeBuffer());
}
