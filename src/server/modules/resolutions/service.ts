import { chinaToday } from '../../../domain/meeting/deadlines.js';
import { summarizeItems, type StoredItemStatus } from '../../../domain/meeting/resolution.js';
import type { ResolutionBodyT } from '../../../domain/schemas/resolutions.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { conflict, notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { lockMeetingOr404, requireMeeting } from '../meetings/lookup.js';
import { assertAction, canSee, visibleStatuses } from './policy.js';
import { presentDetail, presentResolution } from './presenter.js';
import * as repo from './repository.js';

/** The resolution if this user may see it, else 404 (a delegate does not learn that a draft exists). */
export async function visibleResolution(db: Executor, s: TownshipScope, id: string) {
  const r = await repo.findResolution(db, s.township.id, id);
  if (!r || !canSee(s.user.role, r.status)) throw notFound('决议');
  return r;
}

export async function listResolutions(ctx: AppContext, s: TownshipScope, meetingId: string) {
  const db = ctx.database.db;
  const m = await requireMeeting(db, s.township.id, meetingId);
  const rows = await repo.listResolutions(db, s.township.id, [m.id], visibleStatuses(s.user.role));
  const items = await repo.listItems(db, s.township.id, rows.map((r) => r.id));
  const today = chinaToday();
  return {
    meeting: { id: m.id, name: m.name, startsOn: m.startsOn, status: m.status },
    items: rows.map((r) => {
      const own = items.filter((i) => i.resolutionId === r.id);
      return { ...presentResolution(r), implementation: summarizeItems(own.map((i) => ({ status: i.status as StoredItemStatus, dueOn: i.dueOn, progress: i.progress })), today) };
    }),
  };
}

export async function resolutionDetail(db: Executor, s: TownshipScope, id: string) {
  const r = await visibleResolution(db, s, id);
  const m = await requireMeeting(db, s.township.id, r.meetingId);
  const items = await repo.listItems(db, s.township.id, [r.id]);
  const related = {
    items,
    updates: await repo.listUpdates(db, s.township.id, items.map((i) => i.id)),
    changes: await repo.listChanges(db, s.township.id, [r.id]),
    distributions: await repo.listDistributions(db, s.township.id, [r.id]),
  };
  return presentDetail(r, m, related, chinaToday());
}

export const getResolution = (ctx: AppContext, s: TownshipScope, id: string) => resolutionDetail(ctx.database.db, s, id);

async function checkAgendaItem(tx: Executor, townshipId: string, meetingId: string, agendaItemId: string | null | undefined) {
  if (agendaItemId && !(await repo.findAgendaItem(tx, townshipId, meetingId, agendaItemId))) throw notFound('本次会议的议程项');
}

/** 起草决议: numbered within the meeting; the meeting row is locked so two drafts never take one number. */
export async function createResolution(ctx: AppContext, s: TownshipScope, meetingId: string, body: ResolutionBodyT) {
  const id = await ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    await checkAgendaItem(tx, s.township.id, m.id, body.agendaItemId);
    const number = body.number ?? (await repo.nextNumber(tx, s.township.id, m.id));
    if (await repo.numberTaken(tx, s.township.id, m.id, number)) throw conflict(`本次会议已有第${number}号决议`);
    const r = await repo.insertResolution(tx, {
      townshipId: s.township.id,
      meetingId: m.id,
      agendaItemId: body.agendaItemId ?? null,
      number,
      title: body.title,
      body: body.body,
      importance: body.importance,
      createdBy: s.user.id,
    });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'resolution.create', entity: 'resolution', entityId: r.id, after: r });
    return r.id;
  });
  return resolutionDetail(ctx.database.db, s, id);
}

export async function updateResolution(ctx: AppContext, s: TownshipScope, id: string, body: ResolutionBodyT) {
  await ctx.database.db.transaction(async (tx) => {
    const before = await repo.lockResolution(tx, s.township.id, id);
    if (!before) throw notFound('决议');
    assertAction(before.status, 'edit');
    // Numbers are checked under the meeting's lock, as when drafting.
    await lockMeetingOr404(tx, s.township.id, before.meetingId);
    await checkAgendaItem(tx, s.township.id, before.meetingId, body.agendaItemId);
    const number = body.number ?? before.number;
    if (await repo.numberTaken(tx, s.township.id, before.meetingId, number, id)) throw conflict(`本次会议已有第${number}号决议`);
    const after = await repo.updateResolution(tx, s.township.id, id, {
      title: body.title,
      body: body.body,
      importance: body.importance,
      agendaItemId: body.agendaItemId ?? null,
      number,
    });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'resolution.update', entity: 'resolution', entityId: id, before, after });
  });
  return resolutionDetail(ctx.database.db, s, id);
}

export async function deleteResolution(ctx: AppContext, s: TownshipScope, id: string) {
  await ctx.database.db.transaction(async (tx) => {
    const before = await repo.lockResolution(tx, s.township.id, id);
    if (!before) throw notFound('决议');
    assertAction(before.status, 'delete');
    await repo.deleteResolution(tx, s.township.id, id);
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'resolution.delete', entity: 'resolution', entityId: id, before });
  });
}
