import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckDigit, maskIdNumber } from '../../src/domain/roster/idcard.js';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';

const HEADER = ['序号', '姓  名', '性别', '民族', '出生年月', '入党时间', '文化程度', '工作单位及职务', '代表类别', '选举单位', '所在小组', '手机号码', '身份证号'];
/** birth 'YYYYMMDD', odd sequence digit for a man, even for a woman. */
const id = (birth: string, seq: string) => `330102${birth}${seq}` + idCheckDigit(`330102${birth}${seq}`);

type Row = unknown[];
const people = (): Row[] => [
  [1, ' 王　 芳 ', '女', '汉族', '1975.03', '1998年7月', '大学', '青山村党支部书记', '基层党组织书记', '青山村', '第一小组', '１３９００１３９０００', id('19750301', '002')],
  [2, '李建国', '男', '汉', '1968年5月', '1990/7/1', '高中', '青山村村委会主任', '农民', null, '第一小组', '13800138001', id('19680512', '013')],
  [3, '赵 丽', '女', '回族', '1980-11-02', 36708, '大专', '白石村会计', '妇女', '白石村', '第二小组', '13700137002', id('19801102', '024')],
  [4, '孙强', '男', '汉族', 29221, '2005.06', '研究生', '镇卫生院院长', '专业技术人员', '镇直机关', '第二小组', '0571-88886666', id('19800101', '035')],
];

