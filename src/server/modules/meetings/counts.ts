import { and, eq, sql } from 'drizzle-orm';
import { agendaItems, briefings, observers, topics } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import * as repo from './repository.js';

const byStatus = async (db: Executor, table: typeof topics | typeof observers, townshipId: string, meetingId: string) => {
  const rows = await db
    .select({ status: table.status, n: sql<number>`count(*)::int` })
    .from(table)
    .where(and(eq(table.townshipId, townshipId), eq(table.meetingId, meetingId)))
    .groupBy(table.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
};

const countOf = async (db: Executor, table: typeof agendaItems | typeof briefings, townshipId: string, meetingId: string) => {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(and(eq(table.townshipId, townshipId), eq(table.meetingId, meetingId)));
  return r!.n;
};

/** What the preparation of a meeting has reached: the figures on its overview page. */
export async function prepCounts(db: Executor, townshipId: string, m: { id: string; termId: string }) {
  const t = await byStatus(db, topics, townshipId, m.id);
  const o = await byStatus(db, observers, townshipId, m.id);
  return {
    activeDelegates: (await repo.activeDelegatesOfTerm(db, townshipId, m.termId)).length,
    attendance: await repo.attendanceCounts(db, townshipId, m.id),
    topics: {
      collecting: t.collecting ?? 0,
      submitted: t.submitted ?? 0,
      accepted: t.accepted ?? 0,
      rejected: t.rejected ?? 0,
      withdrawn: t.withdrawn ?? 0,
    },
    observers: { approved: o.approved ?? 0, pending: o.pending ?? 0, declined: o.declined ?? 0 },
    agendaItems: await countOf(db, agendaItems, townshipId, m.id),
    briefings: await countOf(db, briefings, townshipId, m.id),
  };
}
