import type { FastifyRequest } from 'fastify';
import type { Role } from '../../domain/accounts/roles.js';
import type { AppContext } from '../context.js';
import { forbidden } from '../errors.js';
import { requireUser, type SessionUser } from './session.js';
import { resolveTownship } from '../modules/tenancy/service.js';

export interface TownshipScope {
  user: SessionUser;
  township: { id: string; countyId: string; code: string; name: string };
}

/**
 * Every `/api/townships/:townshipId/...` route starts here: signed in, the township within the
 * user's reach (else 404), and the user's role among `roles` (else 403).
 */
export async function townshipScope(
  ctx: AppContext,
  req: FastifyRequest,
  townshipId: string,
  roles: readonly Role[],
): Promise<TownshipScope> {
  const user = requireUser(req);
  const township = await resolveTownship(ctx, user, townshipId);
  if (!roles.includes(user.role)) throw forbidden();
  return { user, township };
}
