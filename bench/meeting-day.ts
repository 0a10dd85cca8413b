import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { useAuditKey } from '../src/server/audit/keys.js';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { sessions, terms, users } from '../src/server/db/schema/index.js';
import { initInstallation } from '../src/server/modules/setup/service.js';
import { hashPassword } from '../src/server/security/passwords.js';
import { sm3 } from '../src/server/security/crypto.js';
import { createMeeting, type MeetingFixture } from '../test/api/vote-fixtures.js';
import { freePort, freshPostgres, killHard, ROOT, startServer } from '../test/faults/voting-world.js';
import { machine } from './lib/machine.js';
import { cpuMeter, request, ScreenWatcher } from './vote-burst.js';

/**
 * meeting-day: the day of a meeting against the real server on PostgreSQL, N delegates:
 * logins (argon2), check-ins by the QR code of each phone, then a poll opens and every phone
 * loads its ballot page and votes while W hall screens watch the stream. The same HTTP pattern
 * against a bare Node server (bench/lib/bare-meeting-server.ts) and pgbench on the same
 * database are the baselines of the same run.
 */

const PASSWORD = 'Hall#Bench2026';
const q = (xs: number[], p: number) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : 0);
const r1 = (n: number) => Math.round(n * 10) / 10;
const r3 = (n: number) => Math.round(n * 1000) / 1000;

/** Runs `fn` for every index at once (the agent caps the connections) and times it. */
async function burst(n: number, fn: (i: number) => Promise<{ status: number }>) {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const t0 = performance.now();
  let last = t0;
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const start = performance.now();
      const res = await fn(i).catch(() => ({ status: 0 }));
      const end = performance.now();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status === 200) {
        latencies.push(end - start);
        last = Math.max(last, end);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { ok: latencies.length, statuses, seconds: r3((last - t0) / 1000), p50Ms: r1(q(latencies, 50)), p99Ms: r1(q(latencies, 99)) };
}

async function seed(database: Database, n: number) {
  const db = database.db;
  const init = await initInstallation(db, { county: '测试县', townships: [{ code: 'A01', name: '青山镇' }], admin: { username: 'county', password: 'Test@2026pass' } });
  const t = init.townships[0]!;
  const [term] = await db.insert(terms).values({ townshipId: t.id, number: 12, startsOn: '2021-09-01', endsOn: '2026-08-31', isCurrent: true }).returning();
  const meeting: MeetingFixture = await createMeeting(db, { townships: { a: { id: t.id, termId: term!.id }, b: { id: t.id, termId: term!.id } } }, { delegates: n });
  // One argon2 hash for every account: the logins verify it, the set-up need not compute 2,000.
  const passwordHash = await hashPassword(PASSWORD);
  for (let i = 0; i < n; i += 1000) {
    await db.insert(users).values(
      meeting.delegateIds.slice(i, i + 1000).map((d, j) => ({ username: `d${i + j}`, displayName: `代表${i + j}`, passwordHash, role: 'delegate', countyId: init.county.id, townshipId: t.id, delegateId: d, mustChangePassword: false })),
    );
  }
  const [u] = await db.insert(users).values({ username: 'admin-a', displayName: '组织委员', passwordHash, role: 'townshipAdmin', countyId: init.county.id, townshipId: t.id, mustChangePassword: false }).returning();
  const token = crypto.randomBytes(32).toString('base64url');
  const csrf = crypto.randomBytes(24).toString('base64url');
  await db.insert(sessions).values({ id: sm3(token), userId: u!.id, csrfToken: csrf, expiresAt: new Date(Date.now() + 6 * 3600_000) });
  return { meeting, passwordHash, admin: { cookie: `nh_sid=${token}`, 'x-csrf-token': csrf } };
}

/** pgbench on the bench database: single-row INSERTs, each its own transaction, from 8 clients. */
function pgbench(url: string, seconds: number) {
  const script = path.join(os.tmpdir(), `nh-pgbench-${process.pid}.sql`);
  fs.writeFileSync(script, 'insert into bench_scratch (v) values (1);\n');
  const u = new URL(url);
  const env = { ...process.env, PGHOST: u.hostname, PGPORT: u.port || '5432', PGUSER: decodeURIComponent(u.username) || 'postgres', PGDATABASE: u.pathname.slice(1) };
  spawnSync('psql', ['-qc', 'create table if not exists bench_scratch (id bigserial primary key, v int)'], { env });
  const out = spawnSync('pgbench', ['-n', '-c', '8', '-j', '2', '-T', String(seconds), '-f', script], { env, encoding: 'utf8' });
  spawnSync('psql', ['-qc', 'drop table bench_scratch'], { env });
  fs.rmSync(script, { force: true });
  const tps = /tps = ([\d.]+)/.exec(out.stdout ?? '');
  return tps ? Math.round(Number(tps[1])) : null;
}

