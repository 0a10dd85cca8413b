import { GROUP_KINDS, groupSizeWarning, type GroupKind } from '../../../domain/groups/size.js';
import type { GroupBodyT } from '../../../domain/schemas/groups.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { writeAudit } from '../../audit/audit.js';
import { requireCurrentTerm } from '../terms/index.js';
import * as repo from './repository.js';

const ref = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export function presentGroup(r: repo.GroupSummaryRow) {
  return {
    id: r.group.id,
    name: r.group.name,
    kind: r.group.kind,
    kindLabel: GROUP_KINDS[r.group.kind as GroupKind] ?? r.group.kind,
    leader: ref(r.group.leaderId, r.leaderName),
    deputyLeader: ref(r.group.deputyLeaderId, r.deputyName),
    memberCount: r.memberCount,
    warning: groupSizeWarning(r.memberCount),
  };
}

export async function listGroups(ctx: AppContext, s: TownshipScope, kind?: GroupKind) {
  const db = ctx.database.db;
  const term = await requireCurrentTerm(db, s.township.id);
  return { items: (await repo.listGroups(db, s.township.id, term.id, kind)).map(presentGroup) };
}

async function loadGroup(db: Executor, townshipId: string, id: string) {
  const g = await repo.findGroup(db, townshipId, id);
  if (!g) throw notFound('代表小组');
  const members = await repo.membersOf(db, townshipId, [id]);
  return { row: g.group, view: { ...presentGroup(g), members: members.map(({ groupId: _g, ...m }) => m) } };
}

const detail = async (db: Executor, townshipId: string, id: string) => (await loadGroup(db, townshipId, id)).view;

export const getGroup = (ctx: AppContext, s: TownshipScope, id: string) => detail(ctx.database.db, s.township.id, id);

/**
 * The rules of a group's make-up: members are delegates of the group's term who still hold
 * their qualification, the leader and deputy are two different members, and nobody is in a
 * second group of the same kind.
 */
async function checkMakeUp(tx: Executor, townshipId: string, termId: string, body: GroupBodyT, groupId?: string) {
  const memberIds = [...new Set(body.memberIds)];
  const members = new Set(memberIds);
  if (body.leaderId && !members.has(body.leaderId)) throw invalid('组长须是本小组成员');
  if (body.deputyLeaderId && !members.has(body.deputyLeaderId)) throw invalid('副组长须是本小组成员');
  if (body.leaderId && body.leaderId === body.deputyLeaderId) throw invalid('组长和副组长不能是同一人');
  const found = await repo.findDelegates(tx, townshipId, memberIds);
  const byId = new Map(found.map((d) => [d.id, d]));
  for (const id of memberIds) {
    const d = byId.get(id);
    if (!d || d.termId !== termId) throw invalid('所选成员中有代表不存在或不属于本届', { delegateId: id });
    if (d.status === 'terminated') throw invalid(`代表${d.name}资格已终止，不能加入代表小组`, { delegateId: id });
  }
  const [clash] = await repo.otherGroupsOfKind(tx, townshipId, memberIds, body.kind, groupId);
  if (clash) {
    throw conflict(`代表${clash.delegateName}已在“${clash.groupName}”中，同一代表只能参加一个“${GROUP_KINDS[body.kind]}”划分的代表小组`);
  }
  const same = await repo.findGroupByName(tx, townshipId, termId, body.name);
  if (same && same.id !== groupId) throw conflict(`代表小组“${body.name}”已存在`);
  return memberIds;
}

const auditShape = (g: { name: string; kind: string; leaderId: string | null; deputyLeaderId: string | null }, memberIds: string[]) => ({
  name: g.name,
  kind: g.kind,
  leaderId: g.leaderId,
  deputyLeaderId: g.deputyLeaderId,
  memberIds: [...memberIds].sort(),
});

export async function createGroup(ctx: AppContext, s: TownshipScope, body: GroupBodyT) {
  const townshipId = s.township.id;
  return ctx.database.db.transaction(async (tx) => {
    const term = await requireCurrentTerm(tx, townshipId);
    const memberIds = await checkMakeUp(tx, townshipId, term.id, body);
    const g = await repo.insertGroup(tx, {
      townshipId,
      termId: term.id,
      name: body.name,
      kind: body.kind,
      leaderId: body.leaderId ?? null,
      deputyLeaderId: body.deputyLeaderId ?? null,
    });
    await repo.setMembers(tx, townshipId, g.id, g.kind, memberIds);
    await writeAudit(tx, actorOf(s.user), { townshipId, action: 'group.create', entity: 'delegateGroup', entityId: g.id, after: auditShape(g, memberIds) });
    return detail(tx, townshipId, g.id);
  });
}

export async function updateGroup(ctx: AppContext, s: TownshipScope, id: string, body: GroupBodyT) {
  const townshipId = s.township.id;
  return ctx.database.db.transaction(async (tx) => {
    const before = await loadGroup(tx, townshipId, id);
    const memberIds = await checkMakeUp(tx, townshipId, before.row.termId, body, id);
    const g = await repo.updateGroup(tx, townshipId, id, {
      name: body.name,
      kind: body.kind,
      leaderId: body.leaderId ?? null,
      deputyLeaderId: body.deputyLeaderId ?? null,
    });
    await repo.setMembers(tx, townshipId, id, body.kind, memberIds);
    await writeAudit(tx, actorOf(s.user), {
      townshipId,
      action: 'group.update',
      entity: 'delegateGroup',
      entityId: id,
      before: auditShape(before.row, before.view.members.map((m) => m.id)),
      after: auditShape(g!, memberIds),
    });
    return detail(tx, townshipId, id);
  });
}

export async function deleteGroup(ctx: AppContext, s: TownshipScope, id: string) {
  const townshipId = s.township.id;
  return ctx.database.db.transaction(async (tx) => {
    const before = await loadGroup(tx, townshipId, id);
    await repo.deleteGroup(tx, townshipId, id);
    await writeAudit(tx, actorOf(s.user), {
      townshipId,
      action: 'group.delete',
      entity: 'delegateGroup',
      entityId: id,
      before: auditShape(before.row, before.view.members.map((m) => m.id)),
    });
    return { id };
  });
}
