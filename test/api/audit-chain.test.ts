import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAction } from '../../src/domain/audit/labels.js';
import { verifyAuditChain, writeAudit } from '../../src/server/audit/audit.js';
import { GENESIS_HASH, keyedEntryHash, legacyEntryHash } from '../../src/server/audit/entry-hash.js';
import { checkpointStoreOf } from '../../src/server/audit/anchor.js';
import { auditKeys } from '../../src/server/audit/keys.js';
import { dumpDatabase } from '../../src/server/backup/dump.js';
import { restoreDatabase } from '../../src/server/backup/restore.js';
import { FileCheckpointStore } from '../../src/server/audit/checkpoint.js';
import { anchorOnOpen } from '../../src/server/audit/rebuild.js';
import { openDatabase, type Database } from '../../src/server/db/client.js';
import { auditLog } from '../../src/server/db/schema/index.js';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName, openTestDatabase } from '../support/db.js';

type Row = typeof auditLog.$inferSelect;
const system = { userId: null, name: '系统', countyId: null, townshipId: null };
const note = (db: Database, n: number) => db.db.transaction((tx) => writeAudit(tx, system, { action: 'test.note' as AuditAction, entity: 'x', after: { n } }));
const allRows = (db: Database): Promise<Row[]> => db.db.select().from(auditLog).orderBy(asc(auditLog.id));

/** Runs `fn` with the row trigger off, as a database administrator could. */
async function asDba(db: Database, fn: () => Promise<unknown>) {
  await db.query('alter table audit_log disable trigger audit_log_no_update');
  try {
    await fn();
  } finally {
    await db.query('alter table audit_log enable trigger audit_log_no_update');
  }
}

const setHash = (db: Database, r: Pick<Row, 'id' | 'actorName' | 'chain' | 'prevHash' | 'hash'>) =>
  db.query('update audit_log set actor_name = $1, chain = $2, prev_hash = $3, hash = $4 where id = $5', [r.actorName, r.chain, r.prevHash, r.hash, r.id]);

/** Renames the actor of rows[victim] and recomputes the hashes of it and every later row with `hashOf`. */
async function rewriteFrom(db: Database, rows: Row[], victim: number, hashOf: (prev: string, r: Row) => Row) {
  await asDba(db, async () => {
    let prev = victim === 0 ? GENESIS_HASH : rows[victim - 1]!.hash;
    for (const r of rows.slice(victim)) {
      const changed = hashOf(prev, { ...r, actorName: r === rows[victim] ? '某人' : r.actorName, prevHash: prev });
      await setHash(db, changed);
      prev = changed.hash;
    }
  });
}
const asLegacy = (prev: string, r: Row): Row => ({ ...r, chain: 1, hash: legacyEntryHash(prev, r) });

describe(`audit chain: keyed, anchored outside the table (${backendName()})`, () => {
  let w: TestWorld;
  let county: ApiClient;
  let saved: string;
  const db = () => w.ctx.database;
  const verify = async () => (await county.get('/api/county/audit/verify')).body;
  /** Puts every entry back as it was before a test tampered with the table. */
  const putBack = () =>
    asDba(db(), async () => {
      await db().query('delete from audit_log');
      await db().query('insert into audit_log select * from json_populate_recordset(null::audit_log, $1::json)', [saved]);
    });

  beforeAll(async () => {
    w = await createTestWorld();
    county = await w.as('countyAdmin');
    for (let n = 1; n <= 5; n++) await note(db(), n);
    const [r] = await db().query<{ j: string }>(`select json_agg(a order by id)::text as j from audit_log a`);
    saved = r!.j;
  });
  afterAll(() => w.close());

  it('a clean chain verifies against its checkpoint, every new entry keyed and numbered', async () => {
    const rows = await allRows(db());
    expect(rows.every((r, i) => r.chain === 2 && r.seq === i + 1)).toBe(true);
    const r = await verify();
    expect(r).toMatchObject({ ok: true, checked: rows.length, entries: rows.length, problems: [] });
    expect(r.checkpoint).toMatchObject({ count: rows.length, headId: rows.at(-1)!.id });
  });

  it('reports the newest entries deleted as tail loss', async () => {
    const rows = await allRows(db());
    await asDba(db(), () => db().query('delete from audit_log where id >= $1', [rows.at(-2)!.id]));
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'tailLoss', message: expect.stringContaining('最新的 2 条记录缺失') })]);
    await putBack();
    expect((await verify()).ok).toBe(true);
  });

  it('refuses TRUNCATE; forced by dropping the trigger, the verifier reports the table emptied', async () => {
    await expect(db().query('truncate audit_log')).rejects.toThrow(/append-only/);
    const [{ n }] = await db().query<{ n: number }>('select count(*)::int as n from audit_log');
    expect(n).toBeGreaterThan(5);
    await db().query('drop trigger audit_log_no_truncate on audit_log');
    await db().query('truncate audit_log');
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'truncated', message: expect.stringContaining('表被清空') })]);
    await putBack();
    await db().query('create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()');
    expect((await verify()).ok).toBe(true);
  });

  it('reports an entry rewritten with every later hash recomputed as plain SM3', async () => {
    const rows = await allRows(db());
    const victim = 3;
    await rewriteFrom(db(), rows, victim, asLegacy);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.brokenAt).toEqual({ id: rows[victim]!.id, reason: expect.stringContaining('无密钥') });
    await putBack();
  });

  it('reports the whole chain recomputed as plain SM3 (every link consistent) by the checkpoint', async () => {
    const rows = await allRows(db());
    await rewriteFrom(db(), rows, 0, asLegacy);
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.brokenAt).toBeUndefined();
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'rewritten', message: expect.stringContaining('与检查点不符') })]);
    await putBack();
  });

  it('reports an entry rewritten with every later hash recomputed under a wrong key', async () => {
    const rows = await allRows(db());
    const wrong = crypto.randomBytes(32);
    const victim = 4;
    await rewriteFrom(db(), rows, victim, (prev, r) => ({ ...r, hash: keyedEntryHash(wrong, r.seq!, prev, r) }));
    const r = await verify();
    expect(r.ok).toBe(false);
    expect(r.brokenAt).toEqual({ id: rows[victim]!.id, reason: expect.stringContaining('记录内容与其哈希不符') });
    await putBack();
    expect((await verify()).ok).toBe(true);
  });

  it('a restored database verifies, its checkpoint rebuilt from the restored chain, and then catches tail loss', async () => {
    const sink = new PassThrough();
    const chunks: Buffer[] = [];
    sink.on('data', (c: Buffer) => chunks.push(c));
    await dumpDatabase(db(), sink);
    const target = await openTestDatabase();
    try {
      // The target's checkpoint says more than the backup holds, as a reused data directory's would.
      await checkpointStoreOf(target.db)!.advance(auditKeys()!.checkpoint, { count: 999, headId: 999, headHash: 'f'.repeat(64) });
      const restored = await restoreDatabase(target, Readable.from(Buffer.concat(chunks)));
      const rows = await allRows(target);
      expect(restored.audit).toMatchObject({ ok: true, checked: rows.length, checkpoint: { count: rows.length, headId: rows.at(-1)!.id } });
      await asDba(target, () => target.query('delete from audit_log where id = $1', [rows.at(-1)!.id]));
      expect((await verifyAuditChain(target.db)).problems).toEqual([expect.objectContaining({ kind: 'tailLoss', message: expect.stringContaining('最新的 1 条记录缺失') })]);
    } finally {
      await target.close();
    }
  });
});

