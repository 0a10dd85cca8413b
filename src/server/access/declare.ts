import type { Role } from '../../domain/accounts/roles.js';

/**
 * What a route declares in `config.access`; every `/api` route must (registration fails
 * otherwise).
 * - `'public'`: anyone, no session (login, health, the public meeting page and application).
 * - `'signedIn'`: any signed-in user; the service decides the rest (the caller's own data).
 * - a list of roles: signed in with one of them. Under `/api/townships/:townshipId` the township
 *   must also be within the user's reach; under `/api/county` the county is the user's own.
 * - `{ token }`: no session; the handler checks a token the request carries instead.
 */
export type Access = 'public' | 'signedIn' | readonly Role[] | { token: TokenScheme };

/** Tokens that stand in for a session, each an OpenAPI security scheme. */
export type TokenScheme = 'screenToken' | 'adminToken';

export const TOWNSHIP_PREFIX = '/api/townships/:townshipId';
export const COUNTY_PREFIX = '/api/county';

export type Prefix = 'township' | 'county' | 'other';

export function prefixOf(url: string): Prefix {
  if (url === TOWNSHIP_PREFIX || url.startsWith(`${TOWNSHIP_PREFIX}/`)) return 'township';
  if (url === COUNTY_PREFIX || url.startsWith(`${COUNTY_PREFIX}/`)) return 'county';
  return 'other';
}

/** Why a route's declaration is refused at registration, or null when it is sound. */
export function declarationError(url: string, access: Access | undefined): string | null {
  if (access === undefined) return `${url} 未声明访问权限（config.access）`;
  const prefix = prefixOf(url);
  if (prefix !== 'other' && !Array.isArray(access)) return `${url} 在乡镇或县级前缀下，须声明可访问的角色`;
  if (Array.isArray(access) && access.length === 0) return `${url} 声明的角色为空`;
  return null;
}

/** The OpenAPI `security` of an operation with this access; a change also needs the CSRF header. */
export function securityOf(access: Access, method: string): Record<string, string[]>[] {
  if (access === 'public') return [];
  if (typeof access === 'object' && !Array.isArray(access)) return [{ [(access as { token: TokenScheme }).token]: [] }];
  const safe = method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
  return [safe ? { session: [] } : { session: [], csrf: [] }];
}

/** The schemes the OpenAPI document lists; `adminToken` is left out, its one route (backup) is hidden. */
export const SECURITY_SCHEMES = {
  session: { type: 'apiKey', in: 'cookie', name: 'nh_sid', description: '登录后由服务器设置的会话 Cookie' },
  csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: '登录或 /api/auth/me 返回的 csrfToken，每个修改请求都须带上' },
  screenToken: { type: 'apiKey', in: 'query', name: 'token', description: '会场大屏链接中的令牌（每次会议一个）' },
} as const;
