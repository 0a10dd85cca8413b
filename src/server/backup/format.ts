import fs from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';

/**
 * A backup is gzip'd JSON lines: a header, then for each table a marker line
 * `{"table":…,"rows":N}` followed by N rows exactly as PostgreSQL's row_to_json wrote them
 * (never parsed in JavaScript, so big numbers and timestamps keep every digit), then a trailer.
 */
export const BACKUP_FORMAT = 'nianhui-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  database: { kind: 'pglite' | 'postgres'; serverVersion: string };
  migrations: { count: number; hashes: string[] };
  tables: { name: string; columns: string[]; rows: number }[];
  /** Tables deliberately left out (sessions: everyone signs in again after a restore). */
  excluded: string[];
}

export interface TableMarker {
  table: string;
  rows: number;
}

export interface Trailer {
  end: true;
  rows: number;
}

export class BackupError extends Error {}

/** Reads the decompressed lines of a backup; decompression errors become a Chinese message. */
export async function* backupLines(input: Readable): AsyncGenerator<string, void, undefined> {
  const gunzip = zlib.createGunzip();
  pipeline(input, gunzip, () => undefined);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      const parts = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new BackupError(`找不到备份文件：${err.path}`);
    throw new BackupError(`备份文件无法解压（不是 gzip 格式、已损坏或不完整）：${err.message}`);
  }
  rest += decoder.end();
  if (rest) yield rest;
}

export async function firstLine(lines: AsyncGenerator<string>): Promise<string | undefined> {
  const first = await lines.next();
  return first.done ? undefined : first.value;
}

export function parseHeader(line: string | undefined): BackupHeader {
  let h: Partial<BackupHeader>;
  try {
    h = JSON.parse(line ?? '');
  } catch {
    throw new BackupError('不是 Nianhui 备份文件（文件头无法识别）');
  }
  if (h.format !== BACKUP_FORMAT) throw new BackupError('不是 Nianhui 备份文件（格式标识不符）');
  if (typeof h.version !== 'number' || h.version > BACKUP_VERSION) {
    throw new BackupError(`备份文件格式版本 ${h.version} 高于本程序支持的版本 ${BACKUP_VERSION}，请升级程序后再恢复`);
  }
  if (!Array.isArray(h.tables)) throw new BackupError('备份文件头缺少数据表清单');
  return h as BackupHeader;
}

export interface BackupInspection {
  header: BackupHeader;
  tables: { name: string; rows: number }[];
  bytes: number;
}

/** Reads a whole backup file and checks that every table and the trailer are there. */
export async function inspectBackup(file: string): Promise<BackupInspection> {
  const lines = backupLines(fs.createReadStream(file));
  const header = parseHeader(await firstLine(lines));
  const tables: { name: string; rows: number }[] = [];
  let current: { name: string; rows: number; expected: number } | null = null;
  let ended = false;
  for await (const line of lines) {
    if (current && current.rows < current.expected) {
      current.rows++;
      continue;
    }
    const m = JSON.parse(line) as TableMarker | Trailer;
    if ('end' in m) {
      ended = true;
      break;
    }
    current = { name: m.table, rows: 0, expected: m.rows };
    tables.push(current);
  }
  const short = tables.find((t) => t.rows !== (t as { expected?: number }).expected);
  if (!ended || short) throw new BackupError('备份文件不完整（缺少结束标记或行数不符），可能在写入或传输中被截断');
  return { header, tables: tables.map((t) => ({ name: t.name, rows: t.rows })), bytes: fs.statSync(file).size };
}
