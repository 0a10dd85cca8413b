import type { AuditAction } from '../src/domain/audit/labels.js';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { dumpDatabase, EXCLUDED_TABLES } from '../src/server/backup/dump.js';
import { restoreDatabase } from '../src/server/backup/restore.js';
import { withRawTransaction } from '../src/server/backup/session.js';
import { verifyAuditChain, writeAudit } from '../src/server/audit/audit.js';
import { buildApp } from '../src/server/app.js';
import { createTestWorld, PASSWORD, type TestWorld } from './support/app.js';
import { ApiClient } from './support/client.js';
import { backendName, openTestDatabase } from './support/db.js';

/** A valid mainland ID number from its first 17 digits (GB 11643 check digit). */
function idNumber(first17: string) {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

async function dumpToBuffer(db: Database): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await dumpDatabase(db, sink);
  return Buffer.concat(chunks);
}

/**
 * Every non-empty table's rows as PostgreSQL's JSON text in UTC, sorted: equal snapshots give
 * equal maps (empty tables are left out, so a target migrated with newer tables still compares).
 */
async function snapshot(db: Database): Promise<Record<string, string[]>> {
  return withRawTransaction(db, 'read', async (q) => {
    await q(`set local timezone = 'UTC'`);
    const tables = await q<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public'`);
    const out: Record<string, string[]> = {};
    for (const { t } of tables.filter(({ t }) => !EXCLUDED_TABLES.includes(t))) {
      const rows = (await q<{ j: string }>(`select row_to_json(x)::text as j from "${t}" x`)).map((r) => r.j).sort();
      if (rows.length > 0) out[t] = rows;
    }
    return out;
  });
}

