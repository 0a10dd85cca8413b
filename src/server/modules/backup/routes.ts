import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { FileDownload } from '../../../domain/schemas/responses.js';
import type { AppContext } from '../../context.js';
import { forbidden } from '../../errors.js';
import { dumpStream } from '../../backup/dump.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameToken(given: unknown, expected: string | undefined): boolean {
  if (!expected || typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * While the server holds the embedded database no other process may open it, so `nianhui
 * backup` asks the server. Only a process on this machine that can read the data directory's
 * lock file (where the token is written) gets an answer.
 */
export function backupRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post('/api/admin/backup', { config: { access: { token: 'adminToken' } }, schema: { hide: true, response: { 200: FileDownload('application/gzip', '整库备份（JSON Lines，gzip 压缩）') } } }, async (req, reply) => {
    // The socket's address, not req.ip: a proxy header must not make a remote caller look local.
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) throw forbidden('备份只能在服务器本机通过 nianhui backup 命令发起');
    if (!sameToken(req.headers['x-admin-token'], ctx.adminToken)) throw forbidden('管理令牌无效');
    const { stream, done } = dumpStream(ctx.database);
    done.catch((err) => req.log.error({ err }, 'backup failed'));
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
    return reply
      .header('content-type', 'application/gzip')
      .header('content-disposition', `attachment; filename="nianhui-${stamp}.jsonl.gz"`)
      .send(stream);
  });
}