/** Entries as the earlier program wrote them: plain SM3, no position. */
async function writeOldEntries(database: Database, count: number) {
  let prev = GENESIS_HASH;
  for (let n = 1; n <= count; n++) {
    const e = { at: new Date(Date.UTC(2026, 0, n)), actorId: null, actorName: '系统', countyId: null, townshipId: null, action: 'test.old', entity: 'x', entityId: null, before: null, after: { n } };
    const hash = legacyEntryHash(prev, e);
    await database.query(
      `insert into audit_log (at, actor_name, action, entity, after, prev_hash, hash) values ($1, $2, $3, $4, $5::jsonb, $6, $7)`,
      [e.at.toISOString(), e.actorName, e.action, e.entity, JSON.stringify(e.after), prev, hash],
    );
    prev = hash;
  }
}

describe(`audit chain: entries written before the key was used (${backendName()})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await writeOldEntries(database, 3);
  });
  afterAll(() => database.close());

  it('an upgraded data directory gets its checkpoint on the first start, which then catches a recomputed old chain', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nh-upgrade-'));
    const old = await openDatabase({});
    try {
      await writeOldEntries(old, 2);
      await anchorOnOpen(old, new FileCheckpointStore(path.join(dir, 'audit-checkpoint.json')));
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'audit-checkpoint.json'), 'utf8'))).toMatchObject({ count: 2 });
      expect((await verifyAuditChain(old.db)).ok).toBe(true);
      await rewriteFrom(old, await allRows(old), 0, asLegacy);
      expect((await verifyAuditChain(old.db)).problems).toEqual([expect.objectContaining({ kind: 'rewritten' })]);
    } finally {
      await old.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keep verifying, and the keyed entries continue their chain and their count', async () => {
    const before = await verifyAuditChain(database.db);
    expect(before).toMatchObject({ checked: 3, problems: [expect.objectContaining({ kind: 'checkpointMissing' })] });
    await note(database, 4);
    const rows = await allRows(database);
    expect(rows.map((r) => [r.chain, r.seq])).toEqual([[1, null], [1, null], [1, null], [2, 4]]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 4, checkpoint: { count: 4 } });
  });

  it('an old entry rewritten and recomputed is caught by the keyed entry after it', async () => {
    const rows = await allRows(database);
    // The old entries recomputed; the keyed one after them can only be relinked, not rehashed.
    await rewriteFrom(database, rows.slice(0, 3), 1, asLegacy);
    const [, , third] = await allRows(database);
    await asDba(database, () => setHash(database, { ...rows[3]!, prevHash: third!.hash }));
    const r = await verifyAuditChain(database.db);
    expect(r.ok).toBe(false);
    expect(r.brokenAt).toEqual({ id: rows[3]!.id, reason: expect.stringContaining('记录内容与其哈希不符') });
  });
});
