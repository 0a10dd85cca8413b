import type { AppContext } from '../../context.js';
import { actorOf, type TownshipScope } from '../../access/types.js';
import { AppError } from '../../errors.js';
import { meetingChannel } from '../../realtime/events.js';
import { runUseCase } from '../../use-case.js';
import { screenToken, verifyScreenToken } from './checkin-token.js';
import { findScreenGeneration, raiseScreenGeneration } from './screen-link-repository.js';

/**
 * The hall screen's link: `/screen/<meeting>?token=…`, the token derived from the server key, the
 * meeting and the link's generation. Changing the link raises the generation: every older link
 * stops working at once, and open screens on every server process are cut off (event
 * `screenLink` on the meeting's channel, which carries only the new generation).
 */
export const SCREEN_LINK_EVENT = 'screenLink';

const linkOf = (ctx: AppContext, meetingId: string, generation: number) => {
  const token = screenToken(ctx.cipher, meetingId, generation);
  return { url: `/screen/${meetingId}?token=${token}`, token, generation };
};

export async function screenLink(ctx: AppContext, meetingId: string) {
  return linkOf(ctx, meetingId, await findScreenGeneration(ctx.database.db, meetingId));
}

export async function rotateScreenLink(ctx: AppContext, s: TownshipScope, meetingId: string) {
  const townshipId = s.township.id;
  const generation = await runUseCase(ctx, {
    actor: actorOf(s.user),
    lock: (tx) => raiseScreenGeneration(tx, townshipId, meetingId),
    decide: async (_tx, g) => ({ result: g, audit: { townshipId, action: 'meeting.screenLinkRotated', entity: 'meeting', entityId: meetingId, after: { generation: g } } }),
  });
  ctx.hub.publish({ channel: meetingChannel(meetingId), type: SCREEN_LINK_EVENT, data: { generation } });
  return linkOf(ctx, meetingId, generation);
}

/** The generation a screen's token belongs to; a token of another meeting or an old link is not found. */
export async function requireScreenToken(ctx: AppContext, meetingId: string, token: string): Promise<number> {
  const generation = await findScreenGeneration(ctx.database.db, meetingId);
  if (!verifyScreenToken(ctx.cipher, meetingId, generation, token)) throw new AppError('NOT_FOUND', '大屏链接已更换或无效，请向会务管理员索取新的链接');
  return generation;
}
