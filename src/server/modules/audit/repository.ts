import { and, count, desc, eq, gte, inArray, isNull, like, lt, or, type SQL } from 'drizzle-orm';
import { auditLog, townships } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export type AuditRow = typeof auditLog.$inferSelect;

/** Which entries a viewer may see: one township's, or a whole county's (its townships' and its own). */
export type AuditScope = { townshipId: string } | { countyId: string; only?: { townshipId: string } | 'county' };

export interface AuditFilter {
  action?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  /** Exclusive upper bound. */
  until?: Date;
}

function scopeCondition(db: Executor, scope: AuditScope): SQL {
  if ('townshipId' in scope) return eq(auditLog.townshipId, scope.townshipId);
  const countyOwn = and(eq(auditLog.countyId, scope.countyId), isNull(auditLog.townshipId))!;
  if (scope.only === 'county') return countyOwn;
  if (scope.only) return eq(auditLog.townshipId, scope.only.townshipId);
  const ofCounty = db.select({ id: townships.id }).from(townships).where(eq(townships.countyId, scope.countyId));
  return or(countyOwn, inArray(auditLog.townshipId, ofCounty))!;
}

function filterConditions(f: AuditFilter): SQL[] {
  const conds: SQL[] = [];
  if (f.action?.endsWith('.*')) {
    const family = f.action.slice(0, -2).replace(/[\\%_]/g, (c) => `\\${c}`);
    conds.push(like(auditLog.action, `${family}.%`));
  } else if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.entity) conds.push(eq(auditLog.entity, f.entity));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.from) conds.push(gte(auditLog.at, f.from));
  if (f.until) conds.push(lt(auditLog.at, f.until));
  return conds;
}

export async function listAudit(db: Executor, scope: AuditScope, f: AuditFilter, page: { limit: number; offset: number }) {
  const where = and(scopeCondition(db, scope), ...filterConditions(f));
  const [rows, [total]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function findTownshipOfCounty(db: Executor, countyId: string, townshipId: string) {
  const [t] = await db.select({ id: townships.id }).from(townships).where(and(eq(townships.countyId, countyId), eq(townships.id, townshipId)));
  return t;
}
