import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Role } from '../../../domain/accounts/roles.js';
import { DocumentQuery, ResolutionMeetingParams, ResolutionParams } from '../../../domain/schemas/resolutions.js';
import { DOCX, FileDownload } from '../../../domain/schemas/responses.js';
import type { AppContext } from '../../context.js';
import { RESOLUTION_READERS, RESOLUTION_STAFF } from '../resolutions/policy.js';
import * as service from './service.js';

/**
 * The Chinese file name for browsers that read RFC 5987 (`filename*`), and a plain ASCII one
 * for those that do not.
 */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

const send = (reply: FastifyReply, file: service.DocumentFile, ascii: string) =>
  reply.header('content-type', DOCX).header('content-disposition', contentDisposition(file.fileName, ascii)).send(file.bytes);

/** Everyone of the township who takes part reads the notice and the agenda; the report to the county is the staff's. */
const PARTICIPANTS: readonly Role[] = RESOLUTION_READERS;

export function meetingDocumentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];
  const base = '/api/townships/:townshipId';

  r.get(`${base}/meetings/:meetingId/documents/notice.docx`, { config: { access: PARTICIPANTS }, schema: { params: ResolutionMeetingParams, querystring: DocumentQuery, tags, summary: '会议通知（.docx）', response: { 200: FileDownload(DOCX, '会议通知') } } }, async (req, reply) =>
    send(reply, await service.noticeDocument(ctx, req.scope, req.params.meetingId, req.query), 'notice.docx'),
  );
  r.get(`${base}/meetings/:meetingId/documents/agenda.docx`, { config: { access: PARTICIPANTS }, schema: { params: ResolutionMeetingParams, tags, summary: '会议议程（.docx）', response: { 200: FileDownload(DOCX, '会议议程') } } }, async (req, reply) =>
    send(reply, await service.agendaDocument(ctx, req.scope, req.params.meetingId), 'agenda.docx'),
  );
  r.get(`${base}/meetings/:meetingId/documents/summary.docx`, { config: { access: RESOLUTION_STAFF }, schema: { params: ResolutionMeetingParams, querystring: DocumentQuery, tags, summary: '会议召开情况的报告（.docx）', response: { 200: FileDownload(DOCX, '会议召开情况的报告') } } }, async (req, reply) =>
    send(reply, await service.summaryDocument(ctx, req.scope, req.params.meetingId, req.query), 'summary.docx'),
  );
  r.get(`${base}/meetings/:meetingId/documents/implementation-report.docx`, { config: { access: RESOLUTION_READERS }, schema: { params: ResolutionMeetingParams, querystring: DocumentQuery, tags, summary: '决议执行情况的报告（.docx）', response: { 200: FileDownload(DOCX, '决议执行情况的报告') } } }, async (req, reply) =>
    send(reply, await service.implementationReportDocument(ctx, req.scope, req.params.meetingId, req.query), 'implementation-report.docx'),
  );
  r.get(`${base}/resolutions/:resolutionId/document.docx`, { config: { access: RESOLUTION_READERS }, schema: { params: ResolutionParams, tags, summary: '决议（.docx）', response: { 200: FileDownload(DOCX, '决议') } } }, async (req, reply) =>
    send(reply, await service.resolutionDocument(ctx, req.scope, req.params.resolutionId), 'resolution.docx'),
  );
}
