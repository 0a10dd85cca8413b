import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../src/server/db/lock.js';
import { openDatabase } from '../src/server/db/client.js';
import { backendName } from './support/db.js';
import { childEnv } from './support/env.js';
import { freePort, newStore, nianhui, ROOT } from './support/cli.js';

const STEP = 180_000;
const ADMIN_PASSWORD = 'Qingshan@2026';

/** The "N 行" lines a backup or restore prints, one per non-empty table. */
const tableLines = (out: string) => out.split('\n').filter((l) => /^\s+\w+\s+\d+ 行$/.test(l)).map((l) => l.trim().replace(/\s+/g, ' '));

// A shell that has its own settings: whatever it names must not reach the commands under test.
const SHELL = { DATABASE_URL: 'postgres://nobody@127.0.0.1:9/not_this_one', DATA_DIR: '/nonexistent/not-this-one', PORT: '9', NIANHUI_DEMO: '1' };

describe(`nianhui command (${backendName()})`, () => {
  const saved = Object.fromEntries(Object.keys(SHELL).map((k) => [k, process.env[k]]));
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'nianhui-cli-'));
  const backupFile = path.join(base, 'backup.jsonl.gz');
  let source: Awaited<ReturnType<typeof newStore>>;
  let target: Awaited<ReturnType<typeof newStore>>;
  let server: ChildProcess | null = null;
  let port = 0;
  let backupOut = '';

  beforeAll(async () => {
    Object.assign(process.env, SHELL);
    source = await newStore(base, 'source');
    target = await newStore(base, 'target');
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    server?.kill('SIGKILL');
    await source.drop();
    await target.drop();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('initialises once from flags, then refuses to initialise again', async () => {
    const env = { ...source.env, NIANHUI_ADMIN_PASSWORD: ADMIN_PASSWORD };
    const args = ['init', '--county', '测试县', '--township', 'A01=青山镇', '--township', 'B02=白水乡', '--admin', 'county.admin'];
    const first = await nianhui(args, env);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain(process.env.TEST_DATABASE_URL ? '数据库：PostgreSQL' : `数据库：内嵌 PGlite（${source.env.DATA_DIR}）`);
    expect(first.out).toContain('初始化完成：测试县，2 个乡镇（A01 青山镇、B02 白水乡）');
    const again = await nianhui(args, env);
    expect(again.code).toBe(1);
    expect(again.err).toContain('数据库已经初始化（已有：测试县），不能重复初始化');
    const weak = await nianhui(['init', '--county', 'x'], { ...target.env });
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('非交互初始化缺少：--township、--admin、环境变量 NIANHUI_ADMIN_PASSWORD');
    expect(fs.existsSync(target.env.DATA_DIR!)).toBe(false);
  }, STEP);

  it('backs up while the server runs (through the server for the embedded database)', async () => {
    port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: childEnv({ ...source.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }),
      stdio: 'ignore',
    });
    let healthy = false;
    for (let i = 0; i < 240 && !healthy; i++) {
      healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (!healthy) await new Promise((r) => setTimeout(r, 500));
    }
    expect(healthy).toBe(true);
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'county.admin', password: ADMIN_PASSWORD }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const created = await fetch(`http://127.0.0.1:${port}/api/county/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ username: 'county.two', displayName: '联络办', role: 'countyAdmin' }),
    });
    expect(created.status).toBe(201);

    if (!process.env.TEST_DATABASE_URL) {
      const busy = await nianhui(['audit', 'verify'], source.env);
      expect(busy.code).toBe(2);
      expect(busy.err).toMatch(/数据目录 .* 正被进程 \d+ 使用（服务器可能正在运行）/);
    }
    const b = await nianhui(['backup', '--out', backupFile], source.env);
    expect(b.err).toBe('');
    expect(b.code).toBe(0);
    if (!process.env.TEST_DATABASE_URL) expect(b.out).toContain(`服务器正在运行（进程 ${server.pid}，端口 ${port}），通过服务器取得一致的备份`);
    expect(b.out).toContain(`备份完成：${backupFile}`);
    expect(b.out).toMatch(/备份不包含加密密钥.*nianhui\.key/);
    expect(tableLines(b.out)).toEqual(expect.arrayContaining(['users 2 行', 'townships 2 行', 'counties 1 行']));
    backupOut = b.out;
    const again = await nianhui(['backup', '--out', backupFile], source.env);
    expect(again.code).toBe(1);
    expect(again.err).toContain('文件已存在');

    const stopped = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await stopped;
    server = null;
  }, STEP);

  it('restores into an empty database with the same rows, and only into an empty one', async () => {
    // As README says: the backup's key file goes into place first (the audit chain is keyed by it).
    fs.mkdirSync(target.env.DATA_DIR!, { recursive: true });
    fs.copyFileSync(path.join(source.env.DATA_DIR!, 'nianhui.key'), path.join(target.env.DATA_DIR!, 'nianhui.key'));
    const r = await nianhui(['restore', backupFile], target.env);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(tableLines(r.out)).toEqual(tableLines(backupOut));
    expect(r.out).toContain('审计日志哈希链完整');
    const twice = await nianhui(['restore', backupFile], target.env);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('目标数据库不是空的');
    const [src, dst] = [await nianhui(['audit', 'verify'], source.env), await nianhui(['audit', 'verify'], target.env)];
    expect(dst.code).toBe(0);
    expect(dst.out).toMatch(/OK：审计日志哈希链完整，已校验 \d+ 条记录/);
    expect(dst.out.split('\n').at(-2)).toBe(src.out.split('\n').at(-2));
  }, STEP);

  it('reports a tampered audit log with exit code 1', async () => {
    const database = await openDatabase({ url: target.env.DATABASE_URL, dataDir: target.env.DATA_DIR, migrate: false });
    let id: number;
    try {
      const [row] = await database.query<{ id: number }>(`select max(id)::int as id from audit_log where action = 'account.create'`);
      id = row!.id;
      await database.query('alter table audit_log disable trigger audit_log_no_update');
      await database.query(`update audit_log set actor_name = '某人' where id = ${id}`);
      await database.query('alter table audit_log enable trigger audit_log_no_update');
    } finally {
      await database.close();
    }
    const r = await nianhui(['audit', 'verify'], target.env);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`第一处问题在记录 #${id}：记录内容与其哈希不符（记录被修改`);
  }, STEP);

  it('will not open an embedded data directory another process holds', async () => {
    const dir = path.join(base, 'held');
    const lock = acquireLock(dir);
    try {
      for (const args of [['audit', 'verify'], ['restore', backupFile], ['backup', '--out', path.join(base, 'x.gz')]]) {
        const r = await nianhui(args, { DATA_DIR: dir, NIANHUI_ADMIN_PASSWORD: ADMIN_PASSWORD });
        expect(r.code).toBe(2);
        expect(r.err).toContain(`数据目录 ${dir} 正被进程 ${process.pid} 使用`);
      }
      const init = await nianhui(['init', '--county', 'x', '--township', 'A=x', '--admin', 'adm'], { DATA_DIR: dir, NIANHUI_ADMIN_PASSWORD: ADMIN_PASSWORD });
      expect(init.code).toBe(2);
      expect(fs.existsSync(path.join(dir, 'pgdata'))).toBe(false);
    } finally {
      lock.release();
    }
  }, STEP);
});
