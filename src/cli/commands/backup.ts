import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import type { Config } from '../../server/config.js';
import { DataDirBusyError, readLock, type LockInfo } from '../../server/db/lock.js';
import { dumpDatabase } from '../../server/backup/dump.js';
import { inspectBackup } from '../../server/backup/format.js';
import { action, CliError, commandConfig, formatBytes, keyReminder, openCommandDatabase, printTableCounts } from '../common.js';

interface BackupOptions {
  out: string;
  force?: boolean;
}

/** The server holds the embedded database: ask it for the copy over loopback with its token. */
async function viaServer(holder: LockInfo & { port: number; adminToken: string }, part: string) {
  console.log(`服务器正在运行（进程 ${holder.pid}，端口 ${holder.port}），通过服务器取得一致的备份……`);
  let res: Response;
  try {
    res = await fetch(`http://127.0.0.1:${holder.port}/api/admin/backup`, { method: 'POST', headers: { 'x-admin-token': holder.adminToken } });
  } catch (e) {
    throw new CliError(`无法连接本机端口 ${holder.port} 上的服务器（${(e as Error).message}）。若服务器只监听其他地址，请先停止服务器再备份。`);
  }
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new CliError(`服务器拒绝了备份请求（HTTP ${res.status}）：${body?.error?.message ?? res.statusText}`);
  }
  await pipeline(Readable.fromWeb(res.body as never), fs.createWriteStream(part, { mode: 0o600 }));
}

async function directly(config: Config, part: string) {
  const database = await openCommandDatabase(config, { migrate: false, mustExist: true });
  try {
    await dumpDatabase(database, fs.createWriteStream(part, { mode: 0o600 }));
  } finally {
    await database.close();
  }
}

async function runBackup(o: BackupOptions) {
  const config = commandConfig();
  const out = path.resolve(o.out);
  if (fs.existsSync(out) && !o.force) throw new CliError(`文件已存在：${out}。如需覆盖请加 --force`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Written under another name first, so that an interrupted backup never looks like a good one.
  const part = `${out}.part`;
  try {
    const holder = config.databaseUrl ? null : readLock(config.dataDir);
    if (holder?.port && holder.adminToken) await viaServer({ ...holder, port: holder.port, adminToken: holder.adminToken }, part);
    else if (holder) throw new DataDirBusyError(config.dataDir, holder);
    else await directly(config, part);
    const checked = await inspectBackup(part);
    fs.renameSync(part, out);
    console.log(`备份完成：${out}（${formatBytes(checked.bytes)}）`);
    printTableCounts(checked.tables);
    console.log(keyReminder(config));
  } finally {
    fs.rmSync(part, { force: true });
  }
}

export function register(program: Command) {
  program
    .command('backup')
    .description('备份整个数据库到一个文件（服务器运行时也可执行）')
    .requiredOption('--out <file>', '备份文件路径，例如 backup-2026-01-01.jsonl.gz')
    .option('--force', '覆盖已存在的文件')
    .action(action((o: BackupOptions) => runBackup(o)));
}
