import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CheckInBody, CheckInParams, MeMeetingParams, MeetingScopeParams } from '../../../domain/schemas/polls.js';
import type { AppContext } from '../../context.js';
import { requireUser } from '../../access/user.js';
import { ATTENDANCE_READERS, MEETING_RUNNERS } from './policy.js';
import * as service from './service.js';
import { AttendanceView, CheckInCode, CheckInResult, CheckInUndone } from '../../../domain/schemas/meeting-views.js';

export function attendanceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['attendance'];
  const base = '/api/townships/:townshipId/meetings/:meetingId';

  r.get(`${base}/attendance`, { config: { access: ATTENDANCE_READERS }, schema: { params: MeetingScopeParams, tags, summary: '签到情况与法定人数', response: { 200: AttendanceView } } }, async (req) => {
    const s = req.scope;
    return service.getAttendance(ctx, s, req.params.meetingId);
  });
  r.post(`${base}/checkins`, { config: { access: MEETING_RUNNERS }, schema: { params: MeetingScopeParams, body: CheckInBody, tags, summary: '签到（扫码或手工）', response: { 200: CheckInResult } } }, async (req) => {
    const s = req.scope;
    return service.checkIn(ctx, s, req.params.meetingId, req.body);
  });
  r.delete(`${base}/checkins/:delegateId`, { config: { access: MEETING_RUNNERS }, schema: { params: CheckInParams, tags, summary: '撤销签到', response: { 200: CheckInUndone } } }, async (req) => {
    const s = req.scope;
    return service.undoCheckIn(ctx, s, req.params.meetingId, req.params.delegateId);
  });
  r.get('/api/me/meetings/:meetingId/checkin-code', { config: { access: 'signedIn' }, schema: { params: MeMeetingParams, tags, summary: '我的签到码', response: { 200: CheckInCode } } }, async (req) => {
    return service.myCheckInCode(ctx, requireUser(req), req.params.meetingId);
  });
}
