import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BriefingBody, BriefingParams, CommentBody, MeetingParams } from '../../../domain/schemas/meetings.js';
import type { AppContext } from '../../context.js';
import { AppError, invalid } from '../../errors.js';
import { MEETING_MANAGERS, MEETING_READERS, MEETING_STAFF } from './policy.js';
import * as service from './briefing-service.js';
import { BriefingComment, BriefingCommentList, BriefingDetail, BriefingList, BriefingView } from '../../../domain/schemas/briefings.js';
import { Deleted } from '../../../domain/schemas/agenda-views.js';
import { DOCX, FileDownload } from '../../../domain/schemas/responses.js';

/** The one file of a multipart upload, within the briefing limit; malformed uploads answer 400. */
async function readUpload(req: FastifyRequest): Promise<{ name: string; data: Buffer }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA', '请以 multipart/form-data 方式上传文件');
  try {
    const part = await req.file({ limits: { fileSize: service.MAX_BRIEFING_FILE, files: 1 } });
    if (!part) throw invalid('请选择要上传的文件');
    return { name: part.filename || '附件', data: await part.toBuffer() };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', '文件不能超过 10 MB');
    throw invalid('上传内容格式不正确，请重新选择文件上传');
  }
}

export function briefingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['briefings'];
  const base = '/api/townships/:townshipId';

  r.get(`${base}/meetings/:meetingId/briefings`, { config: { access: MEETING_READERS }, schema: { params: MeetingParams, tags, summary: '情况通报列表', response: { 200: BriefingList } } }, async (req) => {
    const s = req.scope;
    return service.listBriefings(ctx, s, req.params.meetingId);
  });
  r.post(`${base}/meetings/:meetingId/briefings`, { config: { access: MEETING_MANAGERS }, schema: { params: MeetingParams, body: BriefingBody, tags, summary: '发布情况通报', response: { 201: BriefingView } } }, async (req, reply) => {
    const s = req.scope;
    return reply.status(201).send(await service.createBriefing(ctx, s, req.params.meetingId, req.body));
  });
  r.get(`${base}/briefings/:briefingId`, { config: { access: MEETING_READERS }, schema: { params: BriefingParams, tags, summary: '情况通报详情', response: { 200: BriefingDetail } } }, async (req) => {
    const s = req.scope;
    return service.getBriefing(ctx, s, req.params.briefingId);
  });
  r.put(`${base}/briefings/:briefingId`, { config: { access: MEETING_MANAGERS }, schema: { params: BriefingParams, body: BriefingBody, tags, summary: '修改情况通报', response: { 200: BriefingView } } }, async (req) => {
    const s = req.scope;
    return service.updateBriefing(ctx, s, req.params.briefingId, req.body);
  });
  r.delete(`${base}/briefings/:briefingId`, { config: { access: MEETING_MANAGERS }, schema: { params: BriefingParams, tags, summary: '删除情况通报', response: { 200: Deleted } } }, async (req) => {
    const s = req.scope;
    return service.deleteBriefing(ctx, s, req.params.briefingId);
  });
  r.put(`${base}/briefings/:briefingId/file`, { config: { access: MEETING_MANAGERS }, schema: { params: BriefingParams, tags, summary: '上传情况通报附件（PDF/DOCX，≤10 MB）', response: { 200: BriefingView } } }, async (req) => {
    const s = req.scope;
    return service.attachFile(ctx, s, req.params.briefingId, await readUpload(req));
  });
  r.get(`${base}/briefings/:briefingId/file`, { config: { access: MEETING_READERS }, schema: { params: BriefingParams, tags, summary: '下载情况通报附件', response: { 200: { description: '情况通报附件（PDF 或 Word）', content: { ...FileDownload('application/pdf', '').content, ...FileDownload(DOCX, '').content } } } } }, async (req, reply) => {
    const s = req.scope;
    const f = await service.readFile(ctx, s, req.params.briefingId);
    // A file, not JSON: sent as it is, past the response schema.
    return (reply as FastifyReply)
      .header('content-type', f.type)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .send(f.data);
  });
  r.post(`${base}/briefings/:briefingId/comments`, { config: { access: ['delegate'] }, schema: { params: BriefingParams, body: CommentBody, tags, summary: '对情况通报提出意见', response: { 201: BriefingComment } } }, async (req, reply) => {
    const s = req.scope;
    return reply.status(201).send(await service.addComment(ctx, s, req.params.briefingId, req.body.body));
  });
  r.get(`${base}/briefings/:briefingId/comments`, { config: { access: MEETING_STAFF }, schema: { params: BriefingParams, tags, summary: '代表意见汇总', response: { 200: BriefingCommentList } } }, async (req) => {
    const s = req.scope;
    return service.listComments(ctx, s, req.params.briefingId);
  });
}
