import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { processState, type AppContext } from '../../src/server/context.js';
import { loadConfig } from '../../src/server/config.js';
import { EventHub } from '../../src/server/realtime/hub.js';
import { createFieldCipher } from '../../src/server/security/crypto.js';
import { seedDemo } from '../../src/server/seed/demo.js';
import { DEMO_PASSWORD } from '../../src/server/seed/demo-plan.js';
import { openTestDatabase, backendName } from '../support/db.js';
import { ApiClient } from '../support/client.js';

function upload(data: Buffer) {
  const boundary = `----nianhui${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="名册.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe(`roster export → import is an identity on the demo township (${backendName()})`, () => {
  let ctx: AppContext;
  let app: FastifyInstance;

  beforeAll(async () => {
    const database = await openTestDatabase();
    ctx = { config: { ...loadConfig({}), sessionIdleMinutes: 30 }, database, cipher: createFieldCipher(crypto.randomBytes(16)), hub: new EventHub(), ...processState() };
    await seedDemo(ctx);
    app = await buildApp(ctx);
  });
  afterAll(async () => {
    await app.close();
    await ctx.database.close();
  });

  /** Everything the import could touch, without timestamps of the write itself. */
  async function state(townshipId: string) {
    const q = (sql: string) => ctx.database.query<Record<string, unknown>>(sql, [townshipId]);
    const delegates = (await q('select * from delegates where township_id = $1 order by id')).map(({ updated_at: _u, ...d }) => d);
    const groups = await q('select id, name, kind, leader_id, deputy_leader_id from delegate_groups where township_id = $1 order by id');
    const members = await q('select group_id, delegate_id, kind from group_members where township_id = $1 order by group_id, delegate_id');
    const units = await q('select id, name from electoral_units where township_id = $1 order by id');
    return { delegates, groups, members, units };
  }

  it('keeps groups, members, leaders and every field, and the preview says 0 changes', async () => {
    const admin = new ApiClient(app);
    expect((await admin.login('qs-admin', DEMO_PASSWORD)).status).toBe(200);
    const [t] = (await admin.get('/api/townships')).body.items;
    const base = `/api/townships/${t.id}/roster`;
    const before = await state(t.id);
    // The demo's regional groups carry full-width brackets: 第一代表小组（…）.
    expect(before.groups.some((g) => /（.+）/.test(String(g.name)))).toBe(true);
    expect(before.groups.filter((g) => g.leader_id).length).toBeGreaterThan(0);

    const exported = await admin.get(`${base}/export.xlsx`);
    expect(exported.status).toBe(200);
    const file = exported.raw as Buffer;
    const preview = await admin.request('POST', `${base}/import/preview`, undefined, upload(file));
    expect(preview.status).toBe(200);
    const changed = await admin.request("POST", `${base}/import/preview?show=changes`, undefined, upload(file));
    expect(changed.body.rows.map((r: any) => [r.rowNumber, r.changeDetails])).toEqual([]);
    expect(preview.body.summary).toMatchObject({ withProblems: 0, creates: 0, updates: 0, total: before.delegates.length });
    expect(preview.body.rows.filter((r: any) => r.changeDetails.length > 0)).toEqual([]);

    const imported = await admin.request('POST', `${base}/import`, undefined, upload(file));
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ created: 0, updated: 0, unchanged: before.delegates.length });
    expect(await state(t.id)).toEqual(before);
  });

  it('says what an update changes, and finds the group whatever the width of its brackets', async () => {
    const admin = new ApiClient(app);
    await admin.login('qs-admin', DEMO_PASSWORD);
    const [t] = (await admin.get('/api/townships')).body.items;
    const base = `/api/townships/${t.id}/roster`;
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await admin.get(`${base}/export.xlsx`)).raw as never);
    const ws = wb.worksheets[0]!;
    const group = String(ws.getCell(3, 11).value);
    expect(group).toMatch(/（/);
    ws.getCell(3, 11).value = group.replace('（', '(').replace('）', ')');
    const oldEducation = ws.getCell(3, 7).value;
    ws.getCell(3, 7).value = '研究生';
    ws.getCell(3, 8).value = '青山镇人民政府（挂职）副镇长';
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await state(t.id);
    const preview = await admin.request('POST', `${base}/import/preview?show=changes`, undefined, upload(file));
    expect(preview.body.summary.updates).toBe(1);
    const [row] = preview.body.rows;
    expect(row.changeDetails).toEqual([
      { field: 'education', column: '学历', from: oldEducation === '研究生' ? null : oldEducation, to: '研究生' },
      { field: 'workplace', column: '工作单位及职务', from: expect.any(String), to: '青山镇人民政府（挂职）副镇长' },
    ].filter((c) => c.from !== c.to));
    expect((await admin.request('POST', `${base}/import`, undefined, upload(file))).status).toBe(200);
    const after = await state(t.id);
    expect(after.groups).toEqual(before.groups);
    expect(after.members).toEqual(before.members);
    expect(after.delegates.map((d) => d.workplace)).toContain('青山镇人民政府（挂职）副镇长');
  });
});