/** autocannon (its own process) against one URL: `GET` with 64 keep-alive connections for `seconds`. */
function cannon(url: string, headers: Record<string, string>, seconds = 5): Promise<{ requestsPerSecond: number; p99Ms: number; non2xx: number }> {
  const args = [path.join(ROOT, 'node_modules/autocannon/autocannon.js'), '-c', '64', '-d', String(seconds), '-j', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]), url];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.once('exit', () => {
      try {
        const r = JSON.parse(out) as { requests: { average: number }; latency: { p99: number }; non2xx: number };
        resolve({ requestsPerSecond: Math.round(r.requests.average), p99Ms: r.latency.p99, non2xx: r.non2xx });
      } catch (e) {
        reject(e);
      }
    });
  });
}

/** The audit chain verified as `nianhui audit verify` does, with the server's key and checkpoint. */
function verifyChain(env: Record<string, string>) {
  const out = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'src/cli/main.ts'), 'audit', 'verify'], { env: { PATH: process.env.PATH!, ...env }, encoding: 'utf8' });
  return { ok: out.status === 0, report: (out.stdout ?? '').trim().split('\n').slice(0, 3).join(' / ') };
}

function startBare(hash: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'bench/lib/bare-meeting-server.ts')], {
    env: { PATH: process.env.PATH!, PORT: String(port), HASH: hash },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (c) => reject(new Error(`基线服务器退出：${c}`)));
  });
}

async function openWatchers(url: string, mark: string, w: number) {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const watchers: ScreenWatcher[] = [];
  for (let i = 0; i < w; i += 200) {
    const wave = Array.from({ length: Math.min(200, w - i) }, () => new ScreenWatcher(url, mark, agent));
    await Promise.all(wave.map((x) => x.open()));
    watchers.push(...wave);
  }
  return watchers;
}

