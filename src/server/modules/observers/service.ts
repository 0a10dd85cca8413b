import type { AppContext } from '../../context.js';
import { conflict, notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { lockMeetingOr404, requireMeeting } from '../meetings/lookup.js';
import { assertActivity } from '../meetings/policy.js';
import * as meetingRepo from '../meetings/index.js';
import { DISCIPLINE_KEY, loadDisciplineMembers, type DisciplineMember } from './discipline.js';
import { OBSERVER_KINDS } from '../../../domain/meeting/observer.js';
import { presentObserver } from './presenter.js';
import { sortByStrokes } from '../../../domain/names/stroke-order.js';

const KIND_ORDER: string[] = Object.keys(OBSERVER_KINDS);
import * as repo from './repository.js';
import { putSetting } from '../settings/index.js';

export async function listObservers(ctx: AppContext, s: TownshipScope, meetingId: string) {
  await requireMeeting(ctx.database.db, s.township.id, meetingId);
  const rows = await repo.listObservers(ctx.database.db, s.township.id, meetingId);
  // Name lists in official order: by kind, then by surname strokes (姓氏笔画为序).
  const ordered = sortByStrokes(rows, (o) => o.name).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  return { items: ordered.map((o) => presentObserver(ctx.cipher, o)) };
}

/** 党委确定的列席人员 (or a discipline-commission member added by hand): approved as entered. */
export async function addObserver(
  ctx: AppContext,
  s: TownshipScope,
  meetingId: string,
  body: { name: string; kind: 'disciplineCommission' | 'committeeDecided'; organisation: string; phone?: string | null; reason?: string | null },
) {
  const row = await ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    assertActivity(m.status, 'manageObservers');
    const [o] = await repo.insertObservers(tx, [
      {
        townshipId: s.township.id,
        meetingId,
        name: body.name,
        kind: body.kind,
        organisation: body.organisation,
        phoneEnc: body.phone ? ctx.cipher.encrypt(body.phone) : null,
        status: 'approved',
        reason: body.reason ?? null,
        decidedAt: new Date(),
      },
    ]);
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'observer.create', entity: 'observer', entityId: o!.id, after: { meetingId, name: o!.name, kind: o!.kind, organisation: o!.organisation } });
    return o!;
  });
  return presentObserver(ctx.cipher, row);
}

/** 党委决定: approve or decline a public application; a decision is given once. */
export async function decideObserver(ctx: AppContext, s: TownshipScope, meetingId: string, observerId: string, body: { approved: boolean; reason?: string | null }) {
  const row = await ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    assertActivity(m.status, 'manageObservers');
    const before = await repo.findObserver(tx, s.township.id, meetingId, observerId);
    if (!before) throw notFound('列席人员');
    if (before.status !== 'pending') throw conflict('已对该申请作出决定');
    const after = await repo.updateObserver(tx, s.township.id, observerId, {
      status: body.approved ? 'approved' : 'declined',
      decisionReason: body.reason?.trim() || null,
      decidedAt: new Date(),
    });
    await writeAudit(tx, actorOf(s.user), {
      townshipId: s.township.id,
      action: 'observer.decide',
      entity: 'observer',
      entityId: observerId,
      before: { status: before.status },
      after: { status: after.status, reason: after.decisionReason },
    });
    return after;
  });
  return presentObserver(ctx.cipher, row);
}

export async function removeObserver(ctx: AppContext, s: TownshipScope, meetingId: string, observerId: string) {
  await ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    assertActivity(m.status, 'manageObservers');
    const before = await repo.findObserver(tx, s.township.id, meetingId, observerId);
    if (!before) throw notFound('列席人员');
    await repo.deleteObserver(tx, s.township.id, observerId);
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'observer.delete', entity: 'observer', entityId: observerId, before: { name: before.name, kind: before.kind, status: before.status } });
  });
  return { id: observerId, deleted: true };
}

export async function getDisciplineMembers(ctx: AppContext, s: TownshipScope) {
  return { members: await loadDisciplineMembers(ctx.database.db, s.township.id) };
}

export async function putDisciplineMembers(ctx: AppContext, s: TownshipScope, members: DisciplineMember[]) {
  return ctx.database.db.transaction(async (tx) => {
    const before = await loadDisciplineMembers(tx, s.township.id);
    await putSetting(tx, s.township.id, DISCIPLINE_KEY, members);
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'settings.update', entity: 'settings', entityId: DISCIPLINE_KEY, before: { members: before }, after: { members } });
    return { members };
  });
}

/** 公告: publishing opens the public page and observer applications; withdrawing closes them. */
export async function setPublicNotice(ctx: AppContext, s: TownshipScope, meetingId: string, published: boolean) {
  const after = await ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    assertActivity(m.status, 'publishNotice');
    const publishedAt = published ? (m.publishedAt ?? new Date()) : null;
    const row = await meetingRepo.updateMeeting(tx, s.township.id, meetingId, { publishedAt });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: published ? 'meeting.publish' : 'meeting.unpublish', entity: 'meeting', entityId: meetingId, before: { publishedAt: m.publishedAt }, after: { publishedAt } });
    return row;
  });
  return { meetingId, published: !!after.publishedAt, publishedAt: after.publishedAt };
}
