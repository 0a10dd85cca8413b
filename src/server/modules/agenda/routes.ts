import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AgendaItemBody, AgendaItemParams, AgendaOrderBody, ApplyTemplateBody, CurrentAgendaBody, GroupSessionBody, GroupSessionParams, MeetingParams } from '../../../domain/schemas/meetings.js';
import type { AppContext } from '../../context.js';
import { townshipScope } from '../../http/scope.js';
import { MEETING_MANAGERS, MEETING_READERS } from '../meetings/policy.js';
import * as sessions from './group-sessions.js';
import * as service from './service.js';

export function agendaRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['agenda'];
  const agenda = '/api/townships/:townshipId/meetings/:meetingId/agenda';
  const gs = '/api/townships/:townshipId/meetings/:meetingId/group-sessions';
  const read = (req: { params: { townshipId: string } } & Parameters<typeof townshipScope>[1]) => townshipScope(ctx, req, req.params.townshipId, MEETING_READERS);
  const manage = (req: { params: { townshipId: string } } & Parameters<typeof townshipScope>[1]) => townshipScope(ctx, req, req.params.townshipId, MEETING_MANAGERS);

  r.get(agenda, { schema: { params: MeetingParams, tags, summary: '会议议程' } }, async (req) => service.listAgenda(ctx, await read(req), req.params.meetingId));
  r.get(`${agenda}/templates`, { schema: { params: MeetingParams, tags, summary: '议程模板（按本次会议生成的预览）' } }, async (req) =>
    service.previewTemplates(ctx, await read(req), req.params.meetingId),
  );
  r.post(agenda, { schema: { params: MeetingParams, body: AgendaItemBody, tags, summary: '增加议程' } }, async (req, reply) =>
    reply.status(201).send(await service.addItem(ctx, await manage(req), req.params.meetingId, req.body)),
  );
  r.put(`${agenda}/order`, { schema: { params: MeetingParams, body: AgendaOrderBody, tags, summary: '调整议程顺序' } }, async (req) =>
    service.reorder(ctx, await manage(req), req.params.meetingId, req.body.ids),
  );
  r.post(`${agenda}/apply-template`, { schema: { params: MeetingParams, body: ApplyTemplateBody, tags, summary: '按模板生成议程' } }, async (req) =>
    service.applyTemplate(ctx, await manage(req), req.params.meetingId, req.body.template, req.body.replace),
  );
  r.post(`${agenda}/current`, { schema: { params: MeetingParams, body: CurrentAgendaBody, tags, summary: '切换当前议程' } }, async (req) =>
    service.setCurrent(ctx, await manage(req), req.params.meetingId, req.body.agendaItemId),
  );
  r.put(`${agenda}/:itemId`, { schema: { params: AgendaItemParams, body: AgendaItemBody, tags, summary: '修改议程' } }, async (req) =>
    service.updateItem(ctx, await manage(req), req.params.meetingId, req.params.itemId, req.body),
  );
  r.delete(`${agenda}/:itemId`, { schema: { params: AgendaItemParams, tags, summary: '删除议程' } }, async (req) =>
    service.deleteItem(ctx, await manage(req), req.params.meetingId, req.params.itemId),
  );

  r.get(gs, { schema: { params: MeetingParams, tags, summary: '分团讨论' } }, async (req) => sessions.listGroupSessions(ctx, await read(req), req.params.meetingId));
  r.post(gs, { schema: { params: MeetingParams, body: GroupSessionBody, tags, summary: '安排分团讨论' } }, async (req, reply) =>
    reply.status(201).send(await sessions.createGroupSession(ctx, await manage(req), req.params.meetingId, req.body)),
  );
  r.put(`${gs}/:sessionId`, { schema: { params: GroupSessionParams, body: GroupSessionBody, tags, summary: '修改分团讨论（含会议记录）' } }, async (req) =>
    sessions.updateGroupSession(ctx, await manage(req), req.params.meetingId, req.params.sessionId, req.body),
  );
  r.delete(`${gs}/:sessionId`, { schema: { params: GroupSessionParams, tags, summary: '删除分团讨论' } }, async (req) =>
    sessions.deleteGroupSession(ctx, await manage(req), req.params.meetingId, req.params.sessionId),
  );
}
