import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { useAuditKey } from '../src/server/audit/keys.js';
import { openDatabase } from '../src/server/db/client.js';
import { sessions } from '../src/server/db/schema/index.js';
import { initInstallation } from '../src/server/modules/setup/service.js';
import { sm3 } from '../src/server/security/crypto.js';
import { freePort, freshPostgres, killHard, startServer } from '../test/faults/voting-world.js';
import { machine } from './lib/machine.js';
import { cpuMeter } from './vote-burst.js';

/**
 * county-overview: N delegates (default 100,000) in T townships of one county, half of them in
 * the first township, seeded in bulk; autocannon against the real server (child process) for
 * the county overview and the first township's roster at page 1, page 500 by number, page 500
 * from page 499's cursor and the middle page; the same load against a bare Node server that
 * answers the overview's JSON from memory is the baseline of the same run.
 */
type Instance = { on(e: 'response', f: (c: unknown, status: number, bytes: number, ms: number) => void): void };
type Result = { requests: { average: number }; non2xx: number; errors: number; duration: number };
const autocannon = createRequire(import.meta.url)('autocannon') as (o: object, cb: (err: Error | null, r: Result) => void) => Instance;

const pct = (xs: number[], p: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : 0);
const r1 = (n: number) => Math.round(n * 10) / 10;

function load(url: string, headers: Record<string, string>, seconds: number, connections: number) {
  return new Promise<{ p50Ms: number; p95Ms: number; reqPerSec: number; requests: number; non2xx: number; errors: number }>((resolve, reject) => {
    const lat: number[] = [];
    const inst = autocannon({ url, headers, duration: seconds, connections }, (err, r) => {
      if (err) return reject(err);
      lat.sort((a, b) => a - b);
      resolve({ p50Ms: r1(pct(lat, 50)), p95Ms: r1(pct(lat, 95)), reqPerSec: Math.round(lat.length / r.duration), requests: lat.length, non2xx: r.non2xx, errors: r.errors });
    });
    inst.on('response', (_c, _s, _b, ms) => lat.push(ms));
  });
}

function startBare(bodyFile: string, port: number): Promise<ChildProcess> {
  const code = `const b=require('fs').readFileSync(process.env.BODY);require('http').createServer((q,s)=>{s.writeHead(200,{'content-type':'application/json; charset=utf-8','content-length':b.length});s.end(b)}).listen(+process.env.PORT,'127.0.0.1',()=>console.log('up'))`;
  const child = spawn(process.execPath, ['-e', code], { env: { PATH: process.env.PATH!, PORT: String(port), BODY: bodyFile }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (c) => reject(new Error(`基线服务器退出：${c}`)));
  });
}

