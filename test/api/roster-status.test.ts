import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { generateDelegateInputs } from '../../src/server/seed/generate.js';

describe(`delegate status changes and vacancies (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let base: string;
  const people = generateDelegateInputs(40, 9090);
  let next = 0;

  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    base = `/api/townships/${w.townships.a.id}`;
  });
  afterAll(() => w.close());

  const create = async (over: Record<string, unknown> = {}) => {
    const res = await admin.post(`${base}/delegates`, { ...people[next++]!, ...over });
    expect(res.status).toBe(201);
    return res.body as { id: string; name: string };
  };
  const change = (id: string, reason: string, decidedOn: string, extra: Record<string, unknown> = {}) =>
    admin.post(`${base}/delegates/${id}/status`, { reason, decidedBy: '中共青山镇委员会', decidedOn, ...extra });

  it('suspends, reinstates and terminates, keeping the history in order', async () => {
    const d = await create();
    const s1 = await change(d.id, 'transferredOut', '2024-03-01', { note: '调任县直单位', filedWithCountyOn: '2024-03-08' });
    expect(s1.status).toBe(200);
    expect(s1.body).toMatchObject({ id: d.id, status: 'suspended', statusSince: '2024-03-01' });
    expect((await change(d.id, 'reinstated', '2024-09-01')).body.status).toBe('active');
    expect((await change(d.id, 'resignationAccepted', '2025-02-10')).body).toMatchObject({ status: 'terminated', statusSince: '2025-02-10' });

    const detail = (await admin.get(`${base}/delegates/${d.id}`)).body;
    expect(detail.statusHistory.map((h: any) => [h.fromStatus, h.toStatus, h.reasonLabel])).toEqual([
      ['active', 'suspended', '调离本行政区域'],
      ['suspended', 'active', '停止执行职务的原因消失，恢复执行职务'],
      ['active', 'terminated', '辞去代表职务被接受'],
    ]);
    expect(detail.statusHistory[0]).toMatchObject({ note: '调任县直单位', decidedBy: '中共青山镇委员会', filedWithCountyOn: '2024-03-08' });
    const audits = await w.ctx.database.query(`select after from audit_log where action = 'delegate.status' and entity_id = $1`, [d.id]);
    expect(audits).toHaveLength(3);
  });

  it('refuses any change after termination, and a change to the current status', async () => {
    const d = await create();
    await change(d.id, 'sanction', '2025-01-05');
    const again = await change(d.id, 'reinstated', '2025-02-01');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/资格已终止/);
    const e = await create();
    await change(e.id, 'membershipMovedOut', '2025-01-05');
    const twice = await change(e.id, 'transferredOut', '2025-02-01');
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toMatch(/停止执行职务/);
    expect((await admin.get(`${base}/delegates/${d.id}`)).body.statusHistory).toHaveLength(1);
  });

  it('checks the request itself before anything changes', async () => {
    const d = await create();
    const bad = await change(d.id, 'retired', '2025-01-05');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    const order = await change(d.id, 'death', '2025-03-05', { filedWithCountyOn: '2025-03-01' });
    expect(order.status).toBe(400);
    expect(order.body.error.message).toMatch(/备案日期不能早于决定日期/);
    const noBody = await change(d.id, 'death', '2025-03-05', { decidedBy: '' });
    expect(noBody.status).toBe(400);
    const committee = await w.as('committeeMember');
    expect((await committee.post(`${base}/delegates/${d.id}/status`, { reason: 'death', decidedBy: 'x', decidedOn: '2025-01-01' })).status).toBe(403);
    expect((await admin.get(`${base}/delegates/${d.id}`)).body.status).toBe('active');
  });

  it('lists a terminated seat as a vacancy until a by-election fills it', async () => {
    const gone = await create({ electoralUnit: '柳林村党支部' });
    await change(gone.id, 'death', '2025-04-02');
    const vacancies = (await admin.get(`${base}/vacancies`)).body.items;
    expect(vacancies).toContainEqual({
      delegateId: gone.id,
      name: gone.name,
      electoralUnit: { id: expect.any(String), name: '柳林村党支部' },
      terminatedOn: '2025-04-02',
      reasonLabel: '死亡',
    });
    const unitBefore = (await admin.get(`${base}/electoral-units`)).body.items.find((u: any) => u.name === '柳林村党支部');
    expect(unitBefore).toMatchObject({ terminated: 1, vacancies: 1 });

    const active = await create();
    const wrong = await admin.post(`${base}/delegates`, { ...people[next++]!, replacesDelegateId: active.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/没有缺额/);

    const filler = await create({ electoralUnit: '柳林村党支部', replacesDelegateId: gone.id });
    expect((await admin.get(`${base}/delegates/${filler.id}`)).body.replacesDelegateId).toBe(gone.id);
    expect((await admin.get(`${base}/vacancies`)).body.items.map((v: any) => v.delegateId)).not.toContain(gone.id);
    expect((await admin.get(`${base}/electoral-units`)).body.items.find((u: any) => u.name === '柳林村党支部')).toMatchObject({ active: 1, terminated: 1, vacancies: 0 });
    const second = await admin.post(`${base}/delegates`, { ...people[next++]!, replacesDelegateId: gone.id });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toBe(`代表${gone.name}的缺额已由${filler.name}补选`);
  });

  it('takes a terminated delegate out of their groups and leader posts', async () => {
    const members = [];
    for (let i = 0; i < 3; i++) members.push(await create());
    const g = await admin.post(`${base}/groups`, {
      name: '状态测试小组',
      kind: 'region',
      leaderId: members[0]!.id,
      deputyLeaderId: members[1]!.id,
      memberIds: members.map((m) => m.id),
    });
    expect(g.status).toBe(201);
    await change(members[0]!.id, 'partyMembershipSuspended', '2025-05-05');
    const after = (await admin.get(`${base}/groups/${g.body.id}`)).body;
    expect(after.memberCount).toBe(2);
    expect(after.leader).toBeNull();
    expect(after.deputyLeader).toEqual({ id: members[1]!.id, name: members[1]!.name });
    const entry = await w.ctx.database.query<{ after: any }>(`select after from audit_log where action = 'delegate.status' and entity_id = $1`, [members[0]!.id]);
    expect(entry[0]!.after.leftGroups).toEqual([{ id: g.body.id, name: '状态测试小组' }]);
    // A suspension keeps the delegate in the group.
    await change(members[1]!.id, 'membershipMovedOut', '2025-05-06');
    expect((await admin.get(`${base}/groups/${g.body.id}`)).body.memberCount).toBe(2);
  });

  it('lets roster readers see vacancies and units, and refuses other townships', async () => {
    const committee = await w.as('committeeMember');
    expect((await committee.get(`${base}/vacancies`)).status).toBe(200);
    const other = await w.as('townshipAdmin', 'b');
    expect((await other.get(`${base}/vacancies`)).status).toBe(404);
    expect((await other.get(`${base}/electoral-units`)).status).toBe(404);
    const county = await w.as('countyAdmin');
    expect((await county.get(`${base}/vacancies`)).status).toBe(200);
  });
});
