import type { z } from 'zod';
import type { TermBody } from '../../../domain/schemas/terms.js';
import type { AppContext } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf } from '../../http/session.js';
import type { TownshipScope } from '../../http/scope.js';
import * as repo from './repository.js';

type TermInput = z.infer<typeof TermBody>;

export const listTerms = (ctx: AppContext, s: TownshipScope) => repo.listTerms(ctx.database.db, s.township.id);

async function checkNoOverlap(ctx: AppContext, s: TownshipScope, input: TermInput, exceptId?: string) {
  const all = await repo.listTerms(ctx.database.db, s.township.id);
  for (const t of all) {
    if (t.id === exceptId) continue;
    if (t.number === input.number) throw conflict(`第${input.number}届已存在`);
    if (input.startsOn <= t.endsOn && t.startsOn <= input.endsOn) throw conflict(`任期与第${t.number}届（${t.startsOn} 至 ${t.endsOn}）重叠`);
  }
}

export async function createTerm(ctx: AppContext, s: TownshipScope, input: TermInput) {
  await checkNoOverlap(ctx, s, input);
  const hasCurrent = !!(await repo.findCurrentTerm(ctx.database.db, s.township.id));
  const isCurrent = input.isCurrent || !hasCurrent;
  return ctx.database.db.transaction(async (tx) => {
    if (isCurrent) await repo.clearCurrent(tx, s.township.id);
    const term = await repo.insertTerm(tx, { ...input, isCurrent, townshipId: s.township.id });
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'term.create', entity: 'term', entityId: term.id, after: term });
    return term;
  });
}

export async function updateTerm(ctx: AppContext, s: TownshipScope, id: string, input: TermInput) {
  const before = await repo.findTerm(ctx.database.db, s.township.id, id);
  if (!before) throw notFound('届次');
  await checkNoOverlap(ctx, s, input, id);
  if (before.isCurrent && !input.isCurrent) throw invalid('须始终有一个当前届次：请将另一届设为当前届次');
  return ctx.database.db.transaction(async (tx) => {
    if (input.isCurrent && !before.isCurrent) await repo.clearCurrent(tx, s.township.id);
    const after = await repo.updateTerm(tx, s.township.id, id, input);
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'term.update', entity: 'term', entityId: id, before, after });
    return after!;
  });
}
