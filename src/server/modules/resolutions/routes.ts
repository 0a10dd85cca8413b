import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DecisionBody,
  DistributionBody,
  DistributionParams,
  DistributionView,
  ImplementationItemList,
  ImplementationItemView,
  ImplementationReportView,
  ItemBody,
  ItemParams,
  MeetingChangeBody,
  MeetingChangeResult,
  NoContent,
  ProgressBody,
  ResolutionBody,
  ResolutionDetail,
  ResolutionList,
  ResolutionMeetingParams,
  ResolutionParams,
  SupersedeBody,
  UrgentChangeBody,
  UrgentChangeResult,
} from '../../../domain/schemas/resolutions.js';
import type { AppContext } from '../../context.js';
import * as changes from './changes.js';
import * as decision from './decision.js';
import * as items from './items.js';
import { RESOLUTION_MANAGERS, RESOLUTION_READERS } from './policy.js';
import { implementationReport } from './report.js';
import * as service from './service.js';

export function resolutionRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resolutions'];
  const base = '/api/townships/:townshipId';

  r.get(`${base}/meetings/:meetingId/resolutions`, { config: { access: RESOLUTION_READERS }, schema: { params: ResolutionMeetingParams, tags, summary: '会议的决议', response: { 200: ResolutionList } } }, async (req) =>
    service.listResolutions(ctx, req.scope, req.params.meetingId),
  );
  r.post(`${base}/meetings/:meetingId/resolutions`, { config: { access: RESOLUTION_MANAGERS }, schema: { params: ResolutionMeetingParams, body: ResolutionBody, tags, summary: '起草决议', response: { 201: ResolutionDetail } } }, async (req, reply) =>
    reply.status(201).send(await service.createResolution(ctx, req.scope, req.params.meetingId, req.body)),
  );
  r.get(`${base}/meetings/:meetingId/implementation-report`, { config: { access: RESOLUTION_READERS }, schema: { params: ResolutionMeetingParams, tags, summary: '决议执行情况报告（向本次会议报告）', response: { 200: ImplementationReportView } } }, async (req) =>
    implementationReport(ctx, req.scope, req.params.meetingId),
  );

  r.get(`${base}/resolutions/:resolutionId`, { config: { access: RESOLUTION_READERS }, schema: { params: ResolutionParams, tags, summary: '决议详情', response: { 200: ResolutionDetail } } }, async (req) =>
    service.getResolution(ctx, req.scope, req.params.resolutionId),
  );
  r.put(`${base}/resolutions/:resolutionId`, { config: { access: RESOLUTION_MANAGERS }, schema: { params: ResolutionParams, body: ResolutionBody, tags, summary: '修改决议草案', response: { 200: ResolutionDetail } } }, async (req) =>
    service.updateResolution(ctx, req.scope, req.params.resolutionId, req.body),
  );
  r.delete(`${base}/resolutions/:resolutionId`, { config: { access: RESOLUTION_MANAGERS }, schema: { params: ResolutionParams, tags, summary: '删除决议草案', response: { 204: NoContent } } }, async (req, reply) => {
    await service.deleteResolution(ctx, req.scope, req.params.resolutionId);
    return reply.status(204).send(null);
  });
  r.post(`${base}/resolutions/:resolutionId/adopt`, { config: { access: RESOLUTION_MANAGERS }, schema: { params: ResolutionParams, body: DecisionBody, tags, summary: '通过决议', response: { 200: ResolutionDetail } } }, async (req) =>
    decision.decideResolution(ctx, req.scope, req.params.resolutionId, req.body, 'adopted'),
  );
  r.post(`${base}/resolutions/:resolutionId/reject`, { config: { access: RESOLUTION_MANAGERS }, schema: { params: ResolutionParams, body: DecisionBody, tags, summary: '记录决议未通过', response: { 200: ResolutionDetail } } }, async (req) =>
    decision.decideResolution(ctx, req.scope, req.params.resolutionId, req.body, 'rejected'),
  );
  r.post(`${base}/resolutions/:resolutionId/supersede`, { config: { access: RESOLUTION_MANAGERS }, schema: { params: ResolutionParams, body: SupersedeBody, tags, summary: '决议被新决议取代', response: { 200: ResolutionDetail } } }, async (req) =>
    decision.supersedeResolution(ctx, req.scope, req.params.resolutionId, req.body.byResolutionId),
  );
  r.post(`${base}/resolutions/:resolutionId/urgent-change`, { config: { access: RESOLUTION_MANAGERS }, schema: { params: ResolutionParams, body: UrgentChangeBody, tags, summary: '决议紧急变更（通知全体代表）', response: { 200: UrgentChangeResult } } }, async (req) =>
    changes.urgentChange(ctx, req.scope, req.params.resolutionId, req.body),
  );
  r.post(`${base}/resolutions/:resolutionId/changes`, { config: { access: RESOLUTION_MANAGERS }, schema: { params: ResolutionParams, body: MeetingChangeBody, tags, summary: '记录大会决定的决议变更', response: { 200: MeetingChangeResult } } }, async (req) =>
    changes.meetingChange(ctx, req.scope, req.params.resolutionId, req.body),
  );
  r.post(`${base}/resolutions/:resolutionId/distributions`, { config: { access: RESOLUTION_MANAGERS }, schema: { params: ResolutionParams, body: DistributionBody, tags, summary: '登记决议印发', response: { 201: DistributionView } } }, async (req, reply) =>
    reply.status(201).send(await changes.addDistribution(ctx, req.scope, req.params.resolutionId, req.body)),
  );
  r.delete(`${base}/resolutions/:resolutionId/distributions/:distributionId`, { config: { access: RESOLUTION_MANAGERS }, schema: { params: DistributionParams, tags, summary: '删除印发记录', response: { 204: NoContent } } }, async (req, reply) => {
    await changes.removeDistribution(ctx, req.scope, req.params.resolutionId, req.params.distributionId);
    return reply.status(204).send(null);
  });

  r.get(`${base}/resolutions/:resolutionId/items`, { config: { access: RESOLUTION_READERS }, schema: { params: ResolutionParams, tags, summary: '决议落实事项', response: { 200: ImplementationItemList } } }, async (req) =>
    items.listItems(ctx, req.scope, req.params.resolutionId),
  );
  r.post(`${base}/resolutions/:resolutionId/items`, { config: { access: RESOLUTION_MANAGERS }, schema: { params: ResolutionParams, body: ItemBody, tags, summary: '新增落实事项', response: { 201: ImplementationItemView } } }, async (req, reply) =>
    reply.status(201).send(await items.createItem(ctx, req.scope, req.params.resolutionId, req.body)),
  );
  r.get(`${base}/implementation-items/:itemId`, { config: { access: RESOLUTION_READERS }, schema: { params: ItemParams, tags, summary: '落实事项详情', response: { 200: ImplementationItemView } } }, async (req) =>
    items.getItem(ctx, req.scope, req.params.itemId),
  );
  r.put(`${base}/implementation-items/:itemId`, { config: { access: RESOLUTION_MANAGERS }, schema: { params: ItemParams, body: ItemBody, tags, summary: '修改落实事项', response: { 200: ImplementationItemView } } }, async (req) =>
    items.updateItem(ctx, req.scope, req.params.itemId, req.body),
  );
  r.delete(`${base}/implementation-items/:itemId`, { config: { access: RESOLUTION_MANAGERS }, schema: { params: ItemParams, tags, summary: '删除落实事项', response: { 204: NoContent } } }, async (req, reply) => {
    await items.deleteItem(ctx, req.scope, req.params.itemId);
    return reply.status(204).send(null);
  });
  r.post(`${base}/implementation-items/:itemId/progress`, { config: { access: RESOLUTION_MANAGERS }, schema: { params: ItemParams, body: ProgressBody, tags, summary: '报告落实进展', response: { 200: ImplementationItemView } } }, async (req) =>
    items.reportProgress(ctx, req.scope, req.params.itemId, req.body),
  );
}
