import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckDigit } from '../../src/domain/roster/idcard.js';
import { readRosterWorkbook } from '../../src/server/documents/roster-xlsx.js';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';

const HEADER = ['序号', '姓名', '性别', '民族', '出生年月', '入党时间', '学历', '工作单位及职务', '代表类别', '选举单位', '代表小组', '联系电话', '公民身份号码'];
const id = (birth: string, seq: string) => `330102${birth}${seq}` + idCheckDigit(`330102${birth}${seq}`);

/** A delegate row; `i` varies the ID number and phone so rows are distinct people. */
const person = (i: number, over: Partial<Record<number, unknown>> = {}) => {
  const seq = String(100 + (i % 800)).padStart(3, '0');
  const day = String(1 + (i % 28)).padStart(2, '0');
  const year = 1960 + Math.floor(i / 800) % 30;
  const row: unknown[] = [i + 1, `代表${i}`, Number(seq) % 2 ? '男' : '女', '汉族', `${year}.03`, `${year + 25}年7月`, '大学', '青山村党支部书记', '基层党组织书记', '青山村党支部', '第一代表小组（石桥、新河片）', `139${String(10000000 + i).slice(-8)}`, id(`${year}03${day}`, seq)];
  for (const [k, v] of Object.entries(over)) row[Number(k)] = v;
  return row;
};

async function workbook(rows: unknown[][], footer: unknown[][] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表名册');
  ws.addRow(['中国共产党青山镇第12届代表大会代表名册']);
  ws.mergeCells(1, 1, 1, 13);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  ws.addRow([]);
  for (const f of footer) {
    const r = ws.addRow(f);
    if (f.length === 1) ws.mergeCells(r.number, 1, r.number, 13);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(data: Buffer) {
  const boundary = `----nianhui${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="名册.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe(`roster import: bounds, footers, dates and text as typed (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let base: string;
  const post = (path: string, data: Buffer) => admin.request('POST', `${base}/${path}`, undefined, upload(data));
  const count = async (table: string) =>
    (await w.ctx.database.query<{ n: number }>(`select count(*)::int as n from ${table} where township_id = $1`, [w.townships.a.id]))[0]!.n;

  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    base = `/api/townships/${w.townships.a.id}/roster`;
  });
  afterAll(() => w.close());

  it('refuses a row bomb while streaming, at the configured limit, writing nothing', async () => {
    const limit = w.ctx.config.rosterImportMaxRows;
    w.ctx.config.rosterImportMaxRows = 500;
    try {
      const same = person(1);
      const bomb = await workbook(Array.from({ length: 3000 }, () => same));
      for (const path of ['import/preview', 'import']) {
        const res = await post(path, bomb);
        expect(res.status).toBe(413);
        expect(res.body.error.message).toBe('名册超过 500 行，未导入：请检查表格下方是否有大量空行或重复行，或分批导入');
      }
      expect(await count('delegates')).toBe(0);
    } finally {
      w.ctx.config.rosterImportMaxRows = limit;
    }
  });

  it('refuses a sheet whose unzipped XML exceeds the limit (a zip bomb)', async () => {
    // Distinct texts: exceljs writes them once each into the shared strings.
    const rows = Array.from({ length: 20 }, (_, i) => person(i, { 7: `${i}${'空'.repeat(5000)}` }));
    await expect(readRosterWorkbook(await workbook(rows), undefined, { maxRows: 1000, maxSheetBytes: 100_000 })).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('工作表解压后过大'),
    });
    await expect(readRosterWorkbook(await workbook(rows.slice(0, 2)), undefined, { maxRows: 1000, maxSheetBytes: 100_000 })).resolves.toMatchObject({ rows: expect.any(Array) });
  });

  it('pages the preview: the summary covers the file, the rows one page', async () => {
    const file = await workbook(Array.from({ length: 250 }, (_, i) => person(i, i === 240 ? { 4: '1975.13' } : {})));
    const first = await post('import/preview', file);
    expect(first.status).toBe(200);
    expect(first.body.summary).toMatchObject({ total: 250, withProblems: 1, creates: 249 });
    expect(first.body.rows).toHaveLength(100);
    expect(first.body.page).toMatchObject({ page: 1, pageSize: 100, total: 250, pages: 3 });
    const last = await post('import/preview?page=3', file);
    expect(last.body.rows.map((r: any) => r.rowNumber)).toEqual(Array.from({ length: 50 }, (_, i) => 203 + i));
    const problems = await post('import/preview?show=problems', file);
    expect(problems.body.rows.map((r: any) => r.rowNumber)).toEqual([243]);
    expect((await post('import/preview?pageSize=0', file)).status).toBe(400);
    const refused = await post('import', file);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.rows.map((r: any) => r.rowNumber)).toEqual([243]);
  });

  it('skips the footer under the table and says why, importing the delegates', async () => {
    const file = await workbook([person(1), person(2)], [
      ['注：1.出生年月、入党时间按档案填写；'],
      ['2.代表类别按组织部口径填写。'],
      ['填表人：王芳', null, null, '审核人：李强', null, null, '联系电话：0571-88886666'],
      ['制表日期：2026年3月1日'],
    ]);
    const preview = await post('import/preview', file);
    expect(preview.status).toBe(200);
    expect(preview.body.summary).toMatchObject({ total: 2, withProblems: 0, skipped: 4 });
    expect(preview.body.skipped).toEqual([
      { rowNumber: 6, text: '注：1.出生年月、入党时间按档案填写；', reason: expect.stringContaining('不是代表') },
      { rowNumber: 7, text: '2.代表类别按组织部口径填写。', reason: expect.any(String) },
      { rowNumber: 8, text: '填表人：王芳 审核人：李强 联系电话：0571-88886666', reason: expect.any(String) },
      { rowNumber: 9, text: '制表日期：2026年3月1日', reason: expect.any(String) },
    ]);
    expect((await post('import', file)).body).toMatchObject({ imported: 2, created: 2 });
  });

  it('refuses party-join dates that cannot be true, naming row and column', async () => {
    const file = await workbook([
      person(1, { 5: '2090年5月' }),
      person(2, { 4: '1975.03', 5: '1970.01', 12: id('19750301', '102') }),
      person(3, { 4: '1975.03', 5: '1990.06', 12: id('19750301', '103') }),
    ]);
    const res = await post('import/preview', file);
    const messages = res.body.rows.map((r: any) => r.problems.map((p: any) => p.message));
    expect(messages).toEqual([
      ['第3行“入党时间”：入党时间（2090年5月）晚于今天'],
      ['第4行“入党时间”：入党时间早于出生日期'],
      ['第5行“入党时间”：入党时间（1990年6月）时未满18周岁（出生年月 1975年3月）'],
    ]);
  });

  it('keeps the ID number’s day for a birth month, and a mismatch stays an error', async () => {
    const res = await post('import/preview', await workbook([
      person(4, { 4: '1975年3月', 5: '1998.07', 12: id('19750317', '104') }),
      person(5, { 4: '1975-04-01', 5: '1998.07', 12: id('19750317', '105') }),
    ]));
    expect(res.body.rows[0].values.birthDate).toBe('1975-03-17');
    expect(res.body.rows[1].problems.map((p: any) => p.field)).toEqual(['birthDate']);
  });
});
