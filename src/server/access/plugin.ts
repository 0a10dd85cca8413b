import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { ROLES } from '../../domain/accounts/roles.js';
import { forbidden, notFound } from '../errors.js';
import { declarationError, prefixOf, securityOf, type Access, type Prefix } from './declare.js';
import { inReach, mightReach } from './reach.js';
import type { TownshipScope } from './types.js';
import { requireUser } from './user.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; required on every `/api` route (see access/declare.ts). */
    access?: Access;
  }
  interface FastifyRequest {
    /** Set before validation on every `/api/townships/:townshipId` route. */
    scope: TownshipScope;
  }
}

export type FindTownship = (id: string) => Promise<TownshipScope['township'] | undefined>;

/**
 * Access as one mechanism: every `/api` route declares `config.access` (registration fails
 * otherwise) and gets an `onRequest` hook from it, which runs before the body is read or
 * validated. Under the township prefix the hook resolves the township (404 when out of reach,
 * exactly as when it does not exist), then checks the role (403), and leaves `req.scope`. The
 * same declaration becomes the operation's OpenAPI `security`. Register before any route.
 */
export function registerAccess(app: FastifyInstance, findTownship: FindTownship) {
  app.decorateRequest('scope', null as unknown as TownshipScope);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    const problem = declarationError(route.url, access);
    if (problem) throw new Error(problem);
    const method = [route.method].flat()[0]!;
    route.schema = { ...route.schema, security: securityOf(access!, method) };
    route.onRequest = [...[route.onRequest ?? []].flat(), accessHook(access!, prefixOf(route.url), findTownship)] as RouteOptions['onRequest'];
  });
}

function deniedMessage(roles: readonly (keyof typeof ROLES)[]) {
  return `此操作仅限${roles.map((r) => ROLES[r]).join('、')}`;
}

function accessHook(access: Access, prefix: Prefix, findTownship: FindTownship) {
  return async function checkAccess(req: FastifyRequest) {
    if (access === 'public' || !(access === 'signedIn' || Array.isArray(access))) return;
    const user = requireUser(req);
    if (access === 'signedIn') return;
    const roles = access as Extract<Access, readonly unknown[]>;
    if (prefix === 'township') {
      const id = (req.params as { townshipId?: string }).townshipId ?? '';
      const township = mightReach(user, id) ? await findTownship(id) : undefined;
      if (!inReach(user, township)) throw notFound('乡镇');
      if (!roles.includes(user.role)) throw forbidden(deniedMessage(roles));
      req.scope = { user, township: township! };
      return;
    }
    if (!roles.includes(user.role)) throw forbidden(deniedMessage(roles));
  };
}
