import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../support/app.js';
import { backendName } from '../support/db.js';
import { auditLog, calendarYears } from '../../src/server/db/schema/index.js';
import { createMeeting } from './meeting-fixtures.js';

describe(`work-day calendar (${backendName()})`, () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await createTestWorld();
  });
  afterAll(() => w.close());

  it('is seeded from chinese-days at start-up', async () => {
    const res = await (await w.as('delegate')).get('/api/calendar/years');
    expect(res.status).toBe(200);
    const y2025 = res.body.items.find((y: any) => y.year === 2025);
    expect(y2025.source).toBe('chinese-days');
    expect(y2025.holidays).toContain('2025-10-01');
    expect(y2025.makeupWorkdays).toContain('2025-09-28');
  });

  it('needs a session to read', async () => {
    expect((await w.anonymous().get('/api/calendar/years')).status).toBe(401);
  });

  it('lets an administrator enter a new year; a meeting that year stops being provisional', async () => {
    const admin = await w.as('townshipAdmin');
    const m = await createMeeting(admin, w.townships.a.id, { startsOn: '2099-06-15' });
    expect(m.deadlines.topic).toMatchObject({ date: '2099-06-01', provisional: true });
    // A made-up arrangement: 1 June off, Saturday 30 May worked.
    const res = await admin.put('/api/calendar/years/2099', { holidays: ['2099-06-01'], makeupWorkdays: ['2099-05-30'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2099, source: 'manual' });
    const again = (await admin.get(`/api/townships/${w.townships.a.id}/meetings/${m.id}`)).body;
    // Back from Monday 15 June: 12, 11, 10, 9, 8, 5, 4, 3, 2, then 1 June is off → Saturday 30 May.
    expect(again.deadlines.topic).toMatchObject({ date: '2099-05-30', provisional: false });
    const audit = await w.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.update'));
    expect(audit.map((a) => a.entityId)).toContain('2099');
  });

  it('imports the same JSON and replaces the year', async () => {
    const county = await w.as('countyAdmin');
    const res = await county.post('/api/calendar/years/2098/import', { holidays: ['2098-01-01'], makeupWorkdays: [] });
    expect(res.status).toBe(200);
    const [row] = await w.ctx.database.db.select().from(calendarYears).where(eq(calendarYears.year, 2098));
    expect(row!.holidays).toEqual(['2098-01-01']);
    const audit = await w.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.import'));
    expect(audit).toHaveLength(1);
  });

  it.each([
    ['a date of another year', { holidays: ['2097-12-31'], makeupWorkdays: [] }, '不在 2098 年内'],
    ['a weekday as a make-up day', { holidays: [], makeupWorkdays: ['2098-03-04'] }, '不是周末'],
    ['a weekend as a holiday', { holidays: ['2098-03-01'], makeupWorkdays: [] }, '是周末'],
    ['a non-date', { holidays: ['2098-02-30'], makeupWorkdays: [] }, 'YYYY-MM-DD'],
  ])('refuses %s in Chinese and keeps the year as it was', async (_l, body, message) => {
    const admin = await w.as('townshipAdmin');
    const res = await admin.put('/api/calendar/years/2098', body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    const [row] = await w.ctx.database.db.select().from(calendarYears).where(eq(calendarYears.year, 2098));
    expect(row!.holidays).toEqual(['2098-01-01']);
  });

  it('refuses a year out of range and other roles', async () => {
    const admin = await w.as('townshipAdmin');
    expect((await admin.put('/api/calendar/years/1800', { holidays: [], makeupWorkdays: [] })).status).toBe(400);
    expect((await admin.put('/api/calendar/years/abc', { holidays: [], makeupWorkdays: [] })).status).toBe(400);
    const d = await w.as('delegate');
    const res = await d.put('/api/calendar/years/2097', { holidays: [], makeupWorkdays: [] });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('节假日安排');
  });
});
