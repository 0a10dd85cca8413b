import type { Executor } from '../../db/client.js';
import * as repo from './repository.js';
import { getSetting } from '../settings/index.js';

export const DISCIPLINE_KEY = 'disciplineCommissionMembers';

export interface DisciplineMember {
  name: string;
  organisation: string;
}

export async function loadDisciplineMembers(db: Executor, townshipId: string): Promise<DisciplineMember[]> {
  const stored = await getSetting(db, townshipId, DISCIPLINE_KEY);
  if (!Array.isArray(stored)) return [];
  return stored
    .filter((m): m is DisciplineMember => !!m && typeof m === 'object' && typeof (m as DisciplineMember).name === 'string')
    .map((m) => ({ name: m.name, organisation: typeof m.organisation === 'string' ? m.organisation : '' }));
}

/**
 * Discipline-commission members attend every meeting without a vote (列席, DOMAIN.md §1): when
 * the notice goes out each one on the township's list is added, approved, unless already there.
 */
export async function addDisciplineObservers(tx: Executor, meeting: { id: string; townshipId: string }) {
  const members = await loadDisciplineMembers(tx, meeting.townshipId);
  const present = new Set((await repo.listObservers(tx, meeting.townshipId, meeting.id)).filter((o) => o.kind === 'disciplineCommission').map((o) => o.name));
  const rows = members
    .filter((m) => !present.has(m.name))
    .map((m) => ({
      townshipId: meeting.townshipId,
      meetingId: meeting.id,
      name: m.name,
      kind: 'disciplineCommission',
      organisation: m.organisation,
      status: 'approved',
      reason: '纪委委员按规定列席',
      decidedAt: new Date(),
    }));
  return repo.insertObservers(tx, rows);
}
