import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { generateDelegateInputs } from '../../src/server/seed/generate.js';
import { sortByStrokes } from '../../src/domain/names/stroke-order.js';

interface Delegate {
  id: string;
  name: string;
}

describe(`delegate groups (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let base: string;
  let pool: Delegate[];
  let taken = 0;
  /** `n` delegates of township A not yet in any group of this file. */
  const take = (n: number) => {
    const out = pool.slice(taken, taken + n);
    taken += n;
    return out;
  };
  const body = (name: string, members: Delegate[], extra: Record<string, unknown> = {}) => ({
    name,
    kind: 'region',
    leaderId: members[0]?.id ?? null,
    deputyLeaderId: members[1]?.id ?? null,
    memberIds: members.map((m) => m.id),
    ...extra,
  });

  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    base = `/api/townships/${w.townships.a.id}`;
    pool = [];
    for (const p of generateDelegateInputs(70, 5150)) {
      const res = await admin.post(`${base}/delegates`, p);
      pool.push({ id: res.body.id, name: res.body.name });
    }
  });
  afterAll(() => w.close());

  it('creates a group of 15 to 20 with a leader and deputy, and lists it without a warning', async () => {
    const members = take(16);
    const res = await admin.post(`${base}/groups`, body('第一代表小组', members));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: '第一代表小组',
      kind: 'region',
      kindLabel: '按区域',
      leader: members[0],
      deputyLeader: members[1],
      memberCount: 16,
      warning: null,
    });
    expect(res.body.members.map((m: any) => m.name)).toEqual(sortByStrokes(members, (m) => m.name).map((m) => m.name));
    expect(res.body.members[0]).toMatchObject({ status: 'active' });
    const list = (await admin.get(`${base}/groups`)).body.items;
    expect(list.find((g: any) => g.id === res.body.id)).toMatchObject({ memberCount: 16, warning: null, leader: members[0] });
    // The roster shows each delegate's groups, and filters by group.
    const roster = await admin.get(`${base}/delegates?groupId=${res.body.id}&pageSize=100`);
    expect(roster.body.total).toBe(16);
    expect(roster.body.items[0].groups).toEqual([{ id: res.body.id, name: '第一代表小组', kind: 'region' }]);
  });

  it('warns about a group that is too small or too large', async () => {
    const small = await admin.post(`${base}/groups`, body('第二代表小组', take(12)));
    expect(small.status).toBe(201);
    expect(small.body.warning).toBe('代表小组人数为12人，少于15人');
    const list = (await admin.get(`${base}/groups?kind=region`)).body.items;
    expect(list.find((g: any) => g.name === '第二代表小组').warning).toBe('代表小组人数为12人，少于15人');
    expect((await admin.get(`${base}/groups?kind=topic`)).body.items).toEqual([]);
  });

  it('requires the leader and deputy to be two members of the group', async () => {
    const members = take(3);
    const outsider = take(1)[0]!;
    const notMember = await admin.post(`${base}/groups`, body('第三代表小组', members, { leaderId: outsider.id }));
    expect(notMember.status).toBe(400);
    expect(notMember.body.error.message).toBe('组长须是本小组成员');
    const deputy = await admin.post(`${base}/groups`, body('第三代表小组', members, { deputyLeaderId: outsider.id }));
    expect(deputy.body.error.message).toBe('副组长须是本小组成员');
    const same = await admin.post(`${base}/groups`, body('第三代表小组', members, { deputyLeaderId: members[0]!.id }));
    expect(same.status).toBe(400);
    expect(same.body.error.message).toBe('组长和副组长不能是同一人');
    const bad = await admin.post(`${base}/groups`, { name: '', kind: 'family', memberIds: ['x'] });
    expect(bad.status).toBe(400);
    expect((await admin.get(`${base}/groups`)).body.items.map((g: any) => g.name)).not.toContain('第三代表小组');
  });

  it('keeps a delegate in one group of each kind, naming the delegate and the other group', async () => {
    const [first] = (await admin.get(`${base}/groups?kind=region`)).body.items;
    const detail = (await admin.get(`${base}/groups/${first.id}`)).body;
    const clash = detail.members[3];
    const res = await admin.post(`${base}/groups`, body('第四代表小组', [...take(2), { id: clash.id, name: clash.name }]));
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`代表${clash.name}已在“第一代表小组”中，同一代表只能参加一个“按区域”划分的代表小组`);
    // A theme group is another kind: the same delegate may join it.
    const theme = await admin.post(`${base}/groups`, body('乡村振兴主题小组', [{ id: clash.id, name: clash.name }, ...take(2)], { kind: 'topic' }));
    expect(theme.status).toBe(201);
    const roster = (await admin.get(`${base}/delegates/${clash.id}`)).body;
    expect(roster.groups.map((g: any) => g.kind)).toEqual(['region', 'topic']);
    const dupName = await admin.post(`${base}/groups`, body('第一代表小组', take(2)));
    expect(dupName.status).toBe(409);
    expect(dupName.body.error.message).toBe('代表小组“第一代表小组”已存在');
  });

  it('refuses a terminated delegate and a delegate of another township', async () => {
    const [gone, ...rest] = take(3);
    await admin.post(`${base}/delegates/${gone!.id}/status`, { reason: 'death', decidedBy: '中共青山镇委员会', decidedOn: '2025-01-01' });
    const res = await admin.post(`${base}/groups`, body('第五代表小组', [rest[0]!, rest[1]!, gone!]));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(`代表${gone!.name}资格已终止，不能加入代表小组`);
    const otherAdmin = await w.as('townshipAdmin', 'b');
    const [p] = generateDelegateInputs(1, 777);
    const foreign = (await otherAdmin.post(`/api/townships/${w.townships.b.id}/delegates`, p)).body;
    const mixed = await admin.post(`${base}/groups`, body('第五代表小组', [rest[0]!, foreign]));
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.message).toMatch(/不存在或不属于本届/);
    expect((await otherAdmin.get(`${base}/groups`)).status).toBe(404);
  });

  it('updates members, kind and leaders, then deletes, auditing each step', async () => {
    const members = take(15);
    const created = (await admin.post(`${base}/groups`, body('第六代表小组', members))).body;
    const kept = members.slice(2);
    const upd = await admin.put(`${base}/groups/${created.id}`, body('第六代表小组（石桥片）', kept, { kind: 'sector' }));
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ name: '第六代表小组（石桥片）', kind: 'sector', kindLabel: '按行业/领域', memberCount: 13, leader: kept[0], warning: '代表小组人数为13人，少于15人' });
    expect((await admin.get(`${base}/delegates/${members[0]!.id}`)).body.groups).toEqual([]);
    const del = await admin.delete(`${base}/groups/${created.id}`);
    expect(del.status).toBe(200);
    expect((await admin.get(`${base}/groups/${created.id}`)).status).toBe(404);
    expect((await admin.get(`${base}/delegates/${kept[0]!.id}`)).body.groups).toEqual([]);
    const actions = await w.ctx.database.query<{ action: string; before: any; after: any }>(
      `select action, before, after from audit_log where entity_id = $1 order by id`,
      [created.id],
    );
    expect(actions.map((a) => a.action)).toEqual(['group.create', 'group.update', 'group.delete']);
    expect(actions[1]!.before.memberIds).toHaveLength(15);
    expect(actions[1]!.after).toMatchObject({ kind: 'sector', leaderId: kept[0]!.id });
    const committee = await w.as('committeeMember');
    expect((await committee.get(`${base}/groups`)).status).toBe(200);
    expect((await committee.delete(`${base}/groups/${created.id}`)).status).toBe(403);
  });

  it("shows a delegate their own record, phone in full, with their groups' members", async () => {
    const [first] = (await admin.get(`${base}/groups?kind=region`)).body.items;
    const group = (await admin.get(`${base}/groups/${first.id}`)).body;
    const me = group.members[4];
    const delegate = await w.as('delegate');
    await w.ctx.database.query(`update users set delegate_id = $1 where username = 'delegate-a'`, [me.id]);
    const res = await delegate.get('/api/me/delegate');
    expect(res.status).toBe(200);
    const personal = (await admin.get(`${base}/delegates/${me.id}/personal`)).body;
    expect(res.body.delegate).toMatchObject({ id: me.id, name: me.name, phone: personal.phone });
    expect(res.body.delegate.idNumberMasked).toContain('****');
    expect(res.body.township).toEqual({ id: w.townships.a.id, name: '青山镇' });
    expect(res.body.term).toEqual({ number: 12 });
    const region = res.body.groups.find((g: any) => g.id === first.id);
    expect(region).toMatchObject({ name: '第一代表小组', kind: 'region', leader: first.leader, deputyLeader: first.deputyLeader });
    expect(region.members).toHaveLength(group.memberCount);
    expect(region.members[0]).toEqual({ id: group.members[0].id, name: group.members[0].name });
    const committee = await w.as('committeeMember');
    expect((await committee.get('/api/me/delegate')).status).toBe(403);
  });
});
