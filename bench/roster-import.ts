import crypto from 'node:crypto';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { formatRosterDate } from '../src/domain/roster/dates.js';
import { ROSTER_COLUMNS } from '../src/domain/roster/headers.js';
import { generateDelegateInputs } from '../src/server/seed/generate.js';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { terms } from '../src/server/db/schema/index.js';
import { createFieldCipher } from '../src/server/security/crypto.js';
import { useAuditKey } from '../src/server/audit/keys.js';
import { EventHub } from '../src/server/realtime/hub.js';
import { processState } from '../src/server/context.js';
import { loadConfig } from '../src/server/config.js';
import { initInstallation } from '../src/server/modules/setup/service.js';
import { importRoster, type ImportPhase } from '../src/server/modules/roster-import/service.js';
import { machine, mb, trackMemory } from './lib/machine.js';

/**
 * roster-import: a generated roster workbook (title row, header, N delegates with valid ID
 * numbers) imported through the same service as the web and the command line into a fresh
 * database, against a baseline of a bare multi-row INSERT of N rows into a scratch table of
 * the same database. The import runs in a child process so that its peak memory is its own.
 */

interface ChildResult {
  seconds: number;
  /** CPU time of the importing process (with PGlite, the database's work too): what an idle machine's wall time approaches. */
  cpuSeconds: number;
  phases: Record<ImportPhase, number>;
  created: number;
  stored: number;
  baselineSeconds: number;
  peakRssBytes: number;
  /** RSS once the database is open, before the import: PGlite's engine alone is ~350 MB of it. */
  baseRssBytes: number;
  database: string;
}

interface Job {
  file: string;
  dataDir: string;
  dbUrl?: string;
  dbName: string;
  townshipId?: string;
  rows: number;
}

const SELF = fileURLToPath(import.meta.url);

