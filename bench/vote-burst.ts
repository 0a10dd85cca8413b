import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.js';
import { freePort, killHard, seedVotingWorld, startServer } from '../test/faults/voting-world.js';
import { machine } from './lib/machine.js';

/**
 * vote-burst: N signed-in, checked-in delegates cast one secret ballot each, all at once, over
 * HTTP, while W SSE clients watch the hall-screen stream. The server is the real one
 * (`src/server/main.ts`) in a child process, so the load generator and the watchers do not
 * share its event loop. Measured: acknowledged, lost (acknowledged but not counted),
 * duplicates, latency, total time, how long after the last acknowledgement every watcher has
 * the final count, and — in the same run, on the same database — a baseline of sequential
 * single-row INSERTs (each its own transaction), giving the ratio ballots/s ÷ inserts/s.
 *
 * Set-up writes delegates, accounts and sessions straight into the database (2,000 argon2
 * logins would measure password hashing, not voting); a session row is what a login writes.
 */

const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (n: number) => Math.round(n * 10) / 10;

/**
 * A hall screen as the bench sees it: it only needs to notice the final count, so it scans
 * the bytes instead of parsing every event — 2,000 of them share this process's one core with
 * the load generator, while real screens each have their own machine.
 */
export class ScreenWatcher {
  stateAt = 0;
  finalAt = 0;
  private tail = '';
  private req: http.ClientRequest | null = null;
  constructor(
    private readonly url: string,
    private readonly finalMark: string,
    private readonly agent: http.Agent,
  ) {}
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.req = http.get(this.url, { agent: this.agent, headers: { accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`大屏连接失败：${res.statusCode}`));
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const text = this.tail + chunk;
          if (!this.stateAt && text.includes('event: state')) {
            this.stateAt = performance.now();
            resolve();
          }
          if (!this.finalAt && text.includes(this.finalMark)) this.finalAt = performance.now();
          this.tail = text.slice(-64);
        });
      });
      this.req.on('error', reject);
    });
  }
  close() {
    this.req?.destroy();
  }
}

export function request(agent: http.Agent, url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: { ...headers, ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * CPU time used during the burst by this process (load generator and watchers), the server
 * process and PostgreSQL's processes, from /proc (Linux): on a shared machine it shows whether
 * a slow run was starved or busy.
 */
export function cpuMeter(serverPid: number) {
  const ticks = (pid: number) => {
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) * (1000 / 100);
    } catch {
      return 0;
    }
  };
  const tree = (pid: number): number[] => {
    try {
      const kids = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      return [pid, ...kids.flatMap(tree)];
    } catch {
      return [pid];
    }
  };
  const postgres = () =>
    fs
      .readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return fs.readFileSync(`/proc/${d}/comm`, 'utf8').startsWith('postgres');
        } catch {
          return false;
        }
      })
      .map(Number);
  const sample = () => {
    const me = process.cpuUsage();
    return { bench: (me.user + me.system) / 1000, server: tree(serverPid).reduce((a, p) => a + ticks(p), 0), postgres: postgres().reduce((a, p) => a + ticks(p), 0) };
  };
  const start = sample();
  return {
    stop() {
      const end = sample();
      return { loadGenerator: Math.round(end.bench - start.bench), server: Math.round(end.server - start.server), postgres: Math.round(end.postgres - start.postgres) };
    },
  };
}

async function baselineInserts(query: (sql: string, p?: unknown[]) => Promise<unknown>, n: number) {
  await query('create table if not exists bench_scratch (id bigserial primary key, poll_id uuid, v int)');
  const id = crypto.randomUUID();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await query('insert into bench_scratch (poll_id, v) values ($1, $2)', [id, i]);
  const seconds = (performance.now() - t0) / 1000;
  await query('drop table bench_scratch');
  return n / seconds;
}

