import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from './context.js';
import { registerErrorHandling } from './http/errors.js';
import { openApiTransform, registerErrorResponses } from './http/openapi.js';
import { registerSecurityHeaders, requestLogSerializers } from './http/headers.js';
import { registerSessions } from './http/session.js';
import { registerAccess } from './access/plugin.js';
import { SECURITY_SCHEMES, type Access } from './access/declare.js';
import { findTownshipById } from './modules/tenancy/service.js';
import { registerRoutes } from './routes.js';
import { MAX_UPLOAD_BYTES } from './http/limits.js';

z.config(z.locales.zhCN());

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: ApiRoute[];
  }
}

/** An API route as registered: what the access-matrix and bad-input tests walk. */
export interface ApiRoute {
  method: string;
  url: string;
  access: Access;
  /** The route's zod body schema, if it has one. */
  body?: unknown;
}

export interface BuildOptions {
  logger?: boolean | object;
  /** Serves the built web app from this folder when set. */
  webRoot?: string;
}

/** Builds the Fastify app around an already opened context; main.ts and the tests call this. */
export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger && typeof opts.logger === 'object' ? { ...opts.logger, serializers: { ...requestLogSerializers, ...(opts.logger as { serializers?: object }).serializers } } : opts.logger === true ? { serializers: requestLogSerializers } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === '1',
    // Let request ids be ours, never a client's.
    genReqId: () => crypto.randomUUID(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  await registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 }, throwFileSizeLimit: true });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Nianhui 年会 API', version: '0.1.0', description: '乡镇党代会年会制与党代表任期制工作平台' },
      servers: [{ url: '/', description: '本服务器' }],
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: openApiTransform,
  });
  registerErrorResponses(app);
  registerSessions(app, ctx);
  registerAccess(app, (id) => findTownshipById(ctx, id));
  // The list of API routes, for the access-matrix and bad-input tests that walk every route.
  const apiRoutes: ApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/')) return;
    for (const m of [r.method].flat()) if (m !== 'HEAD') apiRoutes.push({ method: m, url: r.url, access: r.config!.access!, body: r.schema?.body });
  });

  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['system'], summary: '健康检查', response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) } } }, async () => {
    await ctx.database.query('select 1');
    return { status: 'ok', database: ctx.database.kind };
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await registerRoutes(app, ctx);
  if (opts.webRoot) {
    const { registerWeb } = await import('./http/web.js');
    await registerWeb(app, opts.webRoot);
  }
  return app;
}
