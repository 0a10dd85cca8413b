import { and, eq, inArray, sql } from 'drizzle-orm';
import { delegates, rosterCounts } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';

export interface TermCounts {
  active: number;
  suspended: number;
  terminated: number;
  vacancies: number;
}

/**
 * Delegates by status and open vacancies of each of `termIds` (the county overview). The
 * statuses come from `roster_counts`, which triggers on `delegates` keep exact in every
 * writer's transaction (migration 0016), so no delegate row or index entry is counted. Vacancies
 * (terminated and not replaced) are few: found through the terminated ones of the terms.
 */
export async function countsOfTerms(db: Executor, termIds: string[]): Promise<Map<string, TermCounts>> {
  const out = new Map<string, TermCounts>(termIds.map((id) => [id, { active: 0, suspended: 0, terminated: 0, vacancies: 0 }]));
  if (termIds.length === 0) return out;
  const counts = await db
    .select({ termId: rosterCounts.termId, status: rosterCounts.status, n: rosterCounts.n })
    .from(rosterCounts)
    .where(inArray(rosterCounts.termId, termIds));
  for (const c of counts) {
    const t = out.get(c.termId);
    if (t && (c.status === 'active' || c.status === 'suspended' || c.status === 'terminated')) t[c.status] = c.n;
  }
  const open = await db
    .select({ termId: delegates.termId, n: sql<number>`count(*)::int` })
    .from(delegates)
    .where(
      and(
        inArray(delegates.termId, termIds),
        eq(delegates.status, 'terminated'),
        sql`not exists (select 1 from ${delegates} r where r.replaces_delegate_id = ${delegates.id})`,
      ),
    )
    .groupBy(delegates.termId);
  for (const v of open) out.get(v.termId)!.vacancies = v.n;
  return out;
}

/** How many delegates a term has, of one status or of all: one or three counter rows. */
export async function countOfTerm(db: Executor, townshipId: string, termId: string, status?: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(sum(${rosterCounts.n}), 0)::int` })
    .from(rosterCounts)
    .where(and(eq(rosterCounts.townshipId, townshipId), eq(rosterCounts.termId, termId), status ? eq(rosterCounts.status, status) : undefined));
  return r?.n ?? 0;
}
