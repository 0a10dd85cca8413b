import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestWorld, PASSWORD, type TestWorld } from '../support/app.js';
import { auditLog, users } from '../../src/server/db/schema/index.js';
import { backendName } from '../support/db.js';

describe(`auth and sessions (${backendName()})`, () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await createTestWorld();
  });
  afterAll(() => w.close());

  it('reports the database in the health check', async () => {
    const res = await w.anonymous().get('/api/health');
    expect(res.body).toEqual({ status: 'ok', database: backendName() });
  });

  it('answers a visitor who has not signed in without a 401, and a signed-in user with who they are', async () => {
    const visitor = await w.anonymous().get('/api/auth/session');
    expect(visitor.status).toBe(200);
    expect(visitor.body).toEqual({ user: null });
    const c = await w.as('countyAdmin');
    const session = await c.get('/api/auth/session');
    expect(session.body.user).toEqual((await c.get('/api/auth/me')).body);
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/session')).body).toEqual({ user: null });
  });

  it('names no demo accounts on an installation without the demo', async () => {
    expect((await w.anonymous().get('/api/demo')).body).toEqual({ demo: null });
  });

  it('refuses a wrong password with a Chinese message and no session', async () => {
    const c = w.anonymous();
    const res = await c.login('county', 'wrong');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('用户名或密码错误');
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('signs in, tells who the user is, and logs out on the server', async () => {
    const c = await w.as('countyAdmin');
    const me = await c.get('/api/auth/me');
    expect(me.body.role).toBe('countyAdmin');
    expect(me.body.townships.map((t: any) => t.name)).toEqual(['青山镇', '白水乡']);
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    c.cookie = cookie; // replaying the old cookie must not work
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a change without the CSRF token', async () => {
    const c = await w.as('townshipAdmin');
    c.csrf = '';
    const res = await c.post(`/api/townships/${w.townships.a.id}/terms`, { number: 13, startsOn: '2026-09-01', endsOn: '2031-08-31' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF');
  });

  it('never locks the account: five failures make that address wait, the right password elsewhere signs in', async () => {
    await w.as('reviewer');
    const from = (ip: string, password: string) => w.anonymous().request('POST', '/api/auth/login', { username: 'reviewer-a', password }, { remoteAddress: ip });
    for (let i = 0; i < 5; i++) expect((await from('192.0.2.1', 'nope')).status).toBe(401);
    const held = await from('192.0.2.1', PASSWORD);
    expect(held.status).toBe(429);
    expect(held.body.error.message).toMatch(/^登录失败次数过多，请 \d 秒后再试$/);
    expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    expect((await from('192.0.2.2', PASSWORD)).status).toBe(200);
  });

  it('forces a password change first when the password was issued', async () => {
    await w.as('committeeMember');
    await w.ctx.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.username, 'committeeMember-a'));
    const c = w.anonymous();
    const login = await c.login('committeeMember-a', PASSWORD);
    expect(login.body.mustChangePassword).toBe(true);
    expect((await c.get(`/api/townships/${w.townships.a.id}/terms`)).status).toBe(403);
    const weak = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'abc' });
    expect(weak.status).toBe(400);
    expect((await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'New#Pass2026' })).status).toBe(200);
    expect((await c.get(`/api/townships/${w.townships.a.id}/terms`)).status).toBe(200);
  });

  it('writes login and logout to the audit log', async () => {
    const rows = await w.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login'));
    expect(rows.length).toBeGreaterThan(0);
  });

  it('answers malformed JSON with a 400 in Chinese', async () => {
    const c = await w.as('townshipAdmin');
    const res = await c.request('POST', `/api/townships/${w.townships.a.id}/terms`, undefined, {
      payload: '{"number": 1,',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('请求体不是有效的 JSON');
  });
});
