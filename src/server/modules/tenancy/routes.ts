import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { forbidden } from '../../errors.js';
import { requireUser } from '../../http/session.js';
import { getCountyOverview, getTownshipsVisibleTo } from './service.js';

export function tenancyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/townships', { schema: { tags: ['tenancy'], summary: '可访问的乡镇' } }, async (req) => {
    return { items: await getTownshipsVisibleTo(ctx, requireUser(req)) };
  });
  r.get('/api/county/overview', { schema: { tags: ['tenancy'], summary: '全县概览：各乡镇代表人数与缺额' } }, async (req) => {
    const user = requireUser(req);
    if (user.role !== 'countyAdmin') throw forbidden('仅县委组织部可查看全县概览');
    return getCountyOverview(ctx, user);
  });
}
