import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ROLE_IDS, TOWNSHIP_MANAGERS } from '../../../domain/accounts/roles.js';
import { TownshipParams } from '../../../domain/schemas/common.js';
import { TermBody, TermParams } from '../../../domain/schemas/terms.js';
import type { AppContext } from '../../context.js';
import * as service from './service.js';
import { TermList, TermView } from '../../../domain/schemas/terms.js';

export function termRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['terms'];
  r.get('/api/townships/:townshipId/terms', { config: { access: ROLE_IDS }, schema: { params: TownshipParams, tags, summary: '届次列表', response: { 200: TermList } } }, async (req) => {
    const s = req.scope;
    return { items: await service.listTerms(ctx, s) };
  });
  r.post('/api/townships/:townshipId/terms', { config: { access: TOWNSHIP_MANAGERS }, schema: { params: TownshipParams, body: TermBody, tags, summary: '新建届次', response: { 201: TermView } } }, async (req, reply) => {
    const s = req.scope;
    return reply.status(201).send(await service.createTerm(ctx, s, req.body));
  });
  r.put('/api/townships/:townshipId/terms/:termId', { config: { access: TOWNSHIP_MANAGERS }, schema: { params: TermParams, body: TermBody, tags, summary: '修改届次', response: { 200: TermView } } }, async (req) => {
    const s = req.scope;
    return service.updateTerm(ctx, s, req.params.termId, req.body);
  });
}
