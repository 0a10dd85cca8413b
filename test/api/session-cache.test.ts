import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { processState, type AppContext } from '../../src/server/context.js';
import { openDatabase } from '../../src/server/db/client.js';
import { sessions, users } from '../../src/server/db/schema/index.js';
import { EventHub } from '../../src/server/realtime/hub.js';
import { createTestWorld, type TestWorld } from '../support/app.js';
import { backendName } from '../support/db.js';
import { createMeeting, delegateLogins, type DelegateLogin } from './vote-fixtures.js';

const origin = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const me = (app: FastifyInstance, l: DelegateLogin) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: l.cookie } });

describe(`cached session lookups end at once (${backendName()})`, () => {
  let w: TestWorld;
  let logins: DelegateLogin[];
  beforeAll(async () => {
    w = await createTestWorld();
    const f = await createMeeting(w.ctx.database.db, w, { delegates: 4 });
    logins = await delegateLogins(w.ctx.database.db, w, 'a', f.delegateIds);
  });
  afterAll(() => w.close());

  it('a session deleted by any code path stops working on the next request', async () => {
    const l = logins[0]!;
    expect((await me(w.app, l)).statusCode).toBe(200);
    expect((await me(w.app, l)).statusCode).toBe(200);
    await w.ctx.database.db.delete(sessions).where(eq(sessions.userId, l.userId));
    await w.app.sessionCache.sync();
    expect((await me(w.app, l)).statusCode).toBe(401);
  });

  it('a disabled account is signed out, and a changed role is seen, without waiting', async () => {
    const [a, b] = [logins[1]!, logins[2]!];
    expect((await me(w.app, a)).statusCode).toBe(200);
    expect((await me(w.app, b)).json().role).toBe('delegate');
    await w.ctx.database.db.update(users).set({ disabled: true }).where(eq(users.id, a.userId));
    await w.ctx.database.db.update(users).set({ displayName: '改过的名字' }).where(eq(users.id, b.userId));
    await w.app.sessionCache.sync();
    expect((await me(w.app, a)).statusCode).toBe(401);
    expect((await me(w.app, b)).json().displayName).toBe('改过的名字');
  });

  it('logout through the API ends the session for the very next request', async () => {
    const l = logins[3]!;
    expect((await me(w.app, l)).statusCode).toBe(200);
    const out = await w.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: l.cookie, 'x-csrf-token': l.csrf } });
    expect(out.statusCode).toBe(200);
    expect((await me(w.app, l)).statusCode).toBe(401);
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)('two servers on one PostgreSQL share session endings (needs TEST_DATABASE_URL)', () => {
  let w: TestWorld;
  let second: { app: FastifyInstance; ctx: AppContext };
  let logins: DelegateLogin[];
  beforeAll(async () => {
    w = await createTestWorld();
    const url = (w.ctx.database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const ctx2: AppContext = { ...w.ctx, database: await openDatabase({ url, migrate: false, poolSize: 5 }), hub: new EventHub(), ...processState() };
    second = { ctx: ctx2, app: await buildApp(ctx2) };
    await w.app.listen({ port: 0, host: '127.0.0.1' });
    await second.app.listen({ port: 0, host: '127.0.0.1' });
    const f = await createMeeting(w.ctx.database.db, w, { delegates: 2 });
    logins = await delegateLogins(w.ctx.database.db, w, 'a', f.delegateIds);
  });
  afterAll(async () => {
    await second.app.close();
    await second.ctx.database.close();
    await w.close();
  });

  const meOver = (app: FastifyInstance, l: DelegateLogin) => fetch(`${origin(app)}/api/auth/me`, { headers: { cookie: l.cookie } });

  it('logout on one server ends the session on the other', async () => {
    const l = logins[0]!;
    expect((await meOver(second.app, l)).status).toBe(200);
    expect((await meOver(second.app, l)).status).toBe(200);
    const out = await fetch(`${origin(w.app)}/api/auth/logout`, { method: 'POST', headers: { cookie: l.cookie, 'x-csrf-token': l.csrf } });
    expect(out.status).toBe(200);
    await second.app.sessionCache.sync();
    expect((await meOver(second.app, l)).status).toBe(401);
  });

  it('an account locked on one server is signed out on the other', async () => {
    const l = logins[1]!;
    expect((await meOver(second.app, l)).status).toBe(200);
    await w.ctx.database.db.update(users).set({ disabled: true }).where(eq(users.id, l.userId));
    await second.app.sessionCache.sync();
    expect((await meOver(second.app, l)).status).toBe(401);
  });
});
