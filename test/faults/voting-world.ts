import crypto from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { terms, users, sessions } from '../../src/server/db/schema/index.js';
import type { Database } from '../../src/server/db/client.js';
import { initInstallation } from '../../src/server/modules/setup/service.js';
import { sm3 } from '../../src/server/security/crypto.js';
import { createMeeting, delegateLogins, markPresent, type DelegateLogin, type MeetingFixture } from '../api/vote-fixtures.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface VotingWorld {
  meeting: MeetingFixture;
  delegates: DelegateLogin[];
  admin: { cookie: string; csrf: string };
}

/**
 * A township with `n` checked-in delegates, each signed in, and a signed-in administrator —
 * written straight into the database before the server starts (an embedded data directory can
 * be open in one process only). Sessions are rows in the sessions table, as a login leaves them.
 */
export async function seedVotingWorld(database: Database, n: number): Promise<VotingWorld> {
  const db = database.db;
  const init = await initInstallation(db, {
    county: '测试县',
    townships: [
      { code: 'A01', name: '青山镇' },
      { code: 'B02', name: '白水乡' },
    ],
    admin: { username: 'county', password: 'Test@2026pass' },
  });
  const [a, b] = init.townships;
  const [ta] = await db.insert(terms).values({ townshipId: a!.id, number: 12, startsOn: '2021-09-01', endsOn: '2026-08-31', isCurrent: true }).returning();
  const [tb] = await db.insert(terms).values({ townshipId: b!.id, number: 8, startsOn: '2021-10-01', endsOn: '2026-09-30', isCurrent: true }).returning();
  const w = { countyId: init.county.id, townships: { a: { id: a!.id, termId: ta!.id }, b: { id: b!.id, termId: tb!.id } } };
  const meeting = await createMeeting(db, w, { delegates: n });
  const delegates = await delegateLogins(db, w, 'a', meeting.delegateIds);
  await markPresent(db, meeting, meeting.delegateIds);
  const [u] = await db
    .insert(users)
    .values({ username: 'admin-a', displayName: '组织委员', passwordHash: 'x', role: 'townshipAdmin', countyId: w.countyId, townshipId: a!.id, mustChangePassword: false })
    .returning();
  const token = crypto.randomBytes(32).toString('base64url');
  const csrf = crypto.randomBytes(24).toString('base64url');
  await db.insert(sessions).values({ id: sm3(token), userId: u!.id, csrfToken: csrf, expiresAt: new Date(Date.now() + 6 * 3600_000) });
  return { meeting, delegates, admin: { cookie: `nh_sid=${token}`, csrf } };
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts the real server and resolves once /api/health answers. Node loads tsx itself, so the
 * child is the server: through tsx's own command the server runs as a grandchild, and a SIGKILL
 * would reach only the wrapper while the server went on running.
 */
export async function startServer(env: Record<string, string>, port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', NIANHUI_DEMO: '0', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${out}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return { child, output: () => out };
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** A fresh PostgreSQL database next to TEST_DATABASE_URL, or null for the embedded database. */
export async function freshPostgres(prefix: string): Promise<{ url: string; drop(): Promise<void> } | null> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return null;
  const name = `${prefix}_${crypto.randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const d = new pg.Client({ connectionString: base });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}
