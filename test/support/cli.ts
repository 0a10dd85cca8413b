import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { childEnv } from './env.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the real `nianhui` launcher with the given environment. */
export function nianhui(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/nianhui.mjs'), ...args], {
      cwd: os.tmpdir(),
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A place to keep data: an embedded data directory, or a fresh PostgreSQL database beside it. */
export async function newStore(base: string, name: string): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const dataDir = path.join(base, name);
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return { env: { DATA_DIR: dataDir }, drop: async () => undefined };
  const db = `nh_cli_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${db}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${db}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: u.toString() },
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${db} with (force)`);
      await c.end();
    },
  };
}


/** Starts the real server on a free port with the given environment; resolves once /api/health answers. */
export async function startServer(env: Record<string, string>): Promise<{ port: number; child: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: childEnv({ ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }),
    stdio: 'ignore',
  });
  let healthy = false;
  for (let i = 0; i < 240 && !healthy; i++) {
    healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (!healthy) await new Promise((r) => setTimeout(r, 500));
  }
  if (!healthy) {
    child.kill('SIGKILL');
    throw new Error('server did not answer /api/health');
  }
  return {
    port,
    child,
    async stop() {
      const stopped = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await stopped;
    },
  };
}
