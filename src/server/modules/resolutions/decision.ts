import { passResult } from '../../../domain/meeting/pass-rule.js';
import {
  checkMeetingForDecision,
  checkPollForDecision,
  checkVoteForDecision,
  evaluateManualVote,
  type VoteRecord,
} from '../../../domain/meeting/resolution.js';
import { parseMeetingRules } from '../../../domain/meeting/rules.js';
import type { DecisionBodyT } from '../../../domain/schemas/resolutions.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { meetingChannel } from '../../realtime/events.js';
import { requireMeeting } from '../meetings/lookup.js';
import { attendanceCounts } from '../attendance/index.js';
import { lockPoll } from '../polls/index.js';
import { assertAction } from './policy.js';
import * as repo from './repository.js';
import { resolutionDetail } from './service.js';

type Outcome = 'adopted' | 'rejected';

/** The figures of a closed poll of the polls module, as the decision keeps them. */
async function recordFromPoll(tx: Executor, s: TownshipScope, r: repo.ResolutionRow, pollId: string, outcome: Outcome): Promise<VoteRecord> {
  const poll = await lockPoll(tx, s.township.id, pollId);
  if (!poll) throw notFound('表决');
  const msg = checkPollForDecision(poll, r.meetingId, outcome);
  if (msg) throw conflict(msg);
  if (r.agendaItemId && poll.agendaItemId && r.agendaItemId !== poll.agendaItemId) throw conflict('该表决不属于本决议所在的议程项');
  const used = await repo.resolutionOfPoll(tx, s.township.id, poll.id);
  if (used && used.id !== r.id) throw conflict(`该表决已用于第${used.number}号决议《${used.title}》`);
  const counts = { yes: poll.yes ?? 0, no: poll.no ?? 0, abstain: poll.abstain ?? 0 };
  const base = { present: poll.presentSnapshot ?? 0, due: poll.dueSnapshot ?? 0 };
  const rule = parseMeetingRules({ passRule: poll.passRule }).passRule;
  return {
    source: 'poll',
    pollId: poll.id,
    method: poll.method,
    ...counts,
    present: base.present,
    due: poll.dueSnapshot,
    passed: poll.passed === true,
    requiredYes: passResult(counts, base, rule).requiredYes,
  };
}

/**
 * 通过 / 未通过: on a closed poll of the meeting (the normal path), or on counts entered by
 * the administrator for a vote taken outside the polls module — checked against the meeting's
 * own rules (counts within those present, quorum, pass rule) exactly as a poll would be.
 */
export async function decideResolution(ctx: AppContext, s: TownshipScope, id: string, body: DecisionBodyT, outcome: Outcome) {
  const decided = await ctx.database.db.transaction(async (tx) => {
    const r = await repo.lockResolution(tx, s.township.id, id);
    if (!r) throw notFound('决议');
    assertAction(r.status, outcome === 'adopted' ? 'adopt' : 'reject');
    const m = await requireMeeting(tx, s.township.id, r.meetingId);
    const notYet = checkMeetingForDecision(m.status);
    if (notYet) throw conflict(notYet);
    let record: VoteRecord;
    if (body.pollId) {
      record = await recordFromPoll(tx, s, r, body.pollId, outcome);
    } else {
      const { due } = await attendanceCounts(tx, s.township.id, m.id);
      const res = evaluateManualVote(body.vote!, parseMeetingRules(m.rules), due > 0 ? due : null);
      if ('error' in res) throw invalid(res.error);
      record = res.record;
      const wrong = checkVoteForDecision(record, outcome);
      if (wrong) throw conflict(wrong);
    }
    const now = new Date();
    const after = await repo.updateResolution(tx, s.township.id, id, {
      status: outcome,
      pollId: record.pollId,
      voteRecord: record,
      ...(outcome === 'adopted' ? { adoptedAt: now } : { rejectedAt: now }),
    });
    await writeAudit(tx, actorOf(s.user), {
      townshipId: s.township.id,
      action: outcome === 'adopted' ? 'resolution.adopt' : 'resolution.reject',
      entity: 'resolution',
      entityId: id,
      before: { status: r.status },
      after: { status: after.status, voteRecord: record },
    });
    return after;
  });
  ctx.hub.publish({
    channel: meetingChannel(decided.meetingId),
    type: 'resolution',
    data: { id: decided.id, number: decided.number, title: decided.title, status: decided.status },
  });
  return resolutionDetail(ctx.database.db, s, id);
}

/** 已被取代: a later adopted resolution replaces this one. */
export async function supersedeResolution(ctx: AppContext, s: TownshipScope, id: string, byResolutionId: string) {
  await ctx.database.db.transaction(async (tx) => {
    const r = await repo.lockResolution(tx, s.township.id, id);
    if (!r) throw notFound('决议');
    assertAction(r.status, 'supersede');
    if (byResolutionId === id) throw invalid('决议不能取代其自身');
    const by = await repo.findResolution(tx, s.township.id, byResolutionId);
    if (!by) throw notFound('取代它的决议');
    if (by.status !== 'adopted') throw conflict('取代它的决议须已经通过');
    const after = await repo.updateResolution(tx, s.township.id, id, { status: 'superseded', supersededById: by.id, supersededAt: new Date() });
    await writeAudit(tx, actorOf(s.user), {
      townshipId: s.township.id,
      action: 'resolution.supersede',
      entity: 'resolution',
      entityId: id,
      before: { status: r.status },
      after: { status: after.status, supersededById: by.id },
    });
  });
  return resolutionDetail(ctx.database.db, s, id);
}
