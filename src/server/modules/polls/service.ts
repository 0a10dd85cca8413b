import type { z } from 'zod';
import { checkMethodForItem, checkPollAction, type PollStatus } from '../../../domain/meeting/poll.js';
import { quorumKindFor } from '../../../domain/meeting/quorum.js';
import { parseMeetingRules } from '../../../domain/meeting/rules.js';
import type { PollBody } from '../../../domain/schemas/polls.js';
import type { AppContext } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { runUseCase } from '../../use-case.js';
import { lockMeetingShared } from '../meetings/index.js';
import { requireMeeting } from '../attendance/service.js';
import { pollView } from './presenter.js';
import * as repo from './repository.js';

export async function requirePoll(ctx: AppContext, townshipId: string, pollId: string) {
  const p = await repo.findPoll(ctx.database.db, townshipId, pollId);
  if (!p) throw notFound('表决');
  return p;
}

export function assertPollAction(status: string, action: Parameters<typeof checkPollAction>[1]) {
  const msg = checkPollAction(status as PollStatus, action);
  if (msg) throw conflict(msg);
}

export async function listPolls(ctx: AppContext, s: TownshipScope, meetingId: string) {
  const m = await requireMeeting(ctx, s.township.id, meetingId);
  const list = await repo.pollsOfMeeting(ctx.database.db, s.township.id, m.id);
  const voted = await repo.votedCounts(ctx.database.db, s.township.id, list.map((p) => p.id));
  return { items: list.map((p) => pollView(p, voted.get(p.id))) };
}

export async function getPoll(ctx: AppContext, s: TownshipScope, pollId: string) {
  const p = await requirePoll(ctx, s.township.id, pollId);
  const voted = (await repo.votedCounts(ctx.database.db, s.township.id, [p.id])).get(p.id);
  // A named vote is on the record: who voted what, once the poll is closed.
  const votes = p.method === 'named' && p.status === 'closed' ? await repo.namedVotes(ctx.database.db, s.township.id, p.id) : null;
  return { ...pollView(p, voted), votes };
}

/**
 * The meeting is share-locked first: closing it, or changing its agenda, waits until the poll
 * is in, and a poll is never added to a meeting that closed meanwhile.
 */
export async function createPoll(ctx: AppContext, s: TownshipScope, meetingId: string, body: z.infer<typeof PollBody>) {
  const p = await runUseCase(ctx, {
    actor: actorOf(s.user),
    lock: async (tx) => {
      const m = await lockMeetingShared(tx, s.township.id, meetingId);
      if (!m) throw notFound('会议');
      return m;
    },
    decide: async (tx, m) => {
      if (m.status === 'closed') throw conflict('会议已闭幕，不能再安排表决');
      let itemType: string | null = null;
      if (body.agendaItemId) {
        const item = await repo.findAgendaItem(tx, s.township.id, m.id, body.agendaItemId);
        if (!item) throw notFound('议程');
        itemType = item.type;
      }
      const wrongMethod = checkMethodForItem(body.method as never, itemType);
      if (wrongMethod) throw invalid(wrongMethod);
      const poll = await repo.insertPoll(tx, {
        townshipId: s.township.id,
        meetingId: m.id,
        agendaItemId: body.agendaItemId ?? null,
        title: body.title,
        method: body.method,
        quorumKind: quorumKindFor(itemType),
        passRule: parseMeetingRules(m.rules).passRule,
        createdBy: s.user.id,
      });
      const after = { meetingId: m.id, title: poll.title, method: poll.method, quorumKind: poll.quorumKind };
      return { result: poll, audit: { townshipId: s.township.id, action: 'poll.create', entity: 'poll', entityId: poll.id, after } };
    },
  });
  return pollView(p, undefined);
}

export async function deletePoll(ctx: AppContext, s: TownshipScope, pollId: string) {
  await ctx.database.db.transaction(async (tx) => {
    const p = await repo.lockPoll(tx, s.township.id, pollId);
    if (!p) throw notFound('表决');
    assertPollAction(p.status, 'delete');
    await repo.deletePoll(tx, s.township.id, p.id);
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'poll.delete', entity: 'poll', entityId: p.id, before: { title: p.title, method: p.method } });
  });
}
