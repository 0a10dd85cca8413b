import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { invalid, notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { lockMeetingOr404, requireMeeting } from '../meetings/lookup.js';
import { assertActivity } from '../meetings/policy.js';
import type { MeetingRow } from '../meetings/index.js';
import * as repo from './repository.js';

/** 分团讨论: a delegate group meets on its own under its convener; the minutes are kept here. */
export interface GroupSessionInput {
  agendaItemId?: string | null;
  groupId: string;
  convenerDelegateId?: string | null;
  place?: string | null;
  minutes?: string | null;
}

const present = (r: Awaited<ReturnType<typeof repo.listSessions>>[number]) => ({
  id: r.session.id,
  meetingId: r.session.meetingId,
  agendaItemId: r.session.agendaItemId,
  group: { id: r.session.groupId, name: r.groupName },
  convener: r.session.convenerDelegateId ? { id: r.session.convenerDelegateId, name: r.convenerName } : null,
  place: r.session.place,
  minutes: r.session.minutes,
  createdAt: r.session.createdAt,
  updatedAt: r.session.updatedAt,
});

export async function listGroupSessions(ctx: AppContext, s: TownshipScope, meetingId: string) {
  await requireMeeting(ctx.database.db, s.township.id, meetingId);
  return { items: (await repo.listSessions(ctx.database.db, s.township.id, meetingId)).map(present) };
}

async function view(ctx: AppContext, s: TownshipScope, meetingId: string, id: string) {
  return (await listGroupSessions(ctx, s, meetingId)).items.find((x) => x.id === id)!;
}

/** The group is of the meeting's term, the convener one of its members, the item one of the meeting's. */
async function check(tx: Executor, s: TownshipScope, m: MeetingRow, body: GroupSessionInput) {
  const g = await repo.findGroup(tx, s.township.id, body.groupId);
  if (!g || g.termId !== m.termId) throw invalid('代表小组不存在或不属于本届');
  if (body.convenerDelegateId && !(await repo.isMember(tx, g.id, body.convenerDelegateId))) throw invalid('召集人须是该代表小组的成员');
  if (body.agendaItemId && !(await repo.findItem(tx, s.township.id, m.id, body.agendaItemId))) throw invalid('所选议程不属于本次会议');
}

export async function createGroupSession(ctx: AppContext, s: TownshipScope, meetingId: string, body: GroupSessionInput) {
  const id = await ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    assertActivity(m.status, 'editAgenda');
    await check(tx, s, m, body);
    const row = await repo.insertSession(tx, {
      townshipId: s.township.id,
      meetingId,
      groupId: body.groupId,
      agendaItemId: body.agendaItemId ?? null,
      convenerDelegateId: body.convenerDelegateId ?? null,
      place: body.place ?? null,
      minutes: body.minutes ?? null,
    });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'groupSession.create', entity: 'groupSession', entityId: row.id, after: row });
    return row.id;
  });
  return view(ctx, s, meetingId, id);
}

/** Editing (the minutes above all) stays possible after the meeting closes: minutes are often written up later. */
export async function updateGroupSession(ctx: AppContext, s: TownshipScope, meetingId: string, id: string, body: GroupSessionInput) {
  await ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    const before = await repo.findSession(tx, s.township.id, meetingId, id);
    if (!before) throw notFound('分团讨论');
    await check(tx, s, m, body);
    const after = await repo.updateSession(tx, s.township.id, id, {
      groupId: body.groupId,
      agendaItemId: body.agendaItemId ?? null,
      convenerDelegateId: body.convenerDelegateId ?? null,
      place: body.place ?? null,
      minutes: body.minutes ?? null,
    });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'groupSession.update', entity: 'groupSession', entityId: id, before, after });
  });
  return view(ctx, s, meetingId, id);
}

export async function deleteGroupSession(ctx: AppContext, s: TownshipScope, meetingId: string, id: string) {
  await ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    assertActivity(m.status, 'editAgenda');
    const before = await repo.findSession(tx, s.township.id, meetingId, id);
    if (!before) throw notFound('分团讨论');
    await repo.deleteSession(tx, s.township.id, id);
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'groupSession.delete', entity: 'groupSession', entityId: id, before });
  });
  return { id, deleted: true };
}