export async function run(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: { rows: { type: 'string', default: '100000' }, pg: { type: 'boolean', default: false }, child: { type: 'string' }, keep: { type: 'boolean', default: false }, profile: { type: 'string' } },
  });
  if (values.child) return child(values.child);
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 1) throw new Error('--rows 应为正整数');
  const dbUrl = values.pg || process.env.DATABASE_URL ? (process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres') : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianhui-bench-'));
  try {
    const m = machine();
    console.log(`机器：${m.cpu} × ${m.cores} 核，内存 ${m.memoryGb} GB，Node ${m.node}，${m.platform}，开始时负载 ${m.loadAverage.join(' / ')}`);
    const file = path.join(dir, 'roster.xlsx');
    const t0 = performance.now();
    await writeWorkbook(file, rows);
    const fileMb = fs.statSync(file).size / 1024 / 1024;
    console.log(`生成名册：${rows} 行，${fileMb.toFixed(1)} MB，用时 ${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
    const job: Job = { file, dataDir: path.join(dir, 'db'), dbUrl, dbName: `nh_bench_${crypto.randomBytes(5).toString('hex')}`, rows };
    const prepared = await prepareDatabase(job);
    let r: ChildResult;
    try {
      r = await runChild({ ...job, townshipId: prepared.townshipId }, values.profile);
    } finally {
      await prepared.drop();
    }
    if (r.stored !== rows) throw new Error(`导入后代表数为 ${r.stored}，应为 ${rows}`);
    const result = {
      bench: 'roster-import',
      rows,
      seconds: round(r.seconds),
      cpuSeconds: round(r.cpuSeconds),
      rowsPerSecond: Math.round(rows / r.seconds),
      peakRssMb: mb(r.peakRssBytes),
      databaseOpenRssMb: mb(r.baseRssBytes),
      rssAboveOpenMb: mb(r.peakRssBytes - r.baseRssBytes),
      phases: Object.fromEntries(Object.entries(r.phases).map(([k, v]) => [k, round(v)])),
      baseline: { what: `bare multi-row INSERT of ${rows} rows (1000 a statement) into a scratch table`, seconds: round(r.baselineSeconds) },
      ratio: round(r.seconds / r.baselineSeconds),
      database: r.database,
      fileMb: round(fileMb),
      machine: m,
    };
    console.log(`导入：${result.seconds} 秒（CPU ${result.cpuSeconds} 秒；读取 ${result.phases.read} / 校验 ${result.phases.check} / 写入 ${result.phases.write}），${result.rowsPerSecond} 行/秒，峰值内存 ${result.peakRssMb} MB（其中打开数据库后即有 ${result.databaseOpenRssMb} MB）`);
    console.log(`基线（裸 SQL 多行插入同样行数）：${result.baseline.seconds} 秒；比值 ${result.ratio}`);
    const ok = (b: boolean) => (b ? '达到' : '未达到');
    console.log(`目标：30 秒以内 —— ${ok(result.seconds < 30)}；峰值内存 600 MB 以内 —— ${ok(result.peakRssMb < 600)}（导入本身在打开数据库之上增加 ${result.rssAboveOpenMb} MB）`);
    console.log(`RESULT ${JSON.stringify(result)}`);
  } finally {
    if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });
    else console.log(`保留临时目录：${dir}`);
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The roster as a township would send it, with dates written the several ways people do. */
export async function writeWorkbook(file: string, rows: number) {
  const people = generateDelegateInputs(rows, 20260301, { townshipName: '青山镇' });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet('代表名册');
  ws.addRow(['中国共产党青山镇第12届代表大会代表名册']);
  ws.mergeCells(1, 1, 1, ROSTER_COLUMNS.length);
  ws.addRow(ROSTER_COLUMNS.map((c) => c.header)).commit();
  people.forEach((p, i) => {
    const [y, mo] = p.birthDate!.split('-');
    const birth = i % 3 === 0 ? formatRosterDate(p.birthDate!) : i % 3 === 1 ? `${y}年${Number(mo)}月` : `${y}/${Number(mo)}`;
    const group = p.electoralUnit!.replace(/党支部$/, '') + '代表小组';
    const row = [i + 1, p.name, p.gender, p.ethnicity, birth, formatRosterDate(p.partyJoinDate!), p.education, p.workplace, p.category, p.electoralUnit, group, p.phone, p.idNumber];
    ws.addRow(row).commit();
  });
  await ws.commit();
  await wb.commit();
}

/** `profileDir` gets a V8 CPU profile of the import alone (open it in Chrome DevTools). */
function runChild(job: Job, profileDir?: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const runner = path.join(path.dirname(SELF), 'run.ts');
    const cp = fork(runner, ['roster-import', '--child', JSON.stringify(job)], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...(profileDir ? { BENCH_PROFILE_DIR: path.resolve(profileDir) } : {}) },
      stdio: 'inherit',
    });
    let result: ChildResult | null = null;
    cp.on('message', (m) => (result = m as ChildResult));
    cp.on('error', reject);
    cp.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`导入子进程退出码 ${code}`))));
  });
}

/**
 * A fresh database with one township and its current term, made by the parent: creating a
 * PGlite database (initdb) costs the process ~500 MB that it never returns, which a server
 * opening its existing database does not pay, so the measured process only opens it.
 */
async function prepareDatabase(job: Job): Promise<{ townshipId: string; drop(): Promise<void> }> {
  let drop = async () => undefined;
  if (job.dbUrl) {
    const admin = new pg.Client({ connectionString: job.dbUrl });
    await admin.connect();
    await admin.query(`create database ${job.dbName}`);
    await admin.end();
    drop = async () => {
      const c = new pg.Client({ connectionString: job.dbUrl });
      await c.connect();
      await c.query(`drop database if exists ${job.dbName} with (force)`);
      await c.end();
    };
  }
  const database = await openJobDatabase(job);
  try {
    const init = await initInstallation(database.db, {
      county: '基准县',
      townships: [{ code: 'B01', name: '青山镇' }],
      admin: { username: 'admin', password: 'Qingshan#2026-roster' },
    });
    const township = init.townships[0]!;
    await database.db.insert(terms).values({ townshipId: township.id, number: 12, startsOn: '2021-09-01', endsOn: '2026-08-31', isCurrent: true });
    return { townshipId: township.id, drop };
  } finally {
    await database.close();
  }
}

function openJobDatabase(job: Job): Promise<Database> {
  // The audit entries the import writes are keyed like a server's.
  useAuditKey(crypto.randomBytes(16));
  if (!job.dbUrl) return openDatabase({ dataDir: job.dataDir });
  const url = new URL(job.dbUrl);
  url.pathname = `/${job.dbName}`;
  return openDatabase({ url: url.toString(), poolSize: 4 });
}

async function child(spec: string) {
  const job = JSON.parse(spec) as Job;
  const database = await openJobDatabase(job);
  try {
    const ctx = { config: loadConfig({}), database, cipher: createFieldCipher(crypto.randomBytes(16)), hub: new EventHub(), ...processState() };
    const baseRssBytes = process.memoryUsage().rss;
    const profiler = await startProfiler(process.env.BENCH_PROFILE_DIR);
    const memory = trackMemory();
    const cpuBefore = process.cpuUsage();
    const phases: Record<ImportPhase, number> = { read: 0, check: 0, write: 0 };
    let phase: ImportPhase = 'read';
    let mark = performance.now();
    const start = mark;
    const result = await importRoster(
      ctx,
      { township: { id: job.townshipId!, name: '青山镇' }, actor: { userId: null, name: '基准测试', countyId: null, townshipId: null } },
      { fileName: path.basename(job.file), data: job.file },
      (p) => {
        if (p === phase) return;
        if (process.env.BENCH_TRACE) console.log('phase', phase, '→', p, JSON.stringify(Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, mb(v)]))));
        const now = performance.now();
        phases[phase] += (now - mark) / 1000;
        phase = p;
        mark = now;
      },
    );
    const end = performance.now();
    if (process.env.BENCH_TRACE) console.log('done', JSON.stringify(Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, mb(v)]))));
    const cpu = process.cpuUsage(cpuBefore);
    phases[phase] += (end - mark) / 1000;
    const peakRssBytes = memory.stop();
    await profiler.stop();
    const [{ n: stored }] = (await database.query<{ n: number }>('select count(*)::int as n from delegates')) as [{ n: number }];
    const baselineSeconds = await baseline(database, job.rows);
    process.send!({ seconds: (end - start) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, phases, created: result.created, stored, baselineSeconds, peakRssBytes, baseRssBytes, database: database.kind } satisfies ChildResult);
  } finally {
    await database.close();
  }
}

/** A bare multi-row INSERT of the same number of rows and columns, 1000 rows a statement. */
async function baseline(database: Database, rows: number): Promise<number> {
  const cols = 13;
  await database.query(`create table bench_scratch (${Array.from({ length: cols }, (_, i) => `c${i} text`).join(', ')})`);
  const start = performance.now();
  for (let i = 0; i < rows; i += 1000) {
    const n = Math.min(1000, rows - i);
    const params: string[] = [];
    const tuples: string[] = [];
    for (let r = 0; r < n; r++) {
      tuples.push(`(${Array.from({ length: cols }, (_, c) => `$${r * cols + c + 1}`).join(', ')})`);
      for (let c = 0; c < cols; c++) params.push(`值${i + r}-${c}-青山镇某某村党支部`);
    }
    await database.query(`insert into bench_scratch values ${tuples.join(', ')}`, params);
  }
  const seconds = (performance.now() - start) / 1000;
  await database.query('drop table bench_scratch');
  return seconds;
}

async function startProfiler(dir: string | undefined) {
  if (!dir) return { stop: async () => undefined };
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `roster-import-${Date.now()}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(profile));
      console.log(`CPU 剖析：${file}`);
      session.disconnect();
    },
  };
}
