import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerAccess } from '../../src/server/access/plugin.js';
import { declarationError, prefixOf, securityOf } from '../../src/server/access/declare.js';
import type { SessionUser } from '../../src/server/access/types.js';
import { registerErrorHandling } from '../../src/server/http/errors.js';

const COUNTY = '11111111-1111-4111-8111-111111111111';
const A = { id: '22222222-2222-4222-8222-222222222222', countyId: COUNTY, code: 'A01', name: '青山镇' };
const B = { id: '33333333-3333-4333-8333-333333333333', countyId: COUNTY, code: 'B02', name: '白水乡' };

function user(role: SessionUser['role'], townshipId: string | null): SessionUser {
  return { id: 'u', username: 'u', displayName: 'u', role, countyId: COUNTY, townshipId, delegateId: null, mustChangePassword: false, sessionId: 's', csrfToken: 'c' };
}

/** A bare app: the session is taken from a test header, townships from a list. */
async function app(register: (a: FastifyInstance) => void) {
  const a = Fastify();
  registerErrorHandling(a);
  a.decorateRequest('user', null);
  a.addHook('onRequest', async (req) => {
    const who = req.headers['x-test-user'];
    req.user = who === 'a-admin' ? user('townshipAdmin', A.id) : who === 'a-delegate' ? user('delegate', A.id) : who === 'county' ? user('countyAdmin', null) : null;
  });
  registerAccess(a, async (id) => [A, B].find((t) => t.id === id));
  register(a);
  await a.ready();
  return a;
}

describe('access declared on every route', () => {
  it('refuses to register an /api route that declares no access', async () => {
    await expect(app((a) => a.get('/api/townships/:townshipId/things', async () => 'x'))).rejects.toThrow(/未声明访问权限/);
    await expect(app((a) => a.get('/api/anything', async () => 'x'))).rejects.toThrow(/未声明访问权限/);
  });

  it('refuses a township or county route declared public or for any signed-in user', async () => {
    await expect(app((a) => a.get('/api/townships/:townshipId/x', { config: { access: 'public' } }, async () => 'x'))).rejects.toThrow(/须声明可访问的角色/);
    await expect(app((a) => a.get('/api/county/x', { config: { access: 'signedIn' } }, async () => 'x'))).rejects.toThrow(/须声明可访问的角色/);
    expect(declarationError('/api/townships/:townshipId/x', [])).toMatch(/角色为空/);
  });

  it('answers an outsider 404 before reading the body, and a wrong role 403', async () => {
    const a = await app((a) =>
      a.post('/api/townships/:townshipId/things', { config: { access: ['townshipAdmin'] } }, async (req) => ({ township: req.scope.township.name, body: req.body })),
    );
    const post = (townshipId: string, who?: string) =>
      a.inject({ method: 'POST', url: `/api/townships/${townshipId}/things`, headers: { 'content-type': 'application/json', ...(who ? { 'x-test-user': who } : {}) }, payload: '{not json' });
    expect((await post(B.id, 'a-admin')).statusCode).toBe(404);
    expect((await post('not-a-uuid', 'a-admin')).statusCode).toBe(404);
    expect((await post(A.id)).statusCode).toBe(401);
    expect((await post(A.id, 'a-delegate')).statusCode).toBe(403);
    // In reach with the right role, the request goes on to parsing, which refuses the bad JSON.
    expect((await post(A.id, 'a-admin')).statusCode).toBe(400);
    const ok = await a.inject({ method: 'POST', url: `/api/townships/${A.id}/things`, headers: { 'x-test-user': 'a-admin' }, payload: { n: 1 } });
    expect(ok.json()).toEqual({ township: '青山镇', body: { n: 1 } });
    // The county administrator reaches every township of the county, but has no role here.
    expect((await post(B.id, 'county')).statusCode).toBe(403);
  });

  it('checks the role on county routes and nothing on public ones', async () => {
    const a = await app((a) => {
      a.get('/api/county/things', { config: { access: ['countyAdmin'] } }, async () => 'county');
      a.get('/api/open', { config: { access: 'public' } }, async () => 'open');
      a.get('/api/mine', { config: { access: 'signedIn' } }, async () => 'mine');
    });
    const get = (url: string, who?: string) => a.inject({ url, headers: who ? { 'x-test-user': who } : {} });
    expect((await get('/api/county/things', 'a-admin')).statusCode).toBe(403);
    expect((await get('/api/county/things', 'county')).statusCode).toBe(200);
    expect((await get('/api/open')).statusCode).toBe(200);
    expect((await get('/api/mine')).statusCode).toBe(401);
    expect((await get('/api/mine', 'a-delegate')).statusCode).toBe(200);
  });

  it('names the prefix and the OpenAPI security of each declaration', () => {
    expect(prefixOf('/api/townships/:townshipId')).toBe('township');
    expect(prefixOf('/api/townships')).toBe('other');
    expect(prefixOf('/api/county/audit')).toBe('county');
    expect(prefixOf('/api/countyx')).toBe('other');
    expect(securityOf('public', 'POST')).toEqual([]);
    expect(securityOf(['delegate'], 'GET')).toEqual([{ session: [] }]);
    expect(securityOf('signedIn', 'POST')).toEqual([{ session: [], csrf: [] }]);
    expect(securityOf({ token: 'screenToken' }, 'GET')).toEqual([{ screenToken: [] }]);
  });
});
