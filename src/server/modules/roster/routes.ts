import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { TownshipParams } from '../../../domain/schemas/common.js';
import { CategoriesBody, DelegateBody, DelegateListQuery, DelegateParams, StatusChangeBody } from '../../../domain/schemas/roster.js';
import type { AppContext } from '../../context.js';
import { requireUser } from '../../access/user.js';
import { ROSTER_POLICY } from './policy.js';
import * as service from './service.js';
import { createDelegate, updateDelegate } from './write-service.js';
import { changeStatus } from './status-service.js';
import { getRosterOptions, putCategories } from './options-service.js';
import { getMyDelegate } from './me-service.js';
import * as views from '../../../domain/schemas/roster-views.js';

export function rosterRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['roster'];
  const base = '/api/townships/:townshipId';

  r.get(`${base}/delegates`, { config: { access: ROSTER_POLICY.read }, schema: { params: TownshipParams, querystring: DelegateListQuery, tags, summary: '代表名册', response: { 200: views.DelegatePage } } }, async (req) => {
    const s = req.scope;
    return service.listDelegates(ctx, s, req.query);
  });
  r.post(`${base}/delegates`, { config: { access: ROSTER_POLICY.write }, schema: { params: TownshipParams, body: DelegateBody, tags, summary: '新增代表', response: { 201: views.DelegateSummary } } }, async (req, reply) => {
    const s = req.scope;
    return reply.status(201).send(await createDelegate(ctx, s, req.body));
  });
  r.get(`${base}/delegates/:delegateId`, { config: { access: ROSTER_POLICY.read }, schema: { params: DelegateParams, tags, summary: '代表详情与状态变更记录', response: { 200: views.DelegateDetail } } }, async (req) => {
    const s = req.scope;
    return service.getDelegate(ctx, s, req.params.delegateId);
  });
  r.get(`${base}/delegates/:delegateId/personal`, { config: { access: ROSTER_POLICY.personal }, schema: { params: DelegateParams, tags, summary: '查看完整手机号与身份证号（留痕）', response: { 200: views.DelegatePersonal } } }, async (req) => {
    const s = req.scope;
    return service.getPersonal(ctx, s, req.params.delegateId);
  });
  r.put(`${base}/delegates/:delegateId`, { config: { access: ROSTER_POLICY.write }, schema: { params: DelegateParams, body: DelegateBody, tags, summary: '修改代表信息', response: { 200: views.DelegateSummary } } }, async (req) => {
    const s = req.scope;
    return updateDelegate(ctx, s, req.params.delegateId, req.body);
  });
  r.post(`${base}/delegates/:delegateId/status`, { config: { access: ROSTER_POLICY.write }, schema: { params: DelegateParams, body: StatusChangeBody, tags, summary: '代表状态变更（停止执行职务、资格终止、恢复）', response: { 200: views.DelegateSummary } } }, async (req) => {
    const s = req.scope;
    return changeStatus(ctx, s, req.params.delegateId, req.body);
  });
  r.get(`${base}/electoral-units`, { config: { access: ROSTER_POLICY.read }, schema: { params: TownshipParams, tags, summary: '选举单位及代表人数', response: { 200: views.ElectoralUnitList } } }, async (req) => {
    const s = req.scope;
    return service.listElectoralUnits(ctx, s);
  });
  r.get(`${base}/vacancies`, { config: { access: ROSTER_POLICY.read }, schema: { params: TownshipParams, tags, summary: '代表缺额（待补选）', response: { 200: views.VacancyList } } }, async (req) => {
    const s = req.scope;
    return service.listVacancies(ctx, s);
  });
  r.get(`${base}/roster/options`, { config: { access: ROSTER_POLICY.options }, schema: { params: TownshipParams, tags, summary: '名册表单选项', response: { 200: views.RosterOptions } } }, async (req) => {
    const s = req.scope;
    return getRosterOptions(ctx, s);
  });
  r.put(`${base}/roster/categories`, { config: { access: ROSTER_POLICY.write }, schema: { params: TownshipParams, body: CategoriesBody, tags, summary: '设置代表类别', response: { 200: views.Categories } } }, async (req) => {
    const s = req.scope;
    return putCategories(ctx, s, req.body.categories);
  });
  r.get('/api/me/delegate', { config: { access: 'signedIn' }, schema: { tags, summary: '本人代表信息（党代表）', response: { 200: views.MyDelegate } } }, async (req) => getMyDelegate(ctx, requireUser(req)));
}
