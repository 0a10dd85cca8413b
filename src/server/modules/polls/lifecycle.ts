import type { z } from 'zod';
import { passResult } from '../../../domain/meeting/pass-rule.js';
import { checkShowOfHands, tallyOf } from '../../../domain/meeting/poll.js';
import { quorumRefusal, quorumStatus, type QuorumKind } from '../../../domain/meeting/quorum.js';
import { parseMeetingRules } from '../../../domain/meeting/rules.js';
import { MEETING_STATUSES, type MeetingStatus } from '../../../domain/meeting/state.js';
import type { TallyBody } from '../../../domain/schemas/polls.js';
import type { AppContext } from '../../context.js';
import { conflict, invalid, notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import * as attendance from '../attendance/index.js';
import { lockMeetingOr404 } from '../meetings/index.js';
import { announcePoll, announceResult } from './announce.js';
import { forgetBallotBox } from './ballot-box.js';
import { scrubSecretPoll, vacuumSecretTables } from './ballot-repository.js';
import { pollView, passRuleOf } from './presenter.js';
import * as repo from './repository.js';
import { assertPollAction } from './service.js';

/**
 * Opening snapshots those present; it needs the meeting in progress and its quorum (the
 * election quorum for an election item), and one vote at a time per meeting.
 */
export async function openPoll(ctx: AppContext, s: TownshipScope, pollId: string) {
  const tid = s.township.id;
  const p = await ctx.database.db.transaction(async (tx) => {
    const poll = await repo.lockPoll(tx, tid, pollId);
    if (!poll) throw notFound('表决');
    assertPollAction(poll.status, 'open');
    // The meeting row-locked: of two polls opened at once, the second sees the first open.
    const m = await lockMeetingOr404(tx, tid, poll.meetingId);
    if (m.status !== 'inProgress') throw conflict(`会议${MEETING_STATUSES[m.status as MeetingStatus] ?? ''}，只有在会议进行中才能开始表决`);
    if (await repo.openPollOfMeeting(tx, tid, m.id)) throw conflict('本次会议已有一项表决正在进行，请先结束该表决');
    const counts = await attendance.attendanceCounts(tx, tid, m.id);
    const rules = parseMeetingRules(m.rules);
    const kind = poll.quorumKind as QuorumKind;
    const q = quorumStatus({ due: counts.due, present: counts.checkedIn }, kind === 'election' ? rules.electionQuorum : rules.meetingQuorum);
    const refusal = quorumRefusal(kind, q);
    if (refusal) throw conflict(refusal);
    const present = await attendance.presentDelegateIds(tx, tid, m.id);
    await repo.insertEligible(tx, tid, poll.id, present);
    if (poll.method === 'secret') await repo.insertSecretTally(tx, tid, poll.id);
    const opened = await repo.updatePoll(tx, tid, poll.id, { status: 'open', dueSnapshot: counts.due, presentSnapshot: present.length, openedAt: new Date() });
    await writeAudit(tx, actorOf(s.user), {
      townshipId: tid,
      action: 'poll.open',
      entity: 'poll',
      entityId: poll.id,
      after: { title: poll.title, method: poll.method, due: counts.due, present: present.length, quorum: { kind, required: q.required } },
    });
    return opened;
  });
  announcePoll(ctx, tid, p.id);
  return pollView(p, 0);
}

/** Show of hands: the counts as the tellers report them; may be corrected until the poll closes. */
export async function enterTally(ctx: AppContext, s: TownshipScope, pollId: string, counts: z.infer<typeof TallyBody>) {
  const tid = s.township.id;
  const p = await ctx.database.db.transaction(async (tx) => {
    const poll = await repo.lockPoll(tx, tid, pollId);
    if (!poll) throw notFound('表决');
    if (poll.method !== 'showOfHands') throw conflict('只有举手表决需要录入票数；电子表决的票数由系统统计');
    assertPollAction(poll.status, 'tally');
    const wrong = checkShowOfHands(counts, poll.presentSnapshot ?? 0);
    if (wrong) throw invalid(wrong);
    const after = await repo.updatePoll(tx, tid, poll.id, { yes: counts.yes, no: counts.no, abstain: counts.abstain });
    await writeAudit(tx, actorOf(s.user), {
      townshipId: tid,
      action: 'poll.tally',
      entity: 'poll',
      entityId: poll.id,
      before: poll.yes === null ? null : { yes: poll.yes, no: poll.no, abstain: poll.abstain },
      after: counts,
    });
    return after;
  });
  announcePoll(ctx, tid, p.id);
  return pollView(p, undefined);
}

/** Closing counts with the rule the meeting opened with; a closed poll is final. */
export async function closePoll(ctx: AppContext, s: TownshipScope, pollId: string) {
  const tid = s.township.id;
  const p = await ctx.database.db.transaction(async (tx) => {
    // FOR UPDATE waits for ballots in flight (they hold FOR SHARE on the poll) and turns later ones away.
    const poll = await repo.lockPoll(tx, tid, pollId);
    if (!poll) throw notFound('表决');
    assertPollAction(poll.status, 'close');
    const present = poll.presentSnapshot ?? 0;
    let counts;
    if (poll.method === 'showOfHands') {
      if (poll.yes === null || poll.no === null || poll.abstain === null) throw conflict('请先录入举手表决的赞成、反对、弃权票数，再结束表决');
      counts = { yes: poll.yes, no: poll.no, abstain: poll.abstain };
    } else {
      counts = poll.method === 'secret' ? await repo.secretCounts(tx, tid, poll.id) : await repo.namedCounts(tx, tid, poll.id);
      const voted = (await repo.votedCounts(tx, tid, [poll.id])).get(poll.id) ?? 0;
      if (counts.yes + counts.no + counts.abstain !== voted) throw new Error(`poll ${poll.id}: counts do not match voters`);
    }
    const tally = tallyOf(counts, present);
    const result = passResult(counts, { present, due: poll.dueSnapshot ?? 0 }, passRuleOf(poll));
    const closed = await repo.updatePoll(tx, tid, poll.id, { status: 'closed', ...tally, passed: result.passed, closedAt: new Date() });
    if (poll.method === 'secret') await scrubSecretPoll(tx, tid, poll.id);
    await writeAudit(tx, actorOf(s.user), {
      townshipId: tid,
      action: 'poll.close',
      entity: 'poll',
      entityId: poll.id,
      after: { ...tally, present, due: poll.dueSnapshot, passed: result.passed, requiredYes: result.requiredYes, basis: result.basis },
    });
    return closed;
  });
  forgetBallotBox(ctx, p.id);
  if (p.method === 'secret') await vacuumSecretTables(ctx.database);
  await announceResult(ctx, p);
  return pollView(p, (await repo.votedCounts(ctx.database.db, tid, [p.id])).get(p.id));
}