async function watcherLag(watchers: ScreenWatcher[], lastAck: number) {
  const deadline = performance.now() + 30_000;
  while (watchers.some((w) => !w.finalAt) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const done = watchers.filter((w) => w.finalAt);
  for (const w of watchers) w.close();
  return { updated: done.length, lagMs: done.length ? r1(Math.max(...done.map((w) => w.finalAt)) - lastAck) : null };
}

interface Phone {
  cookie: string;
  csrf: string;
}
const cookieOf = (res: http.IncomingMessage) => String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;

/** A request that also keeps the session cookie the answer sets. */
function login(agent: http.Agent, url: string, body: string): Promise<{ status: number; phone: Phone }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, phone: { cookie: cookieOf(res), csrf: res.statusCode === 200 ? JSON.parse(data).csrfToken : '' } }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function dayOnApp(origin: string, w: Awaited<ReturnType<typeof seed>>, n: number, conns: number, watchersN: number, serverPid: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: conns });
  const { townshipId, meetingId } = w.meeting;
  const base = `${origin}/api/townships/${townshipId}`;
  const phones: Phone[] = new Array(n);
  const logins = await burst(n, async (i) => {
    const r = await login(agent, `${origin}/api/auth/login`, JSON.stringify({ username: `d${i}`, password: PASSWORD }));
    phones[i] = r.phone;
    return r;
  });
  const me = await cannon(`${origin}/api/auth/me`, { cookie: phones[0]!.cookie });
  const tokens: string[] = new Array(n);
  await burst(n, async (i) => {
    const r = await request(agent, `${origin}/api/me/meetings/${meetingId}/checkin-code`, 'GET', { cookie: phones[i]!.cookie });
    tokens[i] = r.status === 200 ? JSON.parse(r.body).token : '';
    return r;
  });
  const cpuCheckins = cpuMeter(serverPid);
  const checkins = await burst(n, (i) => request(agent, `${base}/meetings/${meetingId}/checkins`, 'POST', w.admin, JSON.stringify({ token: tokens[i] })));
  const checkinCpu = cpuCheckins.stop();

  const created = await request(agent, `${base}/meetings/${meetingId}/polls`, 'POST', w.admin, JSON.stringify({ title: '关于大会决议的表决', method: 'secret' }));
  const pollId = JSON.parse(created.body).id as string;
  const link = JSON.parse((await request(agent, `${base}/meetings/${meetingId}/screen-link`, 'GET', w.admin)).body).token;
  const watchers = await openWatchers(`${origin}/api/screen/${meetingId}/stream?token=${link}`, `"voted":${n}}`, watchersN);
  const cpuVotes = cpuMeter(serverPid);
  const t0 = performance.now();
  const opened = await request(agent, `${base}/polls/${pollId}/open`, 'POST', w.admin);
  if (opened.status !== 200) throw new Error(`开始表决失败：${opened.body}`);
  const pages: number[] = [];
  let lastAck = 0;
  const votes = await burst(n, async (i) => {
    const p = phones[i]!;
    const s = performance.now();
    const page = await request(agent, `${origin}/api/me/meetings/${meetingId}/polls`, 'GET', { cookie: p.cookie });
    pages.push(performance.now() - s);
    if (page.status !== 200) return page;
    const r = await request(agent, `${origin}/api/me/polls/${pollId}/vote`, 'POST', { cookie: p.cookie, 'x-csrf-token': p.csrf }, JSON.stringify({ choice: ['yes', 'no', 'abstain'][i % 3] }));
    if (r.status === 200) lastAck = Math.max(lastAck, performance.now());
    return r;
  });
  const voteCpu = cpuVotes.stop();
  const openToLastAck = r3((lastAck - t0) / 1000);
  const screens = await watcherLag(watchers, lastAck);
  const closed = JSON.parse((await request(agent, `${base}/polls/${pollId}/close`, 'POST', w.admin)).body).result as { yes: number; no: number; abstain: number };
  agent.destroy();
  pages.sort((a, b) => a - b);
  return { logins, me, checkins, checkinCpu, votes, voteCpu, openToLastAck, ballotPageP50Ms: r1(q(pages, 50)), screens, counted: closed.yes + closed.no + closed.abstain };
}

async function dayOnBare(origin: string, n: number, conns: number, watchersN: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: conns });
  const phones: Phone[] = new Array(n);
  const logins = await burst(n, async (i) => {
    const r = await login(agent, `${origin}/login`, JSON.stringify({ username: `d${i}`, password: PASSWORD }));
    phones[i] = r.phone;
    return r;
  });
  const me = await cannon(`${origin}/me`, { cookie: phones[0]!.cookie });
  const tokens: string[] = new Array(n);
  await burst(n, async (i) => {
    const r = await request(agent, `${origin}/code`, 'GET', { cookie: phones[i]!.cookie });
    tokens[i] = JSON.parse(r.body).token;
    return r;
  });
  const checkins = await burst(n, (i) => request(agent, `${origin}/checkin`, 'POST', {}, JSON.stringify({ token: tokens[i] })));
  const watchers = await openWatchers(`${origin}/stream`, `"voted":${n}}`, watchersN);
  const t0 = performance.now();
  let lastAck = 0;
  const votes = await burst(n, async (i) => {
    const page = await request(agent, `${origin}/ballot`, 'GET', { cookie: phones[i]!.cookie });
    if (page.status !== 200) return page;
    const r = await request(agent, `${origin}/vote`, 'POST', { cookie: phones[i]!.cookie }, JSON.stringify({ d: String(i), choice: 'yes' }));
    lastAck = Math.max(lastAck, performance.now());
    return r;
  });
  const screens = await watcherLag(watchers, lastAck);
  agent.destroy();
  return { logins, me, checkins, votes, openToLastAck: r3((lastAck - t0) / 1000), screens };
}

