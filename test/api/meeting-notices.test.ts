import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { auditLog, meetings, notifications, smsOutbox } from '../../src/server/db/schema/index.js';
import { drainSmsOutbox, smsIdle } from '../../src/server/modules/notices/outbox.js';
import { LogSmsAdapter, type SmsAdapter } from '../../src/server/modules/notices/sms.js';
import { addDelegates, asDelegate, createMeeting, inDays } from './meeting-fixtures.js';

describe(`meeting notices, SMS outbox and replies (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let base: string;
  let withPhone: { id: string; phoneEnc: string | null }[];
  let noPhone: { id: string }[];
  const logged: { obj: any; msg: string }[] = [];
  beforeAll(async () => {
    w = await createTestWorld();
    w.ctx.sms.adapter = new LogSmsAdapter({ info: (obj, msg) => logged.push({ obj, msg }) });
    admin = await w.as('townshipAdmin');
    base = `/api/townships/${w.townships.a.id}/meetings`;
    withPhone = await addDelegates(w, 'a', 4);
    noPhone = await addDelegates(w, 'a', 1, { phone: false });
    await addDelegates(w, 'a', 1, { status: 'terminated' });
  });
  afterAll(() => w.close());

  it('notifies every active delegate in the app and queues an encrypted SMS for those with a phone', async () => {
    const m = await createMeeting(admin, w.townships.a.id, { startsOn: inDays(40), place: '镇党群服务中心', startTime: '09:00' });
    const res = await admin.post(`${base}/${m.id}/notice`);
    expect(res.status).toBe(200);
    expect(res.body.notice).toEqual({ due: 5, smsQueued: 4, late: false, lateReason: null });
    const notes = await w.ctx.database.db.select().from(notifications).where(eq(notifications.kind, 'meetingNotice'));
    expect(notes.map((n) => n.delegateId).sort()).toEqual([...withPhone, ...noPhone].map((d) => d.id).sort());
    expect(notes[0]!.body).toContain('镇党群服务中心');
    const sms = await w.ctx.database.db.select().from(smsOutbox).where(eq(smsOutbox.meetingId, m.id));
    expect(sms).toHaveLength(4);
    const phones = withPhone.map((d) => w.ctx.cipher.decrypt(d.phoneEnc!));
    for (const row of sms) {
      expect(row.phoneEnc).not.toMatch(/1[3-9]\d{9}/);
      expect(phones).toContain(w.ctx.cipher.decrypt(row.phoneEnc));
    }
    // The drain started after commit sends through the log adapter, phone masked.
    await smsIdle(w.ctx);
    const after = await w.ctx.database.db.select().from(smsOutbox).where(eq(smsOutbox.meetingId, m.id));
    expect(after.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(logged).toHaveLength(4);
    expect(JSON.stringify(logged)).not.toContain(phones[0]);
    expect(logged[0]!.obj.sms.text).toContain(m.name);
    const replies = (await admin.get(`${base}/${m.id}/replies`)).body;
    expect(replies.sms).toEqual({ pending: 0, sent: 4, failed: 0 });
    expect(replies.counts).toMatchObject({ due: 5, pending: 5, confirmed: 0, leave: 0 });
  });

  it('retries a failing gateway and gives up after three attempts, recording the error', async () => {
    let calls = 0;
    const broken: SmsAdapter = { name: 'down', send: async () => { calls++; throw new Error('网关不可用'); } };
    w.ctx.sms.adapter = broken;
    const m = await createMeeting(admin, w.townships.a.id, { startsOn: inDays(41) });
    await admin.post(`${base}/${m.id}/notice`);
    await smsIdle(w.ctx);
    await drainSmsOutbox(w.ctx);
    await drainSmsOutbox(w.ctx);
    const rows = await w.ctx.database.db.select().from(smsOutbox).where(eq(smsOutbox.meetingId, m.id));
    expect(rows.map((r) => [r.status, r.attempts, r.error])).toEqual(Array(4).fill(['failed', 3, '网关不可用']));
    expect(calls).toBe(12);
    await drainSmsOutbox(w.ctx);
    expect(calls).toBe(12);
    w.ctx.sms.adapter = new LogSmsAdapter({ info: () => undefined });
  });

  it('refuses a notice later than the notice period unless the lateness is explained, and records it', async () => {
    const m = await createMeeting(admin, w.townships.a.id, { startsOn: inDays(2) });
    const url = `${base}/${m.id}/notice`;
    const refused = await admin.post(url);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^会议通知应不迟于\d{4}年\d{1,2}月\d{1,2}日（会前5个工作日）发出，现已逾期/);
    const noReason = await admin.post(url, { late: true });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toBe('逾期发出会议通知须写明原因');
    const [still] = await w.ctx.database.db.select().from(meetings).where(eq(meetings.id, m.id));
    expect(still!.status).toBe('draft');
    const ok = await admin.post(url, { late: true, reason: '县委统一调整会期' });
    expect(ok.status).toBe(200);
    expect(ok.body.meeting).toMatchObject({ status: 'notified', noticeLate: true, noticeLateReason: '县委统一调整会期' });
    const [entry] = await w.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'meeting.notify')).then((r) => r.filter((e) => e.entityId === m.id));
    expect(entry!.after).toMatchObject({ late: true, lateReason: '县委统一调整会期' });
  });

  it('lets a delegate see the meetings they are due at and confirm or ask for leave with a reason', async () => {
    const m = await createMeeting(admin, w.townships.a.id, { startsOn: inDays(42) });
    const d = await asDelegate(w, 'a', withPhone[0]!.id);
    const replyUrl = `/api/me/meetings/${m.id}/reply`;
    expect((await d.post(replyUrl, { reply: 'confirmed' })).status).toBe(404);
    await admin.post(`${base}/${m.id}/notice`);
    const mine = (await d.get('/api/me/meetings')).body.items;
    expect(mine.find((x: any) => x.meeting.id === m.id)).toMatchObject({ reply: 'pending', meeting: { name: m.name, status: 'notified' } });

    const noReason = await d.post(replyUrl, { reply: 'leave' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('请假须写明理由');
    expect((await d.post(replyUrl, { reply: 'maybe' })).status).toBe(400);
    const leave = await d.post(replyUrl, { reply: 'leave', leaveReason: '赴县参加培训' });
    expect(leave.body).toMatchObject({ reply: 'leave', leaveReason: '赴县参加培训' });
    const confirm = await d.post(replyUrl, { reply: 'confirmed', leaveReason: '应被忽略' });
    expect(confirm.body).toMatchObject({ reply: 'confirmed', leaveReason: null });

    const replies = (await admin.get(`${base}/${m.id}/replies`)).body;
    expect(replies.items.find((r: any) => r.delegateId === withPhone[0]!.id)).toMatchObject({ reply: 'confirmed' });
    expect(replies.counts).toMatchObject({ confirmed: 1, pending: 4 });

    await admin.post(`${base}/${m.id}/open`);
    await admin.post(`${base}/${m.id}/close`);
    const late = await d.post(replyUrl, { reply: 'leave', leaveReason: '事后补假' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('会议已闭幕，不能回复参会或请假');
  });

  it('refuses replies from accounts that are not a delegate, and from another township', async () => {
    const m = (await admin.get(base)).body.items.find((x: any) => x.status === 'notified');
    const staff = await w.as('committeeMember');
    const res = await staff.post(`/api/me/meetings/${m.id}/reply`, { reply: 'confirmed' });
    expect(res.status).toBe(403);
    const [bDelegate] = await addDelegates(w, 'b', 1);
    const other = await asDelegate(w, 'b', bDelegate!.id);
    expect((await other.post(`/api/me/meetings/${m.id}/reply`, { reply: 'confirmed' })).status).toBe(404);
    expect((await other.get('/api/me/meetings')).body.items).toEqual([]);
    expect((await w.anonymous().get('/api/me/meetings')).status).toBe(401);
  });

  it('keeps each person’s notifications to themselves and marks them read', async () => {
    const d = await asDelegate(w, 'a', noPhone[0]!.id);
    const list = (await d.get('/api/me/notifications')).body;
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.unread).toBe(list.items.length);
    const first = list.items[0];
    const read = await d.post(`/api/me/notifications/${first.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toBeTruthy();
    expect((await d.get('/api/me/notifications')).body.unread).toBe(list.unread - 1);
    const someoneElse = await asDelegate(w, 'a', withPhone[1]!.id);
    expect((await someoneElse.post(`/api/me/notifications/${first.id}/read`)).status).toBe(404);
    expect((await someoneElse.get('/api/me/notifications')).body.items.map((n: any) => n.id)).not.toContain(first.id);
  });
});