export async function run(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { delegates: { type: 'string', default: '100000' }, townships: { type: 'string', default: '20' }, seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '10' } } });
  const n = Number(values.delegates);
  const t = Number(values.townships);
  const seconds = Number(values.seconds);
  const conns = Number(values.connections);
  if (![n, t, seconds, conns].every((x) => Number.isInteger(x) && x >= 1) || t < 2) throw new Error('--delegates、--townships（≥ 2）、--seconds、--connections 应为正整数');
  process.env.TEST_DATABASE_URL = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const fresh = (await freshPostgres('nh_bench'))!;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianhui-county-'));
  const load0 = machine().loadAverage;
  console.log(`county-overview：${n} 名代表，${t} 个乡镇（第一个乡镇占一半），PostgreSQL，每项 ${seconds} s × ${conns} 个连接`);
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  let bare: ChildProcess | null = null;
  try {
    const serverKey = crypto.randomBytes(16).toString('hex');
    useAuditKey(Buffer.from(serverKey, 'hex'));
    const database = await openDatabase({ url: fresh.url, dataDir });
    const codes = Array.from({ length: t }, (_, i) => ({ code: `T${String(i + 1).padStart(2, '0')}`, name: `第${i + 1}镇` }));
    const init = await initInstallation(database.db, { county: '测试县', townships: codes, admin: { username: 'county', password: 'Test@2026pass' } });
    const seed0 = performance.now();
    await database.query(`insert into terms (township_id, number, starts_on, ends_on, is_current) select id, 12, '2021-09-01', '2026-08-31', true from townships`);
    await database.query(
      `with tt as (select (row_number() over (order by w.code) - 1)::int as i, w.id as township_id, t.id as term_id from townships w join terms t on t.township_id = w.id)
       insert into delegates (township_id, term_id, name, name_sort_key, gender, status)
       select tt.township_id, tt.term_id, '代表' || g, md5(g::text), case when g % 2 = 0 then '男' else '女' end,
              case when g % 100 = 0 then 'terminated' when g % 50 = 1 then 'suspended' else 'active' end
         from generate_series(1, $1::int) g join tt on tt.i = case when g <= $1::int / 2 then 0 else 1 + g % ($2::int - 1) end`,
      [n, t],
    );
    // A third of the terminated seats filled by a by-election.
    await database.query(`insert into delegates (township_id, term_id, name, name_sort_key, gender, status, replaces_delegate_id)
      select township_id, term_id, '补' || name, md5(id::text), gender, 'active', id from delegates where status = 'terminated' and (hashtext(id::text) % 3) = 0`);
    await database.query('vacuum analyze delegates');
    const seedSeconds = r1((performance.now() - seed0) / 1000);
    const token = crypto.randomBytes(32).toString('base64url');
    await database.db.insert(sessions).values({ id: sm3(token), userId: init.admin.id, csrfToken: 'x', expiresAt: new Date(Date.now() + 6 * 3600_000) });
    await database.close();
    const headers = { cookie: `nh_sid=${token}` };

    const port = await freePort();
    server = await startServer({ DATA_DIR: dataDir, NIANHUI_KEY: serverKey, DATABASE_URL: fresh.url }, port);
    const origin = `http://127.0.0.1:${port}`;
    const get = async (p: string) => (await fetch(`${origin}${p}`, { headers })).json() as Promise<any>;
    const overview = await get('/api/county/overview');
    const counted = overview.townships.reduce((a: number, x: any) => a + x.active + x.suspended + x.terminated, 0);
    const roster = `/api/townships/${init.townships[0]!.id}/delegates?pageSize=20`;
    const firstTotal = (await get(roster)).total as number;
    const middle = Math.ceil(firstTotal / 20 / 2);
    const cursor = (await get(`${roster}&page=499`)).nextCursor as string;
    const cases: Record<string, string> = {
      overview: '/api/county/overview',
      rosterPage1: roster,
      rosterPage500: `${roster}&page=500`,
      rosterPage500ByCursor: `${roster}&page=500&after=${cursor}`,
      rosterMiddlePage: `${roster}&page=${middle}`,
    };
    const app: Record<string, Awaited<ReturnType<typeof load>> & { serverCpuMs?: number }> = {};
    for (const [name, p] of Object.entries(cases)) {
      await load(`${origin}${p}`, headers, 1, conns); // warm-up
      const cpu = cpuMeter(server.child.pid!);
      app[name] = { ...(await load(`${origin}${p}`, headers, seconds, conns)), serverCpuMs: cpu.stop().server };
    }
    await killHard(server.child);
    server = null;

    const bodyFile = path.join(dataDir, 'overview.json');
    fs.writeFileSync(bodyFile, JSON.stringify(overview));
    const barePort = await freePort();
    bare = await startBare(bodyFile, barePort);
    const baseline = await load(`http://127.0.0.1:${barePort}/`, headers, seconds, conns);
    await killHard(bare);
    bare = null;

    const m = machine();
    console.log(`机器：${m.cpu}，${m.cores} 核，${m.memoryGb} GB，Node ${m.node}，负载（开始）${load0.join(' / ')}，（结束）${m.loadAverage.join(' / ')}`);
    console.log(`种子数据 ${seedSeconds} s；概览合计 ${counted} 名（应为 ${n} + 补选）；第一个乡镇 ${firstTotal} 名，中间页 ${middle}`);
    for (const [k, v] of Object.entries(app)) console.log(`${k}：p50 ${v.p50Ms} ms，p95 ${v.p95Ms} ms，${v.reqPerSec} 次/秒，非 2xx ${v.non2xx}，错误 ${v.errors}，服务器 CPU ${v.serverCpuMs} ms`);
    console.log(`基线（裸 Node，同一概览 JSON）：p50 ${baseline.p50Ms} ms，p95 ${baseline.p95Ms} ms，${baseline.reqPerSec} 次/秒`);
    const aim = { p95Ms: 50, reqPerSec: 200 };
    console.log(
      `RESULT ${JSON.stringify({
        bench: 'county-overview',
        database: 'PostgreSQL',
        delegates: n,
        townships: t,
        firstTownshipDelegates: firstTotal,
        overviewTotal: counted,
        seconds,
        connections: conns,
        app,
        bare: baseline,
        ratio: r1((baseline.reqPerSec / Math.max(1, app.overview!.reqPerSec)) * 100) / 100,
        deepToFirst: { page500: r1((app.rosterPage500!.p50Ms / Math.max(0.1, app.rosterPage1!.p50Ms)) * 100) / 100, page500ByCursor: r1((app.rosterPage500ByCursor!.p50Ms / Math.max(0.1, app.rosterPage1!.p50Ms)) * 100) / 100, middle: r1((app.rosterMiddlePage!.p50Ms / Math.max(0.1, app.rosterPage1!.p50Ms)) * 100) / 100 },
        aim: { ...aim, met: app.overview!.p95Ms <= aim.p95Ms && app.overview!.reqPerSec >= aim.reqPerSec },
        machine: { ...m, loadAverageAtStart: load0 },
      })}`,
    );
  } finally {
    if (server) await killHard(server.child);
    if (bare) await killHard(bare);
    await fresh.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
