import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../support/app.js';
import { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { buildApp } from '../../src/server/app.js';
import { observers } from '../../src/server/db/schema/index.js';
import { addDelegates, createMeeting, inDays } from './meeting-fixtures.js';

const application = { name: '王小明', organisation: '青山村党支部', phone: '13912345678', reason: '想了解年会制如何运作' };

describe(`observers and the public application page (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let tid: string;
  let meeting: any;
  let mUrl: string;
  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    tid = w.townships.a.id;
    await addDelegates(w, 'a', 3);
    meeting = await createMeeting(admin, tid, { startsOn: inDays(30), place: '镇党群服务中心' });
    mUrl = `/api/townships/${tid}/meetings/${meeting.id}`;
  });
  afterAll(() => w.close());

  it('adds the township’s discipline-commission members to each meeting when its notice goes out', async () => {
    const settings = `/api/townships/${tid}/settings/discipline-commission-members`;
    expect((await admin.get(settings)).body.members).toEqual([]);
    const members = [
      { name: '李纪检', organisation: '镇纪委' },
      { name: '赵监察', organisation: '镇纪委' },
    ];
    expect((await admin.put(settings, { members })).body.members).toEqual(members);
    expect((await (await w.as('committeeMember')).put(settings, { members: [] })).status).toBe(403);
    expect((await admin.put(settings, { members: [{ name: '' }] })).status).toBe(400);

    await admin.post(`${mUrl}/notice`);
    const list = (await admin.get(`${mUrl}/observers`)).body.items;
    expect(list.map((o: any) => [o.name, o.kind, o.status])).toEqual([
      ['李纪检', 'disciplineCommission', 'approved'],
      ['赵监察', 'disciplineCommission', 'approved'],
    ]);
  });

  it('lets the committee add observers it decided on, phone stored encrypted and shown masked', async () => {
    const res = await admin.post(`${mUrl}/observers`, { name: '陈书记', kind: 'committeeDecided', organisation: '县委组织部', phone: '13800001111', reason: '县委派员指导' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'approved', kindLabel: '党委确定列席', phone: '138****1111' });
    const [row] = await w.ctx.database.db.select().from(observers).where(eq(observers.id, res.body.id));
    expect(row!.phoneEnc).not.toContain('13800001111');
    expect(w.ctx.cipher.decrypt(row!.phoneEnc!)).toBe('13800001111');
    expect((await admin.post(`${mUrl}/observers`, { name: '某人', kind: 'publicApplicant' })).status).toBe(400);
  });

  it('shows the public page only after the public notice is published', async () => {
    const anon = w.anonymous();
    const page = `/api/public/meetings/${meeting.id}`;
    expect((await anon.get(page)).status).toBe(404);
    expect((await anon.post(`${page}/observer-applications`, application)).status).toBe(404);
    expect((await admin.put(`${mUrl}/public-notice`, { published: true })).body.published).toBe(true);
    const res = await anon.get(page);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: meeting.id,
      name: meeting.name,
      township: '青山镇',
      startsOn: meeting.startsOn,
      startTime: null,
      place: '镇党群服务中心',
      durationDays: 1,
      applicationsOpen: true,
    });
  });

  it('takes an application without a session, validates it, and refuses the same phone twice', async () => {
    const anon = w.anonymous();
    const url = `/api/public/meetings/${meeting.id}/observer-applications`;
    const bad = await anon.post(url, { ...application, phone: '12345' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('手机号');
    expect((await anon.post(url, { ...application, reason: '' })).body.error.message).toContain('请填写申请理由');
    const nul = await anon.post(url, { ...application, name: '王\u0000小明' });
    expect(nul.status).toBe(400);
    expect(nul.body.error.message).toContain('控制字符');
    const ok = await anon.post(url, application);
    expect(ok.status).toBe(201);
    expect(ok.body.status).toBe('pending');
    const twice = await anon.post(url, { ...application, name: '王小明（重复）' });
    expect(twice.status).toBe(409);
    expect((await anon.post(url, { ...application, name: '刘群众', phone: '13700002222' })).status).toBe(201);
  });

  it('lets the committee approve, or decline with a reason, once', async () => {
    const pending = (await admin.get(`${mUrl}/observers`)).body.items.filter((o: any) => o.status === 'pending');
    expect(pending.map((o: any) => o.name).sort()).toEqual(['刘群众', '王小明']);
    const [first, second] = pending;
    const noReason = await admin.post(`${mUrl}/observers/${first.id}/decision`, { approved: false });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('不同意列席时须写明理由');
    const declined = await admin.post(`${mUrl}/observers/${first.id}/decision`, { approved: false, reason: '会场座位已满' });
    expect(declined.body).toMatchObject({ status: 'declined', decisionReason: '会场座位已满' });
    expect((await admin.post(`${mUrl}/observers/${first.id}/decision`, { approved: true })).status).toBe(409);
    expect((await admin.post(`${mUrl}/observers/${second.id}/decision`, { approved: true })).body.status).toBe('approved');
    expect((await (await w.as('committeeMember')).post(`${mUrl}/observers/${second.id}/decision`, { approved: true })).status).toBe(403);
    expect((await admin.delete(`${mUrl}/observers/${second.id}`)).body.deleted).toBe(true);
  });

  it('stops taking applications once the meeting is open, and hides the page when withdrawn', async () => {
    await admin.post(`${mUrl}/open`);
    const anon = w.anonymous();
    expect((await anon.get(`/api/public/meetings/${meeting.id}`)).body.applicationsOpen).toBe(false);
    const res = await anon.post(`/api/public/meetings/${meeting.id}/observer-applications`, { ...application, phone: '13600003333' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('本次会议已不再接受列席申请');
    const other = await createMeeting(admin, tid, { startsOn: inDays(90) });
    const oUrl = `/api/townships/${tid}/meetings/${other.id}/public-notice`;
    await admin.put(oUrl, { published: true });
    await admin.put(oUrl, { published: false });
    expect((await anon.get(`/api/public/meetings/${other.id}`)).status).toBe(404);
  });

  it('rate-limits the public endpoints per address', async () => {
    const app = await buildApp({ ...w.ctx, config: { ...w.ctx.config, rateLimit: { publicMax: 3, publicWindow: '1 minute' } } });
    try {
      const anon = new ApiClient(app);
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await anon.get(`/api/public/meetings/${meeting.id}`)).status);
      expect(codes).toEqual([200, 200, 200, 429]);
      const last = await anon.get(`/api/public/meetings/${meeting.id}`);
      expect(last.body.error.message).toBe('请求过于频繁，请稍后再试');
    } finally {
      await app.close();
    }
  });
});
