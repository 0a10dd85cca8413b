import { chinaToday } from '../../../domain/meeting/deadlines.js';
import { statusForProgress } from '../../../domain/meeting/resolution.js';
import type { ItemBodyT, ProgressBodyT } from '../../../domain/schemas/resolutions.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { assertAction } from './policy.js';
import { presentItem } from './presenter.js';
import * as repo from './repository.js';
import { visibleResolution } from './service.js';

/** 落实事项 of a resolution the user may see, each with its progress log. */
export async function listItems(ctx: AppContext, s: TownshipScope, resolutionId: string) {
  const db = ctx.database.db;
  const r = await visibleResolution(db, s, resolutionId);
  const items = await repo.listItems(db, s.township.id, [r.id]);
  const updates = await repo.listUpdates(db, s.township.id, items.map((i) => i.id));
  const today = chinaToday();
  return { items: items.map((i) => presentItem(i, today, updates)) };
}

/** An item whose resolution the user may see, else 404. */
async function visibleItem(db: Executor, s: TownshipScope, itemId: string) {
  const item = await repo.findItem(db, s.township.id, itemId);
  if (!item) throw notFound('落实事项');
  await visibleResolution(db, s, item.resolutionId).catch(() => {
    throw notFound('落实事项');
  });
  return item;
}

export async function getItem(ctx: AppContext, s: TownshipScope, itemId: string) {
  const db = ctx.database.db;
  const item = await visibleItem(db, s, itemId);
  return presentItem(item, chinaToday(), await repo.listUpdates(db, s.township.id, [item.id]));
}

/** Items are arranged for an adopted resolution only: a draft may still change or fail. */
async function lockAdoptedResolution(tx: Executor, townshipId: string, resolutionId: string) {
  const r = await repo.lockResolution(tx, townshipId, resolutionId);
  if (!r) throw notFound('决议');
  assertAction(r.status, 'implement');
  return r;
}

export async function createItem(ctx: AppContext, s: TownshipScope, resolutionId: string, body: ItemBodyT) {
  const id = await ctx.database.db.transaction(async (tx) => {
    const r = await lockAdoptedResolution(tx, s.township.id, resolutionId);
    const item = await repo.insertItem(tx, {
      townshipId: s.township.id,
      resolutionId: r.id,
      title: body.title,
      ownerName: body.ownerName ?? null,
      ownerUnit: body.ownerUnit ?? null,
      dueOn: body.dueOn ?? null,
      notes: body.notes ?? null,
    });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'implementation.create', entity: 'implementationItem', entityId: item.id, after: item });
    return item.id;
  });
  return getItem(ctx, s, id);
}

export async function updateItem(ctx: AppContext, s: TownshipScope, itemId: string, body: ItemBodyT) {
  await ctx.database.db.transaction(async (tx) => {
    const before = await repo.lockItem(tx, s.township.id, itemId);
    if (!before) throw notFound('落实事项');
    await lockAdoptedResolution(tx, s.township.id, before.resolutionId);
    const after = await repo.updateItem(tx, s.township.id, itemId, {
      title: body.title,
      ownerName: body.ownerName ?? null,
      ownerUnit: body.ownerUnit ?? null,
      dueOn: body.dueOn ?? null,
      notes: body.notes ?? null,
    });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'implementation.update', entity: 'implementationItem', entityId: itemId, before, after });
  });
  return getItem(ctx, s, itemId);
}

export async function deleteItem(ctx: AppContext, s: TownshipScope, itemId: string) {
  await ctx.database.db.transaction(async (tx) => {
    const before = await repo.lockItem(tx, s.township.id, itemId);
    if (!before) throw notFound('落实事项');
    await lockAdoptedResolution(tx, s.township.id, before.resolutionId);
    await repo.deleteItem(tx, s.township.id, itemId);
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'implementation.delete', entity: 'implementationItem', entityId: itemId, before });
  });
}

/**
 * 进展: sets the item's progress (a correction downwards is allowed and kept in the log), its
 * stored status follows the progress, and 100 % records the day it was completed.
 */
export async function reportProgress(ctx: AppContext, s: TownshipScope, itemId: string, body: ProgressBodyT) {
  await ctx.database.db.transaction(async (tx) => {
    const before = await repo.lockItem(tx, s.township.id, itemId);
    if (!before) throw notFound('落实事项');
    await lockAdoptedResolution(tx, s.township.id, before.resolutionId);
    const now = new Date();
    const status = statusForProgress(body.progress);
    const completedOn = status === 'done' ? (before.completedOn ?? chinaToday(now)) : null;
    const after = await repo.updateItem(tx, s.township.id, itemId, { progress: body.progress, status, completedOn });
    const update = await repo.insertUpdate(tx, {
      townshipId: s.township.id,
      itemId,
      at: now,
      progress: body.progress,
      note: body.note ?? null,
      by: s.user.displayName,
      byUserId: s.user.id,
    });
    await writeAudit(tx, actorOf(s.user), {
      townshipId: s.township.id,
      action: 'implementation.progress',
      entity: 'implementationItem',
      entityId: itemId,
      before: { progress: before.progress, status: before.status },
      after: { progress: after.progress, status: after.status, note: update.note },
    });
  });
  return getItem(ctx, s, itemId);
}
