import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS } from '../../src/domain/roster/headers.js';
import { formatRosterDate } from '../../src/domain/roster/dates.js';
import { rosterCounts } from '../../src/server/db/schema/index.js';
import { generateDelegateInputs } from '../../src/server/seed/generate.js';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';

/**
 * The county overview and a roster's total read counters that triggers keep in the writer's
 * transaction (migration 0016); deep roster pages are read from a cursor or from the end.
 */
describe(`roster counters and deep pages (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let county: ApiClient;
  let url: string;
  const people = generateDelegateInputs(80, 9090);
  let next = 0;
  const person = (over: Record<string, unknown> = {}) => ({ ...people[next++]!, ...over });
  const overviewOfA = async () => {
    const res = await county.get('/api/county/overview');
    expect(res.status).toBe(200);
    return res.body.townships.find((t: any) => t.townshipId === w.townships.a.id);
  };
  /** What the counters say must be what counting the delegates says. */
  const recount = async () => {
    const q = w.ctx.database.query.bind(w.ctx.database);
    const counted = await q<{ term_id: string; status: string; n: number }>(`select term_id, status, count(*)::int as n from delegates group by 1, 2 order by 1, 2`);
    const kept = await q<{ term_id: string; status: string; n: number }>(`select term_id, status, n from roster_counts where n <> 0 order by 1, 2`);
    expect(kept).toEqual(counted);
  };

  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    county = await w.as('countyAdmin');
    url = `/api/townships/${w.townships.a.id}/delegates`;
  });
  afterAll(() => w.close());

  it('changes the overview at once on a new delegate, a termination, a by-election, an import and a delete', async () => {
    const before = await overviewOfA();
    const { body: d } = await admin.post(url, person());
    expect(await overviewOfA()).toMatchObject({ active: before.active + 1, terminated: before.terminated, vacancies: before.vacancies });

    const ended = await admin.post(`${url}/${d.id}/status`, { reason: 'death', decidedBy: '中共青山镇委员会', decidedOn: '2025-03-01' });
    expect(ended.status).toBe(200);
    expect(await overviewOfA()).toMatchObject({ active: before.active, terminated: before.terminated + 1, vacancies: before.vacancies + 1 });
    expect((await admin.get(`${url}?status=terminated`)).body.total).toBe(before.terminated + 1);

    const filled = await admin.post(url, person({ replacesDelegateId: d.id }));
    expect(filled.status).toBe(201);
    expect(await overviewOfA()).toMatchObject({ active: before.active + 1, vacancies: before.vacancies });

    const rows = people.slice(next, next + 5);
    next += 5;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(ROSTER_COLUMNS.map((c) => c.header));
    for (const [i, p] of rows.entries()) {
      ws.addRow([i + 1, p.name, p.gender, p.ethnicity, formatRosterDate(p.birthDate), formatRosterDate(p.partyJoinDate), p.education, p.workplace, p.category, p.electoralUnit, null, p.phone, p.idNumber]);
    }
    const boundary = '----nianhuicounts';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="名册.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    const payload = Buffer.concat([Buffer.from(head), Buffer.from(await wb.xlsx.writeBuffer()), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const imported = await admin.request('POST', `/api/townships/${w.townships.a.id}/roster/import`, undefined, {
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(imported.status).toBe(200);
    expect(await overviewOfA()).toMatchObject({ active: before.active + 6 });
    expect((await admin.get(url)).body.total).toBe(before.active + before.suspended + before.terminated + 7);

    // A delete (as a restore clears a table) moves the counters in the same statement.
    await w.ctx.database.query(`delete from delegates where id = $1`, [filled.body.id]);
    expect(await overviewOfA()).toMatchObject({ active: before.active + 5, vacancies: before.vacancies + 1 });
    await recount();
  });

  it('leaves the counters untouched when a change is refused or rolled back', async () => {
    const before = await overviewOfA();
    const refused = await admin.post(url, person({ idNumber: '123' }));
    expect(refused.status).toBe(400);
    let inside = -1;
    await w.ctx.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`update delegates set status = 'suspended' where township_id = ${w.townships.a.id}`);
        const [r] = await tx
          .select({ n: sql<number>`coalesce(sum(${rosterCounts.n}), 0)::int` })
          .from(rosterCounts)
          .where(sql`${rosterCounts.townshipId} = ${w.townships.a.id} and ${rosterCounts.status} = 'suspended'`);
        inside = r!.n;
        tx.rollback();
      })
      .catch(() => undefined);
    expect(inside).toBe(before.active + before.suspended + before.terminated);
    expect(await overviewOfA()).toEqual(before);
    await recount();
  });

  it('walks every page by its cursors, forwards and back, in the same order as by page number', async () => {
    for (let i = 0; i < 23; i += 1) expect((await admin.post(url, person())).status).toBe(201);
    for (const sort of ['strokes', 'name', 'updated']) {
      const all = (await admin.get(`${url}?pageSize=500&sort=${sort}`)).body;
      const ids = all.items.map((d: any) => d.id);
      expect(ids.length).toBe(all.total);
      const size = 7;
      const pages = Math.ceil(all.total / size);
      const seen: string[] = [];
      let page = (await admin.get(`${url}?pageSize=${size}&sort=${sort}`)).body;
      for (let p = 1; ; p += 1) {
        // By page number (the second half is read from the end) gives the same rows.
        expect((await admin.get(`${url}?pageSize=${size}&sort=${sort}&page=${p}`)).body.items.map((d: any) => d.id)).toEqual(page.items.map((d: any) => d.id));
        seen.push(...page.items.map((d: any) => d.id));
        if (!page.nextCursor) break;
        page = (await admin.get(`${url}?pageSize=${size}&sort=${sort}&page=${p + 1}&after=${page.nextCursor}`)).body;
      }
      expect(seen).toEqual(ids);
      expect(page.page).toBe(pages);
      const back = (await admin.get(`${url}?pageSize=${size}&sort=${sort}&page=${pages - 1}&before=${page.prevCursor}`)).body;
      expect(back.items.map((d: any) => d.id)).toEqual(ids.slice((pages - 2) * size, (pages - 1) * size));
      expect((await admin.get(`${url}?pageSize=${size}&sort=${sort}&page=${pages + 1}`)).body.items).toEqual([]);
    }
  });

  it('refuses a cursor that is not one, or belongs to another sort, in Chinese', async () => {
    const first = (await admin.get(`${url}?pageSize=5`)).body;
    for (const bad of ['xyz', Buffer.from('["strokes","a","not-a-uuid"]').toString('base64url')]) {
      const res = await admin.get(`${url}?pageSize=5&page=2&after=${bad}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/翻页位置无效/);
    }
    const other = await admin.get(`${url}?pageSize=5&page=2&sort=name&after=${first.nextCursor}`);
    expect(other.status).toBe(400);
  });
});
