import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { agendaItems, observers, topics } from '../../src/server/db/schema/index.js';
import { chineseDate, chinaToday } from '../../src/domain/meeting/deadlines.js';
import { smsIdle } from '../../src/server/modules/notices/outbox.js';

import { addDelegates, asDelegate, createMeeting, inDays } from '../api/meeting-fixtures.js';
import { resolutionBody } from '../api/resolution-fixtures.js';
import { openDocx } from './docx-reader.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The meeting's documents as users download them, filled from what the meeting recorded. */
describe(`meeting documents over the API (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let api: string;
  let meeting: { id: string; name: string };
  let delegateIds: string[];
  let adopted: string;
  let rejected: string;

  beforeAll(async () => {
    w = await createTestWorld();
    w.ctx.sms.adapter = { name: 'silent', send: async () => undefined };
    admin = await w.as('townshipAdmin');
    const tid = w.townships.a.id;
    api = `/api/townships/${tid}`;
    delegateIds = (await addDelegates(w, 'a', 10)).map((d) => d.id);
    meeting = await createMeeting(admin, tid, { place: '镇政府三楼会议室', startTime: '09:00', startsOn: inDays(45) });
    const db = w.ctx.database.db;
    // The agenda, a topic and an observer are written straight to their tables: these tests are about the documents.
    await db.insert(agendaItems).values(
      ['审议中共青山镇委员会工作报告', '审议中共青山镇纪律检查委员会工作报告', '表决通过大会决议'].map((title, position) => ({
        townshipId: tid,
        meetingId: meeting.id,
        position,
        type: position === 2 ? 'resolutionVote' : 'review',
        title,
      })),
    );
    await db.insert(topics).values({ townshipId: tid, meetingId: meeting.id, title: '关于集镇污水管网建设的议题', content: '建议', proposerKind: 'committee', status: 'accepted' });
    await db.insert(observers).values({ townshipId: tid, meetingId: meeting.id, name: '孙丽', kind: 'committeeDecided', organisation: '青山村', status: 'approved' });
    const m = `${api}/meetings/${meeting.id}`;
    expect((await admin.post(`${m}/notice`, {})).status).toBe(200);
    const onLeave = await asDelegate(w, 'a', delegateIds[9]!);
    expect((await onLeave.post(`/api/me/meetings/${meeting.id}/reply`, { reply: 'leave', leaveReason: '外出学习' })).status).toBe(200);
    expect((await admin.post(`${m}/open`)).status).toBe(200);
    for (const id of delegateIds.slice(0, 8)) expect((await admin.post(`${m}/checkins`, { delegateId: id })).status).toBe(200);
    // A show of hands through the polls module, then the resolution adopted on it.
    const poll = (await admin.post(`${m}/polls`, { title: '表决《关于镇党委工作报告的决议》', method: 'showOfHands' })).body;
    expect((await admin.post(`${api}/polls/${poll.id}/open`)).status).toBe(200);
    expect((await admin.post(`${api}/polls/${poll.id}/tally`, { yes: 7, no: 1, abstain: 0 })).status).toBe(200);
    expect((await admin.post(`${api}/polls/${poll.id}/close`)).status).toBe(200);
    adopted = (await admin.post(`${m}/resolutions`, resolutionBody('关于镇党委工作报告的决议'))).body.id;
    const adopt = await admin.post(`${api}/resolutions/${adopted}/adopt`, { pollId: poll.id });
    expect(adopt.status).toBe(200);
    rejected = (await admin.post(`${m}/resolutions`, resolutionBody('关于调整代表小组的决议'))).body.id;
    expect((await admin.post(`${api}/resolutions/${rejected}/reject`, { vote: { yes: 3, no: 4, abstain: 1, present: 8 } })).status).toBe(200);
  });
  afterAll(async () => {
    await smsIdle(w.ctx);
    await w.close();
  });

  it('serves the notice as a .docx named in Chinese', async () => {
    const res = await admin.get(`${api}/meetings/${meeting.id}/documents/notice.docx?replyBy=${inDays(40)}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(DOCX);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="notice\.docx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`关于召开${meeting.name}的通知.docx`);
    const d = await openDocx(res.raw);
    expect(d.text).toContain('全体党代表（应到会代表10名）。');
    expect(d.text).toContain('（一）审议中共青山镇委员会工作报告；');
    expect(d.text).toContain('镇政府三楼会议室。');
    expect(d.text).toContain(`请各位代表于${chineseDate(inDays(40))}前`);
    expect(d.paragraphs.slice(-2)).toEqual(['中共青山镇委员会', chineseDate(chinaToday())]);
  });

  it('serves the agenda in order', async () => {
    const d = await openDocx((await admin.get(`${api}/meetings/${meeting.id}/documents/agenda.docx`)).raw);
    expect(d.paragraphs.filter((p) => /^[一二三]、/.test(p))).toEqual(['一、审议中共青山镇委员会工作报告', '二、审议中共青山镇纪律检查委员会工作报告', '三、表决通过大会决议']);
  });

  it('reports the figures the meeting recorded to the county', async () => {
    const res = await admin.get(`${api}/meetings/${meeting.id}/documents/summary.docx?issuedOn=2027-01-20`);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(`关于${meeting.name}召开情况的报告.docx`);
    const d = await openDocx(res.raw);
    expect(d.text).toContain('中共测试县委组织部：');
    expect(d.text).toContain('本次会议应到会代表10名，实到会代表8名，请假1名，缺席1名。实到会代表超过应到会代表的三分之二，符合规定人数，会议有效。');
    expect(d.text).toContain('列席会议的有1人：孙丽（青山村）。');
    expect(d.text).toContain('会议共进行表决2项，获得通过1项，未获通过1项。');
    const rows = [...d.document.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].slice(1).map((r) => [...r[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]));
    expect(rows).toEqual([
      ['表决《关于镇党委工作报告的决议》', '举手表决', '8', '7', '1', '0', '通过'],
      ['关于调整代表小组的决议', '举手表决', '8', '3', '4', '1', '未通过'],
    ]);
    expect(d.text).toContain(`会议共通过决议1项：\n（一）《${meeting.name}关于镇党委工作报告的决议》（${chineseDate(chinaToday())}通过）。`);
    expect(d.text).toContain('（一）关于集镇污水管网建设的议题（镇党委提出）。');
    expect(d.paragraphs.at(-1)).toBe('2027年1月20日');
  });

  it('serves an adopted resolution with its adoption line', async () => {
    const res = await admin.get(`${api}/resolutions/${adopted}/document.docx`);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(`${meeting.name}关于镇党委工作报告的决议.docx`);
    const d = await openDocx(res.raw);
    expect(d.text).toContain(`（${chineseDate(chinaToday())}中国共产党青山镇第十二届代表大会`);
    expect(d.text).toContain('一、总体要求。关于镇党委工作报告的决议的正文。');
  });

  it('lets delegates download the notice, agenda and adopted resolutions only', async () => {
    const delegate = await asDelegate(w, 'a', delegateIds[0]!);
    expect((await delegate.get(`${api}/meetings/${meeting.id}/documents/notice.docx`)).status).toBe(200);
    expect((await delegate.get(`${api}/meetings/${meeting.id}/documents/agenda.docx`)).status).toBe(200);
    expect((await delegate.get(`${api}/resolutions/${adopted}/document.docx`)).status).toBe(200);
    expect((await delegate.get(`${api}/resolutions/${rejected}/document.docx`)).status).toBe(404);
    expect((await delegate.get(`${api}/meetings/${meeting.id}/documents/summary.docx`)).status).toBe(403);
  });

  it("answers 404 for another township's documents", async () => {
    const b = await w.as('townshipAdmin', 'b');
    const urls = ['notice', 'agenda', 'summary'].map((k) => `${api}/meetings/${meeting.id}/documents/${k}.docx`).concat(`${api}/resolutions/${adopted}/document.docx`);
    expect(await Promise.all(urls.map(async (u) => (await b.get(u)).status))).toEqual([404, 404, 404, 404]);
  });

  it('renders what exists for a meeting still being prepared', async () => {
    const draft = await createMeeting(admin, w.townships.a.id, { startsOn: inDays(200) });
    const d = await openDocx((await admin.get(`${api}/meetings/${draft.id}/documents/summary.docx`)).raw);
    expect(d.text).toContain('本次会议未登记应到会代表名单，出席情况另行报告。');
    expect(d.text).toContain('本次会议未进行表决。');
    const n = await openDocx((await admin.get(`${api}/meetings/${draft.id}/documents/notice.docx`)).raw);
    expect(n.text).toContain('会议议程另行印发。');
    expect(n.text).toContain('全体党代表。');
    expect((await admin.get(`${api}/meetings/${draft.id}/documents/notice.docx?replyBy=2026-02-30`)).status).toBe(400);
  });

  it('writes a meeting of 1.5 days as 一天半 in the notice sent to delegates, the notice and the report', async () => {
    const m = await createMeeting(admin, w.townships.a.id, { startsOn: inDays(50), durationDays: 1.5 });
    expect((await admin.post(`${api}/meetings/${m.id}/notice`, {})).status).toBe(200);
    const delegate = await asDelegate(w, 'a', delegateIds[0]!);
    const sent = ((await delegate.get('/api/me/notifications')).body.items as { body: string }[]).find((n) => n.body.includes(m.name));
    expect(sent?.body).toContain('会期一天半。');
    const notice = await openDocx((await admin.get(`${api}/meetings/${m.id}/documents/notice.docx`)).raw);
    expect(notice.text).toContain('会期一天半。');
    const summary = await openDocx((await admin.get(`${api}/meetings/${m.id}/documents/summary.docx`)).raw);
    expect(summary.text).toContain('会期一天半。');
  });

  it('never asks for replies before the date the notice bears', async () => {
    const m = await createMeeting(admin, w.townships.a.id, { startsOn: inDays(70) });
    const url = `${api}/meetings/${m.id}/documents/notice.docx`;
    // Dated the meeting day itself: the working day before has passed, so the notice asks for replies 及时.
    const sameDay = await openDocx((await admin.get(`${url}?issuedOn=${m.startsOn}`)).raw);
    expect(sameDay.text).toContain('请各位代表及时通过');
    expect(sameDay.text).not.toMatch(/请各位代表于.*前/);
    const early = await admin.get(`${url}?issuedOn=${inDays(30)}&replyBy=${inDays(29)}`);
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe(`回复截止日期（${chineseDate(inDays(29))}）早于通知的成文日期（${chineseDate(inDays(30))}），代表无法按期回复`);
    expect((await admin.get(`${url}?replyBy=${m.startsOn}`)).status).toBe(400);
  });
});
