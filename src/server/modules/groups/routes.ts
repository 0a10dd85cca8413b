import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { TownshipParams } from '../../../domain/schemas/common.js';
import { GroupBody, GroupListQuery, GroupParams } from '../../../domain/schemas/groups.js';
import type { AppContext } from '../../context.js';
import { GROUP_POLICY } from '../roster/policy.js';
import * as service from './service.js';
import { DeletedGroup, GroupDetail, GroupList } from '../../../domain/schemas/groups.js';

export function groupRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['groups'];
  const base = '/api/townships/:townshipId/groups';

  r.get(base, { config: { access: GROUP_POLICY.read }, schema: { params: TownshipParams, querystring: GroupListQuery, tags, summary: '代表小组列表', response: { 200: GroupList } } }, async (req) => {
    const s = req.scope;
    return service.listGroups(ctx, s, req.query.kind);
  });
  r.post(base, { config: { access: GROUP_POLICY.write }, schema: { params: TownshipParams, body: GroupBody, tags, summary: '新建代表小组', response: { 201: GroupDetail } } }, async (req, reply) => {
    const s = req.scope;
    return reply.status(201).send(await service.createGroup(ctx, s, req.body));
  });
  r.get(`${base}/:groupId`, { config: { access: GROUP_POLICY.read }, schema: { params: GroupParams, tags, summary: '代表小组详情', response: { 200: GroupDetail } } }, async (req) => {
    const s = req.scope;
    return service.getGroup(ctx, s, req.params.groupId);
  });
  r.put(`${base}/:groupId`, { config: { access: GROUP_POLICY.write }, schema: { params: GroupParams, body: GroupBody, tags, summary: '修改代表小组', response: { 200: GroupDetail } } }, async (req) => {
    const s = req.scope;
    return service.updateGroup(ctx, s, req.params.groupId, req.body);
  });
  r.delete(`${base}/:groupId`, { config: { access: GROUP_POLICY.write }, schema: { params: GroupParams, tags, summary: '删除代表小组', response: { 200: DeletedGroup } } }, async (req) => {
    const s = req.scope;
    return service.deleteGroup(ctx, s, req.params.groupId);
  });
}
