import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MeMeetingParams, MePollParams, MeetingScopeParams, PollBody, PollParams, TallyBody, VoteBody } from '../../../domain/schemas/polls.js';
import type { Choice } from '../../../domain/meeting/poll.js';
import type { AppContext } from '../../context.js';
import { requireUser } from '../../access/user.js';
import { ATTENDANCE_READERS, MEETING_RUNNERS } from '../attendance/policy.js';
import { closePoll, enterTally, openPoll } from './lifecycle.js';
import * as service from './service.js';
import { castVote, myPolls } from './vote-service.js';
import { MyPolls, PollDetail, PollList, PollView, VoteAck } from '../../../domain/schemas/meeting-views.js';
import { NoContent } from '../../../domain/schemas/responses.js';

export function pollRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['polls'];
  const base = '/api/townships/:townshipId';

  r.get(`${base}/meetings/:meetingId/polls`, { config: { access: ATTENDANCE_READERS }, schema: { params: MeetingScopeParams, tags, summary: '会议的表决事项', response: { 200: PollList } } }, async (req) => {
    const s = req.scope;
    return service.listPolls(ctx, s, req.params.meetingId);
  });
  r.post(`${base}/meetings/:meetingId/polls`, { config: { access: MEETING_RUNNERS }, schema: { params: MeetingScopeParams, body: PollBody, tags, summary: '新建表决事项', response: { 201: PollView } } }, async (req, reply) => {
    const s = req.scope;
    return reply.status(201).send(await service.createPoll(ctx, s, req.params.meetingId, req.body));
  });
  r.get(`${base}/polls/:pollId`, { config: { access: ATTENDANCE_READERS }, schema: { params: PollParams, tags, summary: '表决详情与结果', response: { 200: PollDetail } } }, async (req) => {
    const s = req.scope;
    return service.getPoll(ctx, s, req.params.pollId);
  });
  r.delete(`${base}/polls/:pollId`, { config: { access: MEETING_RUNNERS }, schema: { params: PollParams, tags, summary: '删除未开始的表决', response: { 204: NoContent } } }, async (req, reply) => {
    const s = req.scope;
    await service.deletePoll(ctx, s, req.params.pollId);
    return reply.status(204).send(null);
  });
  r.post(`${base}/polls/:pollId/open`, { config: { access: MEETING_RUNNERS }, schema: { params: PollParams, tags, summary: '开始表决（核对法定人数并锁定实到名单）', response: { 200: PollView } } }, async (req) => {
    const s = req.scope;
    return openPoll(ctx, s, req.params.pollId);
  });
  r.post(`${base}/polls/:pollId/tally`, { config: { access: MEETING_RUNNERS }, schema: { params: PollParams, body: TallyBody, tags, summary: '录入举手表决票数', response: { 200: PollView } } }, async (req) => {
    const s = req.scope;
    return enterTally(ctx, s, req.params.pollId, req.body);
  });
  r.post(`${base}/polls/:pollId/close`, { config: { access: MEETING_RUNNERS }, schema: { params: PollParams, tags, summary: '结束表决并计算结果', response: { 200: PollView } } }, async (req) => {
    const s = req.scope;
    return closePoll(ctx, s, req.params.pollId);
  });

  r.get('/api/me/meetings/:meetingId/polls', { config: { access: 'signedIn' }, schema: { params: MeMeetingParams, tags, summary: '我参加的表决', response: { 200: MyPolls } } }, async (req) => {
    return myPolls(ctx, requireUser(req), req.params.meetingId);
  });
  r.post('/api/me/polls/:pollId/vote', { config: { access: 'signedIn' }, schema: { params: MePollParams, body: VoteBody, tags, summary: '投票（一人一票）', response: { 200: VoteAck } } }, async (req) => {
    return castVote(ctx, requireUser(req), req.params.pollId, req.body.choice as Choice);
  });
}
