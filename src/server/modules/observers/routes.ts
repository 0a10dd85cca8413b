import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { TownshipParams } from '../../../domain/schemas/common.js';
import { DisciplineMembersBody, MeetingParams, ObserverBody, ObserverDecisionBody, ObserverParams, PublicNoticeBody } from '../../../domain/schemas/meetings.js';
import { DisciplineMembers, ObserverList, ObserverView, PublicNoticeState, RemovedObserver } from '../../../domain/schemas/observers.js';
import type { AppContext } from '../../context.js';
import { MEETING_MANAGERS, MEETING_STAFF } from '../meetings/policy.js';
import * as service from './service.js';

export function observerRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['observers'];
  const base = '/api/townships/:townshipId';
  const meeting = `${base}/meetings/:meetingId`;

  r.get(`${meeting}/observers`, { config: { access: MEETING_STAFF }, schema: { params: MeetingParams, tags, summary: '列席人员', response: { 200: ObserverList } } }, async (req) => {
    const s = req.scope;
    return service.listObservers(ctx, s, req.params.meetingId);
  });
  r.post(`${meeting}/observers`, { config: { access: MEETING_MANAGERS }, schema: { params: MeetingParams, body: ObserverBody, tags, summary: '增加列席人员', response: { 201: ObserverView } } }, async (req, reply) => {
    const s = req.scope;
    return reply.status(201).send(await service.addObserver(ctx, s, req.params.meetingId, req.body));
  });
  r.post(`${meeting}/observers/:observerId/decision`, { config: { access: MEETING_MANAGERS }, schema: { params: ObserverParams, body: ObserverDecisionBody, tags, summary: '决定列席申请', response: { 200: ObserverView } } }, async (req) => {
    const s = req.scope;
    return service.decideObserver(ctx, s, req.params.meetingId, req.params.observerId, req.body);
  });
  r.delete(`${meeting}/observers/:observerId`, { config: { access: MEETING_MANAGERS }, schema: { params: ObserverParams, tags, summary: '移除列席人员', response: { 200: RemovedObserver } } }, async (req) => {
    const s = req.scope;
    return service.removeObserver(ctx, s, req.params.meetingId, req.params.observerId);
  });
  r.put(`${meeting}/public-notice`, { config: { access: MEETING_MANAGERS }, schema: { params: MeetingParams, body: PublicNoticeBody, tags, summary: '发布或撤回会议公告（开放列席申请）', response: { 200: PublicNoticeState } } }, async (req) => {
    const s = req.scope;
    return service.setPublicNotice(ctx, s, req.params.meetingId, req.body.published);
  });
  r.get(`${base}/settings/discipline-commission-members`, { config: { access: MEETING_STAFF }, schema: { params: TownshipParams, tags, summary: '纪委委员名单（默认列席）', response: { 200: DisciplineMembers } } }, async (req) => {
    const s = req.scope;
    return service.getDisciplineMembers(ctx, s);
  });
  r.put(`${base}/settings/discipline-commission-members`, { config: { access: MEETING_MANAGERS }, schema: { params: TownshipParams, body: DisciplineMembersBody, tags, summary: '修改纪委委员名单', response: { 200: DisciplineMembers } } }, async (req) => {
    const s = req.scope;
    return service.putDisciplineMembers(ctx, s, req.body.members);
  });
}
