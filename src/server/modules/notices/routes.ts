import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MeetingParams, MyMeetingParams, NoticeBody, NotificationParams, ReplyBody } from '../../../domain/schemas/meetings.js';
import { MyMeetingList, NoticeSent, NotificationList, NotificationRead, ReplyList, ReplyResult } from '../../../domain/schemas/notices.js';
import type { AppContext } from '../../context.js';
import { requireUser } from '../../access/user.js';
import { MEETING_MANAGERS, MEETING_STAFF } from '../meetings/policy.js';
import * as me from './me-service.js';
import * as service from './service.js';

export function noticeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notices'];
  const base = '/api/townships/:townshipId/meetings/:meetingId';

  r.post(`${base}/notice`, { config: { access: MEETING_MANAGERS }, schema: { params: MeetingParams, body: NoticeBody, tags, summary: '发出会议通知', response: { 200: NoticeSent } } }, async (req) => {
    const s = req.scope;
    return service.sendNotice(ctx, s, req.params.meetingId, req.body ?? {});
  });
  r.get(`${base}/replies`, { config: { access: MEETING_STAFF }, schema: { params: MeetingParams, tags, summary: '代表回复（参会/请假）', response: { 200: ReplyList } } }, async (req) => {
    const s = req.scope;
    return service.listReplies(ctx, s, req.params.meetingId);
  });

  r.get('/api/me/meetings', { config: { access: 'signedIn' }, schema: { tags, summary: '我的会议（党代表）', response: { 200: MyMeetingList } } }, async (req) => me.myMeetings(ctx, requireUser(req)));
  r.post('/api/me/meetings/:meetingId/reply', { config: { access: 'signedIn' }, schema: { params: MyMeetingParams, body: ReplyBody, tags, summary: '确认参会或请假', response: { 200: ReplyResult } } }, async (req) =>
    me.replyToNotice(ctx, requireUser(req), req.params.meetingId, req.body),
  );
  r.get('/api/me/notifications', { config: { access: 'signedIn' }, schema: { tags, summary: '我的通知', response: { 200: NotificationList } } }, async (req) => me.myNotifications(ctx, requireUser(req)));
  r.post('/api/me/notifications/:notificationId/read', { config: { access: 'signedIn' }, schema: { params: NotificationParams, tags, summary: '标记通知已读', response: { 200: NotificationRead } } }, async (req) =>
    me.markNotificationRead(ctx, requireUser(req), req.params.notificationId),
  );
}
