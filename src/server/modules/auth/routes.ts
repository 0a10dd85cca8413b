import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChangePasswordBody, LoginBody, SessionAnswer } from '../../../domain/schemas/auth.js';
import { ROLES } from '../../../domain/accounts/roles.js';
import type { AppContext } from '../../context.js';
import { SESSION_COOKIE, setSessionCookie } from '../../http/session.js';
import type { SessionUser } from '../../access/types.js';
import { getTownshipsVisibleTo } from '../tenancy/service.js';
import * as service from './service.js';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS } from './device-mark.js';
import { requireUser } from '../../access/user.js';
import { LoginResult, Me } from '../../../domain/schemas/auth.js';
import { Ok } from '../../../domain/schemas/responses.js';

export function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secure = process.env.COOKIE_SECURE === '1';

  r.post(
    '/api/auth/login',
    { config: { access: 'public' }, schema: { body: LoginBody, tags: ['auth'], summary: '登录', response: { 200: LoginResult } } },
    async (req, reply) => {
      const s = await service.login(ctx, req.body.username, req.body.password, req.ip, req.cookies[DEVICE_COOKIE]);
      setSessionCookie(reply, s.token, secure);
      reply.setCookie(DEVICE_COOKIE, s.deviceMark, { path: '/api/auth', httpOnly: true, sameSite: 'strict', secure, maxAge: DEVICE_COOKIE_DAYS * 86_400 });
      return { csrfToken: s.csrfToken, mustChangePassword: s.mustChangePassword };
    },
  );

  r.post('/api/auth/logout', { config: { access: 'signedIn' }, schema: { tags: ['auth'], summary: '退出登录', response: { 200: Ok } } }, async (req, reply) => {
    await service.logout(ctx, requireUser(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/api/auth/me', { config: { access: 'signedIn' }, schema: { tags: ['auth'], summary: '当前用户', response: { 200: Me } } }, async (req) => whoIs(ctx, requireUser(req)));

  // The web asks this on every page, signed in or not: no 401 for a visitor who has not signed in yet.
  r.get('/api/auth/session', { config: { access: 'public' }, schema: { tags: ['auth'], summary: '当前会话（未登录时 user 为 null）', response: { 200: SessionAnswer } } }, async (req) => ({
    user: req.user ? await whoIs(ctx, req.user) : null,
  }));

  r.post('/api/auth/password', { config: { access: 'signedIn' }, schema: { body: ChangePasswordBody, tags: ['auth'], summary: '修改密码', response: { 200: Ok } } }, async (req) => {
    await service.changePassword(ctx, requireUser(req), req.body.currentPassword, req.body.newPassword);
    return { ok: true };
  });
}

async function whoIs(ctx: AppContext, u: SessionUser) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    roleName: ROLES[u.role],
    countyId: u.countyId,
    townshipId: u.townshipId,
    delegateId: u.delegateId,
    mustChangePassword: u.mustChangePassword,
    csrfToken: u.csrfToken,
    townships: u.mustChangePassword ? [] : await getTownshipsVisibleTo(ctx, u),
  };
}
