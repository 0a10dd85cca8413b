import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { auditLog, meetingAttendance, polls } from '../../src/server/db/schema/index.js';
import type { HubEvent } from '../../src/server/realtime/hub.js';
import { meetingDeadline } from '../../src/domain/meeting/deadlines.js';
import { addDelegates, createMeeting, inDays, setDelegateStatus, today } from './meeting-fixtures.js';

describe(`meetings: creation, notice, opening and closing (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let base: string;
  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    base = `/api/townships/${w.townships.a.id}/meetings`;
  });
  afterAll(() => w.close());

  it('derives the official name and numbers sessions within the term', async () => {
    const first = await createMeeting(admin, w.townships.a.id, { place: '镇政府三楼会议室', startTime: '08:30', durationDays: 0.5 });
    expect(first).toMatchObject({ name: '中国共产党青山镇第十二届代表大会第一次会议', sessionNumber: 1, termNumber: 12, status: 'draft', durationDays: 0.5, startTime: '08:30' });
    const second = await createMeeting(admin, w.townships.a.id);
    expect(second.name).toBe('中国共产党青山镇第十二届代表大会第二次会议');
    const other = await createMeeting(await w.as('townshipAdmin', 'b'), w.townships.b.id);
    expect(other.name).toBe('中国共产党白水乡第八届代表大会第一次会议');
  });

  it('shows the topic and notice deadlines computed on the stored calendar', async () => {
    const m = await createMeeting(admin, w.townships.a.id, { startsOn: inDays(40) });
    const cal = (await admin.get('/api/calendar/years')).body.items;
    const topic = meetingDeadline(m.startsOn, { days: 10, unit: 'workdays' }, cal, today());
    const notice = meetingDeadline(m.startsOn, { days: 5, unit: 'workdays' }, cal, today());
    const got = (await admin.get(`${base}/${m.id}`)).body;
    expect(got.deadlines.topic).toEqual(topic);
    expect(got.deadlines.notice).toEqual(notice);
    expect(got.deadlines.topic.daysLeft).toBeGreaterThan(0);
    expect(got.counts).toMatchObject({ attendance: { due: 0 }, topics: { submitted: 0 }, agendaItems: 0 });
  });

  it.each([
    ['too long a meeting', { durationDays: 3 }, '会期不超过两天'],
    ['a duration not in half days', { durationDays: 0.7 }, '半天为单位'],
    ['an impossible time', { startTime: '25:00' }, 'HH:MM'],
    ['an impossible date', { startsOn: '2026-02-30' }, '日期'],
  ])('refuses %s in Chinese', async (_l, change, message) => {
    const res = await admin.post(base, { startsOn: inDays(30), durationDays: 1, hasElection: false, ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('lists the meetings of the township only', async () => {
    const list = (await admin.get(base)).body.items;
    expect(list.length).toBe(3);
    expect(list.every((m: any) => m.name.includes('青山镇'))).toBe(true);
    expect((await admin.get(`${base}?status=closed`)).body.items).toEqual([]);
  });

  it('lets delegates and the county read but only the township administrator change', async () => {
    const m = (await admin.get(base)).body.items[0];
    expect((await (await w.as('delegate')).get(`${base}/${m.id}`)).status).toBe(200);
    expect((await (await w.as('countyAdmin')).get(`${base}/${m.id}`)).status).toBe(200);
    expect((await (await w.as('delegate')).post(base, { startsOn: inDays(30) })).status).toBe(403);
    expect((await (await w.as('committeeMember')).put(`${base}/${m.id}`, { place: 'x' })).status).toBe(403);
    expect((await (await w.as('townshipAdmin', 'b')).get(`${base}/${m.id}`)).status).toBe(404);
    // B's administrator addressing A's meeting through B's own township: still not found.
    expect((await (await w.as('townshipAdmin', 'b')).get(`/api/townships/${w.townships.b.id}/meetings/${m.id}`)).status).toBe(404);
  });

  it('runs draft → notified → inProgress → closed, keeping attendance in step with the roster until opening', async () => {
    const [d1, d2, d3] = await addDelegates(w, 'a', 3);
    const [gone] = await addDelegates(w, 'a', 1, { status: 'suspended' });
    const m = await createMeeting(admin, w.townships.a.id, { startsOn: inDays(50) });
    const url = `${base}/${m.id}`;
    const events: HubEvent[] = [];
    const off = w.ctx.hub.subscribe(`meeting:${m.id}`, (e) => events.push(e));

    const early = await admin.post(`${url}/open`);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('会议通知尚未发出，不能开幕：请先向代表发出会议通知');

    const edit = await admin.put(url, { place: '党群服务中心', hasElection: true });
    expect(edit.body).toMatchObject({ place: '党群服务中心', hasElection: true, name: m.name });

    const notice = await admin.post(`${url}/notice`);
    expect(notice.status).toBe(200);
    expect(notice.body.meeting.status).toBe('notified');
    const dueIds = async () =>
      (await w.ctx.database.db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, m.id))).map((r) => r.delegateId).sort();
    const active = (await admin.get(url)).body.counts.activeDelegates;
    expect((await dueIds()).length).toBe(active);
    expect(await dueIds()).not.toContain(gone!.id);
    expect((await admin.post(`${url}/notice`)).body.error.message).toBe('会议通知已经发出，不能重复发送');

    // Between the notice and the opening d1 is suspended and the suspended one reinstated.
    await setDelegateStatus(w, d1!.id, 'suspended');
    await setDelegateStatus(w, gone!.id, 'active');
    const open = await admin.post(`${url}/open`);
    expect(open.status).toBe(200);
    expect(open.body.status).toBe('inProgress');
    const due = await dueIds();
    expect(due).toContain(gone!.id);
    expect(due).not.toContain(d1!.id);
    expect(due).toContain(d2!.id);
    expect(due).toContain(d3!.id);
    const [added] = await w.ctx.database.db.select().from(meetingAttendance).where(and(eq(meetingAttendance.meetingId, m.id), eq(meetingAttendance.delegateId, gone!.id)));
    expect(added!.notifiedAt).toBeNull();

    expect((await admin.put(url, { place: 'x' })).body.error.message).toBe('会议进行中，不能修改会议信息');
    const [poll] = await w.ctx.database.db
      .insert(polls)
      .values({ townshipId: w.townships.a.id, meetingId: m.id, title: '表决大会决议', method: 'showOfHands', status: 'open', passRule: open.body.rules.passRule })
      .returning();
    const busy = await admin.post(`${url}/close`);
    expect(busy.status).toBe(409);
    expect(busy.body.error.message).toBe('还有 1 项表决尚未结束，不能闭幕');
    await w.ctx.database.db.update(polls).set({ status: 'closed' }).where(eq(polls.id, poll!.id));
    const close = await admin.post(`${url}/close`);
    expect(close.body.status).toBe('closed');
    expect((await admin.post(`${url}/close`)).body.error.message).toBe('会议已经闭幕');
    expect((await admin.post(`${url}/open`)).body.error.message).toBe('会议已闭幕，不能重新开幕');
    expect((await admin.put(url, { place: 'x' })).status).toBe(409);
    off();

    expect(events.filter((e) => e.type === 'meeting').map((e) => (e.data as any).status)).toEqual(['notified', 'inProgress', 'closed']);
    const actions = (await w.ctx.database.db.select().from(auditLog).where(eq(auditLog.entityId, m.id))).map((a) => a.action);
    expect(actions).toEqual(['meeting.create', 'meeting.update', 'meeting.notify', 'meeting.open', 'meeting.close']);
  });

  it('refuses a notice when the term has no active delegate', async () => {
    const bAdmin = await w.as('townshipAdmin', 'b');
    const m = await createMeeting(bAdmin, w.townships.b.id, { startsOn: inDays(45) });
    const res = await bAdmin.post(`/api/townships/${w.townships.b.id}/meetings/${m.id}/notice`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('本届没有正常履职的代表，无法发出会议通知');
    expect((await bAdmin.get(`/api/townships/${w.townships.b.id}/meetings/${m.id}`)).body.status).toBe('draft');
  });

  it('answers 404 for an unknown meeting and 400 for a malformed id', async () => {
    expect((await admin.get(`${base}/00000000-0000-4000-8000-000000000009`)).status).toBe(404);
    expect((await admin.post(`${base}/not-an-id/open`)).status).toBe(400);
  });
});
