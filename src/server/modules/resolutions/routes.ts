import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DecisionBody,
  DistributionBody,
  DistributionParams,
  ItemBody,
  ItemParams,
  MeetingChangeBody,
  ProgressBody,
  ResolutionBody,
  ResolutionMeetingParams,
  ResolutionParams,
  SupersedeBody,
  UrgentChangeBody,
} from '../../../domain/schemas/resolutions.js';
import type { AppContext } from '../../context.js';
import { townshipScope } from '../../http/scope.js';
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
  const township = (req: FastifyRequest) => (req.params as { townshipId: string }).townshipId;
  const read = (req: FastifyRequest) => townshipScope(ctx, req, township(req), RESOLUTION_READERS);
  const manage = (req: FastifyRequest) => townshipScope(ctx, req, township(req), RESOLUTION_MANAGERS);

  r.get(`${base}/meetings/:meetingId/resolutions`, { schema: { params: ResolutionMeetingParams, tags, summary: '会议的决议' } }, async (req) =>
    service.listResolutions(ctx, await read(req), req.params.meetingId),
  );
  r.post(`${base}/meetings/:meetingId/resolutions`, { schema: { params: ResolutionMeetingParams, body: ResolutionBody, tags, summary: '起草决议' } }, async (req, reply) =>
    reply.status(201).send(await service.createResolution(ctx, await manage(req), req.params.meetingId, req.body)),
  );
  r.get(`${base}/meetings/:meetingId/implementation-report`, { schema: { params: ResolutionMeetingParams, tags, summary: '决议执行情况报告（向本次会议报告）' } }, async (req) =>
    implementationReport(ctx, await read(req), req.params.meetingId),
  );

  r.get(`${base}/resolutions/:resolutionId`, { schema: { params: ResolutionParams, tags, summary: '决议详情' } }, async (req) =>
    service.getResolution(ctx, await read(req), req.params.resolutionId),
  );
  r.put(`${base}/resolutions/:resolutionId`, { schema: { params: ResolutionParams, body: ResolutionBody, tags, summary: '修改决议草案' } }, async (req) =>
    service.updateResolution(ctx, await manage(req), req.params.resolutionId, req.body),
  );
  r.delete(`${base}/resolutions/:resolutionId`, { schema: { params: ResolutionParams, tags, summary: '删除决议草案' } }, async (req, reply) => {
    await service.deleteResolution(ctx, await manage(req), req.params.resolutionId);
    return reply.status(204).send();
  });
  r.post(`${base}/resolutions/:resolutionId/adopt`, { schema: { params: ResolutionParams, body: DecisionBody, tags, summary: '通过决议' } }, async (req) =>
    decision.decideResolution(ctx, await manage(req), req.params.resolutionId, req.body, 'adopted'),
  );
  r.post(`${base}/resolutions/:resolutionId/reject`, { schema: { params: ResolutionParams, body: DecisionBody, tags, summary: '记录决议未通过' } }, async (req) =>
    decision.decideResolution(ctx, await manage(req), req.params.resolutionId, req.body, 'rejected'),
  );
  r.post(`${base}/resolutions/:resolutionId/supersede`, { schema: { params: ResolutionParams, body: SupersedeBody, tags, summary: '决议被新决议取代' } }, async (req) =>
    decision.supersedeResolution(ctx, await manage(req), req.params.resolutionId, req.body.byResolutionId),
  );
  r.post(`${base}/resolutions/:resolutionId/urgent-change`, { schema: { params: ResolutionParams, body: UrgentChangeBody, tags, summary: '决议紧急变更（通知全体代表）' } }, async (req) =>
    changes.urgentChange(ctx, await manage(req), req.params.resolutionId, req.body),
  );
  r.post(`${base}/resolutions/:resolutionId/changes`, { schema: { params: ResolutionParams, body: MeetingChangeBody, tags, summary: '记录大会决定的决议变更' } }, async (req) =>
    changes.meetingChange(ctx, await manage(req), req.params.resolutionId, req.body),
  );
  r.post(`${base}/resolutions/:resolutionId/distributions`, { schema: { params: ResolutionParams, body: DistributionBody, tags, summary: '登记决议印发' } }, async (req, reply) =>
    reply.status(201).send(await changes.addDistribution(ctx, await manage(req), req.params.resolutionId, req.body)),
  );
  r.delete(`${base}/resolutions/:resolutionId/distributions/:distributionId`, { schema: { params: DistributionParams, tags, summary: '删除印发记录' } }, async (req, reply) => {
    await changes.removeDistribution(ctx, await manage(req), req.params.resolutionId, req.params.distributionId);
    return reply.status(204).send();
  });

  r.get(`${base}/resolutions/:resolutionId/items`, { schema: { params: ResolutionParams, tags, summary: '决议落实事项' } }, async (req) =>
    items.listItems(ctx, await read(req), req.params.resolutionId),
  );
  r.post(`${base}/resolutions/:resolutionId/items`, { schema: { params: ResolutionParams, body: ItemBody, tags, summary: '新增落实事项' } }, async (req, reply) =>
    reply.status(201).send(await items.createItem(ctx, await manage(req), req.params.resolutionId, req.body)),
  );
  r.get(`${base}/implementation-items/:itemId`, { schema: { params: ItemParams, tags, summary: '落实事项详情' } }, async (req) =>
    items.getItem(ctx, await read(req), req.params.itemId),
  );
  r.put(`${base}/implementation-items/:itemId`, { schema: { params: ItemParams, body: ItemBody, tags, summary: '修改落实事项' } }, async (req) =>
    items.updateItem(ctx, await manage(req), req.params.itemId, req.body),
  );
  r.delete(`${base}/implementation-items/:itemId`, { schema: { params: ItemParams, tags, summary: '删除落实事项' } }, async (req, reply) => {
    await items.deleteItem(ctx, await manage(req), req.params.itemId);
    return reply.status(204).send();
  });
  r.post(`${base}/implementation-items/:itemId/progress`, { schema: { params: ItemParams, body: ProgressBody, tags, summary: '报告落实进展' } }, async (req) =>
    items.reportProgress(ctx, await manage(req), req.params.itemId, req.body),
  );
}
