import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { desc, sql } from 'drizzle-orm';
import pg from 'pg';
import type { AuditAction } from '../src/domain/audit/labels.js';
import { anchorAuditLog } from '../src/server/audit/anchor.js';
import { writeAudit } from '../src/server/audit/audit.js';
import { type ChainHead, type CheckpointStore, FileCheckpointStore, MemoryCheckpointStore } from '../src/server/audit/checkpoint.js';
import { legacyEntryHash, GENESIS_HASH } from '../src/server/audit/entry-hash.js';
import { useAuditKey } from '../src/server/audit/keys.js';
import { openDatabase, type Database, type Tx } from '../src/server/db/client.js';
import { auditLog } from '../src/server/db/schema/index.js';
import { machine } from './lib/machine.js';

/**
 * audit-entry: what one audited change costs, as at a meeting-day check-in desk where every
 * check-in is its own transaction with its own audit entry. Three ways, interleaved in rounds
 * on one database in one run:
 * - `before`: the entry as written before the chain was keyed (plain SM3, no checkpoint), the
 *   baseline;
 * - `keyed`: HMAC-SM3 entry with its position, checkpoint kept in memory (the database work);
 * - `anchored`: the same with the checkpoint file written after commit (temp + fsync + rename),
 *   as the server does: the caller does not wait for the file;
 * - `onDisk`: the same, each entry waiting until its checkpoint is on disk (the worst case).
 */

/** The writer of the previous version, kept here as the baseline. */
async function writeBefore(tx: Tx, n: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(7311002)`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const e = { at: new Date(), actorId: null, actorName: '签到台', countyId: null, townshipId: null, action: 'attendance.checkIn', entity: 'attendance', entityId: String(n), before: null, after: { n } };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...e, prevHash, hash: legacyEntryHash(prevHash, e) });
}

/** Lets one anchored database switch between a memory and a file checkpoint. */
class SwitchStore implements CheckpointStore {
  constructor(public inner: CheckpointStore) {}
  get where() {
    return this.inner.where;
  }
  read() {
    return this.inner.read();
  }
  advance(key: Buffer, head: ChainHead) {
    return this.inner.advance(key, head);
  }
  reset(key: Buffer, head: ChainHead | null) {
    return this.inner.reset(key, head);
  }
  settled() {
    return this.inner.settled();
  }
}

async function openBenchDatabase(usePg: boolean, dir: string): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!usePg) return { database: await openDatabase({ dataDir: dir }), drop: async () => undefined };
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `nh_bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 4 });
  return {
    database,
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function run(args: string[]) {
  const { values } = parseArgs({ args, options: { entries: { type: 'string', default: '2000' }, pg: { type: 'boolean', default: !!process.env.DATABASE_URL } } });
  const entries = Number(values.entries);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nh-bench-audit-'));
  const at = machine();
  useAuditKey(crypto.randomBytes(16));
  const store = new SwitchStore(new MemoryCheckpointStore());
  const file = new FileCheckpointStore(path.join(dir, 'audit-checkpoint.json'));
  const memory = store.inner;
  const { database, drop } = await openBenchDatabase(values.pg, dir);
  anchorAuditLog(database, store);
  const actor = { userId: null, name: '签到台', countyId: null, townshipId: null };
  const modes = {
    before: (n: number) => database.db.transaction((tx) => writeBefore(tx, n)),
    keyed: (n: number) => database.db.transaction((tx) => writeAudit(tx, actor, { action: 'attendance.checkIn' as AuditAction, entity: 'attendance', entityId: String(n), after: { n } })),
  };
  const seconds = { before: 0, keyed: 0, anchored: 0, onDisk: 0 };
  try {
    // Warm up, then rounds of 100 entries each way, so drift on a shared machine hits all three alike.
    for (let i = 0; i < 50; i++) await modes.keyed(i);
    let n = 0;
    for (let done = 0; done < entries; done += 100) {
      for (const mode of ['before', 'keyed', 'anchored', 'onDisk'] as const) {
        await store.settled();
        store.inner = mode === 'anchored' || mode === 'onDisk' ? file : memory;
        const write = mode === 'before' ? modes.before : modes.keyed;
        const start = process.hrtime.bigint();
        for (let i = 0; i < 100; i++) {
          await write(n++);
          if (mode === 'onDisk') await store.settled();
        }
        seconds[mode] += Number(process.hrtime.bigint() - start) / 1e9;
      }
    }
  } finally {
    await database.close();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const perEntryMs = (s: number) => Math.round((s / entries) * 1e6) / 1e3;
  const ratio = (s: number) => Math.round((s / seconds.before) * 100) / 100;
  const result = {
    database: values.pg ? 'postgres' : 'pglite',
    entries,
    msPerEntry: { before: perEntryMs(seconds.before), keyed: perEntryMs(seconds.keyed), anchored: perEntryMs(seconds.anchored), onDisk: perEntryMs(seconds.onDisk) },
    ratio: { keyed: ratio(seconds.keyed), anchored: ratio(seconds.anchored), onDisk: ratio(seconds.onDisk) },
    machine: at,
  };
  console.log(`每条审计记录（${result.database}，各 ${entries} 条，逐条提交）：`);
  console.log(`  之前（SM3，无检查点）：${result.msPerEntry.before} ms`);
  console.log(`  HMAC-SM3，检查点在内存：${result.msPerEntry.keyed} ms（${result.ratio.keyed}×）`);
  console.log(`  HMAC-SM3，检查点文件（fsync + rename，提交后不等待，同服务器）：${result.msPerEntry.anchored} ms（${result.ratio.anchored}×）`);
  console.log(`  HMAC-SM3，每条都等检查点写入磁盘：${result.msPerEntry.onDisk} ms（${result.ratio.onDisk}×）`);
  console.log(`机器：${at.cpu} × ${at.cores}，Node ${at.node}，负载 ${at.loadAverage.join(' ')}`);
  console.log(`RESULT ${JSON.stringify(result)}`);
}
