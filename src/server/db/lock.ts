import fs from 'node:fs';
import path from 'node:path';

/** What the process holding an embedded data directory writes into its lock file. */
export interface LockInfo {
  pid: number;
  startedAt: string;
  /** Set by a running server so that `nianhui backup` can ask it for a copy. */
  port?: number;
  adminToken?: string;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `数据目录 ${dir} 正被进程 ${holder.pid} 使用（服务器可能正在运行）。` +
        '为避免损坏数据库，本命令不会打开它；请先停止服务器，或使用支持在线执行的命令。',
    );
  }
}

function lockPath(dir: string) {
  return path.join(dir, '.nianhui.lock');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dir: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')) as LockInfo;
    return alive(info.pid) && info.pid !== process.pid ? info : null;
  } catch {
    return null;
  }
}

/** PGlite has one connection per directory: two processes opening it would corrupt it. */
export function acquireLock(dir: string): { update(extra: Partial<LockInfo>): void; release(): void } {
  fs.mkdirSync(dir, { recursive: true });
  const file = lockPath(dir);
  const holder = readLock(dir);
  if (holder) throw new DataDirBusyError(dir, holder);
  let info: LockInfo = { pid: process.pid, startedAt: new Date().toISOString() };
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
  return {
    update(extra) {
      info = { ...info, ...extra };
      fs.writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
    },
    release() {
      try {
        const cur = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
        if (cur.pid === process.pid) fs.rmSync(file, { force: true });
      } catch {
        /* already gone */
      }
    },
  };
}
