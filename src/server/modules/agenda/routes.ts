import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AgendaItemBody, AgendaItemParams, AgendaOrderBody, ApplyTemplateBody, CurrentAgendaBody, GroupSessionBody, GroupSessionParams, MeetingParams } from '../../../domain/schemas/meetings.js';
import type { AppContext } from '../../context.js';
import { MEETING_MANAGERS, MEETING_READERS } from '../meetings/policy.js';
import * as sessions from './group-sessions.js';
import * as service from './service.js';
import { AgendaItemView, AgendaTemplates, AgendaView, Deleted, GroupSessionList, GroupSessionView } from '../../../domain/schemas/agenda-views.js';

export function agendaRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['agenda'];
  const agenda = '/api/townships/:townshipId/meetings/:meetingId/agenda';
  const gs = '/api/townships/:townshipId/meetings/:meetingId/group-sessions';

  r.get(agenda, { config: { access: MEETING_READERS }, schema: { params: MeetingParams, tags, summary: '会议议程', response: { 200: AgendaView } } }, async (req) => service.listAgenda(ctx, req.scope, req.params.meetingId));
  r.get(`${agenda}/templates`, { config: { access: MEETING_READERS }, schema: { params: MeetingParams, tags, summary: '议程模板（按本次会议生成的预览）', response: { 200: AgendaTemplates } } }, async (req) =>
    service.previewTemplates(ctx, req.scope, req.params.meetingId),
  );
  r.post(agenda, { config: { access: MEETING_MANAGERS }, schema: { params: MeetingParams, body: AgendaItemBody, tags, summary: '增加议程', response: { 201: AgendaItemView } } }, async (req, reply) =>
    reply.status(201).send(await service.addItem(ctx, req.scope, req.params.meetingId, req.body)),
  );
  r.put(`${agenda}/order`, { config: { access: MEETING_MANAGERS }, schema: { params: MeetingParams, body: AgendaOrderBody, tags, summary: '调整议程顺序', response: { 200: AgendaView } } }, async (req) =>
    service.reorder(ctx, req.scope, req.params.meetingId, req.body.ids),
  );
  r.post(`${agenda}/apply-template`, { config: { access: MEETING_MANAGERS }, schema: { params: MeetingParams, body: ApplyTemplateBody, tags, summary: '按模板生成议程', response: { 200: AgendaView } } }, async (req) =>
    service.applyTemplate(ctx, req.scope, req.params.meetingId, req.body.template, req.body.replace),
  );
  r.post(`${agenda}/current`, { config: { access: MEETING_MANAGERS }, schema: { params: MeetingParams, body: CurrentAgendaBody, tags, summary: '切换当前议程', response: { 200: AgendaView } } }, async (req) =>
    service.setCurrent(ctx, req.scope, req.params.meetingId, req.body.agendaItemId),
  );
  r.put(`${agenda}/:itemId`, { config: { access: MEETING_MANAGERS }, schema: { params: AgendaItemParams, body: AgendaItemBody, tags, summary: '修改议程', response: { 200: AgendaItemView } } }, async (req) =>
    service.updateItem(ctx, req.scope, req.params.meetingId, req.params.itemId, req.body),
  );
  r.delete(`${agenda}/:itemId`, { config: { access: MEETING_MANAGERS }, schema: { params: AgendaItemParams, tags, summary: '删除议程', response: { 200: AgendaView } } }, async (req) =>
    service.deleteItem(ctx, req.scope, req.params.meetingId, req.params.itemId),
  );

  r.get(gs, { config: { access: MEETING_READERS }, schema: { params: MeetingParams, tags, summary: '分团讨论', response: { 200: GroupSessionList } } }, async (req) => sessions.listGroupSessions(ctx, req.scope, req.params.meetingId));
  r.post(gs, { config: { access: MEETING_MANAGERS }, schema: { params: MeetingParams, body: GroupSessionBody, tags, summary: '安排分团讨论', response: { 201: GroupSessionView } } }, async (req, reply) =>
    reply.status(201).send(await sessions.createGroupSession(ctx, req.scope, req.params.meetingId, req.body)),
  );
  r.put(`${gs}/:sessionId`, { config: { access: MEETING_MANAGERS }, schema: { params: GroupSessionParams, body: GroupSessionBody, tags, summary: '修改分团讨论（含会议记录）', response: { 200: GroupSessionView } } }, async (req) =>
    sessions.updateGroupSession(ctx, req.scope, req.params.meetingId, req.params.sessionId, req.body),
  );
  r.delete(`${gs}/:sessionId`, { config: { access: MEETING_MANAGERS }, schema: { params: GroupSessionParams, tags, summary: '删除分团讨论', response: { 200: Deleted } } }, async (req) =>
    sessions.deleteGroupSession(ctx, req.scope, req.params.meetingId, req.params.sessionId),
  );
}
