import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MeetingParams, TopicBody, TopicDecisionBody, TopicParams } from '../../../domain/schemas/meetings.js';
import { TopicList, TopicView } from '../../../domain/schemas/topics.js';
import type { AppContext } from '../../context.js';
import { MEETING_MANAGERS, MEETING_READERS } from '../meetings/policy.js';
import * as service from './service.js';
import * as sign from './sign-service.js';

const PROPOSERS = ['townshipAdmin', 'delegate'] as const;
const SIGNERS = ['delegate'] as const;

export function topicRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['topics'];
  const base = '/api/townships/:townshipId';

  r.get(`${base}/meetings/:meetingId/topics`, { config: { access: MEETING_READERS }, schema: { params: MeetingParams, tags, summary: '会议议题列表', response: { 200: TopicList } } }, async (req) => {
    const s = req.scope;
    return service.listTopics(ctx, s, req.params.meetingId);
  });
  r.post(`${base}/meetings/:meetingId/topics`, { config: { access: PROPOSERS }, schema: { params: MeetingParams, body: TopicBody, tags, summary: '提出议题', response: { 201: TopicView } } }, async (req, reply) => {
    const s = req.scope;
    return reply.status(201).send(await service.proposeTopic(ctx, s, req.params.meetingId, req.body));
  });
  r.get(`${base}/topics/:topicId`, { config: { access: MEETING_READERS }, schema: { params: TopicParams, tags, summary: '议题详情', response: { 200: TopicView } } }, async (req) => {
    const s = req.scope;
    return service.getTopic(ctx, s, req.params.topicId);
  });
  r.post(`${base}/topics/:topicId/cosign`, { config: { access: SIGNERS }, schema: { params: TopicParams, tags, summary: '联名议题', response: { 200: TopicView } } }, async (req) => {
    const s = req.scope;
    return sign.cosign(ctx, s, req.params.topicId);
  });
  r.delete(`${base}/topics/:topicId/cosign`, { config: { access: SIGNERS }, schema: { params: TopicParams, tags, summary: '撤回联名', response: { 200: TopicView } } }, async (req) => {
    const s = req.scope;
    return sign.withdrawCosign(ctx, s, req.params.topicId);
  });
  r.post(`${base}/topics/:topicId/submit`, { config: { access: SIGNERS }, schema: { params: TopicParams, tags, summary: '提交联名议题', response: { 200: TopicView } } }, async (req) => {
    const s = req.scope;
    return sign.submitTopic(ctx, s, req.params.topicId);
  });
  r.post(`${base}/topics/:topicId/withdraw`, { config: { access: PROPOSERS }, schema: { params: TopicParams, tags, summary: '撤回议题', response: { 200: TopicView } } }, async (req) => {
    const s = req.scope;
    return sign.withdrawTopic(ctx, s, req.params.topicId);
  });
  r.post(`${base}/topics/:topicId/decision`, { config: { access: MEETING_MANAGERS }, schema: { params: TopicParams, body: TopicDecisionBody, tags, summary: '党委决定议题', response: { 200: TopicView } } }, async (req) => {
    const s = req.scope;
    return sign.decideTopic(ctx, s, req.params.topicId, req.body);
  });
}
