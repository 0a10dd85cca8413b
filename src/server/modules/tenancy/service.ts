import { isCountyRole } from '../../../domain/accounts/roles.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import type { SessionUser } from '../../http/session.js';
import * as repo from './repository.js';

/**
 * The tenancy rule: a township user reaches only their own township, a county user only the
 * townships of their county. Anything else answers 404, as if it did not exist.
 */
export async function resolveTownship(ctx: AppContext, user: SessionUser, townshipId: string) {
  if (!isCountyRole(user.role) && user.townshipId !== townshipId) throw notFound('乡镇');
  const t = await repo.findTownship(ctx.database.db, townshipId);
  if (!t || t.countyId !== user.countyId) throw notFound('乡镇');
  return t;
}

export async function getTownshipsVisibleTo(ctx: AppContext, user: SessionUser) {
  const db = ctx.database.db;
  const county = await repo.findCounty(db, user.countyId);
  const list = isCountyRole(user.role)
    ? await repo.listTownshipsOfCounty(db, user.countyId)
    : [await repo.findTownship(db, user.townshipId!)].filter((t) => !!t);
  return list.map((t) => ({ id: t.id, code: t.code, name: t.name, countyName: county?.name ?? '', isDemo: county?.isDemo ?? false }));
}

export async function getCountyOverview(ctx: AppContext, user: SessionUser) {
  const db = ctx.database.db;
  const county = await repo.findCounty(db, user.countyId);
  const rows = await repo.countyOverviewRows(db, user.countyId);
  return { county: { id: county!.id, name: county!.name, isDemo: county!.isDemo }, townships: rows };
}
