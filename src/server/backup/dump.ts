import { PassThrough, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Database } from '../db/client.js';
import { appliedMigrations, ident, tablesInForeignKeyOrder } from './catalog.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, type TableMarker, type Trailer } from './format.js';
import { withRawTransaction, type RawQuery } from './session.js';

/**
 * Sessions and sign-in failure counts are not worth keeping: after a restore everyone signs in
 * again. `roster_counts` is derived: the triggers on delegates rebuild it as they are restored.
 */
export const EXCLUDED_TABLES = ['sessions', 'sign_in_failures', 'roster_counts'];
const FETCH_ROWS = 2000;

export interface DumpSummary {
  tables: { name: string; rows: number }[];
  rows: number;
}

/**
 * Writes a gzip'd backup of every application table to `sink`, from one REPEATABLE READ
 * read-only transaction, so that it is consistent while the server keeps running.
 */
export async function dumpDatabase(database: Database, sink: Writable): Promise<DumpSummary> {
  return withRawTransaction(database, 'read', async (q) => {
    const header = await readHeader(database, q);
    await pipeline(backupText(q, header), zlib.createGzip(), sink);
    const tables = header.tables.map((t) => ({ name: t.name, rows: t.rows }));
    return { tables, rows: tables.reduce((n, t) => n + t.rows, 0) };
  });
}

/** The same as a stream, for an HTTP answer; `done` settles when the last byte is written. */
export function dumpStream(database: Database): { stream: Readable; done: Promise<DumpSummary> } {
  const stream = new PassThrough();
  const done = dumpDatabase(database, stream);
  done.catch((e) => stream.destroy(e as Error));
  return { stream, done };
}

async function readHeader(database: Database, q: RawQuery): Promise<BackupHeader> {
  const tables = (await tablesInForeignKeyOrder(q)).filter((t) => !EXCLUDED_TABLES.includes(t.name));
  const counted = [];
  for (const t of tables) {
    const [c] = await q<{ n: number }>(`select count(*)::int as n from ${ident(t.name)}`);
    counted.push({ ...t, rows: c!.n });
  }
  const [v] = await q<{ v: string }>(`select current_setting('server_version') as v`);
  const hashes = await appliedMigrations(q);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    database: { kind: database.kind, serverVersion: v!.v },
    migrations: { count: hashes.length, hashes },
    tables: counted,
    excluded: EXCLUDED_TABLES,
  };
}

async function* backupText(q: RawQuery, header: BackupHeader): AsyncGenerator<string> {
  yield JSON.stringify(header) + '\n';
  let total = 0;
  for (const t of header.tables) {
    yield JSON.stringify({ table: t.name, rows: t.rows } satisfies TableMarker) + '\n';
    if (t.rows === 0) continue;
    // row_to_json in the database: every type comes out in its own text form and goes back in unchanged.
    await q(`declare nh_dump no scroll cursor for select row_to_json(t)::text as j from ${ident(t.name)} t`);
    let written = 0;
    for (;;) {
      const rows = await q<{ j: string }>(`fetch ${FETCH_ROWS} from nh_dump`);
      if (rows.length === 0) break;
      written += rows.length;
      yield rows.map((r) => r.j).join('\n') + '\n';
    }
    await q('close nh_dump');
    if (written !== t.rows) throw new Error(`备份 ${t.name} 时行数变化（${t.rows} → ${written}），快照不一致`);
    total += written;
  }
  yield JSON.stringify({ end: true, rows: total } satisfies Trailer) + '\n';
}
