import type { Readable } from 'node:stream';
import type { Database } from '../db/client.js';
import { rebuildCheckpoint } from '../audit/rebuild.js';
import type { ChainReport } from '../audit/verify.js';
import { appliedMigrations, ident, sequenceColumns, tablesInForeignKeyOrder, type TableInfo } from './catalog.js';
import { backupLines, BackupError, firstLine, parseHeader, type BackupHeader, type TableMarker, type Trailer } from './format.js';
import { withRawTransaction, type RawQuery } from './session.js';

const BATCH_ROWS = 1000;
const BATCH_CHARS = 4 * 1024 * 1024;

export interface RestoreSummary {
  header: BackupHeader;
  tables: { name: string; rows: number }[];
  rows: number;
  /** Things worth telling the operator that did not stop the restore. */
  warnings: string[];
  /** The restored audit chain, verified; when it verifies, the checkpoint now points at its end. */
  audit: ChainReport;
}

/**
 * Loads a backup into an empty, migrated database in one transaction: either every row is
 * restored or nothing is. Works across PGlite and PostgreSQL in both directions because the
 * rows travel as PostgreSQL's own JSON text and are parsed back by json_populate_recordset.
 */
export async function restoreDatabase(database: Database, input: Readable): Promise<RestoreSummary> {
  const lines = backupLines(input);
  const header = parseHeader(await firstLine(lines));
  const restored = await withRawTransaction(database, 'write', async (q) => {
    const target = new Map((await tablesInForeignKeyOrder(q)).map((t) => [t.name, t]));
    await refuseNonEmpty(q, header);
    checkFits(header, target);
    const warnings = migrationWarnings(header, await appliedMigrations(q));
    const tables = await loadRows(q, lines, target);
    await followSequences(q);
    return { header, tables, rows: tables.reduce((n, t) => n + t.rows, 0), warnings };
  });
  // The checkpoint travels with the data directory, not the backup: it is rebuilt from the
  // restored chain once that chain verifies under this installation's key.
  return { ...restored, audit: await rebuildCheckpoint(database) };
}

/** Every table and column of the backup must exist here; columns added since keep their defaults. */
function checkFits(header: BackupHeader, target: Map<string, TableInfo>) {
  const missing: string[] = [];
  for (const t of header.tables) {
    const here = target.get(t.name);
    if (!here) missing.push(`数据表 ${t.name}`);
    else for (const c of t.columns) if (!here.columns.includes(c)) missing.push(`${t.name}.${c}`);
  }
  if (missing.length > 0) {
    throw new BackupError(`备份来自较新的程序版本，本数据库缺少：${missing.slice(0, 10).join('、')}。请升级程序后再恢复`);
  }
}

/**
 * Only an installation with no county may be restored into. Rows that a server or a migration
 * puts into any installation (the holiday calendar) are replaced by the backup's; the audit log
 * never is, since its chain could not continue.
 */
async function refuseNonEmpty(q: RawQuery, header: BackupHeader) {
  const [county] = await q<{ n: number }>('select count(*)::int as n from counties');
  if (county && county.n > 0) {
    throw new BackupError('目标数据库不是空的（已有县的数据，可能是演示数据或已初始化的系统）。恢复只能在空数据库中进行：请换一个新的数据目录或新建一个空数据库');
  }
  for (const t of [...header.tables].reverse()) {
    if (!(await tableExists(q, t.name))) continue;
    const [row] = await q<{ any: boolean }>(`select exists (select 1 from ${ident(t.name)}) as any`);
    if (!row?.any) continue;
    if (t.name === 'audit_log') throw new BackupError('目标数据库不是空的（审计日志中已有记录）。恢复只能在空数据库中进行');
    await q(`delete from ${ident(t.name)}`);
  }
}

async function tableExists(q: RawQuery, name: string) {
  const [r] = await q<{ ok: boolean }>(`select to_regclass($1) is not null as ok`, [`public.${ident(name)}`]);
  return !!r?.ok;
}

function migrationWarnings(header: BackupHeader, here: string[]): string[] {
  const hashes = header.migrations?.hashes ?? [];
  const unknown = hashes.filter((h) => !here.includes(h));
  if (unknown.length === 0) return [];
  return [`备份的数据库结构版本（${hashes.length} 个迁移）与本程序（${here.length} 个迁移）不完全一致；各表各列均已对上，数据已恢复，请检查`];
}

async function loadRows(q: RawQuery, lines: AsyncGenerator<string>, target: Map<string, TableInfo>) {
  const done: { name: string; rows: number }[] = [];
  for (;;) {
    const next = await lines.next();
    if (next.done) throw new BackupError('备份文件不完整（缺少结束标记），可能在写入或传输中被截断');
    const marker = JSON.parse(next.value) as TableMarker | Trailer;
    if ('end' in marker) return done;
    const table = target.get(marker.table);
    if (!table) throw new BackupError(`备份中的数据表 ${marker.table} 不在文件头的清单中`);
    let batch: string[] = [];
    let chars = 0;
    for (let i = 0; i < marker.rows; i++) {
      const row = await lines.next();
      if (row.done) throw new BackupError(`备份文件不完整：数据表 ${marker.table} 应有 ${marker.rows} 行，只读到 ${i} 行`);
      batch.push(row.value);
      chars += row.value.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
        await insertBatch(q, table, batch);
        batch = [];
        chars = 0;
      }
    }
    if (batch.length > 0) await insertBatch(q, table, batch);
    done.push({ name: marker.table, rows: marker.rows });
  }
}

async function insertBatch(q: RawQuery, table: TableInfo, rows: string[]) {
  const cols = table.columns.map(ident).join(', ');
  const t = ident(table.name);
  // OVERRIDING SYSTEM VALUE: identity columns GENERATED ALWAYS take the backed-up ids too.
  await q(`insert into ${t} (${cols}) overriding system value select ${cols} from json_populate_recordset(null::${t}, $1::json)`, [`[${rows.join(',')}]`]);
}

/** Restored rows carry their ids: move every serial past the largest one so new rows do not collide. */
async function followSequences(q: RawQuery) {
  for (const s of await sequenceColumns(q)) {
    const col = ident(s.column);
    await q(
      `select setval($1::regclass, coalesce((select max(${col}) from ${ident(s.table)}), 1), (select max(${col}) from ${ident(s.table)}) is not null)`,
      [s.seq],
    );
  }
}
