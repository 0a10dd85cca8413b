import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AUDIT_ACTIONS } from '../../../domain/audit/labels.js';
import { AuditQuery, CountyAuditQuery } from '../../../domain/schemas/audit.js';
import { TownshipParams } from '../../../domain/schemas/common.js';
import type { AppContext } from '../../context.js';
import { forbidden } from '../../errors.js';
import { townshipScope } from '../../http/scope.js';
import { requireUser } from '../../http/session.js';
import * as service from './service.js';

/**
 * The audit log is read-only by design: there is deliberately no route that changes or removes
 * an entry, and a database trigger refuses UPDATE and DELETE on audit_log.
 */
export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  const countyAdmin = (req: Parameters<typeof requireUser>[0]) => {
    const user = requireUser(req);
    if (user.role !== 'countyAdmin') throw forbidden('仅县委组织部可查看全县审计日志');
    return user;
  };

  r.get('/api/townships/:townshipId/audit', { schema: { params: TownshipParams, querystring: AuditQuery, tags, summary: '本乡镇审计日志' } }, async (req) => {
    const s = await townshipScope(ctx, req, req.params.townshipId, ['townshipAdmin', 'countyAdmin']);
    return service.listTownshipAudit(ctx, s, req.query);
  });
  r.get('/api/county/audit', { schema: { querystring: CountyAuditQuery, tags, summary: '全县审计日志（townshipId=county 仅县级操作）' } }, async (req) => {
    return service.listCountyAudit(ctx, countyAdmin(req), req.query);
  });
  r.get('/api/county/audit/verify', { schema: { tags, summary: '校验审计日志哈希链' } }, async (req) => {
    countyAdmin(req);
    return service.verifyChain(ctx);
  });
  r.get('/api/audit/actions', { schema: { tags, summary: '审计操作类型及中文名称' } }, async (req) => {
    const user = requireUser(req);
    if (user.role !== 'countyAdmin' && user.role !== 'townshipAdmin') throw forbidden();
    return { items: AUDIT_ACTIONS };
  });
}
