import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckDigit } from '../src/domain/roster/idcard.js';
import { openDatabase } from '../src/server/db/client.js';
import { backendName } from './support/db.js';
import { newStore, nianhui, startServer } from './support/cli.js';

const STEP = 180_000;
const HEADER = ['序号', '姓名', '性别', '民族', '出生年月', '入党时间', '学历', '工作单位及职务', '代表类别', '选举单位', '代表小组', '联系电话', '公民身份号码'];
const id = (body: string) => body + idCheckDigit(body);

async function rosterFile(file: string, rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表名册');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

/** From nothing to a township with a term, a roster and its administrator, without a browser. */
describe(`installing from the command line (${backendName()})`, () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'nianhui-install-'));
  let store: Awaited<ReturnType<typeof newStore>>;
  let env: Record<string, string>;
  let password = '';

  beforeAll(async () => {
    store = await newStore(base, 'data');
    env = store.env;
  });
  afterAll(async () => {
    await store.drop();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('init → account create → term create → import roster → term list', async () => {
    const init = await nianhui(['init', '--county', '安装县', '--township', 'A01=青山镇', '--admin', 'county.admin'], { ...env, NIANHUI_ADMIN_PASSWORD: 'Anzhuang#2026-county' });
    expect(init.err).toBe('');
    expect(init.code).toBe(0);

    const account = await nianhui(['account', 'create', '--role', 'townshipAdmin', '--township', 'A01', '--username', 'qs.admin', '--name', '青山镇组织委员'], env);
    expect(account.err).toBe('');
    expect(account.code).toBe(0);
    expect(account.out).toContain('已创建账户 qs.admin（乡镇党委组织委员，青山镇，青山镇组织委员）');
    password = /初始密码（[^）]*）：(\S+)/.exec(account.out)![1]!;
    expect(password).toHaveLength(12);
    const taken = await nianhui(['account', 'create', '--role', 'townshipAdmin', '--township', 'A01', '--username', 'qs.admin', '--name', '另一人'], env);
    expect(taken.code).toBe(1);
    expect(taken.err).toContain('用户名 qs.admin 已被使用');
    const badRole = await nianhui(['account', 'create', '--role', 'boss', '--township', 'A01', '--username', 'x.y', '--name', '某人'], env);
    expect(badRole.code).toBe(1);
    expect(badRole.err).toContain('--role 应为以下之一');

    const noTerm = await nianhui(['import', 'roster', path.join(base, 'none.xlsx'), '--township', 'A01'], env);
    expect(noTerm.code).toBe(1);

    const bad = await nianhui(['term', 'create', '--township', 'A01', '--number', '12', '--starts', '2026-09-01', '--ends', '2021-08-31'], env);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--ends：任期结束日期须晚于开始日期');
    const term = await nianhui(['term', 'create', '--township', 'A01', '--number', '12', '--starts', '2021-09-01', '--ends', '2026-08-31'], env);
    expect(term.err).toBe('');
    expect(term.out).toContain('已新建青山镇第12届（2021-09-01 至 2026-08-31），为当前届次');
    const overlap = await nianhui(['term', 'create', '--township', 'A01', '--number', '13', '--starts', '2026-01-01', '--ends', '2031-08-31'], env);
    expect(overlap.code).toBe(1);
    expect(overlap.err).toContain('任期与第12届（2021-09-01 至 2026-08-31）重叠');

    const file = path.join(base, '名册.xlsx');
    await rosterFile(file, [
      [1, '王建国', '男', '汉族', '1970.05', '1995.07', '大学', '青山村党支部书记', '基层党组织书记', '青山村', '第一代表小组', '13900000001', id('33010219700512013')],
      [2, '李秀英', '女', '汉族', '1980.11', '2005.06', '大专', '白水村村委会主任', '专业技术人员', '白水村', '第一代表小组', '13900000002', id('33010219801103022')],
    ]);
    const dry = await nianhui(['import', 'roster', file, '--township', 'A01', '--dry-run'], env);
    expect(dry.err).toBe('');
    expect(dry.out).toContain('检查通过：共 2 行，将新增 2、更新 0、不变 0（未写入）');
    const imported = await nianhui(['import', 'roster', file, '--township', 'A01'], env);
    expect(imported.err).toBe('');
    expect(imported.out).toContain('导入完成（青山镇）：共 2 行，新增 2，更新 0，不变 0');

    const list = await nianhui(['term', 'list', '--township', 'A01'], env);
    expect(list.err).toBe('');
    expect(list.out).toContain('第12届  2021-09-01 至 2026-08-31  当前');
  }, STEP);

  it('the account made on the command line signs in over HTTP; every step is audited as the operator', async () => {
    const server = await startServer(env);
    try {
      const url = (p: string) => `http://127.0.0.1:${server.port}${p}`;
      const login = await fetch(url('/api/auth/login'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'qs.admin', password }) });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const me = (await (await fetch(url('/api/auth/me'), { headers: { cookie } })).json()) as { username: string; role: string; mustChangePassword: boolean };
      expect(me).toMatchObject({ username: 'qs.admin', role: 'townshipAdmin', mustChangePassword: true });
    } finally {
      await server.stop();
    }
    const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR, migrate: false });
    try {
      const rows = await database.query<{ action: string }>(`select action from audit_log where actor_name = '命令行' and actor_id is null order by id`);
      expect(rows.map((r) => r.action)).toEqual(['account.create', 'term.create', 'roster.import']);
    } finally {
      await database.close();
    }
  }, STEP);
});