export async function run(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      delegates: { type: 'string', default: '2000' },
      watchers: { type: 'string' },
      connections: { type: 'string', default: '256' },
      embedded: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.delegates);
  const watchersN = Number(values.watchers ?? values.delegates);
  const conns = Number(values.connections);
  if (![n, watchersN, conns].every((x) => Number.isInteger(x) && x >= 0) || n < 1) throw new Error('--delegates、--watchers、--connections 应为正整数');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianhui-vote-burst-'));
  let dbUrl: string | undefined;
  let dropDb = async () => undefined as void;
  if (!values.embedded) {
    const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const name = `nh_bench_${crypto.randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const backend = dbUrl ? 'PostgreSQL' : 'PGlite';
  console.log(`vote-burst：${n} 名代表同时投票，${watchersN} 个大屏 SSE 连接，数据库 ${backend}`);

  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    // Set-up and the baseline, on the same database (an embedded one is open in one process at a time).
    let database = await openDatabase({ url: dbUrl, dataDir });
    const world = await seedVotingWorld(database, n);
    const insertsPerSecond = await baselineInserts((sql, p) => database.query(sql, p), 2000);
    await database.close();

    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    server = await startServer({ DATA_DIR: dataDir, NIANHUI_KEY: crypto.randomBytes(16).toString('hex'), ...(dbUrl ? { DATABASE_URL: dbUrl } : {}) }, port);
    const adminHeaders = { cookie: world.admin.cookie, 'x-csrf-token': world.admin.csrf };
    const agent = new http.Agent({ keepAlive: true, maxSockets: conns });
    const { townshipId, meetingId } = world.meeting;
    const created = await request(agent, `${origin}/api/townships/${townshipId}/meetings/${meetingId}/polls`, 'POST', adminHeaders, JSON.stringify({ title: '关于大会决议的表决', method: 'secret' }));
    const pollId = JSON.parse(created.body).id as string;
    const opened = await request(agent, `${origin}/api/townships/${townshipId}/polls/${pollId}/open`, 'POST', adminHeaders);
    if (opened.status !== 200) throw new Error(`开始表决失败：${opened.body}`);
    const token = JSON.parse((await request(agent, `${origin}/api/townships/${townshipId}/meetings/${meetingId}/screen-link`, 'GET', adminHeaders)).body).token;

    // Watchers, connected in waves so the listen backlog is not overrun.
    const watchAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
    const watchers: ScreenWatcher[] = [];
    for (let i = 0; i < watchersN; i += 200) {
      const wave = Array.from({ length: Math.min(200, watchersN - i) }, () => new ScreenWatcher(`${origin}/api/screen/${meetingId}/stream?token=${token}`, `"voted":${n}}`, watchAgent));
      await Promise.all(wave.map((w) => w.open()));
      watchers.push(...wave);
    }
    // What a phone does when the poll opens: it loads the ballot page (GET its polls), which
    // also opens the connection and refreshes the session's idle deadline, as in real use.
    const pages = await Promise.all(world.delegates.map((d) => request(agent, `${origin}/api/me/meetings/${meetingId}/polls`, 'GET', { cookie: d.cookie })));
    if (pages.some((p) => p.status !== 200)) throw new Error('代表加载表决页面失败');

    const cpu = cpuMeter(server.child.pid!);
    const latencies: number[] = [];
    const statuses: Record<number, number> = {};
    const acked = new Set<number>();
    let lastAck = 0;
    const t0 = performance.now();
    await Promise.all(
      world.delegates.map(async (d, i) => {
        const start = performance.now();
        try {
          const r = await request(agent, `${origin}/api/me/polls/${pollId}/vote`, 'POST', { cookie: d.cookie, 'x-csrf-token': d.csrf }, JSON.stringify({ choice: ['yes', 'no', 'abstain'][i % 3] }));
          const end = performance.now();
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
          if (r.status === 200) {
            acked.add(i);
            latencies.push(end - start);
            lastAck = Math.max(lastAck, end);
          }
        } catch {
          statuses[0] = (statuses[0] ?? 0) + 1;
        }
      }),
    );
    const totalSeconds = (lastAck - t0) / 1000;
    const cpuMs = cpu.stop();
    // Give the watchers up to 30 s to see the final count.
    const deadline = performance.now() + 30_000;
    while (watchers.some((w) => !w.finalAt) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const finalAt = watchers.map((w) => w.finalAt).filter((t) => t > 0);
    const watchersUpdated = finalAt.length;
    const watcherLagMs = watchersUpdated ? Math.max(...finalAt) - lastAck : null;
    for (const w of watchers) w.close();

    const closed = await request(agent, `${origin}/api/townships/${townshipId}/polls/${pollId}/close`, 'POST', adminHeaders);
    const result = JSON.parse(closed.body).result as { yes: number; no: number; abstain: number };
    agent.destroy();
    server.child.kill('SIGTERM');
    await new Promise((r) => server!.child.once('exit', r));
    server = null;

    // Verification from the database itself: who is recorded as having voted, and what was counted.
    database = await openDatabase({ url: dbUrl, dataDir, migrate: false });
    const voted = new Set((await database.query<{ delegate_id: string }>('select delegate_id from poll_eligible where poll_id = $1 and has_voted', [pollId])).map((r) => r.delegate_id));
    await database.close();
    const counted = result.yes + result.no + result.abstain;
    const lost = [...acked].filter((i) => !voted.has(world.meeting.delegateIds[i]!)).length;
    const duplicates = Math.max(0, counted - voted.size);
    latencies.sort((a, b) => a - b);
    const ballotsPerSecond = acked.size / totalSeconds;

    const m = machine();
    console.log(`机器：${m.cpu}，${m.cores} 核，${m.memoryGb} GB，${m.platform}，Node ${m.node}，负载 ${m.loadAverage.join(' / ')}`);
    console.log(`已确认 ${acked.size}/${n}（状态 ${JSON.stringify(statuses)}），计入 ${counted}，丢失 ${lost}，重复 ${duplicates}`);
    console.log(`延迟 p50 ${ms(q(latencies, 50))} ms，p99 ${ms(q(latencies, 99))} ms，全部确认用时 ${totalSeconds.toFixed(3)} s（${Math.round(ballotsPerSecond)} 票/秒）`);
    console.log(`突发期间 CPU：压测进程（含大屏连接）${cpuMs.loadGenerator} ms，服务器 ${cpuMs.server} ms，PostgreSQL ${cpuMs.postgres} ms`);
    console.log(`大屏：${watchersUpdated}/${watchersN} 个连接收到最终票数，最后一张选票确认后 ${watcherLagMs === null ? '—' : ms(watcherLagMs)} ms 内全部更新`);
    console.log(`基线：同一数据库逐条单行 INSERT（各自一个事务）${Math.round(insertsPerSecond)} 行/秒；比值 ${(ballotsPerSecond / insertsPerSecond).toFixed(2)}`);
    console.log(
      `RESULT ${JSON.stringify({
        bench: 'vote-burst',
        database: backend,
        delegates: n,
        watchers: watchersN,
        acknowledged: acked.size,
        counted,
        lost,
        duplicates,
        p50Ms: ms(q(latencies, 50)),
        p99Ms: ms(q(latencies, 99)),
        totalSeconds: Math.round(totalSeconds * 1000) / 1000,
        ballotsPerSecond: Math.round(ballotsPerSecond),
        watchersUpdated,
        watcherLagMs: watcherLagMs === null ? null : ms(watcherLagMs),
        baselineInsertsPerSecond: Math.round(insertsPerSecond),
        ratio: Math.round((ballotsPerSecond / insertsPerSecond) * 100) / 100,
        cpuMsDuringBurst: cpuMs,
        machine: m,
      })}`,
    );
  } finally {
    if (server) await killHard(server.child);
    await dropDb();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
