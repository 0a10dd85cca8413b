import { AGENDA_ITEM_TYPES, AGENDA_TEMPLATES, buildAgendaTemplate, type AgendaItemType, type AgendaTemplateId } from '../../../domain/meeting/agenda-templates.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../errors.js';
import type { AuditAction } from '../../../domain/audit/labels.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { lockMeetingOr404, requireMeeting } from '../meetings/lookup.js';
import { assertActivity } from '../meetings/policy.js';
import * as meetingRepo from '../meetings/index.js';
import * as repo from './repository.js';

export interface AgendaItemInput {
  type: AgendaItemType;
  title: string;
  presenter?: string | null;
  plenary: boolean;
  groupSession: boolean;
  notes?: string | null;
  position?: number;
}

const present = (i: repo.AgendaItemRow, currentId: string | null) => ({
  id: i.id,
  position: i.position,
  type: i.type as AgendaItemType,
  typeLabel: AGENDA_ITEM_TYPES[i.type as AgendaItemType] ?? i.type,
  title: i.title,
  presenter: i.presenter,
  plenary: i.plenary,
  groupSession: i.groupSession,
  notes: i.notes,
  isCurrent: i.id === currentId,
});

export async function listAgenda(ctx: AppContext, s: TownshipScope, meetingId: string) {
  const db = ctx.database.db;
  const m = await requireMeeting(db, s.township.id, meetingId);
  const items = await repo.listItems(db, s.township.id, meetingId);
  return { currentAgendaItemId: m.currentAgendaItemId, items: items.map((i) => present(i, m.currentAgendaItemId)) };
}

/** The templates as they would come out for this meeting (with an election item when it holds one). */
export async function previewTemplates(ctx: AppContext, s: TownshipScope, meetingId: string) {
  const m = await requireMeeting(ctx.database.db, s.township.id, meetingId);
  return {
    items: (Object.keys(AGENDA_TEMPLATES) as AgendaTemplateId[]).map((id) => ({
      id,
      label: AGENDA_TEMPLATES[id].label,
      items: buildAgendaTemplate(id, { hasElection: m.hasElection }),
    })),
  };
}

/** Runs one agenda change: meeting locked, state checked, change and audit in one transaction. */
async function change<T>(ctx: AppContext, s: TownshipScope, meetingId: string, fn: (tx: Executor, m: meetingRepo.MeetingRow) => Promise<{ audit: { action: AuditAction; entityId?: string; before?: unknown; after?: unknown }; result: T }>) {
  return ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    assertActivity(m.status, 'editAgenda');
    const { audit, result } = await fn(tx, m);
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, entity: 'agenda', entityId: audit.entityId ?? meetingId, action: audit.action, before: audit.before, after: audit.after });
    return result;
  });
}

export async function addItem(ctx: AppContext, s: TownshipScope, meetingId: string, body: AgendaItemInput) {
  const id = await change(ctx, s, meetingId, async (tx) => {
    const existing = await repo.listItems(tx, s.township.id, meetingId);
    const at = Math.min(body.position ?? existing.length + 1, existing.length + 1);
    const [item] = await repo.insertItems(tx, [{ townshipId: s.township.id, meetingId, position: at, type: body.type, title: body.title, presenter: body.presenter ?? null, plenary: body.plenary, groupSession: body.groupSession, notes: body.notes ?? null }]);
    const order = existing.map((i) => i.id);
    order.splice(at - 1, 0, item!.id);
    await repo.renumber(tx, s.township.id, order);
    return { audit: { action: 'agenda.create', entityId: item!.id, after: { ...body, position: at } }, result: item!.id };
  });
  return (await listAgenda(ctx, s, meetingId)).items.find((i) => i.id === id)!;
}

export async function updateItem(ctx: AppContext, s: TownshipScope, meetingId: string, itemId: string, body: AgendaItemInput) {
  await change(ctx, s, meetingId, async (tx) => {
    const before = await repo.findItem(tx, s.township.id, meetingId, itemId);
    if (!before) throw notFound('议程');
    const after = await repo.updateItem(tx, s.township.id, itemId, { type: body.type, title: body.title, presenter: body.presenter ?? null, plenary: body.plenary, groupSession: body.groupSession, notes: body.notes ?? null });
    return { audit: { action: 'agenda.update', entityId: itemId, before, after }, result: null };
  });
  return (await listAgenda(ctx, s, meetingId)).items.find((i) => i.id === itemId)!;
}

