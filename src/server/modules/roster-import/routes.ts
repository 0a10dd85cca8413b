import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { TownshipParams } from '../../../domain/schemas/common.js';
import { RosterExportQuery, RosterPreviewQuery } from '../../../domain/schemas/roster-import.js';
import type { AppContext } from '../../context.js';
import { AppError, invalid } from '../../errors.js';
import { actorOf } from '../../access/types.js';
import { MAX_UPLOAD_BYTES } from '../../http/limits.js';
import { ROSTER_POLICY } from '../roster/policy.js';
import { importRoster, previewRoster, type RosterUpload } from './service.js';
import { exportRoster, rosterTemplate, webExportTarget, type XlsxFile } from './export.js';
import { RosterImportResult, RosterPreview } from '../../../domain/schemas/roster-import.js';
import { FileDownload, XLSX } from '../../../domain/schemas/responses.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tooLarge = () => `上传文件过大（上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）`;

/** The one uploaded file of a multipart request (field `file`), read whole within the size limit. */
async function readUpload(req: FastifyRequest): Promise<RosterUpload> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA', '请以 multipart/form-data 上传名册文件（字段名 file）');
  try {
    const part = await req.file();
    if (!part || part.fieldname !== 'file') throw invalid('请选择要上传的名册文件（字段名 file）');
    const data = await part.toBuffer();
    if (data.length === 0) throw invalid('上传的文件是空的');
    return { fileName: part.filename || '名册.xlsx', data };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw new AppError('PAYLOAD_TOO_LARGE', tooLarge());
    }
    throw e;
  }
}

function sendXlsx(reply: FastifyReply, file: XlsxFile) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('cache-control', 'no-store')
    .send(file.data);
}

export function rosterImportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['roster'];
  const base = '/api/townships/:townshipId/roster';

  r.get(`${base}/template.xlsx`, { config: { access: ROSTER_POLICY.read }, schema: { params: TownshipParams, tags, summary: '下载代表名册导入模板', response: { 200: FileDownload(XLSX, '代表名册导入模板') } } }, async (req, reply) => {
    const s = req.scope;
    return sendXlsx(reply, await rosterTemplate(ctx, s.township));
  });
  r.get(`${base}/export.xlsx`, { config: { access: ROSTER_POLICY.read }, schema: { params: TownshipParams, querystring: RosterExportQuery, tags, summary: '导出代表名册（Excel）', response: { 200: FileDownload(XLSX, '代表名册') } } }, async (req, reply) => {
    const s = req.scope;
    return sendXlsx(reply, await exportRoster(ctx, webExportTarget(s), req.query));
  });
  r.post(`${base}/import/preview`, { config: { access: ROSTER_POLICY.write }, schema: { params: TownshipParams, querystring: RosterPreviewQuery, tags, summary: '预览代表名册导入（逐行列出问题，分页）', response: { 200: RosterPreview } } }, async (req) => {
    const s = req.scope;
    return previewRoster(ctx, s.township.id, await readUpload(req), req.query);
  });
  r.post(`${base}/import`, { config: { access: ROSTER_POLICY.write }, schema: { params: TownshipParams, tags, summary: '导入代表名册（全部成功或全部不导入）', response: { 200: RosterImportResult } } }, async (req) => {
    const s = req.scope;
    return importRoster(ctx, { township: s.township, actor: actorOf(s.user) }, await readUpload(req));
  });
}
