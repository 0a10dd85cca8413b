import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Role } from '../../domain/accounts/roles.js';
import { AppError } from '../errors.js';
import type { AppContext } from '../context.js';
import { sm3 } from '../security/crypto.js';
import { deleteSession, touchSession } from '../modules/auth/repository.js';
import { phoneKeptSignedIn } from '../modules/attendance/index.js';
import { createSessionCache, type SessionCache, type SessionRow } from './session-cache.js';
import type { SessionUser } from '../access/types.js';

export const SESSION_COOKIE = 'nh_sid';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
  }
  interface FastifyInstance {
    sessionCache: SessionCache;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a signed-in user with an issued password may still use. */
const ALLOWED_BEFORE_CHANGE = new Set(['/api/auth/me', '/api/auth/session', '/api/auth/password', '/api/auth/logout']);

export function registerSessions(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('user', null);
  const idleMs = ctx.config.sessionIdleMinutes * 60_000;
  const cache = createSessionCache(ctx.database);
  app.decorate('sessionCache', cache);
  app.addHook('onReady', () => cache.start());
  app.addHook('onClose', () => cache.stop());
  // A change this request committed (logout, reset, lock-out) has reached this process's copy
  // before the client hears back, so its next request never finds the old session.
  app.addHook('onSend', async (req) => {
    if (!SAFE.has(req.method) && req.url.startsWith('/api/')) await cache.sync();
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const id = sm3(token);
    const now = new Date();
    let row = await cache.lookup(id);
    if (row && row.session.expiresAt < now) {
      // Another process may have moved the deadline since this copy was read.
      cache.forget(id);
      row = await cache.lookup(id);
    }
    if (row && row.session.expiresAt < now && !row.user.disabled && (await keptSignedIn(ctx, row, id, now))) {
      const expiresAt = new Date(now.getTime() + idleMs);
      await touchSession(ctx.database.db, id, now, expiresAt);
      cache.touched(id, now, expiresAt);
      row = { user: row.user, session: { ...row.session, lastSeenAt: now, expiresAt } };
    }
    if (!row || row.session.expiresAt < now || row.user.disabled) {
      if (row) {
        cache.forget(id);
        await deleteSession(ctx.database.db, id);
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    // Refresh the idle deadline at most once a minute to keep reads cheap.
    if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
      const expiresAt = new Date(now.getTime() + idleMs);
      await touchSession(ctx.database.db, id, now, expiresAt);
      cache.touched(id, now, expiresAt);
    }
    const u = row.user;
    req.user = {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role as Role,
      countyId: u.countyId,
      townshipId: u.townshipId,
      delegateId: u.delegateId,
      mustChangePassword: u.mustChangePassword,
      sessionId: id,
      csrfToken: row.session.csrfToken,
    };
    if (!SAFE.has(req.method) && req.headers[CSRF_HEADER] !== row.session.csrfToken) {
      throw new AppError('CSRF', '页面已过期（CSRF 校验失败），请刷新后重试');
    }
    const path = req.url.split('?')[0]!;
    if (u.mustChangePassword && !ALLOWED_BEFORE_CHANGE.has(path)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录或密码被重置后，请先修改密码');
    }
  });
}

/**
 * A delegate's phone bound at the hall desk stays signed in through the meeting's days however
 * long it waits for the vote; logout, a reset or a disabled account still end it at once (they
 * delete the session or mark the user).
 */
async function keptSignedIn(ctx: AppContext, row: SessionRow, sessionId: string, now: Date) {
  const u = row.user;
  if (u.role !== 'delegate' || !u.delegateId || !u.townshipId) return false;
  return phoneKeptSignedIn(ctx.database.db, u.townshipId, u.delegateId, sessionId, now);
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
