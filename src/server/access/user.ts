import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { SessionUser } from './types.js';

/** The signed-in user, or 401. On a route declared for roles or `signedIn` it is always there. */
export function requireUser(req: FastifyRequest): SessionUser {
  if (!req.user) throw new AppError('UNAUTHENTICATED', '请先登录');
  return req.user;
}
