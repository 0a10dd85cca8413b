import { polls } from '../../src/server/db/schema/index.js';
import { DEFAULT_RULES } from '../../src/domain/meeting/rules.js';
import type { TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { createMeeting } from './meeting-fixtures.js';

/** Set-up shared by the resolution and document tests. */

/** A meeting taken through notice and opening over the API, as an administrator would. */
export async function openedMeeting(admin: ApiClient, townshipId: string, body: Record<string, unknown> = {}) {
  const m = await createMeeting(admin, townshipId, body);
  const base = `/api/townships/${townshipId}/meetings/${m.id}`;
  const notice = await admin.post(`${base}/notice`, {});
  if (notice.status !== 200) throw new Error(`notice: ${notice.status} ${JSON.stringify(notice.body)}`);
  const open = await admin.post(`${base}/open`);
  if (open.status !== 200) throw new Error(`open: ${open.status} ${JSON.stringify(open.body)}`);
  return open.body as { id: string; name: string; termId: string; sessionNumber: number };
}

export interface PollFixture {
  meetingId: string;
  status?: 'draft' | 'open' | 'closed';
  yes?: number;
  no?: number;
  abstain?: number;
  present?: number;
  due?: number;
  passed?: boolean | null;
  agendaItemId?: string | null;
}

/**
 * A poll row as the voting module leaves it when it closes (show of hands). Written straight to
 * the table so that these tests exercise adoption, not the voting module's own flow.
 */
export async function insertPoll(w: TestWorld, where: 'a' | 'b', p: PollFixture) {
  const closed = (p.status ?? 'closed') === 'closed';
  const yes = p.yes ?? 0;
  const no = p.no ?? 0;
  const abstain = p.abstain ?? 0;
  const present = p.present ?? yes + no + abstain;
  const [row] = await w.ctx.database.db
    .insert(polls)
    .values({
      townshipId: w.townships[where].id,
      meetingId: p.meetingId,
      agendaItemId: p.agendaItemId ?? null,
      title: '表决',
      method: 'showOfHands',
      status: p.status ?? 'closed',
      passRule: DEFAULT_RULES.passRule,
      dueSnapshot: p.due ?? present,
      presentSnapshot: present,
      yes: closed ? yes : null,
      no: closed ? no : null,
      abstain: closed ? abstain : null,
      notVoted: closed ? present - yes - no - abstain : null,
      passed: closed ? (p.passed ?? yes * 2 > present) : null,
      openedAt: new Date(),
      closedAt: closed ? new Date() : null,
    })
    .returning();
  return row!;
}

export const resolutionBody = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  body: `一、总体要求。${title}的正文。\n（一）工作目标。到年底完成。\n全镇各级党组织和广大党员要认真贯彻落实本决议。`,
  ...extra,
});
