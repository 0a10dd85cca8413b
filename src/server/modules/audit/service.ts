import { actionLabel } from '../../../domain/audit/labels.js';
import type { AuditEntryView, AuditQueryT, CountyAuditQueryT } from '../../../domain/schemas/audit.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { verifyAuditChain } from '../../audit/audit.js';
import type { SessionUser, TownshipScope } from '../../access/types.js';
import * as repo from './repository.js';

// The offices using this work in China Standard Time: a day filter means a Beijing day.
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);
const dayAfter = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

function toView(r: repo.AuditRow): AuditEntryView {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorName: r.actorName,
    townshipId: r.townshipId,
    action: r.action,
    actionLabel: actionLabel(r.action),
    entity: r.entity,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  };
}

async function list(ctx: AppContext, scope: repo.AuditScope, q: AuditQueryT) {
  const filter = {
    action: q.action || undefined,
    entity: q.entity || undefined,
    entityId: q.entityId || undefined,
    from: q.from ? dayStart(q.from) : undefined,
    until: q.to ? dayAfter(q.to) : undefined,
  };
  const { rows, total } = await repo.listAudit(ctx.database.db, scope, filter, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { items: rows.map(toView), total, page: q.page, pageSize: q.pageSize };
}

export const listTownshipAudit = (ctx: AppContext, s: TownshipScope, q: AuditQueryT) => list(ctx, { townshipId: s.township.id }, q);

export async function listCountyAudit(ctx: AppContext, user: SessionUser, q: CountyAuditQueryT) {
  let only: { townshipId: string } | 'county' | undefined;
  if (q.townshipId === 'county') only = 'county';
  else if (q.townshipId) {
    if (!(await repo.findTownshipOfCounty(ctx.database.db, user.countyId, q.townshipId))) throw notFound('乡镇');
    only = { townshipId: q.townshipId };
  }
  return list(ctx, { countyId: user.countyId, only }, q);
}

/** Recomputes the SM3 chain over the whole log; the first mismatch names the tampered entry. */
export const verifyChain = (ctx: AppContext) => verifyAuditChain(ctx.database.db);
