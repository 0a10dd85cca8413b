import type { AuditAction } from '../../src/domain/audit/labels.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../src/server/audit/audit.js';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';

describe(`audit log viewer (${backendName()})`, () => {
  let w: TestWorld;
  let adminA: ApiClient;
  let adminB: ApiClient;
  let county: ApiClient;
  const auditOf = (where: 'a' | 'b') => `/api/townships/${w.townships[where].id}/audit`;

  beforeAll(async () => {
    w = await createTestWorld();
    adminA = await w.as('townshipAdmin', 'a');
    adminB = await w.as('townshipAdmin', 'b');
    county = await w.as('countyAdmin');
    await adminA.post(`/api/townships/${w.townships.a.id}/terms`, { number: 13, startsOn: '2026-09-01', endsOn: '2031-08-31' });
    await adminB.post(`/api/townships/${w.townships.b.id}/terms`, { number: 9, startsOn: '2026-10-01', endsOn: '2031-09-30' });
    await w.ctx.database.db.transaction((tx) =>
      writeAudit(tx, { userId: null, name: '系统', countyId: w.countyId, townshipId: w.townships.a.id }, { action: 'custom.thing' as AuditAction, entity: 'x' }),
    );
  });
  afterAll(() => w.close());

  it("shows a township administrator only their own township's entries", async () => {
    const a = (await adminA.get(`${auditOf('a')}?pageSize=500`)).body;
    expect(a.items.length).toBeGreaterThan(0);
    expect(a.items.every((e: any) => e.townshipId === w.townships.a.id)).toBe(true);
    expect(a.items.some((e: any) => e.action === 'term.create' && e.after.number === 13)).toBe(true);
    expect(a.items.some((e: any) => e.after?.number === 9)).toBe(false);
    expect((await adminB.get(auditOf('a'))).status).toBe(404);
    expect((await (await w.as('reviewer', 'a')).get(auditOf('a'))).status).toBe(403);
  });

  it('shows the county its townships and its own county-level entries', async () => {
    const all = (await county.get('/api/county/audit?pageSize=500')).body.items;
    const townshipIds = new Set(all.map((e: any) => e.townshipId));
    expect(townshipIds).toEqual(new Set([null, w.townships.a.id, w.townships.b.id]));
    expect(all.some((e: any) => e.action === 'installation.init')).toBe(true);
    const onlyB = (await county.get(`/api/county/audit?townshipId=${w.townships.b.id}&pageSize=500`)).body.items;
    expect(onlyB.length).toBeGreaterThan(0);
    expect(onlyB.every((e: any) => e.townshipId === w.townships.b.id)).toBe(true);
    const own = (await county.get('/api/county/audit?townshipId=county')).body.items;
    expect(own.map((e: any) => e.action)).toContain('installation.init');
    expect(own.every((e: any) => e.townshipId === null)).toBe(true);
    expect((await county.get('/api/county/audit?townshipId=00000000-0000-4000-8000-000000000001')).status).toBe(404);
    expect((await adminA.get('/api/county/audit')).status).toBe(403);
  });

  it('filters by action, entity and dates, pages, and labels actions in Chinese', async () => {
    const terms = (await adminA.get(`${auditOf('a')}?action=term.create`)).body;
    expect(terms.total).toBe(1);
    expect(terms.items[0]).toMatchObject({ action: 'term.create', actionLabel: '新建届次', entity: 'term' });
    const byEntity = (await adminA.get(`${auditOf('a')}?entity=term&entityId=${terms.items[0].entityId}`)).body;
    expect(byEntity.items.map((e: any) => e.id)).toEqual([terms.items[0].id]);
    const family = (await adminA.get(`${auditOf('a')}?action=auth.*`)).body.items;
    expect(family.length).toBeGreaterThan(0);
    expect(family.every((e: any) => e.action.startsWith('auth.'))).toBe(true);
    expect(family.find((e: any) => e.action === 'auth.login').actionLabel).toBe('登录');
    const unknown = (await adminA.get(`${auditOf('a')}?action=custom.thing`)).body.items[0];
    expect(unknown.actionLabel).toBe('custom.thing');
    const everything = (await adminA.get(`${auditOf('a')}?pageSize=500`)).body.items;
    const beijingDay = (at: string) => new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 10);
    const first = beijingDay(everything.at(-1).at);
    const last = beijingDay(everything[0].at);
    expect((await adminA.get(`${auditOf('a')}?from=${first}&to=${last}`)).body.total).toBe(everything.length);
    expect((await adminA.get(`${auditOf('a')}?from=2000-01-01&to=2000-12-31`)).body.total).toBe(0);
    const reversed = await adminA.get(`${auditOf('a')}?from=2026-02-01&to=2026-01-01`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toContain('结束日期不能早于开始日期');
    const p1 = (await adminA.get(`${auditOf('a')}?pageSize=1&page=1`)).body;
    const p2 = (await adminA.get(`${auditOf('a')}?pageSize=1&page=2`)).body;
    expect(p1.items).toHaveLength(1);
    expect(p2.items[0].id).toBeLessThan(p1.items[0].id);
    expect(p1.total).toBeGreaterThan(1);
  });

  it('labels every action the services write, and the filter endpoint lists each with its label', async () => {
    const listed = (await adminA.get('/api/audit/actions')).body.items as { id: string; label: string }[];
    const byId = new Map(listed.map((a) => [a.id, a.label]));
    // Agenda and group-session entries used to reach the viewer as raw ids.
    for (const id of ['agenda.create', 'agenda.reorder', 'agenda.applyTemplate', 'agenda.current', 'groupSession.create', 'groupSession.delete']) {
      expect(byId.get(id), id).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(listed.every((a) => a.label !== a.id && /[\u4e00-\u9fff]/.test(a.label))).toBe(true);
    await w.ctx.database.db.transaction((tx) =>
      writeAudit(tx, { userId: null, name: '系统', countyId: w.countyId, townshipId: w.townships.a.id }, { action: 'agenda.current', entity: 'agenda' }),
    );
    const entry = (await adminA.get(`${auditOf('a')}?action=agenda.current`)).body.items[0];
    expect(entry.actionLabel).toBe('切换当前议程');
  });

  it('offers no way to change the log, and the database refuses it too', async () => {
    const id = (await adminA.get(auditOf('a'))).body.items[0].id;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      expect((await county.request(method, `/api/county/audit/${id}`, method === 'DELETE' ? undefined : {})).status).toBe(404);
      expect((await adminA.request(method, `${auditOf('a')}/${id}`, method === 'DELETE' ? undefined : {})).status).toBe(404);
    }
    await expect(w.ctx.database.query(`update audit_log set actor_name = 'x' where id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(w.ctx.database.query(`delete from audit_log where id = $1`, [id])).rejects.toThrow(/append-only/);
  });

  it('verifies the chain and names the first tampered or deleted entry', async () => {
    const ok = (await county.get('/api/county/audit/verify')).body;
    const [{ n }] = await w.ctx.database.query<{ n: number }>('select count(*)::int as n from audit_log');
    expect(ok).toMatchObject({ ok: true, checked: n, entries: n, problems: [], checkpoint: { count: n } });
    expect((await adminA.get('/api/county/audit/verify')).status).toBe(403);

    const [victim] = await w.ctx.database.query<{ id: string; after: string }>(
      `select id::text as id, after::text as after from audit_log where action = 'term.create' order by id limit 1`,
    );
    const query = (sql: string) => w.ctx.database.query(sql);
    await query('alter table audit_log disable trigger audit_log_no_update');
    await query(`update audit_log set after = jsonb_set(after, '{number}', '99') where id = ${victim!.id}`);
    const tampered = (await county.get('/api/county/audit/verify')).body;
    expect(tampered.ok).toBe(false);
    expect(tampered.brokenAt).toEqual({ id: Number(victim!.id), reason: expect.stringContaining('被修改') });

    await w.ctx.database.query(`update audit_log set after = $1::jsonb where id = ${victim!.id}`, [victim!.after]);
    expect((await county.get('/api/county/audit/verify')).body.ok).toBe(true);
    const [next] = await w.ctx.database.query<{ id: string }>(`select min(id)::text as id from audit_log where id > ${victim!.id}`);
    await query(`delete from audit_log where id = ${victim!.id}`);
    await query('alter table audit_log enable trigger audit_log_no_update');
    const deleted = (await county.get('/api/county/audit/verify')).body;
    expect(deleted.ok).toBe(false);
    expect(deleted.brokenAt).toEqual({ id: Number(next!.id), reason: expect.stringContaining('删除') });
  });
});
