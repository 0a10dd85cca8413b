import { isCountyRole } from '../../../domain/accounts/roles.js';
import type { AppContext } from '../../context.js';
import type { SessionUser } from '../../access/types.js';
import { DEMO_SIGN_IN } from '../../seed/demo-plan.js';
import * as repo from './repository.js';
import { countsOfTerms as rosterCountsOfTerms } from '../roster/index.js';

/** A township by id, for the access hook, which decides whether it is within the user's reach. */
export const findTownshipById = (ctx: AppContext, id: string) => repo.findTownship(ctx.database.db, id);

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
  const list = await repo.townshipsWithCurrentTerm(db, user.countyId);
  const counts = await rosterCountsOfTerms(db, list.flatMap((t) => (t.termId ? [t.termId] : [])));
  const none = { active: 0, suspended: 0, terminated: 0, vacancies: 0 };
  const townships = list.map(({ termId, ...t }) => ({ ...t, ...((termId && counts.get(termId)) || none) }));
  return { county: { id: county!.id, name: county!.name, isDemo: county!.isDemo }, townships };
}

/**
 * What the login pages tell a visitor of a demo installation: the demo accounts and their
 * password. Null unless the demo county was loaded, so a real installation says nothing.
 */
export async function demoSignIn(ctx: AppContext) {
  const county = await repo.findDemoCounty(ctx.database.db);
  return { demo: county ? { county: county.name, ...DEMO_SIGN_IN } : null };
}
