import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DemoSignIn } from '../../../domain/schemas/tenancy.js';
import type { AppContext } from '../../context.js';
import { requireUser } from '../../access/user.js';
import { demoSignIn, getCountyOverview, getTownshipsVisibleTo } from './service.js';
import { CountyOverview, TownshipList } from '../../../domain/schemas/tenancy.js';

export function tenancyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/townships', { config: { access: 'signedIn' }, schema: { tags: ['tenancy'], summary: '可访问的乡镇', response: { 200: TownshipList } } }, async (req) => {
    return { items: await getTownshipsVisibleTo(ctx, requireUser(req)) };
  });
  // Public: the login pages name the demo accounts only when the demo county is loaded.
  r.get('/api/demo', { config: { access: 'public' }, schema: { tags: ['tenancy'], summary: '演示账号（仅载入演示数据时）', response: { 200: DemoSignIn } } }, async () => demoSignIn(ctx));
  r.get('/api/county/overview', { config: { access: ['countyAdmin'] }, schema: { tags: ['tenancy'], summary: '全县概览：各乡镇代表人数与缺额', response: { 200: CountyOverview } } }, async (req) => {
    return getCountyOverview(ctx, requireUser(req));
  });
}