export async function run(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      delegates: { type: 'string', default: '2000' },
      watchers: { type: 'string', default: '500' },
      connections: { type: 'string', default: '256' },
    },
  });
  const n = Number(values.delegates);
  const watchersN = Number(values.watchers);
  const conns = Number(values.connections);
  if (![n, watchersN, conns].every((x) => Number.isInteger(x) && x >= 0) || n < 1) throw new Error('--delegates、--watchers、--connections 应为正整数');
  process.env.TEST_DATABASE_URL = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const fresh = (await freshPostgres('nh_bench'))!;
  const dbUrl = fresh.url;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianhui-meeting-day-'));
  console.log(`meeting-day：${n} 名代表登录、扫码签到、打开表决页并投票，${watchersN} 个大屏 SSE 连接，数据库 PostgreSQL`);
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  let bare: ChildProcess | null = null;
  try {
    const serverKey = crypto.randomBytes(16).toString('hex');
    useAuditKey(Buffer.from(serverKey, 'hex'));
    const database = await openDatabase({ url: dbUrl, dataDir });
    const world = await seed(database, n);
    await database.close();
    const tps = pgbench(dbUrl, 5);

    const port = await freePort();
    server = await startServer({ DATA_DIR: dataDir, NIANHUI_KEY: serverKey, DATABASE_URL: dbUrl }, port);
    const app = await dayOnApp(`http://127.0.0.1:${port}`, world, n, conns, watchersN, server.child.pid!);
    await killHard(server.child);
    server = null;
    const chain = verifyChain({ DATA_DIR: dataDir, NIANHUI_KEY: serverKey, DATABASE_URL: dbUrl });

    const barePort = await freePort();
    bare = await startBare(world.passwordHash, barePort);
    const baseline = await dayOnBare(`http://127.0.0.1:${barePort}`, n, conns, watchersN);
    await killHard(bare);
    bare = null;

    const m = machine();
    const perSecond = (ok: number, s: number) => (s > 0 ? Math.round(ok / s) : 0);
    console.log(`机器：${m.cpu}，${m.cores} 核，${m.memoryGb} GB，${m.platform}，Node ${m.node}，负载 ${m.loadAverage.join(' / ')}`);
    console.log(`登录：${app.logins.ok}/${n}，${app.logins.seconds} s（${perSecond(app.logins.ok, app.logins.seconds)} 次/秒），基线 ${baseline.logins.seconds} s（${perSecond(baseline.logins.ok, baseline.logins.seconds)} 次/秒）`);
    console.log(`GET /api/auth/me（64 个连接，5 s）：${app.me.requestsPerSecond} 次/秒，p99 ${app.me.p99Ms} ms，非 2xx ${app.me.non2xx}；基线 ${baseline.me.requestsPerSecond} 次/秒`);
    console.log(`扫码签到：${app.checkins.ok}/${n}，${app.checkins.seconds} s，p50 ${app.checkins.p50Ms} ms，p99 ${app.checkins.p99Ms} ms；基线 ${baseline.checkins.seconds} s；服务器 CPU ${app.checkinCpu.server} ms，PostgreSQL ${app.checkinCpu.postgres} ms`);
    console.log(`开始表决 → 表决页 → 投票：已确认 ${app.votes.ok}/${n}（状态 ${JSON.stringify(app.votes.statuses)}），计入 ${app.counted}，最后一张确认于 ${app.openToLastAck} s，表决页 p50 ${app.ballotPageP50Ms} ms；基线 ${baseline.openToLastAck} s；服务器 CPU ${app.voteCpu.server} ms，PostgreSQL ${app.voteCpu.postgres} ms`);
    console.log(`大屏：${app.screens.updated}/${watchersN} 收到最终票数，滞后 ${app.screens.lagMs} ms；基线 ${baseline.screens.updated}/${watchersN}，${baseline.screens.lagMs} ms`);
    console.log(`审计链校验（nianhui audit verify）：${chain.ok ? '通过' : '未通过'}：${chain.report}`);
    console.log(`pgbench（8 个客户端，单行 INSERT）：${tps ?? '—'} tps`);
    console.log(
      `RESULT ${JSON.stringify({
        bench: 'meeting-day',
        database: 'PostgreSQL',
        delegates: n,
        watchers: watchersN,
        app: { ...app, lost: Math.max(0, app.votes.ok - app.counted) },
        auditChain: chain,
        bare: baseline,
        pgbenchInsertTps: tps,
        ratios: {
          logins: r3(baseline.logins.seconds / app.logins.seconds),
          me: r3(app.me.requestsPerSecond / baseline.me.requestsPerSecond),
          checkins: r3(baseline.checkins.seconds / app.checkins.seconds),
          votes: r3(baseline.openToLastAck / app.openToLastAck),
        },
        machine: m,
      })}`,
    );
  } finally {
    if (server) await killHard(server.child);
    if (bare) await killHard(bare);
    await fresh.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
