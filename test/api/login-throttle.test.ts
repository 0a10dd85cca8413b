import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, PASSWORD, type TestWorld } from '../support/app.js';
import { backendName } from '../support/db.js';
import { users } from '../../src/server/db/schema/index.js';
import { hashPassword } from '../../src/server/security/passwords.js';
import { buildApp } from '../../src/server/app.js';
import { ApiClient } from '../support/client.js';

describe(`sign-in limits (${backendName()})`, () => {
  let w: TestWorld;
  let hash: string;
  beforeAll(async () => {
    w = await createTestWorld();
    hash = await hashPassword(PASSWORD);
  });
  afterAll(() => w.close());

  const account = async (username: string) => {
    await w.ctx.database.db.insert(users).values({ username, displayName: username, passwordHash: hash, role: 'reviewer', countyId: w.countyId, townshipId: w.townships.a.id, mustChangePassword: false });
  };
  /** A login from `ip`; the client keeps its session and device mark like a browser. */
  const loginFrom = (c: ApiClient, ip: string, username: string, password: string) =>
    c.request('POST', '/api/auth/login', { username, password }, { remoteAddress: ip });

  it('lets 200 delegates sign in from one hall address without a refusal', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({
      username: `hall-${i}`,
      displayName: `代表${i}`,
      passwordHash: hash,
      role: 'reviewer' as const,
      countyId: w.countyId,
      townshipId: w.townships.a.id,
      mustChangePassword: false,
    }));
    await w.ctx.database.db.insert(users).values(rows);
    const statuses: number[] = [];
    for (const r of rows) statuses.push((await w.anonymous().login(r.username, PASSWORD)).status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  }, 120_000);

  it('never lets strangers’ failures from other addresses keep the delegate out', async () => {
    await account('dlg-li');
    for (let a = 1; a <= 12; a++) {
      for (let i = 0; i < 6; i++) await loginFrom(w.anonymous(), `198.51.100.${a}`, 'dlg-li', `guess-${a}-${i}`);
    }
    const own = await loginFrom(w.anonymous(), '203.0.113.7', 'dlg-li', PASSWORD);
    expect(own.status).toBe(200);
  }, 60_000);

  it('lets the delegate’s own phone in with the right password while a stranger behind the same NAT address is held', async () => {
    await account('dlg-wang');
    const phone = w.anonymous();
    expect((await loginFrom(phone, '10.8.0.1', 'dlg-wang', PASSWORD)).status).toBe(200);
    expect(phone.device).toMatch(/^nh_device=/);
    phone.cookie = ''; // signed out, the phone keeps its device mark
    const stranger = w.anonymous();
    const tries: number[] = [];
    for (let i = 0; i < 8; i++) tries.push((await loginFrom(stranger, '10.8.0.1', 'dlg-wang', `guess${i}`)).status);
    expect(tries).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const back = await loginFrom(phone, '10.8.0.1', 'dlg-wang', PASSWORD);
    expect(back.status).toBe(200);
    expect((await phone.get('/api/auth/me')).body.username).toBe('dlg-wang');
  }, 60_000);

  it('answers an unknown name exactly like a known one: same statuses, messages and waits', async () => {
    await account('dlg-zhao');
    const seq = async (username: string, ip: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 8; i++) {
        const r = await loginFrom(w.anonymous(), ip, username, 'Wrong#pass1');
        // The wait is counted from the previous failure, so its seconds depend on the machine's pace.
        const n = (v: unknown) => (v == null ? null : String(v).replace(/\d+/g, 'N'));
        out.push([r.status, r.body.error.code, n(r.body.error.message), n(r.headers['retry-after'])]);
      }
      return out;
    };
    const known = await seq('dlg-zhao', '192.0.2.10');
    const unknown = await seq('no-such-person', '192.0.2.11');
    expect(unknown).toEqual(known);
    expect(known[0]).toEqual([401, 'UNAUTHENTICATED', '用户名或密码错误', null]);
    expect(known[5]).toEqual([429, 'RATE_LIMITED', '登录失败次数过多，请 N 秒后再试', 'N']);
    expect(known.map((k) => (k as unknown[])[0])).not.toContain(423);
  }, 60_000);

  it('holds parallel guesses to the same limit as sequential ones', async () => {
    await account('dlg-sun');
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => loginFrom(w.anonymous(), '192.0.2.50', 'dlg-sun', `par${i}`)));
    const statuses = all.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  }, 60_000);

  it('counts failures in the database, so a second server on it holds the same guesser', async () => {
    await account('dlg-zhou');
    for (let i = 0; i < 5; i++) expect((await loginFrom(w.anonymous(), '192.0.2.60', 'dlg-zhou', `x${i}`)).status).toBe(401);
    const second = await buildApp(w.ctx);
    try {
      const res = await loginFrom(new ApiClient(second), '192.0.2.60', 'dlg-zhou', 'another');
      expect(res.status).toBe(429);
    } finally {
      await second.close();
    }
  }, 60_000);

  it('slows an address that fails on many accounts, only that address', async () => {
    for (let i = 0; i < 60; i++) await loginFrom(w.anonymous(), '192.0.2.99', `sprayed-${i}`, 'Spray#2026');
    expect((await loginFrom(w.anonymous(), '192.0.2.99', 'sprayed-x', 'Spray#2026')).status).toBe(429);
    expect((await loginFrom(w.anonymous(), '192.0.2.98', 'sprayed-x', 'Spray#2026')).status).toBe(401);
  }, 120_000);
});
