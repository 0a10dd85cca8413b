import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MeetingRules } from '../../../domain/meeting/rules.js';
import { TownshipParams } from '../../../domain/schemas/common.js';
import { MeetingBody, MeetingListQuery, MeetingParams, MeetingUpdateBody } from '../../../domain/schemas/meetings.js';
import type { AppContext } from '../../context.js';
import { MEETING_MANAGERS, MEETING_READERS } from './policy.js';
import { getMeetingRules, putMeetingRules } from './rules-settings.js';
import * as service from './service.js';
import { MeetingDetail, MeetingList, RulesSettings } from '../../../domain/schemas/meeting-views.js';

export function meetingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['meetings'];
  const base = '/api/townships/:townshipId';

  r.get(`${base}/settings/meeting-rules`, { config: { access: MEETING_READERS }, schema: { params: TownshipParams, tags, summary: '会议规则设置', response: { 200: RulesSettings } } }, async (req) => {
    const s = req.scope;
    return getMeetingRules(ctx, s);
  });
  r.put(`${base}/settings/meeting-rules`, { config: { access: MEETING_MANAGERS }, schema: { params: TownshipParams, body: MeetingRules, tags, summary: '修改会议规则', response: { 200: RulesSettings } } }, async (req) => {
    const s = req.scope;
    return putMeetingRules(ctx, s, req.body);
  });

  r.get(`${base}/meetings`, { config: { access: MEETING_READERS }, schema: { params: TownshipParams, querystring: MeetingListQuery, tags, summary: '会议列表', response: { 200: MeetingList } } }, async (req) => {
    const s = req.scope;
    return service.listMeetings(ctx, s, req.query.status);
  });
  r.post(`${base}/meetings`, { config: { access: MEETING_MANAGERS }, schema: { params: TownshipParams, body: MeetingBody, tags, summary: '新建会议', response: { 201: MeetingDetail } } }, async (req, reply) => {
    const s = req.scope;
    return reply.status(201).send(await service.createMeeting(ctx, s, req.body));
  });
  r.get(`${base}/meetings/:meetingId`, { config: { access: MEETING_READERS }, schema: { params: MeetingParams, tags, summary: '会议详情', response: { 200: MeetingDetail } } }, async (req) => {
    const s = req.scope;
    return service.getMeeting(ctx, s, req.params.meetingId);
  });
  r.put(`${base}/meetings/:meetingId`, { config: { access: MEETING_MANAGERS }, schema: { params: MeetingParams, body: MeetingUpdateBody, tags, summary: '修改会议', response: { 200: MeetingDetail } } }, async (req) => {
    const s = req.scope;
    return service.updateMeeting(ctx, s, req.params.meetingId, req.body);
  });
  r.post(`${base}/meetings/:meetingId/open`, { config: { access: MEETING_MANAGERS }, schema: { params: MeetingParams, tags, summary: '会议开幕', response: { 200: MeetingDetail } } }, async (req) => {
    const s = req.scope;
    return service.openMeeting(ctx, s, req.params.meetingId);
  });
  r.post(`${base}/meetings/:meetingId/close`, { config: { access: MEETING_MANAGERS }, schema: { params: MeetingParams, tags, summary: '会议闭幕', response: { 200: MeetingDetail } } }, async (req) => {
    const s = req.scope;
    return service.closeMeeting(ctx, s, req.params.meetingId);
  });
}
