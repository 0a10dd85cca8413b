import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { notifications, smsOutbox } from '../../src/server/db/schema/index.js';
import { smsIdle } from '../../src/server/modules/notices/outbox.js';

import { addDelegates, asDelegate, createMeeting, inDays, setDelegateStatus } from './meeting-fixtures.js';
import { insertPoll, openedMeeting, resolutionBody } from './resolution-fixtures.js';
import { openDocx } from '../documents/docx-reader.js';

describe(`resolutions: adoption, implementation, urgent change and the report (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let tid: string;
  let api: string;
  let delegateIds: string[];
  let suspendedId: string;
  let draftMeeting: { id: string };
  let meeting: { id: string; name: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    w = await createTestWorld();
    w.ctx.sms.adapter = { name: 'silent', send: async () => undefined };
    admin = await w.as('townshipAdmin');
    tid = w.townships.a.id;
    api = `/api/townships/${tid}`;
    delegateIds = (await addDelegates(w, 'a', 12)).map((d) => d.id);
    // Suspended before the notice: not due, and not notified of anything later.
    const [suspended] = await addDelegates(w, 'a', 1);
    suspendedId = suspended!.id;
    await setDelegateStatus(w, suspendedId, 'suspended');
    meeting = await openedMeeting(admin, tid, { place: '镇政府三楼会议室', startTime: '09:00' });
    draftMeeting = await createMeeting(admin, tid, { startsOn: inDays(90) });
  });
  afterAll(async () => {
    await smsIdle(w.ctx);
    await w.close();
  });

  it('drafts resolutions numbered within the meeting and refuses a number twice', async () => {
    const a = await admin.post(`${api}/meetings/${meeting.id}/resolutions`, resolutionBody('关于加强基层党组织建设的决议', { importance: 'important' }));
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ number: 1, status: 'draft', statusLabel: '草案', importance: 'important', voteRecord: null, items: [] });
    const b = await admin.post(`${api}/meetings/${meeting.id}/resolutions`, resolutionBody('关于乡村振兴重点工作的决议'));
    const c = await admin.post(`${api}/meetings/${meeting.id}/resolutions`, resolutionBody('关于调整议事规则的决议'));
    expect([b.body.number, c.body.number]).toEqual([2, 3]);
    const dup = await admin.post(`${api}/meetings/${meeting.id}/resolutions`, resolutionBody('重复编号', { number: 2 }));
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toBe('本次会议已有第2号决议');
    const empty = await admin.post(`${api}/meetings/${meeting.id}/resolutions`, { title: ' ', body: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('请填写决议标题');
    Object.assign(ids, { a: a.body.id, b: b.body.id, c: c.body.id });
    const list = (await admin.get(`${api}/meetings/${meeting.id}/resolutions`)).body;
    expect(list.meeting.name).toBe(meeting.name);
    expect(list.items.map((r: any) => r.number)).toEqual([1, 2, 3]);
  });

  it('refuses adoption before the meeting has opened', async () => {
    const r = await admin.post(`${api}/meetings/${draftMeeting.id}/resolutions`, resolutionBody('会前决议'));
    const res = await admin.post(`${api}/resolutions/${r.body.id}/adopt`, { vote: { yes: 10, no: 0, abstain: 0, present: 10 } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('会议尚未开幕，不能表决决议');
  });

  it('refuses adoption without a closed, passed poll of the same meeting, and changes nothing', async () => {
    const url = `${api}/resolutions/${ids.a}/adopt`;
    const missing = await admin.post(url, { pollId: '00000000-0000-4000-8000-000000000009' });
    expect(missing.status).toBe(404);
    const open = await insertPoll(w, 'a', { meetingId: meeting.id, status: 'open', present: 12 });
    expect((await admin.post(url, { pollId: open.id })).body.error.message).toBe('表决尚未结束，不能据此作出决定');
    const failed = await insertPoll(w, 'a', { meetingId: meeting.id, yes: 6, no: 5, abstain: 1, present: 12 });
    const refused = await admin.post(url, { pollId: failed.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('该表决未获通过，不能据此通过决议');
    const elsewhere = await insertPoll(w, 'a', { meetingId: draftMeeting.id, yes: 12, present: 12 });
    expect((await admin.post(url, { pollId: elsewhere.id })).body.error.message).toBe('只能依据本次会议的表决作出决定');
    const neither = await admin.post(url, {});
    expect(neither.status).toBe(400);
    const after = (await admin.get(`${api}/resolutions/${ids.a}`)).body;
    expect(after).toMatchObject({ status: 'draft', voteRecord: null, pollId: null, adoptedAt: null });
  });

  it('refuses a manual record that fails the pass rule, exceeds those present or lacks quorum', async () => {
    const url = `${api}/resolutions/${ids.b}/adopt`;
    const half = await admin.post(url, { vote: { yes: 6, no: 4, abstain: 2, present: 12 } });
    expect(half.status).toBe(409);
    expect(half.body.error.message).toBe('表决未获通过：赞成 6 票，至少须 7 票，不能通过决议');
    const over = await admin.post(url, { vote: { yes: 10, no: 2, abstain: 1, present: 12 } });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toBe('赞成、反对、弃权合计 13 票，超过了实到会代表 12 人');
    // 12 due: 8 present is exactly 2/3, not more than 2/3.
    const quorum = await admin.post(url, { vote: { yes: 8, no: 0, abstain: 0, present: 8 } });
    expect(quorum.status).toBe(400);
    expect(quorum.body.error.message).toBe('实到会代表 8 人，未达到会议法定人数（应到 12 人，至少须到 9 人），表决无效');
    const wrongDue = await admin.post(url, { vote: { yes: 9, no: 0, abstain: 0, present: 9, due: 20 } });
    expect(wrongDue.body.error.message).toBe('应到会代表 20 人与本次会议的应到会名单（12 人）不一致');
    expect((await admin.get(`${api}/resolutions/${ids.b}`)).body.status).toBe('draft');
  });

  it('adopts on a passed poll, keeps its figures and refuses to use the poll twice', async () => {
    const poll = await insertPoll(w, 'a', { meetingId: meeting.id, yes: 10, no: 1, abstain: 0, present: 11, due: 12 });
    const res = await admin.post(`${api}/resolutions/${ids.a}/adopt`, { pollId: poll.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'adopted', statusLabel: '已通过', pollId: poll.id });
    expect(res.body.voteRecord).toEqual({ source: 'poll', pollId: poll.id, method: 'showOfHands', yes: 10, no: 1, abstain: 0, present: 11, due: 12, passed: true, requiredYes: 6 });
    expect(res.body.adoptedAt).toBeTruthy();
    const again = await admin.post(`${api}/resolutions/${ids.b}/adopt`, { pollId: poll.id });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('该表决已用于第1号决议《关于加强基层党组织建设的决议》');
    const twice = await admin.post(`${api}/resolutions/${ids.a}/adopt`, { pollId: poll.id });
    expect(twice.body.error.message).toBe('决议已通过，不能通过决议');
    const audit = (await admin.get(`${api}/audit?entity=resolution&entityId=${ids.a}`)).body.items.map((e: any) => e.action);
    expect(audit).toContain('resolution.adopt');
  });

  it('adopts on a manual record that passes, and records a rejection on a failed poll', async () => {
    const ok = await admin.post(`${api}/resolutions/${ids.b}/adopt`, { vote: { yes: 9, no: 2, abstain: 1, present: 12 } });
    expect(ok.status).toBe(200);
    expect(ok.body.voteRecord).toMatchObject({ source: 'manual', pollId: null, yes: 9, present: 12, due: 12, passed: true, requiredYes: 7 });
    const failed = await insertPoll(w, 'a', { meetingId: meeting.id, yes: 3, no: 8, abstain: 1, present: 12 });
    const rejected = await admin.post(`${api}/resolutions/${ids.c}/reject`, { pollId: failed.id });
    expect(rejected.body).toMatchObject({ status: 'rejected', statusLabel: '未通过' });
    const edit = await admin.put(`${api}/resolutions/${ids.b}`, resolutionBody('改标题'));
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toBe('决议已通过，不能修改决议草案');
  });

  it('follows implementation items: progress, completion and overdue', async () => {
    const onRejected = await admin.post(`${api}/resolutions/${ids.c}/items`, { title: '不应创建' });
    expect(onRejected.status).toBe(409);
    const late = await admin.post(`${api}/resolutions/${ids.a}/items`, { title: '完成村级党组织阵地改造', ownerName: '张三', ownerUnit: '党建办', dueOn: inDays(-10) });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({ status: 'overdue', statusLabel: '已逾期', overdue: true, daysOverdue: 10, progress: 0, updates: [] });
    const soon = await admin.post(`${api}/resolutions/${ids.a}/items`, { title: '开展党员轮训', ownerUnit: '组织办', dueOn: inDays(30) });
    expect(soon.body.status).toBe('notStarted');
    ids.late = late.body.id;
    ids.soon = soon.body.id;
    const p1 = await admin.post(`${api}/implementation-items/${ids.soon}/progress`, { progress: 40, note: '已完成第一期' });
    expect(p1.body).toMatchObject({ progress: 40, status: 'inProgress', completedOn: null });
    const p2 = await admin.post(`${api}/implementation-items/${ids.soon}/progress`, { progress: 100, note: '全部完成' });
    expect(p2.body).toMatchObject({ progress: 100, status: 'done', statusLabel: '已完成' });
    expect(p2.body.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(p2.body.updates.map((u: any) => [u.progress, u.note, u.by])).toEqual([
      [100, '全部完成', 'townshipAdmin@a'],
      [40, '已完成第一期', 'townshipAdmin@a'],
    ]);
    const lateProgress = await admin.post(`${api}/implementation-items/${ids.late}/progress`, { progress: 30 });
    expect(lateProgress.body).toMatchObject({ status: 'overdue', progress: 30 });
    expect((await admin.post(`${api}/implementation-items/${ids.late}/progress`, { progress: 120 })).status).toBe(400);
    const detail = (await admin.get(`${api}/resolutions/${ids.a}`)).body;
    expect(detail.implementation).toEqual({ total: 2, done: 1, inProgress: 0, notStarted: 0, overdue: 1, averageProgress: 65 });
    const moved = await admin.put(`${api}/implementation-items/${ids.late}`, { title: '完成村级党组织阵地改造', ownerName: '张三', ownerUnit: '党建办', dueOn: inDays(20) });
    expect(moved.body).toMatchObject({ status: 'inProgress', overdue: false });
    await admin.put(`${api}/implementation-items/${ids.late}`, { title: '完成村级党组织阵地改造', ownerName: '张三', ownerUnit: '党建办', dueOn: inDays(-3) });
  });

  it('notifies every active delegate of an urgent change with its reasons', async () => {
    const before = (await admin.get(`${api}/resolutions/${ids.b}`)).body.body;
    const after = '一、总体要求。因上级政策调整，重点工作改为三项。\n全镇各级党组织要认真贯彻落实。';
    const same = await admin.post(`${api}/resolutions/${ids.b}/urgent-change`, { reason: '无', after: before });
    expect(same.status).toBe(400);
    const draft = await admin.post(`${api}/meetings/${meeting.id}/resolutions`, resolutionBody('草案决议'));
    expect((await admin.post(`${api}/resolutions/${draft.body.id}/urgent-change`, { reason: '急', after: 'x' })).body.error.message).toBe('决议草案，不能变更决议');
    const res = await admin.post(`${api}/resolutions/${ids.b}/urgent-change`, { reason: '县委部署调整，须在汛期前完成', after });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ notified: 12, sms: 12 });
    expect(res.body.change).toMatchObject({ kind: 'urgent', kindLabel: '紧急变更', reason: '县委部署调整，须在汛期前完成', before, after, notifiedCount: 12 });
    expect(res.body.resolution.body).toBe(after);
    expect(res.body.resolution.changes).toHaveLength(1);

    const mine = (await (await asDelegate(w, 'a', delegateIds[3]!)).get('/api/me/notifications')).body.items;
    const note = mine.find((n: any) => n.kind === 'resolutionUrgentChange');
    expect(note.title).toBe('决议紧急变更：关于乡村振兴重点工作的决议');
    expect(note.body).toContain('变更理由：县委部署调整，须在汛期前完成');
    const db = w.ctx.database.db;
    const toSuspended = await db.select().from(notifications).where(and(eq(notifications.delegateId, suspendedId), eq(notifications.kind, 'resolutionUrgentChange')));
    expect(toSuspended).toEqual([]);
    const texts = await db.select().from(smsOutbox).where(eq(smsOutbox.townshipId, tid));
    expect(texts.filter((t) => t.text.includes('紧急变更'))).toHaveLength(12);
    const audit = (await admin.get(`${api}/audit?entity=resolution&entityId=${ids.b}`)).body.items.map((e: any) => e.action);
    expect(audit).toContain('resolution.urgentChange');
  });

  it('records the written distribution of an important resolution', async () => {
    const missing = (await admin.get(`${api}/resolutions/${ids.a}`)).body.missingDistributions.map((m: any) => m.label);
    expect(missing).toEqual(['全体党代表', '乡镇人民代表大会', '乡镇人民政府']);
    const d = await admin.post(`${api}/resolutions/${ids.a}/distributions`, { recipient: 'allDelegates', sentOn: inDays(-1) });
    expect(d.status).toBe(201);
    expect(d.body).toMatchObject({ recipient: 'allDelegates', recipientName: '全体党代表' });
    const other = await admin.post(`${api}/resolutions/${ids.a}/distributions`, { recipient: 'other', sentOn: inDays(-1) });
    expect(other.body.error.message).toBe('请填写印发对象名称');
    const detail = (await admin.get(`${api}/resolutions/${ids.a}`)).body;
    expect(detail.distributions).toHaveLength(1);
    expect(detail.missingDistributions.map((m: any) => m.recipient)).toEqual(['peoplesCongress', 'government']);
  });

  it('reports every resolution of the earlier meetings to the next meeting', async () => {
    // The poll left open by the refusal test above must end before the meeting may close.
    const refused = await admin.post(`${api}/meetings/${meeting.id}/close`);
    expect(refused.body.error.message).toBe('还有 1 项表决尚未结束，不能闭幕');
    await w.ctx.database.query(`update polls set status = 'closed', closed_at = now() where meeting_id = $1 and status = 'open'`, [meeting.id]);
    expect((await admin.post(`${api}/meetings/${meeting.id}/close`)).status).toBe(200);
    const next = await createMeeting(admin, tid, { startsOn: inDays(120) });
    const report = (await admin.get(`${api}/meetings/${next.id}/implementation-report`)).body;
    expect(report.meeting).toMatchObject({ id: next.id, sessionNumber: 3 });
    expect(report.previousMeetings.map((m: any) => [m.name, m.resolutionCount])).toEqual([
      [meeting.name, 2],
      [expect.stringContaining('第二次会议'), 0],
    ]);
    expect(report.summary).toMatchObject({ resolutions: 2, adopted: 2, changed: 1, items: { total: 2, done: 1, overdue: 1 } });
    const [first, second] = report.resolutions;
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first.meeting.name).toBe(meeting.name);
    const late = first.items.find((i: any) => i.id === ids.late);
    expect(late).toMatchObject({ overdue: true, daysOverdue: 3, progress: 30, ownerUnit: '党建办' });
    expect(first.items.find((i: any) => i.id === ids.soon).latestUpdate).toMatchObject({ progress: 100, note: '全部完成' });
    expect(second.changes[0]).toMatchObject({ kind: 'urgent', reason: '县委部署调整，须在汛期前完成' });
    const own = (await admin.get(`${api}/meetings/${meeting.id}/implementation-report`)).body;
    expect(own.resolutions).toEqual([]);
    ids.next = next.id;
  });

  it('writes the same report as a document for the meeting', async () => {
    const res = await admin.get(`${api}/meetings/${ids.next}/documents/implementation-report.docx?issuedOn=2027-03-01`);
    expect(res.status).toBe(200);
    const title = `关于${meeting.name}决议执行情况的报告`;
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(`${title}.docx`);
    const d = await openDocx(res.raw);
    expect(d.text).toContain(`${meeting.name}共通过决议2项，分解落实事项2项，已完成1项，平均进度65%，逾期未完成1项。`);
    expect(d.text).toContain(`（一）《${meeting.name}关于加强基层党组织建设的决议》`);
    expect(d.text).toMatch(/1\.完成村级党组织阵地改造；承办：党建办，张三；完成时限：\d{4}年\d{1,2}月\d{1,2}日；进度30%，已逾期3天。/);
    expect(d.text).toContain('2.开展党员轮训；承办：组织办；');
    expect(d.text).toContain('最新进展：全部完成。');
    expect(d.text).toContain('作出紧急变更，理由：县委部署调整，须在汛期前完成。');
    expect(d.text).toContain('尚有1项落实事项逾期未完成（完成村级党组织阵地改造）');
    expect(d.paragraphs.at(-1)).toBe('2027年3月1日');
  });

  it('marks a resolution superseded by a later adopted one', async () => {
    const res = await admin.post(`${api}/resolutions/${ids.b}/supersede`, { byResolutionId: ids.a });
    expect(res.body).toMatchObject({ status: 'superseded', supersededById: ids.a });
    expect((await admin.post(`${api}/resolutions/${ids.a}/supersede`, { byResolutionId: ids.a })).status).toBe(400);
    expect((await admin.post(`${api}/resolutions/${ids.a}/supersede`, { byResolutionId: ids.c })).body.error.message).toBe('取代它的决议须已经通过');
  });
});
