import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MeetingParams } from '../../../domain/schemas/meetings.js';
import type { AppContext } from '../../context.js';
import { MEETING_MANAGERS, MEETING_STAFF } from './policy.js';
import * as service from './qualification.js';
import { QualificationReview } from '../../../domain/schemas/qualification.js';

export function qualificationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['meetings'];
  const url = '/api/townships/:townshipId/meetings/:meetingId/qualification-review';
  r.get(url, { config: { access: MEETING_STAFF }, schema: { params: MeetingParams, tags, summary: '代表资格审查报告', response: { 200: QualificationReview } } }, async (req) => {
    const s = req.scope;
    return service.getQualificationReview(ctx, s, req.params.meetingId);
  });
  r.post(`${url}/adopt`, { config: { access: MEETING_MANAGERS }, schema: { params: MeetingParams, tags, summary: '会议通过资格审查报告', response: { 200: QualificationReview } } }, async (req) => {
    const s = req.scope;
    return service.adoptQualificationReview(ctx, s, req.params.meetingId);
  });
}
