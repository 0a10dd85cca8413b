import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRosterWorkbook } from './roster-xlsx.js';
import { writeRosterWorkbook } from './roster-xlsx-write.js';

async function book(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const message = (p: Promise<unknown>) => p.then(() => 'no error', (e: Error) => e.message);

describe('readRosterWorkbook', () => {
  it('finds the header on a later sheet and fills merged data cells down, not across', async () => {
    const data = await book((wb) => {
      wb.addWorksheet('说明').addRow(['本表由组织办填写']);
      const ws = wb.addWorksheet('名册');
      ws.addRow(['代表名册']);
      ws.mergeCells('A1:E1');
      ws.addRow(['姓名', '性别', '选举单位', '代表小组', '备注']);
      ws.addRow(['甲', '男', '青山村', '一组', '']);
      ws.addRow(['乙', '女', null, null, '']);
      ws.addRow(['丙', '男', null, '二组', '']);
      ws.addRow(['填表人：某某']);
      ws.mergeCells('C3:C5');
      ws.mergeCells('D3:D4');
      ws.mergeCells('A6:E6');
    });
    const sheet = await readRosterWorkbook(data);
    expect(sheet.sheetName).toBe('名册');
    expect(sheet.header.rowNumber).toBe(2);
    expect(sheet.header.ignored).toEqual(['备注']);
    expect(sheet.rows.map((r) => [r.rowNumber, r.cells[3], r.cells[4]])).toEqual([
      [3, '青山村', '一组'],
      [4, '青山村', '一组'],
      [5, '青山村', '二组'],
      [6, undefined, undefined],
    ]);
  });

  it('reads back the workbook the export writes, title and all', async () => {
    const data = await writeRosterWorkbook({ title: '中国共产党青山镇第12届代表大会代表名册', rows: [{ name: '王芳', gender: '女', birthDate: '1975-03' }], withStatus: true });
    const sheet = await readRosterWorkbook(data);
    expect(sheet.header.rowNumber).toBe(2);
    expect(sheet.header.ignored).toEqual(['状态']);
    expect(sheet.rows[0]!.cells.slice(1, 6)).toEqual([1, '王芳', '女', undefined, '1975.03']);
  });

  it('refuses files that are not .xlsx workbooks in Chinese', async () => {
    expect(await message(readRosterWorkbook(Buffer.from('姓名,性别\n')))).toBe('文件不是有效的 Excel 工作簿（.xlsx）');
    expect(await message(readRosterWorkbook(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toMatch(/旧版 Excel 97-2003 工作簿（\.xls）/);
    const good = await writeRosterWorkbook({ title: 't', rows: [] });
    expect(await message(readRosterWorkbook(good.subarray(0, good.length / 2)))).toBe('文件不是有效的 Excel 工作簿（.xlsx）');
    const noHeader = await book((wb) => wb.addWorksheet('S').addRow(['人员', '备注']));
    expect(await message(readRosterWorkbook(noHeader))).toMatch(/^前 10 行中没有找到表头/);
  });
});
