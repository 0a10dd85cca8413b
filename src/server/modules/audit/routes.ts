import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AUDIT_ACTIONS } from '../../../domain/audit/labels.js';
import { AuditQuery, CountyAuditQuery } from '../../../domain/schemas/audit.js';
import { TownshipParams } from '../../../domain/schemas/common.js';
import type { AppContext } from '../../context.js';
import { requireUser } from '../../access/user.js';
import * as service from './service.js';
import { AuditActions, AuditChainReport, AuditPage } from '../../../domain/schemas/audit.js';

/**
 * The audit log is read-only by design: there is deliberately no route that changes or removes
 * an entry, and a database trigger refuses UPDATE and DELETE on audit_log.
 */
export function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];

  r.get('/api/townships/:townshipId/audit', { config: { access: ['townshipAdmin', 'countyAdmin'] }, schema: { params: TownshipParams, querystring: AuditQuery, tags, summary: '本乡镇审计日志', response: { 200: AuditPage } } }, async (req) => {
    const s = req.scope;
    return service.listTownshipAudit(ctx, s, req.query);
  });
  r.get('/api/county/audit', { config: { access: ['countyAdmin'] }, schema: { querystring: CountyAuditQuery, tags, summary: '全县审计日志（townshipId=county 仅县级操作）', response: { 200: AuditPage } } }, async (req) => {
    return service.listCountyAudit(ctx, requireUser(req), req.query);
  });
  r.get('/api/county/audit/verify', { config: { access: ['countyAdmin'] }, schema: { tags, summary: '校验审计日志哈希链', response: { 200: AuditChainReport } } }, async (req) => {
    return service.verifyChain(ctx);
  });
  r.get('/api/audit/actions', { config: { access: ['countyAdmin', 'townshipAdmin'] }, schema: { tags, summary: '审计操作类型及中文名称', response: { 200: AuditActions } } }, async (req) => {
    return { items: AUDIT_ACTIONS };
  });
}
