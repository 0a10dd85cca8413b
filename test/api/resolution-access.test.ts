import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { smsIdle } from '../../src/server/modules/notices/outbox.js';

import { addDelegates, asDelegate, createMeeting, inDays } from './meeting-fixtures.js';
import { insertPoll, openedMeeting, resolutionBody } from './resolution-fixtures.js';

describe(`resolutions: who may read and change them (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let api: string;
  let meetingId: string;
  let adopted: string;
  let draft: string;
  let item: string;

  beforeAll(async () => {
    w = await createTestWorld();
    w.ctx.sms.adapter = { name: 'silent', send: async () => undefined };
    admin = await w.as('townshipAdmin');
    api = `/api/townships/${w.townships.a.id}`;
    await addDelegates(w, 'a', 5);
    meetingId = (await openedMeeting(admin, w.townships.a.id)).id;
    adopted = (await admin.post(`${api}/meetings/${meetingId}/resolutions`, resolutionBody('关于开展党员志愿服务的决议'))).body.id;
    draft = (await admin.post(`${api}/meetings/${meetingId}/resolutions`, resolutionBody('尚在起草的决议'))).body.id;
    const poll = await insertPoll(w, 'a', { meetingId, yes: 5, present: 5 });
    expect((await admin.post(`${api}/resolutions/${adopted}/adopt`, { pollId: poll.id })).status).toBe(200);
    item = (await admin.post(`${api}/resolutions/${adopted}/items`, { title: '组建志愿服务队', dueOn: inDays(30) })).body.id;
  });
  afterAll(async () => {
    await smsIdle(w.ctx);
    await w.close();
  });

  it("answers 404 to another township's administrator, for reads and changes alike", async () => {
    const b = await w.as('townshipAdmin', 'b');
    const attempts = [
      b.get(`${api}/resolutions/${adopted}`),
      b.get(`${api}/meetings/${meetingId}/resolutions`),
      b.get(`${api}/meetings/${meetingId}/implementation-report`),
      b.get(`${api}/implementation-items/${item}`),
      b.post(`${api}/resolutions/${draft}/adopt`, { vote: { yes: 5, no: 0, abstain: 0, present: 5 } }),
      b.post(`${api}/implementation-items/${item}/progress`, { progress: 50 }),
    ];
    expect((await Promise.all(attempts)).map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
    // Even under its own township's address, a resolution of township A is not found.
    const own = await b.get(`/api/townships/${w.townships.b.id}/resolutions/${adopted}`);
    expect(own.status).toBe(404);
    expect(own.body.error.message).toBe('决议不存在或无权访问');
    expect((await admin.get(`${api}/resolutions/${draft}`)).body.status).toBe('draft');
  });

  it('lets a delegate read the adopted resolutions only, and change nothing', async () => {
    const [d] = await addDelegates(w, 'a', 1);
    const delegate = await asDelegate(w, 'a', d!.id);
    const list = (await delegate.get(`${api}/meetings/${meetingId}/resolutions`)).body.items;
    expect(list.map((r: any) => r.title)).toEqual(['关于开展党员志愿服务的决议']);
    expect((await delegate.get(`${api}/resolutions/${adopted}`)).body.items[0].title).toBe('组建志愿服务队');
    expect((await delegate.get(`${api}/resolutions/${draft}`)).status).toBe(404);
    expect((await delegate.get(`${api}/implementation-items/${item}`)).status).toBe(200);
    expect((await delegate.get(`${api}/meetings/${meetingId}/implementation-report`)).status).toBe(200);
    const changes = [
      delegate.post(`${api}/meetings/${meetingId}/resolutions`, resolutionBody('代表起草')),
      delegate.put(`${api}/resolutions/${draft}`, resolutionBody('改')),
      delegate.post(`${api}/resolutions/${adopted}/urgent-change`, { reason: '想改', after: '新正文' }),
      delegate.post(`${api}/resolutions/${adopted}/items`, { title: '新事项' }),
      delegate.post(`${api}/implementation-items/${item}/progress`, { progress: 90 }),
      delegate.delete(`${api}/implementation-items/${item}`),
    ];
    expect((await Promise.all(changes)).map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    const unchanged = (await admin.get(`${api}/implementation-items/${item}`)).body;
    expect(unchanged).toMatchObject({ progress: 0, status: 'notStarted' });
  });

  it('lets a committee member read drafts but not change them', async () => {
    const member = await w.as('committeeMember');
    expect((await member.get(`${api}/resolutions/${draft}`)).body.title).toBe('尚在起草的决议');
    expect((await member.put(`${api}/resolutions/${draft}`, resolutionBody('改'))).status).toBe(403);
    expect((await member.delete(`${api}/resolutions/${draft}`)).status).toBe(403);
  });

  it('records a change decided by a meeting, without notifying anyone', async () => {
    const later = await createMeeting(admin, w.townships.a.id, { startsOn: inDays(100) });
    const body = { reason: '大会决定调整服务内容', after: '一、总体要求。调整后的正文。', decidedOn: inDays(0) };
    const early = await admin.post(`${api}/resolutions/${adopted}/changes`, { ...body, meetingId: later.id });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('会议尚未开幕，不能表决决议');
    const res = await admin.post(`${api}/resolutions/${adopted}/changes`, { ...body, meetingId });
    expect(res.status).toBe(200);
    expect(res.body.change).toMatchObject({ kind: 'byMeeting', kindLabel: '大会决定变更', decidedByMeetingId: meetingId, notifiedAt: null, notifiedCount: 0 });
    expect(res.body.resolution.body).toBe('一、总体要求。调整后的正文。');
  });

  it('removes a distribution record and an implementation item', async () => {
    const d = (await admin.post(`${api}/resolutions/${adopted}/distributions`, { recipient: 'government', sentOn: inDays(0) })).body;
    expect((await admin.delete(`${api}/resolutions/${adopted}/distributions/${d.id}`)).status).toBe(204);
    expect((await admin.delete(`${api}/resolutions/${adopted}/distributions/${d.id}`)).status).toBe(404);
    const extra = (await admin.post(`${api}/resolutions/${adopted}/items`, { title: '临时事项' })).body;
    expect((await admin.delete(`${api}/implementation-items/${extra.id}`)).status).toBe(204);
    const titles = (await admin.get(`${api}/resolutions/${adopted}/items`)).body.items.map((i: any) => i.title);
    expect(titles).toEqual(['组建志愿服务队']);
  });

  it('deletes a draft but never an adopted resolution', async () => {
    const refused = await admin.delete(`${api}/resolutions/${adopted}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('决议已通过，不能删除决议');
    expect((await admin.delete(`${api}/resolutions/${draft}`)).status).toBe(204);
    expect((await admin.get(`${api}/resolutions/${draft}`)).status).toBe(404);
  });
});
