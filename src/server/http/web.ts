import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

// Vite names everything under assets/ by its content hash, so a changed file gets a new name:
// those may be kept for a year, while the entry pages must be revalidated to pick up a new build.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

function cacheControlFor(root: string, file: string): string {
  const rel = (path.isAbsolute(file) && file.startsWith(root) ? path.relative(root, file) : file).split(path.sep).join('/');
  return /^\/?assets\//.test(rel) ? IMMUTABLE : REVALIDATE;
}

/** Serves the built web app; client-side routes fall back to the entry page of their bundle. */
export async function registerWeb(app: FastifyInstance, root: string) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    app.log.warn(`web bundle not found in ${root}; run npm run build:web`);
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // The build writes .br/.gz beside each asset; the plugin picks one by Accept-Encoding.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply: FastifyReply, file: string) => {
      reply.header('cache-control', cacheControlFor(root, file));
    },
  });
  const entries: [string, string][] = [
    ['/m', 'delegate.html'],
    ['/screen', 'screen.html'],
    ['/', 'index.html'],
  ];
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const url = req.url.split('?')[0]!;
    if (url.startsWith('/api/')) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
    const file = path.join(root, url);
    if (file.startsWith(root) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(url.slice(1));
    const entry = entries.find(([prefix]) => url === prefix || url.startsWith(prefix === '/' ? '/' : `${prefix}/`));
    const html = entry && fs.existsSync(path.join(root, entry[1])) ? entry[1] : 'index.html';
    return reply.type('text/html; charset=utf-8').sendFile(html);
  });
}
