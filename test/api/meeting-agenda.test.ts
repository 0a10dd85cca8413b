import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import type { HubEvent } from '../../src/server/realtime/hub.js';
import { addDelegates, addGroup, asDelegate, createMeeting, inDays } from './meeting-fixtures.js';

describe(`agenda, templates, current item and group sessions (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let tid: string;
  let meeting: any;
  let url: string;
  let ds: { id: string }[];
  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    tid = w.townships.a.id;
    ds = await addDelegates(w, 'a', 6);
    meeting = await createMeeting(admin, tid, { startsOn: inDays(30), hasElection: true });
    url = `/api/townships/${tid}/meetings/${meeting.id}/agenda`;
  });
  afterAll(() => w.close());

  it('builds the agenda from the standard template, with the election the meeting holds', async () => {
    const res = await admin.post(`${url}/apply-template`, { template: 'standard' });
    expect(res.status).toBe(200);
    const titles = res.body.items.map((i: any) => i.title);
    expect(titles[0]).toContain('预备会议');
    expect(titles.at(-1)).toContain('表彰');
    expect(res.body.items.map((i: any) => i.position)).toEqual(titles.map((_: string, n: number) => n + 1));
    expect(res.body.items.some((i: any) => i.type === 'election' && i.typeLabel === '选举')).toBe(true);
    const again = await admin.post(`${url}/apply-template`, { template: 'eightTasks' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('替换现有议程');
    const replaced = await admin.post(`${url}/apply-template`, { template: 'eightTasks', replace: true });
    expect(replaced.body.items[0].title).toBe('审议党委工作报告');
    expect((await admin.post(`${url}/apply-template`, { template: 'nonsense' })).status).toBe(400);
    const previews = (await admin.get(`${url}/templates`)).body.items;
    expect(previews.map((p: any) => p.id)).toEqual(['standard', 'eightTasks']);
  });

  it('adds, edits, inserts at a position, deletes and reorders items', async () => {
    const before = (await admin.get(url)).body.items;
    const added = await admin.post(url, { type: 'report', title: '听取县委组织部讲话', presenter: '县委组织部领导', plenary: true, position: 1 });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ position: 1, typeLabel: '报告' });
    const list = (await admin.get(url)).body.items;
    expect(list).toHaveLength(before.length + 1);
    expect(list[1].id).toBe(before[0].id);

    const edited = await admin.put(`${url}/${added.body.id}`, { type: 'report', title: '听取县委组织部领导讲话', plenary: true, notes: '10分钟' });
    expect(edited.body).toMatchObject({ title: '听取县委组织部领导讲话', notes: '10分钟', position: 1 });
    expect((await admin.post(url, { type: 'vote', title: 'x' })).body.error.message).toContain('议程类型无效');

    const reversed = list.map((i: any) => i.id).reverse();
    const ordered = await admin.put(`${url}/order`, { ids: reversed });
    expect(ordered.body.items.map((i: any) => i.id)).toEqual(reversed);
    const partial = await admin.put(`${url}/order`, { ids: reversed.slice(1) });
    expect(partial.status).toBe(400);
    expect(partial.body.error.message).toContain('全部议程');
    expect((await admin.put(`${url}/order`, { ids: [reversed[0], ...reversed.slice(0, -1)] })).status).toBe(400);

    const del = await admin.delete(`${url}/${added.body.id}`);
    expect(del.body.items.map((i: any) => i.position)).toEqual(before.map((_: unknown, n: number) => n + 1));
  });

  it('lets delegates read the agenda but not change it', async () => {
    const d = await asDelegate(w, 'a', ds[0]!.id);
    expect((await d.get(url)).status).toBe(200);
    expect((await d.post(url, { type: 'other', title: 'x' })).status).toBe(403);
    expect((await (await w.as('townshipAdmin', 'b')).get(url)).status).toBe(404);
  });

  it('sets the current item only while the meeting is in progress and publishes it after commit', async () => {
    const first = (await admin.get(url)).body.items[0];
    const early = await admin.post(`${url}/current`, { agendaItemId: first.id });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('会议筹备中，不能切换当前议程');
    await admin.post(`/api/townships/${tid}/meetings/${meeting.id}/notice`, { late: true, reason: '测试' });
    await admin.post(`/api/townships/${tid}/meetings/${meeting.id}/open`);
    const events: HubEvent[] = [];
    const off = w.ctx.hub.subscribe(`meeting:${meeting.id}`, (e) => events.push(e));
    const res = await admin.post(`${url}/current`, { agendaItemId: first.id });
    expect(res.body.currentAgendaItemId).toBe(first.id);
    expect(res.body.items[0].isCurrent).toBe(true);
    expect((await admin.post(`${url}/current`, { agendaItemId: '00000000-0000-4000-8000-000000000009' })).status).toBe(404);
    await admin.post(`${url}/current`, { agendaItemId: null });
    off();
    expect(events).toEqual([
      { channel: `meeting:${meeting.id}`, type: 'agenda', data: { currentAgendaItemId: first.id, title: first.title } },
      { channel: `meeting:${meeting.id}`, type: 'agenda', data: { currentAgendaItemId: null, title: null } },
    ]);
    const m = (await admin.get(`/api/townships/${tid}/meetings/${meeting.id}`)).body;
    expect(m.currentAgendaItemId).toBeNull();
  });

  it('arranges group sessions with a convener from the group and keeps their minutes', async () => {
    const gsUrl = `/api/townships/${tid}/meetings/${meeting.id}/group-sessions`;
    const group = await addGroup(w, 'a', ds.slice(0, 3).map((d) => d.id), ds[0]!.id);
    const item = (await admin.get(url)).body.items.find((i: any) => i.groupSession);
    const created = await admin.post(gsUrl, { groupId: group.id, agendaItemId: item.id, convenerDelegateId: ds[0]!.id, place: '二楼小会议室' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ group: { id: group.id, name: group.name }, convener: { id: ds[0]!.id }, agendaItemId: item.id });
    const outsider = await admin.post(gsUrl, { groupId: group.id, convenerDelegateId: ds[5]!.id });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.message).toBe('召集人须是该代表小组的成员');
    const minutes = await admin.put(`${gsUrl}/${created.body.id}`, { groupId: group.id, agendaItemId: item.id, convenerDelegateId: ds[0]!.id, place: '二楼小会议室', minutes: '代表们逐一述职并作出承诺。' });
    expect(minutes.body.minutes).toBe('代表们逐一述职并作出承诺。');
    await admin.post(`/api/townships/${tid}/meetings/${meeting.id}/close`);
    // Minutes are often written up after the meeting; the agenda itself is then final.
    const late = await admin.put(`${gsUrl}/${created.body.id}`, { groupId: group.id, minutes: '补充记录' });
    expect(late.body.minutes).toBe('补充记录');
    expect((await admin.post(url, { type: 'other', title: '会后补充' })).body.error.message).toBe('会议已闭幕，不能修改议程');
    expect((await admin.delete(`${gsUrl}/${created.body.id}`)).status).toBe(409);
    expect((await (await asDelegate(w, 'a', ds[1]!.id)).get(gsUrl)).body.items).toHaveLength(1);
  });
});