describe(`backup and restore (${backendName()})`, () => {
  let w: TestWorld;
  let source: Record<string, string[]>;
  let backup: Buffer;
  const opened: Database[] = [];
  const fresh = async (kind: 'same' | 'pglite') => {
    const db = kind === 'pglite' ? await openDatabase({}) : await openTestDatabase();
    opened.push(db);
    return db;
  };

  beforeAll(async () => {
    w = await createTestWorld();
    const admin = await w.as('townshipAdmin', 'a');
    const tid = w.townships.a.id;
    await admin.post(`/api/townships/${tid}/terms`, { number: 13, startsOn: '2026-09-01', endsOn: '2031-08-31' });
    const people = [
      { name: '王建国', gender: '男', idNumber: idNumber('33010219750301001'), phone: '13800138001', workplace: '青山村党支部', electoralUnit: '青山村' },
      { name: '李秀英', gender: '女', idNumber: idNumber('33010219800512002'), phone: '13900139002', workplace: "O'Neil \"引号\" 合作社 \\ 第二段", electoralUnit: '白沙村' },
    ];
    for (const p of people) {
      const res = await admin.post(`/api/townships/${tid}/delegates`, { ...p, ethnicity: '汉族' });
      expect(res.status).toBe(201);
    }
    const acct = await admin.post(`/api/townships/${tid}/accounts`, { username: 'reviewer.one', displayName: '审查员', role: 'reviewer' });
    expect(acct.status).toBe(201);
    await w.ctx.database.db.transaction((tx) =>
      writeAudit(tx, { userId: null, name: '系统', countyId: w.countyId, townshipId: tid }, { action: 'test.big' as AuditAction, entity: 'x', after: { big: 12345678901234567890, emoji: '代表👍', nested: { a: [1, 2.5, null] } } }),
    );
    source = await snapshot(w.ctx.database);
    backup = await dumpToBuffer(w.ctx.database);
  });
  afterAll(async () => {
    for (const db of opened) await db.close();
    await w.close();
  });

  it('restores every row of every table into an empty database, and the audit chain still verifies', async () => {
    expect(source.delegates).toHaveLength(2);
    expect(source.audit_log!.length).toBeGreaterThan(5);
    const target = await fresh('same');
    const summary = await restoreDatabase(target, Readable.from(backup));
    expect(summary.rows).toBe(Object.values(source).reduce((n, rows) => n + rows.length, 0));
    expect(await snapshot(target)).toEqual(source);
    const chain = await verifyAuditChain(target.db);
    expect(chain).toMatchObject({ ok: true, checked: source.audit_log!.length, entries: source.audit_log!.length, problems: [] });

    // Serial ids continue after the restored ones, and the restored passwords and key still work.
    await target.db.transaction((tx) => writeAudit(tx, { userId: null, name: '系统', countyId: null, townshipId: null }, { action: 'test.after' as AuditAction, entity: 'x' }));
    expect((await verifyAuditChain(target.db)).ok).toBe(true);
    const app = await buildApp({ ...w.ctx, database: target });
    try {
      const c = new ApiClient(app);
      expect((await c.login('townshipAdmin-a', PASSWORD)).status).toBe(200);
      const list = (await c.get(`/api/townships/${w.townships.a.id}/delegates?pageSize=50`)).body.items;
      const wang = list.find((d: any) => d.name === '王建国');
      expect((await c.get(`/api/townships/${w.townships.a.id}/delegates/${wang.id}/personal`)).body.phone).toBe('13800138001');
    } finally {
      await app.close();
    }
  });

  it('refuses a database that is not empty, and changes nothing', async () => {
    await expect(restoreDatabase(w.ctx.database, Readable.from(backup))).rejects.toThrow(/目标数据库不是空的/);
    expect(await snapshot(w.ctx.database)).toEqual(source);
  });

  it('refuses a truncated or foreign file and leaves the target empty', async () => {
    const target = await fresh('same');
    await expect(restoreDatabase(target, Readable.from(backup.subarray(0, Math.floor(backup.length * 0.8))))).rejects.toThrow(/不完整|无法解压/);
    await expect(restoreDatabase(target, Readable.from(Buffer.from('hello')))).rejects.toThrow(/无法解压|不是 Nianhui 备份文件/);
    const [{ n }] = await target.query<{ n: number }>('select count(*)::int as n from counties');
    expect(n).toBe(0);
    expect((await target.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n).toBe(0);
  });

  it('answers the admin backup endpoint only on loopback with the token, into a server-started empty database', async () => {
    w.ctx.adminToken = 'local-admin-token';
    const anon = w.anonymous();
    expect((await anon.request('POST', '/api/admin/backup')).status).toBe(403);
    expect((await anon.request('POST', '/api/admin/backup', undefined, { headers: { 'x-admin-token': 'wrong' } })).status).toBe(403);
    const remote = await anon.request('POST', '/api/admin/backup', undefined, { headers: { 'x-admin-token': 'local-admin-token' }, remoteAddress: '10.0.0.5' });
    expect(remote.status).toBe(403);
    const ok = await anon.request('POST', '/api/admin/backup', undefined, { headers: { 'x-admin-token': 'local-admin-token' } });
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('application/gzip');
    // The target has been started once as a server (which fills installation-wide tables) but holds no county.
    const target = await fresh('same');
    const started = await buildApp({ ...w.ctx, database: target });
    await started.ready();
    await started.close();
    await restoreDatabase(target, Readable.from(ok.raw));
    expect(await snapshot(target)).toEqual(source);
  });

  // Both directions need a PostgreSQL server, so they belong to the PostgreSQL pass.
  if (backendName() === 'postgres') it('crosses engines: PostgreSQL → PGlite → PostgreSQL', async () => {
    const lite = await fresh('pglite');
    await restoreDatabase(lite, Readable.from(backup));
    expect(await snapshot(lite)).toEqual(source);
    const fromLite = await dumpToBuffer(lite);
    const pg = await fresh('same');
    await restoreDatabase(pg, Readable.from(fromLite));
    expect(await snapshot(pg)).toEqual(source);
    expect((await verifyAuditChain(pg.db)).ok).toBe(true);
  });
});