/** A roster as a township keeps it: a merged title row, the header, 选举单位 merged over rows 3–4. */
async function workbook(rows: Row[], opts: { header?: string[]; title?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  if (opts.title !== false) {
    ws.addRow(['中国共产党青山镇第12届代表大会代表名册']);
    ws.mergeCells(1, 1, 1, 13);
  }
  ws.addRow(opts.header ?? HEADER);
  for (const r of rows) ws.addRow(r);
  const top = opts.title === false ? 2 : 3;
  if (rows.length >= 2 && rows[1]![9] === null) ws.mergeCells(top, 10, top + 1, 10);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(data: Buffer, fileName = '代表名册.xlsx') {
  const boundary = `----nianhui${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
    'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n';
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe(`roster import/export (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let base: string;
  const post = (path: string, data: Buffer, fileName?: string) => admin.request('POST', `${base}/${path}`, undefined, upload(data, fileName));
  const count = async (table: string) =>
    (await w.ctx.database.query<{ n: number }>(`select count(*)::int as n from ${table} where township_id = $1`, [w.townships.a.id]))[0]!.n;
  const delegate = async (name: string) =>
    (await w.ctx.database.query<Record<string, unknown>>(
      `select d.*, u.name as unit from delegates d left join electoral_units u on u.id = d.electoral_unit_id where d.township_id = $1 and d.name = $2`,
      [w.townships.a.id, name],
    ))[0];
  const groupsOf = async (name: string) =>
    (await w.ctx.database.query<{ name: string }>(
      `select g.name from group_members m join delegate_groups g on g.id = m.group_id join delegates d on d.id = m.delegate_id
       where d.township_id = $1 and d.name = $2 order by g.name`,
      [w.townships.a.id, name],
    )).map((g) => g.name);

  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    base = `/api/townships/${w.townships.a.id}/roster`;
  });
  afterAll(() => w.close());

  it('previews every row with its problems named by row and column in Chinese', async () => {
    const rows = people();
    rows.push([5, '周八', '男', '汉族', '1975.13', '1999.01', '大学', '某单位', '干部', '青山村', '第一小组', '13600136000', '330102197501010012']);
    const res = await post('import/preview', await workbook(rows));
    expect(res.status).toBe(200);
    expect(res.body.headerRow).toBe(2);
    expect(res.body.columns.map((c: any) => c.field)).toEqual([null, 'name', 'gender', 'ethnicity', 'birthDate', 'partyJoinDate', 'education', 'workplace', 'category', 'electoralUnit', 'group', 'phone', 'idNumber']);
    expect(res.body.summary).toMatchObject({ total: 5, valid: 4, withProblems: 1, creates: 4 });
    const [wang, li, zhao, sun, zhou] = res.body.rows;
    // The roster gives the month, the ID number the day: the day is kept.
    expect(wang.values).toMatchObject({ name: '王芳', birthDate: '1975-03-01', partyJoinDate: '1998-07', phone: '13900139000' });
    expect(li.values).toMatchObject({ ethnicity: '汉族', birthDate: '1968-05-12', partyJoinDate: '1990-07-01', electoralUnit: '青山村' });
    expect(zhao.values).toMatchObject({ name: '赵丽', birthDate: '1980-11-02', partyJoinDate: '2000-07-01' });
    expect(sun.values.birthDate).toBe('1980-01-01');
    expect(zhou.rowNumber).toBe(7);
    expect(zhou.problems.map((p: any) => [p.column, p.field])).toEqual([['出生年月', 'birthDate'], ['身份证号', 'idNumber']]);
    expect(zhou.problems[0].message).toMatch(/^第7行“出生年月”：.*1975\.13/);
    expect(zhou.problems[1].message).toMatch(/^第7行“身份证号”：身份证号校验位错误/);
    expect(await count('delegates')).toBe(0);
  });

  it('imports nothing when any row has a problem, then everything once fixed', async () => {
    const bad = people();
    bad[2]![4] = '1980.13';
    bad.push([5, '王 芳', '女', '汉族', '1975.03', '1995.01', '大学', '某单位', '干部', '青山村', '第一小组', '13500135000', bad[0]![12]]);
    const refused = await post('import', await workbook(bad));
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('名册中有 2 行存在问题，未导入任何数据；请按提示修改后重新导入');
    const messages = refused.body.error.details.rows.flatMap((r: any) => r.problems.map((p: any) => p.message));
    expect(messages).toEqual([expect.stringMatching(/^第5行“出生年月”：/), '第7行“身份证号”：与第3行的身份证号重复（同一人出现两次？）']);
    expect(await count('delegates')).toBe(0);
    expect(await count('electoral_units')).toBe(0);
    expect(await count('delegate_groups')).toBe(0);

    const ok = await post('import', await workbook(people()));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ imported: 4, created: 4, updated: 0, unchanged: 0 });
    expect(await count('delegates')).toBe(4);
    expect(await delegate('李建国')).toMatchObject({ unit: '青山村', ethnicity: '汉族', birth_date: '1968-05-12', gender: '男' });
    expect(await delegate('王芳')).toMatchObject({ phone_hash: w.ctx.cipher.digest('13900139000'), id_number_hash: w.ctx.cipher.digest(id('19750301', '002')) });
    expect(await groupsOf('赵丽')).toEqual(['第二小组']);
    const audit = await w.ctx.database.query<{ after: any }>(`select after from audit_log where action = 'roster.import'`);
    expect(audit.map((a) => a.after)).toEqual([{ fileName: '代表名册.xlsx', rows: 4, created: 4, updated: 0, unchanged: 0 }]);
  });

  it('updates instead of duplicating when the same roster comes again, moving a delegate between groups', async () => {
    const again = await post('import', await workbook(people()));
    expect(again.body).toEqual({ imported: 4, created: 0, updated: 0, unchanged: 4 });
    const changed = people();
    changed[0]![7] = '青山镇党委副书记';
    changed[2]![10] = '第一小组';
    const preview = await post('import/preview', await workbook(changed));
    expect(preview.body.rows.map((r: any) => [r.action, r.changes])).toEqual([['update', ['workplace']], ['update', []], ['update', ['group']], ['update', []]]);
    const res = await post('import', await workbook(changed));
    expect(res.body).toEqual({ imported: 4, created: 0, updated: 2, unchanged: 2 });
    expect(await count('delegates')).toBe(4);
    expect((await delegate('王芳'))!.workplace).toBe('青山镇党委副书记');
    expect(await groupsOf('赵丽')).toEqual(['第一小组']);
  });

  it('matches by name and birth date when the file has no ID numbers, and leaves absent columns alone', async () => {
    const header = ['姓名', '性别', '出生日期', '工作单位', '职务'];
    const wb = await workbook([['孙强', '男', '1980-01-01', '镇卫生院', '党支部书记']], { header, title: false });
    const res = await post('import', wb);
    expect(res.body).toEqual({ imported: 1, created: 0, updated: 1, unchanged: 0 });
    const sun = await delegate('孙强');
    expect(sun).toMatchObject({ workplace: '镇卫生院党支部书记', category: '专业技术人员', unit: '镇直机关' });
    expect(sun!.id_number_hash).toBe(w.ctx.cipher.digest(id('19800101', '035')));
  });

  it('refuses a renamed text file, a workbook without a header and an oversized upload, changing nothing', async () => {
    const before = await count('delegates');
    const text = await post('import', Buffer.from('姓名,性别\n张三,男\n'), 'roster.xlsx');
    expect(text.status).toBe(400);
    expect(text.body.error.message).toBe('文件不是有效的 Excel 工作簿（.xlsx）');
    const noHeader = await post('import/preview', await workbook([['张三', '男']], { header: ['人员', '备注'] }));
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.error.message).toMatch(/没有找到表头.*姓名/);
    const big = await post('import', Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(big.status).toBe(413);
    expect(big.body.error.message).toBe('上传文件过大（上限 20 MB）');
    const none = await admin.request('POST', `${base}/import`, { file: 'x' });
    expect(none.status).toBe(415);
    expect(await count('delegates')).toBe(before);
  });

  it('exports in the same shape, in stroke order, and the export imports back without changes', async () => {
    const res = await admin.get(`${base}/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('青山镇第12届党代表名册.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('中国共产党青山镇第12届代表大会代表名册');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const names = [3, 4, 5, 6].map((r) => ws.getCell(r, 2).value);
    expect(names).toEqual(['王芳', '孙强', '李建国', '赵丽']);
    expect(ws.getCell(3, 5).value).toBe('1975.03.01');
    expect(ws.getCell(3, 13).value).toBe(id('19750301', '002'));
    const back = await post('import', res.raw);
    expect(back.body).toEqual({ imported: 4, created: 0, updated: 0, unchanged: 4 });
    const audit = await w.ctx.database.query<{ after: any }>(`select after from audit_log where action = 'roster.export'`);
    expect(audit.at(-1)!.after).toMatchObject({ count: 4, unmasked: true });
  });

  it('masks phone and ID numbers in the export for a reader who may not see them', async () => {
    const member = await w.as('committeeMember');
    const res = await member.get(`${base}/export.xlsx?status=active`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    expect(wb.worksheets[0]!.getCell(3, 13).value).toBe(maskIdNumber(id('19750301', '002')));
    expect(wb.worksheets[0]!.getCell(3, 12).value).toBe('139****9000');
    const refused = await member.request('POST', `${base}/import`, undefined, upload(res.raw));
    expect(refused.status).toBe(403);
  });

  it('serves a template that imports with no problems, its sample row skipped', async () => {
    const res = await admin.get(`${base}/template.xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['代表名册', '填写说明']);
    expect(wb.worksheets[0]!.getCell(3, 1).value).toBe('示例');
    const preview = await post('import/preview', res.raw);
    expect(preview.status).toBe(200);
    expect(preview.body.columns.filter((c: any) => c.field).length).toBe(12);
    expect(preview.body.summary).toMatchObject({ total: 0, withProblems: 0 });
    // The sample row, once its 示例 mark is replaced by a number, is a valid delegate.
    wb.worksheets[0]!.getCell(3, 1).value = 1;
    const filled = await post('import/preview', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(filled.body.summary).toMatchObject({ total: 1, withProblems: 0, creates: 1 });
  });

  it('hides another township and its files', async () => {
    const other = await w.as('townshipAdmin', 'b');
    expect((await other.get(`${base}/export.xlsx`)).status).toBe(404);
    expect((await other.request('POST', `${base}/import`, undefined, upload(await workbook(people())))).status).toBe(404);
    expect(await count('delegates')).toBe(4);
  });
});
