import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { auditLog, notifications } from '../../src/server/db/schema/index.js';
import { DEFAULT_RULES } from '../../src/domain/meeting/rules.js';
import { addDelegates, addGroup, asDelegate, createMeeting, inDays, setDelegateStatus } from './meeting-fixtures.js';

const topic = (extra: Record<string, unknown>) => ({ title: '关于推进农村人居环境整治的议题', content: '建议把人居环境整治列入本年度重点工作。', ...extra });

describe(`topics: proposing, co-signing, deadline and decision (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let tid: string;
  let meeting: any;
  let ds: { id: string }[];
  let groupId: string;
  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    tid = w.townships.a.id;
    ds = await addDelegates(w, 'a', 13);
    groupId = (await addGroup(w, 'a', ds.slice(0, 4).map((d) => d.id), ds[0]!.id)).id;
    meeting = await createMeeting(admin, tid, { startsOn: inDays(60) });
  });
  afterAll(() => w.close());
  const topicsUrl = () => `/api/townships/${tid}/meetings/${meeting.id}/topics`;
  const url = (id: string, action = '') => `/api/townships/${tid}/topics/${id}${action}`;

  it('takes a committee topic from the administrator only, straight to decision', async () => {
    const res = await admin.post(topicsUrl(), topic({ proposerKind: 'committee' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'submitted', proposerLabel: '乡镇党委', signatures: null });
    expect(res.body.deadline.daysLeft).toBeGreaterThan(0);
    const d = await asDelegate(w, 'a', ds[5]!.id);
    expect((await d.post(topicsUrl(), topic({ proposerKind: 'committee' }))).status).toBe(403);
  });

  it('takes a group topic from its leader, not from another member', async () => {
    const leader = await asDelegate(w, 'a', ds[0]!.id);
    const res = await leader.post(topicsUrl(), topic({ proposerKind: 'group', groupId }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'submitted', group: { id: groupId }, initiator: { id: ds[0]!.id } });
    const member = await asDelegate(w, 'a', ds[1]!.id);
    const refused = await member.post(topicsUrl(), topic({ proposerKind: 'group', groupId }));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('只有代表小组组长可以代表小组提出议题');
  });

  it('collects ten signatures online (the initiator’s counts) before it can be submitted', async () => {
    const initiator = await asDelegate(w, 'a', ds[1]!.id);
    const created = await initiator.post(topicsUrl(), topic({ proposerKind: 'delegates', proposerDelegateIds: [ds[2]!.id, ds[3]!.id] }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'collecting', signatures: 1, minimum: 10, signedByMe: true });
    const id = created.body.id;
    const invites = await w.ctx.database.db.select().from(notifications).where(eq(notifications.kind, 'topicCosignInvite'));
    expect(invites.map((n) => n.delegateId).sort()).toEqual([ds[2]!.id, ds[3]!.id].sort());

    for (const d of ds.slice(2, 10)) expect((await (await asDelegate(w, 'a', d.id)).post(url(id, '/cosign'))).status).toBe(200);
    const short = await initiator.post(url(id, '/submit'));
    expect(short.status).toBe(409);
    expect(short.body.error.message).toBe('联名代表须不少于 10 人（含发起人），目前 9 人，还差 1 人');

    const again = await (await asDelegate(w, 'a', ds[2]!.id)).post(url(id, '/cosign'));
    expect(again.body.error.message).toBe('您已联名该议题');
    const own = await initiator.delete(url(id, '/cosign'));
    expect(own.body.error.message).toBe('发起人不能撤回联名；如不再提出，请撤回议题');
    const back = await (await asDelegate(w, 'a', ds[9]!.id)).delete(url(id, '/cosign'));
    expect(back.body).toMatchObject({ signatures: 8, signedByMe: false });

    const [s10, s11] = [await asDelegate(w, 'a', ds[10]!.id), await asDelegate(w, 'a', ds[11]!.id)];
    await s10.post(url(id, '/cosign'));
    expect((await s11.post(url(id, '/cosign'))).body.signatures).toBe(10);
    expect((await s10.post(url(id, '/submit'))).status).toBe(403);
    const submitted = await initiator.post(url(id, '/submit'));
    expect(submitted.body).toMatchObject({ status: 'submitted', signatures: 10 });

    const late = await (await asDelegate(w, 'a', ds[12]!.id)).post(url(id, '/cosign'));
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('议题待党委决定，不能再联名或撤回联名');
    expect((await s11.delete(url(id, '/cosign'))).status).toBe(409);
  });

  it('lets only active delegates of the term sign', async () => {
    const initiator = await asDelegate(w, 'a', ds[4]!.id);
    const id = (await initiator.post(topicsUrl(), topic({ proposerKind: 'delegates' }))).body.id;
    await setDelegateStatus(w, ds[12]!.id, 'suspended');
    const res = await (await asDelegate(w, 'a', ds[12]!.id)).post(url(id, '/cosign'));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('只有本届正常履职的代表可以联名');
    await setDelegateStatus(w, ds[12]!.id, 'active');
    expect((await (await w.as('committeeMember')).post(url(id, '/cosign'))).status).toBe(403);
  });

  it('takes a joint topic signed on paper from the administrator when it has the minimum', async () => {
    const short = await admin.post(topicsUrl(), topic({ proposerKind: 'delegates', proposerDelegateIds: ds.slice(0, 9).map((d) => d.id) }));
    expect(short.status).toBe(409);
    const ok = await admin.post(topicsUrl(), topic({ proposerKind: 'delegates', proposerDelegateIds: ds.slice(0, 10).map((d) => d.id) }));
    expect(ok.body).toMatchObject({ status: 'submitted', signatures: 10 });
    expect(ok.body.cosigners.every((c: any) => c.method === 'paper')).toBe(true);
    const [bd] = await addDelegates(w, 'b', 1);
    const foreign = await admin.post(topicsUrl(), topic({ proposerKind: 'delegates', proposerDelegateIds: [...ds.slice(0, 10).map((d) => d.id), bd!.id] }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toBe('联名代表中有人不是本届正常履职的代表');
  });

  it('lets the committee accept, or reject with a reason that reaches the proposers', async () => {
    const list = (await admin.get(topicsUrl())).body.items;
    const joint = list.find((t: any) => t.proposerKind === 'delegates' && t.status === 'submitted' && t.initiator);
    const noReason = await admin.post(url(joint.id, '/decision'), { accepted: false });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toBe('不予采纳时须写明理由');
    expect((await (await w.as('committeeMember')).post(url(joint.id, '/decision'), { accepted: true })).status).toBe(403);
    const rejected = await admin.post(url(joint.id, '/decision'), { accepted: false, reason: '与人代会议案重复，转为建议办理' });
    expect(rejected.body).toMatchObject({ status: 'rejected', statusLabel: '未采纳', decisionReason: '与人代会议案重复，转为建议办理' });
    const told = await w.ctx.database.db.select().from(notifications).where(eq(notifications.kind, 'topicDecision'));
    expect(told.map((n) => n.delegateId)).toContain(joint.initiator.id);
    expect(told[0]!.body).toContain('与人代会议案重复');
    expect((await admin.post(url(joint.id, '/decision'), { accepted: true })).body.error.message).toBe('议题未采纳，不能再次决定');

    const committee = list.find((t: any) => t.proposerKind === 'committee');
    expect((await admin.post(url(committee.id, '/decision'), { accepted: true })).body.status).toBe('accepted');
    const actions = (await w.ctx.database.db.select().from(auditLog)).map((a) => a.action);
    for (const a of ['topic.create', 'topic.cosign', 'topic.uncosign', 'topic.submit', 'topic.decide']) expect(actions).toContain(a);
  });

  it('lets an initiator withdraw a topic before the decision', async () => {
    const initiator = await asDelegate(w, 'a', ds[6]!.id);
    const id = (await initiator.post(topicsUrl(), topic({ proposerKind: 'delegates' }))).body.id;
    expect((await (await asDelegate(w, 'a', ds[7]!.id)).post(url(id, '/withdraw'))).status).toBe(403);
    expect((await initiator.post(url(id, '/withdraw'))).body.status).toBe('withdrawn');
    expect((await initiator.post(url(id, '/withdraw'))).status).toBe(409);
  });

  it('enforces the topic deadline with the date in Chinese', async () => {
    const soon = await createMeeting(admin, tid, { startsOn: inDays(4) });
    const res = await admin.post(`/api/townships/${tid}/meetings/${soon.id}/topics`, topic({ proposerKind: 'committee' }));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/^议题提出截止日期为\d{4}年\d{1,2}月\d{1,2}日（会前10个工作日），已截止/);
    // A topic still collecting when the meeting is brought forward can no longer be signed.
    const later = await createMeeting(admin, tid, { startsOn: inDays(70) });
    const initiator = await asDelegate(w, 'a', ds[8]!.id);
    const id = (await initiator.post(`/api/townships/${tid}/meetings/${later.id}/topics`, topic({ proposerKind: 'delegates' }))).body.id;
    await admin.put(`/api/townships/${tid}/meetings/${later.id}`, { startsOn: inDays(3) });
    const sign = await (await asDelegate(w, 'a', ds[9]!.id)).post(url(id, '/cosign'));
    expect(sign.status).toBe(409);
    expect(sign.body.error.message).toContain('已截止');
    expect((await initiator.get(url(id))).body.deadline.passed).toBe(true);
  });

  it('follows the township’s rule on who may propose', async () => {
    await admin.put(`/api/townships/${tid}/settings/meeting-rules`, { ...DEFAULT_RULES, topicProposers: { committee: true, group: true, delegates: false } });
    const m = await createMeeting(admin, tid, { startsOn: inDays(80) });
    const res = await (await asDelegate(w, 'a', ds[3]!.id)).post(`/api/townships/${tid}/meetings/${m.id}/topics`, topic({ proposerKind: 'delegates' }));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('本乡镇的会议规则不允许由代表联名提出议题');
  });

  it('shows topics to the township’s delegates and hides them from other townships', async () => {
    const d = await asDelegate(w, 'a', ds[12]!.id);
    const res = await d.get(topicsUrl());
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(3);
    expect(res.body.deadline).toHaveProperty('daysLeft');
    const [bd] = await addDelegates(w, 'b', 1);
    const other = await asDelegate(w, 'b', bd!.id);
    expect((await other.get(topicsUrl())).status).toBe(404);
    expect((await other.get(url(res.body.items[0].id))).status).toBe(404);
    expect((await other.get(`/api/townships/${w.townships.b.id}/topics/${res.body.items[0].id}`)).status).toBe(404);
  });
});
