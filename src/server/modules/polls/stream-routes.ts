import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MeMeetingParams, MeetingScopeParams, ScreenParams, ScreenQuery } from '../../../domain/schemas/polls.js';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { requireUser } from '../../access/user.js';
import { meetingChannel } from '../../realtime/events.js';
import { disposeLive } from '../../realtime/live.js';
import { closeStreams, openEventStream, type StreamRegistry } from '../../realtime/sse.js';
import { requireScreenToken, rotateScreenLink, screenLink, SCREEN_LINK_EVENT } from '../attendance/index.js';
import { ATTENDANCE_READERS, MEETING_RUNNERS } from '../attendance/policy.js';
import { requireDelegate, requireMeeting } from '../attendance/service.js';
import { findMeetingForScreen } from '../meetings/index.js';
import { meetingState } from './state-service.js';
import { MeetingState, ScreenLink } from '../../../domain/schemas/meeting-views.js';
import { EventStream } from '../../../domain/schemas/responses.js';

/**
 * Live updates over Server-Sent Events: the console (signed in), a delegate's phone (signed
 * in), and the hall screen, which holds a per-meeting token in its URL so the hall PC needs no
 * login. The token is derived from the server key; it shows counts, never names.
 */
export function streamRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['live'];
  const streams: StreamRegistry = new Set();
  app.addHook('preClose', async () => closeStreams(streams));
  app.addHook('onClose', async () => disposeLive(ctx.live));

  const stream = (channelOf: string, initial: () => Promise<unknown>) => ({ hub: ctx.hub, channel: meetingChannel(channelOf), registry: streams, initial });

  r.get('/api/townships/:townshipId/meetings/:meetingId/stream', { config: { access: ATTENDANCE_READERS }, schema: { params: MeetingScopeParams, tags, summary: '会议实时事件（管理端）', response: { 200: EventStream('会议实时事件：先发 state（会议状态），再发各项变化') } } }, async (req, reply) => {
    const s = req.scope;
    const m = await requireMeeting(ctx, s.township.id, req.params.meetingId);
    await openEventStream(req, reply, stream(m.id, () => meetingState(ctx, s.township, m)));
  });

  r.get('/api/townships/:townshipId/meetings/:meetingId/screen-link', { config: { access: MEETING_RUNNERS }, schema: { params: MeetingScopeParams, tags, summary: '会场大屏链接', response: { 200: ScreenLink } } }, async (req) => {
    const s = req.scope;
    const m = await requireMeeting(ctx, s.township.id, req.params.meetingId);
    return screenLink(ctx, m.id);
  });

  r.post('/api/townships/:townshipId/meetings/:meetingId/screen-link/rotate', { config: { access: MEETING_RUNNERS }, schema: { params: MeetingScopeParams, tags, summary: '更换大屏链接（旧链接立即失效）', response: { 200: ScreenLink } } }, async (req) => {
    const s = req.scope;
    const m = await requireMeeting(ctx, s.township.id, req.params.meetingId);
    return rotateScreenLink(ctx, s, m.id);
  });

  r.get('/api/me/meetings/:meetingId/stream', { config: { access: 'signedIn' }, schema: { params: MeMeetingParams, tags, summary: '会议实时事件（代表手机）', response: { 200: EventStream('会议实时事件：先发 state（会议状态），再发各项变化') } } }, async (req, reply) => {
    const { townshipId } = requireDelegate(requireUser(req));
    const m = await requireMeeting(ctx, townshipId, req.params.meetingId);
    const screen = await findMeetingForScreen(ctx.database.db, m.id);
    await openEventStream(req, reply, stream(m.id, () => meetingState(ctx, { id: townshipId, name: screen!.townshipName }, m)));
  });

  const screenMeeting = async (meetingId: string, token: string) => {
    const generation = await requireScreenToken(ctx, meetingId, token);
    const row = await findMeetingForScreen(ctx.database.db, meetingId);
    if (!row) throw new AppError('NOT_FOUND', '会议不存在');
    return { township: { id: row.meeting.townshipId, name: row.townshipName }, meeting: row.meeting, generation };
  };

  r.get('/api/screen/:meetingId/state', { config: { access: { token: 'screenToken' } }, schema: { params: ScreenParams, querystring: ScreenQuery, tags, summary: '会场大屏状态', response: { 200: MeetingState } } }, async (req) => {
    const { township, meeting } = await screenMeeting(req.params.meetingId, req.query.token);
    return meetingState(ctx, township, meeting);
  });

  r.get('/api/screen/:meetingId/stream', { config: { access: { token: 'screenToken' } }, schema: { params: ScreenParams, querystring: ScreenQuery, tags, summary: '会场大屏实时事件', response: { 200: EventStream('会议实时事件：先发 state（会议状态），再发各项变化') } } }, async (req, reply) => {
    const { township, meeting, generation } = await screenMeeting(req.params.meetingId, req.query.token);
    // A changed link cuts this screen off at once, on whichever process it is connected to.
    const cut = ctx.hub.subscribe(meetingChannel(meeting.id), (e) => {
      if (e.type === SCREEN_LINK_EVENT && (e.data as { generation: number }).generation !== generation) reply.raw.destroy();
    });
    reply.raw.once('close', cut);
    try {
      await openEventStream(req, reply, stream(meeting.id, () => meetingState(ctx, township, meeting)));
    } catch (e) {
      cut();
      throw e;
    }
  });
}