export async function deleteItem(ctx: AppContext, s: TownshipScope, meetingId: string, itemId: string) {
  await change(ctx, s, meetingId, async (tx, m) => {
    const before = await repo.findItem(tx, s.township.id, meetingId, itemId);
    if (!before) throw notFound('议程');
    await repo.deleteItems(tx, s.township.id, meetingId, itemId);
    if (m.currentAgendaItemId === itemId) await meetingRepo.updateMeeting(tx, s.township.id, meetingId, { currentAgendaItemId: null });
    await repo.renumber(tx, s.township.id, (await repo.listItems(tx, s.township.id, meetingId)).map((i) => i.id));
    return { audit: { action: 'agenda.delete', entityId: itemId, before }, result: null };
  });
  return listAgenda(ctx, s, meetingId);
}

/** 调整议程顺序: `ids` must be exactly the meeting's items, in their new order. */
export async function reorder(ctx: AppContext, s: TownshipScope, meetingId: string, ids: string[]) {
  await change(ctx, s, meetingId, async (tx) => {
    const items = await repo.listItems(tx, s.township.id, meetingId);
    const known = new Set(items.map((i) => i.id));
    if (new Set(ids).size !== ids.length) throw invalid('议程顺序中有重复的议程');
    if (ids.length !== items.length || !ids.every((id) => known.has(id))) throw invalid('议程顺序须列出本次会议的全部议程，且不能包含其他议程');
    await repo.renumber(tx, s.township.id, ids);
    return { audit: { action: 'agenda.reorder', before: items.map((i) => i.id), after: ids }, result: null };
  });
  return listAgenda(ctx, s, meetingId);
}

export async function applyTemplate(ctx: AppContext, s: TownshipScope, meetingId: string, template: AgendaTemplateId, replace: boolean) {
  await change(ctx, s, meetingId, async (tx, m) => {
    const existing = await repo.listItems(tx, s.township.id, meetingId);
    if (existing.length > 0 && !replace) throw conflict(`本次会议已有 ${existing.length} 项议程；如需按模板重新生成，请选择“替换现有议程”`);
    if (existing.length > 0) {
      await repo.deleteItems(tx, s.township.id, meetingId);
      if (m.currentAgendaItemId) await meetingRepo.updateMeeting(tx, s.township.id, meetingId, { currentAgendaItemId: null });
    }
    const items = buildAgendaTemplate(template, { hasElection: m.hasElection });
    await repo.insertItems(tx, items.map((i, n) => ({ ...i, townshipId: s.township.id, meetingId, position: n + 1 })));
    return { audit: { action: 'agenda.applyTemplate', before: existing.map((i) => i.title), after: { template, items: items.map((i) => i.title) } }, result: null };
  });
  return listAgenda(ctx, s, meetingId);
}

/** 当前议程: what the hall screen and the phones show now; published after commit. */
export async function setCurrent(ctx: AppContext, s: TownshipScope, meetingId: string, itemId: string | null) {
  const item = await ctx.database.db.transaction(async (tx) => {
    const m = await lockMeetingOr404(tx, s.township.id, meetingId);
    assertActivity(m.status, 'setCurrentAgenda');
    const item = itemId ? await repo.findItem(tx, s.township.id, meetingId, itemId) : null;
    if (itemId && !item) throw notFound('议程');
    await meetingRepo.updateMeeting(tx, s.township.id, meetingId, { currentAgendaItemId: itemId });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'agenda.current', entity: 'agenda', entityId: meetingId, before: { currentAgendaItemId: m.currentAgendaItemId }, after: { currentAgendaItemId: itemId } });
    return item;
  });
  ctx.hub.publish({ channel: `meeting:${meetingId}`, type: 'agenda', data: { currentAgendaItemId: itemId, title: item?.title ?? null } });
  return listAgenda(ctx, s, meetingId);
}
