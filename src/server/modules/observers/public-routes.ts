import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ObserverApplicationBody, PublicMeetingParams } from '../../../domain/schemas/meetings.js';
import { ObserverApplicationResult, PublicMeeting } from '../../../domain/schemas/observers.js';
import type { AppContext } from '../../context.js';
import * as service from './public-service.js';

/**
 * The public page of a meeting and the observer application: no session, so no CSRF token;
 * rate limited per address instead.
 */
export function publicObserverRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  const rateLimit = { max: ctx.config.rateLimit.publicMax, timeWindow: ctx.config.rateLimit.publicWindow };
  r.get('/api/public/meetings/:meetingId', { schema: { params: PublicMeetingParams, tags, summary: '会议公告（公开）', response: { 200: PublicMeeting } }, config: { access: 'public', rateLimit } }, async (req) =>
    service.getPublicMeeting(ctx, req.params.meetingId),
  );
  r.post(
    '/api/public/meetings/:meetingId/observer-applications',
    { schema: { params: PublicMeetingParams, body: ObserverApplicationBody, tags, summary: '申请列席会议（公开）', response: { 201: ObserverApplicationResult } }, config: { access: 'public', rateLimit } },
    async (req, reply) => reply.status(201).send(await service.applyToObserve(ctx, req.params.meetingId, req.body)),
  );
}
