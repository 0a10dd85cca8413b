import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../server/config.js';
import { describeDatabase } from '../server/bootstrap.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { DataDirBusyError, readLock } from '../server/db/lock.js';
import { AppError } from '../server/errors.js';
import { BackupError } from '../server/backup/format.js';
import { anchorAuditLog } from '../server/audit/anchor.js';
import { FileCheckpointStore } from '../server/audit/checkpoint.js';
import { useAuditKey } from '../server/audit/keys.js';
import { loadKey } from '../server/security/crypto.js';

/** What each file in commands/ exports: it adds its command (group) to the program. */
export interface CommandModule {
  register(program: Command): void;
}

/** A failure the operator can act on: printed as is, with the exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const EXIT_BUSY = 2;

/** The same configuration as the server (DATA_DIR, DATABASE_URL, key), announced once. */
export function commandConfig(): Config {
  const config = loadConfig();
  console.log(`数据库：${describeDatabase(config)}`);
  return config;
}

export const hasEmbeddedDatabase = (config: Config) => fs.existsSync(path.join(config.dataDir, 'pgdata', 'PG_VERSION'));

/**
 * Opens the configured database. The embedded one refuses (DataDirBusyError) while the server
 * holds it: two processes on one PGlite directory would corrupt it.
 */
export async function openCommandDatabase(config: Config, opts: { migrate: boolean; mustExist: boolean }): Promise<Database> {
  const holder = config.databaseUrl ? null : readLock(config.dataDir);
  if (holder) throw new DataDirBusyError(config.dataDir, holder);
  if (!config.databaseUrl && opts.mustExist && !hasEmbeddedDatabase(config)) {
    throw new CliError(`数据目录 ${config.dataDir} 中还没有数据库。请先运行 nianhui init 或启动一次服务器，或用 DATA_DIR 指定正确的数据目录。`);
  }
  // The audit chain is keyed by the server key: use it if there is one, never create one here.
  useAuditKey(config.keyHex || fs.existsSync(config.keyFile) ? loadKey(config.keyHex, config.keyFile) : null);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, migrate: opts.migrate, poolSize: 2 });
  anchorAuditLog(database, new FileCheckpointStore(config.auditCheckpointFile));
  return database;
}

/** Wraps a command's action: Chinese message on stderr and a non-zero exit code on failure. */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (e) {
      process.exitCode = report(e);
    }
  };
}

function report(e: unknown): number {
  if (e instanceof DataDirBusyError) {
    console.error(e.message);
    console.error('（服务器运行时可以执行 nianhui backup：它会请正在运行的服务器生成备份。）');
    return EXIT_BUSY;
  }
  if (e instanceof CliError) {
    console.error(e.message);
    return e.exitCode;
  }
  if (e instanceof AppError || e instanceof BackupError) {
    console.error(`失败：${e.message}`);
    return 1;
  }
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ECONNREFUSED') console.error(`无法连接数据库或服务器：${err.message}`);
  else console.error(`出错：${err?.message ?? String(e)}`);
  if (process.env.NIANHUI_DEBUG) console.error(err?.stack);
  return 1;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} 字节`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The key is deliberately not in the database or the backup; whoever keeps one must keep both. */
export function keyReminder(config: Config): string {
  const where = config.keyHex ? '环境变量 NIANHUI_KEY 中的密钥' : `密钥文件 ${config.keyFile} `;
  return `注意：备份不包含加密密钥。请把${where}与备份文件一起妥善保管（分开存放更安全），否则恢复后无法解密代表的身份证号和手机号。`;
}

export function printTableCounts(tables: { name: string; rows: number }[]) {
  const width = Math.max(...tables.map((t) => t.name.length), 4);
  for (const t of tables) if (t.rows > 0) console.log(`  ${t.name.padEnd(width)}  ${String(t.rows).padStart(8)} 行`);
  const empty = tables.filter((t) => t.rows === 0).length;
  const total = tables.reduce((n, t) => n + t.rows, 0);
  console.log(`  共 ${tables.length} 张表（其中 ${empty} 张为空），${total} 行`);
}
