import type { Choice } from '../../../domain/meeting/poll.js';
import type { AppContext } from '../../context.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { actorOf, type SessionUser } from '../../access/types.js';
import { PHONE_STATE_TEXT } from '../../../domain/meeting/phone-binding.js';
import { deviceKeyOf, phoneStateAt } from '../attendance/index.js';
import { requireDelegate, requireMeeting } from '../attendance/service.js';
import { announcePoll } from './announce.js';
import { ballotBoxOf, type PollKey } from './ballot-box.js';
import { pollResult } from './presenter.js';
import * as repo from './repository.js';
import { assertPollAction } from './service.js';


async function pollMeta(ctx: AppContext, townshipId: string, pollId: string) {
  const cache = ctx.polls.metas;
  let meta = cache.get(pollId);
  if (!meta) {
    const p = await repo.findPoll(ctx.database.db, townshipId, pollId);
    if (!p) throw notFound('表决');
    meta = { id: p.id, townshipId: p.townshipId, meetingId: p.meetingId, method: p.method };
    if (cache.size > 10_000) cache.clear();
    cache.set(pollId, meta);
  }
  if (meta.townshipId !== townshipId) throw notFound('表决');
  if (meta.method !== 'named' && meta.method !== 'secret') throw conflict('本项为举手表决，请在会场举手，无需在手机上投票');
  return meta as PollKey;
}

/**
 * One delegate, one vote: the ballot goes into the poll's ballot box, which accepts it only if
 * the poll is open, the delegate is in the snapshot and has not voted (a conditional update,
 * so 500 simultaneous submissions count once), and it comes from the phone bound at the hall
 * desk (no other session of the delegate, e.g. one signed in after a password reset, counts).
 * Acknowledged only after commit.
 */
export async function castVote(ctx: AppContext, user: SessionUser, pollId: string, choice: Choice) {
  const { delegateId, townshipId } = requireDelegate(user);
  const meta = await pollMeta(ctx, townshipId, pollId);
  const accepted = await ballotBoxOf(ctx, meta).submit({ delegateId, choice, deviceKey: deviceKeyOf(user.sessionId), actor: actorOf(user) });
  if (!accepted) throw await whyRefused(ctx, user, meta);
  announcePoll(ctx, townshipId, pollId);
  return { pollId, voted: true };
}

async function whyRefused(ctx: AppContext, user: SessionUser, meta: PollKey): Promise<AppError> {
  const { delegateId, townshipId } = requireDelegate(user);
  const db = ctx.database.db;
  const p = await repo.findPoll(db, townshipId, meta.id);
  if (!p) return notFound('表决');
  try {
    assertPollAction(p.status, 'vote');
  } catch (e) {
    return e as AppError;
  }
  const e = await repo.eligibility(db, townshipId, meta.id, delegateId);
  if (!e) return new AppError('FORBIDDEN', '您在本项表决开始时未签到，不在实到会代表名单中，不能投票');
  if (e.hasVoted) return conflict('您已经投过票，每人只能投一票');
  const phone = await phoneStateAt(db, townshipId, meta.meetingId, delegateId, user.sessionId);
  if (phone && phone !== 'bound') return new AppError('FORBIDDEN', PHONE_STATE_TEXT[phone]);
  return conflict('投票未被接受，请刷新后重试');
}

/**
 * The polls of a meeting as a delegate sees them: open and closed ones, whether they may and did
 * vote. One statement when the meeting has polls (every phone loads this when a poll opens); the
 * meeting itself is looked up only when it has none, to tell an unknown meeting (404) from an
 * empty list.
 */
export async function myPolls(ctx: AppContext, user: SessionUser, meetingId: string) {
  const { delegateId, townshipId } = requireDelegate(user);
  const rows = await repo.ballotPage(ctx.database.db, townshipId, meetingId, delegateId);
  if (rows.length === 0) await requireMeeting(ctx, townshipId, meetingId);
  return {
    items: rows.map(({ poll: p, hasVoted }) => ({
      id: p.id,
      title: p.title,
      method: p.method,
      status: p.status,
      eligible: hasVoted !== null,
      hasVoted: hasVoted ?? false,
      result: pollResult(p),
    })),
  };
}
