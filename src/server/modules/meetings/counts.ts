import type { Executor } from '../../db/client.js';
import { countAgendaItems } from '../agenda/index.js';
import { attendanceCounts } from '../attendance/index.js';
import { observerCountsByStatus } from '../observers/index.js';
import { countActiveDelegates } from '../roster/index.js';
import { topicCountsByStatus } from '../topics/index.js';
import { countBriefings } from './briefing-repository.js';

/** What the preparation of a meeting has reached: the figures on its overview page. */
export async function prepCounts(db: Executor, townshipId: string, m: { id: string; termId: string }) {
  const t = await topicCountsByStatus(db, townshipId, m.id);
  const o = await observerCountsByStatus(db, townshipId, m.id);
  return {
    activeDelegates: await countActiveDelegates(db, townshipId, m.termId),
    attendance: await attendanceCounts(db, townshipId, m.id),
    topics: {
      collecting: t.collecting ?? 0,
      submitted: t.submitted ?? 0,
      accepted: t.accepted ?? 0,
      rejected: t.rejected ?? 0,
      withdrawn: t.withdrawn ?? 0,
    },
    observers: { approved: o.approved ?? 0, pending: o.pending ?? 0, declined: o.declined ?? 0 },
    agendaItems: await countAgendaItems(db, townshipId, m.id),
    briefings: await countBriefings(db, townshipId, m.id),
  };
}
