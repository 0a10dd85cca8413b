import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CheckInBody, CheckInParams, MeMeetingParams, MeetingScopeParams } from '../../../domain/schemas/polls.js';
import type { AppContext } from '../../context.js';
import { townshipScope } from '../../http/scope.js';
import { requireUser } from '../../http/session.js';
import { ATTENDANCE_READERS, MEETING_RUNNERS } from './policy.js';
import * as service from './service.js';

export function attendanceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['attendance'];
  const base = '/api/townships/:townshipId/meetings/:meetingId';

  r.get(`${base}/attendance`, { schema: { params: MeetingScopeParams, tags, summary: '签到情况与法定人数' } }, async (req) => {
    const s = await townshipScope(ctx, req, req.params.townshipId, ATTENDANCE_READERS);
    return service.getAttendance(ctx, s, req.params.meetingId);
  });
  r.post(`${base}/checkins`, { schema: { params: MeetingScopeParams, body: CheckInBody, tags, summary: '签到（扫码或手工）' } }, async (req) => {
    const s = await townshipScope(ctx, req, req.params.townshipId, MEETING_RUNNERS);
    return service.checkIn(ctx, s, req.params.meetingId, req.body);
  });
  r.delete(`${base}/checkins/:delegateId`, { schema: { params: CheckInParams, tags, summary: '撤销签到' } }, async (req) => {
    const s = await townshipScope(ctx, req, req.params.townshipId, MEETING_RUNNERS);
    return service.undoCheckIn(ctx, s, req.params.meetingId, req.params.delegateId);
  });
  r.get('/api/me/meetings/:meetingId/checkin-code', { schema: { params: MeMeetingParams, tags, summary: '我的签到码' } }, async (req) => {
    return service.myCheckInCode(ctx, requireUser(req), req.params.meetingId);
  });
}
