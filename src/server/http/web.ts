import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Serves the built web app; client-side routes fall back to the entry page of their bundle. */
export async function registerWeb(app: FastifyInstance, root: string) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    app.log.warn(`web bundle not found in ${root}; run npm run build:web`);
    return;
  }
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'] });
  const entries: [string, string][] = [
    ['/m', 'delegate.html'],
    ['/screen', 'screen.html'],
    ['/', 'index.html'],
  ];
  app.get('/*', (req, reply) => {
    const url = req.url.split('?')[0]!;
    if (url.startsWith('/api/')) return reply.status(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } });
    const file = path.join(root, url);
    if (file.startsWith(root) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(url.slice(1));
    const entry = entries.find(([prefix]) => url === prefix || url.startsWith(prefix === '/' ? '/' : `${prefix}/`));
    const html = entry && fs.existsSync(path.join(root, entry[1])) ? entry[1] : 'index.html';
    return reply.type('text/html; charset=utf-8').sendFile(html);
  });
}
