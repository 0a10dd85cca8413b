import type { AppContext } from '../../context.js';
import { meetingChannel } from '../../realtime/events.js';
import { pollResult, pollSummary } from './presenter.js';
import * as repo from './repository.js';

/**
 * Publishes a poll's state after a commit. Progress is re-read from the database when the
 * coalescer fires (at most every 100 ms per poll, trailing edge), so the last event always
 * carries the final count, whichever process accepted the ballots.
 */
export function announcePoll(ctx: AppContext, townshipId: string, pollId: string) {
  ctx.live.coalescer.touch(`poll:${pollId}`, async () => {
    const db = ctx.database.db;
    const p = await repo.findPoll(db, townshipId, pollId);
    if (!p) return;
    const voted = (await repo.votedCounts(db, townshipId, [p.id])).get(p.id);
    ctx.hub.publish({ channel: meetingChannel(p.meetingId), type: 'poll', data: pollSummary(p, voted) });
  });
}

/** A closed poll's result, and its final summary, at once (not coalesced: it happens once). */
export async function announceResult(ctx: AppContext, p: repo.PollRow) {
  const voted = (await repo.votedCounts(ctx.database.db, p.townshipId, [p.id])).get(p.id);
  const channel = meetingChannel(p.meetingId);
  ctx.hub.publish({ channel, type: 'poll', data: pollSummary(p, voted) });
  const result = pollResult(p);
  if (result) ctx.hub.publish({ channel, type: 'pollResult', data: result });
}
