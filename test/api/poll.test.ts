import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaItems } from '../../src/server/db/schema/index.js';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { clientOf, createMeeting, delegateLogins, markPresent, votingSnapshot, type DelegateLogin, type MeetingFixture } from './vote-fixtures.js';

describe(`polls: quorum → open → vote → close (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let f: MeetingFixture;
  let logins: DelegateLogin[];
  let base: string;
  const phone = (i: number) => clientOf(w.app, logins[i]!);
  const db = () => w.ctx.database.db;

  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    // 9 due: the meeting quorum (more than 2/3) needs 7, the election quorum (more than 4/5) needs 8.
    f = await createMeeting(db(), w, { delegates: 9 });
    logins = await delegateLogins(db(), w, 'a', f.delegateIds);
    base = `/api/townships/${f.townshipId}`;
  });
  afterAll(() => w.close());

  const create = async (method: string, title = `表决${method}`, agendaItemId?: string) => {
    const res = await admin.post(`${base}/meetings/${f.meetingId}/polls`, { title, method, agendaItemId });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };

  it('refuses to open a vote without quorum, saying how many are needed, and changes nothing', async () => {
    await markPresent(db(), f, f.delegateIds.slice(0, 6));
    const id = await create('secret');
    const before = await votingSnapshot(db());
    const res = await admin.post(`${base}/polls/${id}/open`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('实到会代表 6 人，未达到会议法定人数（应到 9 人，至少须到 7 人），不能开始表决');
    expect(await votingSnapshot(db())).toEqual(before);
  });

  it('runs a secret vote: snapshot, one vote each, progress without counts, result by the pass rule', async () => {
    await markPresent(db(), f, [f.delegateIds[6]!]);
    const id = (await admin.get(`${base}/meetings/${f.meetingId}/polls`)).body.items[0].id;
    const opened = await admin.post(`${base}/polls/${id}/open`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: 'open', presentSnapshot: 7, dueSnapshot: 9, voted: 0, result: null });
    // Checked in after the opening: not in the snapshot.
    await markPresent(db(), f, [f.delegateIds[7]!]);
    const late = await phone(7).post(`/api/me/polls/${id}/vote`, { choice: 'yes' });
    expect(late.status).toBe(403);
    expect(late.body.error.message).toBe('您在本项表决开始时未签到，不在实到会代表名单中，不能投票');
    for (const [i, choice] of ['yes', 'yes', 'yes', 'no', 'abstain'].entries()) {
      const res = await phone(i).post(`/api/me/polls/${id}/vote`, { choice });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ pollId: id, voted: true });
    }
    const progress = await admin.get(`${base}/polls/${id}`);
    expect(progress.body).toMatchObject({ status: 'open', voted: 5, result: null });
    expect(JSON.stringify(progress.body)).not.toMatch(/"yes":\d/);
    const mine = await phone(0).get(`/api/me/meetings/${f.meetingId}/polls`);
    expect(mine.body.items).toEqual([expect.objectContaining({ id, eligible: true, hasVoted: true, result: null })]);
    const closed = await admin.post(`${base}/polls/${id}/close`);
    expect(closed.status).toBe(200);
    // 3 yes of 7 present is not more than half.
    expect(closed.body.result).toMatchObject({ yes: 3, no: 1, abstain: 1, notVoted: 2, presentSnapshot: 7, passed: false, requiredYes: 4, rule: '赞成票超过实到会代表的1/2' });
  });

  it('refuses voting twice, after close, and a closed poll is final — each in Chinese, changing nothing', async () => {
    const id = await create('named', '关于年度工作计划的决议');
    expect((await admin.post(`${base}/polls/${id}/open`)).status).toBe(200);
    expect((await phone(0).post(`/api/me/polls/${id}/vote`, { choice: 'yes' })).status).toBe(200);
    let before = await votingSnapshot(db());
    const twice = await phone(0).post(`/api/me/polls/${id}/vote`, { choice: 'no' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('您已经投过票，每人只能投一票');
    expect(await votingSnapshot(db())).toEqual(before);
    for (const i of [1, 2, 3]) await phone(i).post(`/api/me/polls/${id}/vote`, { choice: 'yes' });
    const closed = await admin.post(`${base}/polls/${id}/close`);
    // 4 yes of 8 present (delegate 8 checked in late for the earlier poll) is exactly half: fails.
    expect(closed.body.result).toMatchObject({ yes: 4, no: 0, abstain: 0, notVoted: 4, presentSnapshot: 8, passed: false });
    before = await votingSnapshot(db());
    const after = await phone(4).post(`/api/me/polls/${id}/vote`, { choice: 'yes' });
    expect(after.status).toBe(409);
    expect(after.body.error.message).toBe('表决已经结束，结果不可更改，不能投票');
    const reclose = await admin.post(`${base}/polls/${id}/close`);
    expect(reclose.body.error.message).toBe('表决已经结束，结果不可更改，不能结束表决');
    const reopen = await admin.post(`${base}/polls/${id}/open`);
    expect(reopen.body.error.message).toBe('表决已经结束，结果不可更改，不能开始表决');
    expect(await votingSnapshot(db())).toEqual(before);
    // A named vote is on the record, in name order.
    const detail = await admin.get(`${base}/polls/${id}`);
    expect(detail.body.votes.map((v: any) => [v.name, v.choice])).toEqual([['代表0001', 'yes'], ['代表0002', 'yes'], ['代表0003', 'yes'], ['代表0004', 'yes']]);
  });

  it('takes a show of hands checked against those present, passing with more than half', async () => {
    const id = await create('showOfHands', '关于表彰优秀党代表的决定');
    await admin.post(`${base}/polls/${id}/open`);
    const before = await votingSnapshot(db());
    const over = await admin.post(`${base}/polls/${id}/tally`, { yes: 6, no: 2, abstain: 1 });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toBe('赞成、反对、弃权合计 9 票，超过了表决开始时的实到会代表 8 人');
    const negative = await admin.post(`${base}/polls/${id}/tally`, { yes: -1, no: 0, abstain: 0 });
    expect(negative.status).toBe(400);
    expect(negative.body.error.message).toMatch(/赞成票数不能为负数/);
    const early = await admin.post(`${base}/polls/${id}/close`);
    expect(early.body.error.message).toBe('请先录入举手表决的赞成、反对、弃权票数，再结束表决');
    const phoneVote = await phone(0).post(`/api/me/polls/${id}/vote`, { choice: 'yes' });
    expect(phoneVote.status).toBe(409);
    expect(phoneVote.body.error.message).toBe('本项为举手表决，请在会场举手，无需在手机上投票');
    expect(await votingSnapshot(db())).toEqual(before);
    expect((await admin.post(`${base}/polls/${id}/tally`, { yes: 5, no: 2, abstain: 1 })).body.enteredCounts).toEqual({ yes: 5, no: 2, abstain: 1 });
    const closed = await admin.post(`${base}/polls/${id}/close`);
    expect(closed.body.result).toMatchObject({ yes: 5, no: 2, abstain: 1, notVoted: 0, passed: true, requiredYes: 5 });
  });

  it('needs the election quorum and a secret ballot for an election item', async () => {
    const [item] = await db()
      .insert(agendaItems)
      .values({ townshipId: f.townshipId, meetingId: f.meetingId, position: 1, type: 'election', title: '选举出席县党代会代表' })
      .returning();
    const hands = await admin.post(`${base}/meetings/${f.meetingId}/polls`, { title: '选举', method: 'showOfHands', agendaItemId: item!.id });
    expect(hands.status).toBe(400);
    expect(hands.body.error.message).toBe('选举必须采用无记名投票');
    const id = await create('secret', '选举', item!.id);
    // 8 of 9 present is more than 4/5 (7.2): enough.
    expect((await admin.post(`${base}/polls/${id}/open`)).status).toBe(200);
    await admin.post(`${base}/polls/${id}/close`);
    // With 7 of 9 it is not.
    await admin.delete(`${base}/meetings/${f.meetingId}/checkins/${f.delegateIds[7]}`);
    const id2 = await create('secret', '选举（第二轮）', item!.id);
    const res = await admin.post(`${base}/polls/${id2}/open`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('实到会代表 7 人，未达到选举法定人数（应到 9 人，至少须到 8 人），不能开始表决');
  });

  it('allows one open vote at a time, and votes only while the meeting is in progress', async () => {
    const a = await create('named', '甲');
    const b = await create('named', '乙');
    expect((await admin.post(`${base}/polls/${a}/open`)).status).toBe(200);
    const second = await admin.post(`${base}/polls/${b}/open`);
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe('本次会议已有一项表决正在进行，请先结束该表决');
    await admin.post(`${base}/polls/${a}/close`);
    const notYet = await createMeeting(db(), w, { delegates: 3, status: 'notified' });
    await markPresent(db(), notYet, notYet.delegateIds);
    const p = await admin.post(`${base}/meetings/${notYet.meetingId}/polls`, { title: '丙', method: 'named' });
    const res = await admin.post(`${base}/polls/${p.body.id}/open`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('会议已发通知，只有在会议进行中才能开始表决');
    expect((await admin.delete(`${base}/polls/${p.body.id}`)).status).toBe(204);
    expect((await admin.delete(`${base}/polls/${a}`)).body.error.message).toBe('表决已经结束，结果不可更改，不能删除表决事项');
  });

  it("refuses another township's poll with 404, a forged session with 401 and a missing CSRF token with 403", async () => {
    const id = await create('secret', '跨乡镇');
    await admin.post(`${base}/polls/${id}/open`);
    const bMeeting = await createMeeting(db(), w, { where: 'b', delegates: 1 });
    const [bLogin] = await delegateLogins(db(), w, 'b', bMeeting.delegateIds);
    const outsider = await w.as('townshipAdmin', 'b');
    const before = await votingSnapshot(db());
    const foreign = await clientOf(w.app, bLogin!).post(`/api/me/polls/${id}/vote`, { choice: 'yes' });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toBe('表决不存在或无权访问');
    const forged = clientOf(w.app, { ...logins[0]!, cookie: 'nh_sid=forged-token-xyz' });
    expect((await forged.post(`/api/me/polls/${id}/vote`, { choice: 'yes' })).status).toBe(401);
    const noCsrf = clientOf(w.app, { ...logins[0]!, csrf: '' });
    const csrf = await noCsrf.post(`/api/me/polls/${id}/vote`, { choice: 'yes' });
    expect(csrf.status).toBe(403);
    expect(csrf.body.error.message).toMatch(/CSRF/);
    const staff = await admin.post(`/api/me/polls/${id}/vote`, { choice: 'yes' });
    expect(staff.status).toBe(403);
    expect(staff.body.error.message).toBe('仅党代表本人可以使用此功能');
    const bad = await phone(0).post(`/api/me/polls/${id}/vote`, { choice: 'maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/请选择赞成、反对或弃权/);
    expect((await outsider.post(`${base}/polls/${id}/close`)).status).toBe(404);
    expect((await outsider.get(`${base}/polls/${id}`)).status).toBe(404);
    expect(await votingSnapshot(db())).toEqual(before);
    await admin.post(`${base}/polls/${id}/close`);
  });

  it('audits opening, tallies and closing, and named votes, but never a secret ballot', async () => {
    const rows = (await w.ctx.database.query<{ action: string; n: number }>(`select action, count(*)::int as n from audit_log where action like 'poll.%' group by action order by action`)).reduce(
      (o, r) => ({ ...o, [r.action]: r.n }),
      {} as Record<string, number>,
    );
    expect(rows['poll.open']).toBeGreaterThanOrEqual(5);
    expect(rows['poll.close']).toBeGreaterThanOrEqual(5);
    expect(rows['poll.tally']).toBe(1);
    // The named vote had 4 ballots; the secret ones none.
    expect(rows['poll.vote']).toBe(4);
  });
});
