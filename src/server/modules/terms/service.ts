import type { z } from 'zod';
import type { TermBody } from '../../../domain/schemas/terms.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { actorOf, type Actor, type TownshipScope } from '../../access/types.js';
import { runUseCase } from '../../use-case.js';
import * as repo from './repository.js';

type TermInput = z.infer<typeof TermBody>;

export const listTerms = (ctx: AppContext, s: TownshipScope) => repo.listTerms(ctx.database.db, s.township.id);

/** The term new delegates, groups and imports belong to; other modules ask for it here. */
export async function requireCurrentTerm(db: Executor, townshipId: string) {
  const term = await repo.findCurrentTerm(db, townshipId);
  if (!term) throw invalid('本乡镇尚未设置当前届次，请先在“届次管理”中新建届次');
  return term;
}

function checkNoOverlap(all: repo.TermRow[], input: TermInput, exceptId?: string) {
  for (const t of all) {
    if (t.id === exceptId) continue;
    if (t.number === input.number) throw conflict(`第${input.number}届已存在`);
    if (input.startsOn <= t.endsOn && t.startsOn <= input.endsOn) throw conflict(`任期与第${t.number}届（${t.startsOn} 至 ${t.endsOn}）重叠`);
  }
}

export function createTerm(ctx: AppContext, s: TownshipScope, input: TermInput) {
  return createTermAs(ctx, { townshipId: s.township.id, actor: actorOf(s.user) }, input);
}

/** The same use case for a caller without a session: the command line's local operator. */
export function createTermAs(ctx: AppContext, by: { townshipId: string; actor: Actor }, input: TermInput) {
  const { townshipId } = by;
  return runUseCase(ctx, {
    actor: by.actor,
    lock: (tx) => repo.lockTermsOf(tx, townshipId),
    decide: async (tx, all) => {
      checkNoOverlap(all, input);
      const isCurrent = input.isCurrent || !all.some((t) => t.isCurrent);
      if (isCurrent) await repo.clearCurrent(tx, townshipId);
      const term = await repo.insertTerm(tx, { ...input, isCurrent, townshipId });
      return { result: term, audit: { townshipId, action: 'term.create', entity: 'term', entityId: term.id, after: term } };
    },
  });
}

export function updateTerm(ctx: AppContext, s: TownshipScope, id: string, input: TermInput) {
  const townshipId = s.township.id;
  return runUseCase(ctx, {
    actor: actorOf(s.user),
    lock: (tx) => repo.lockTermsOf(tx, townshipId),
    decide: async (tx, all) => {
      const before = all.find((t) => t.id === id);
      if (!before) throw notFound('届次');
      checkNoOverlap(all, input, id);
      if (before.isCurrent && !input.isCurrent) throw invalid('须始终有一个当前届次：请将另一届设为当前届次');
      if (input.isCurrent && !before.isCurrent) await repo.clearCurrent(tx, townshipId);
      const after = (await repo.updateTerm(tx, townshipId, id, input))!;
      return { result: after, audit: { townshipId, action: 'term.update', entity: 'term', entityId: id, before, after } };
    },
  });
}
