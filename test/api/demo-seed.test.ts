import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { processState, type AppContext } from '../../src/server/context.js';
import { loadConfig } from '../../src/server/config.js';
import { EventHub } from '../../src/server/realtime/hub.js';
import { createFieldCipher } from '../../src/server/security/crypto.js';
import { seedDemo } from '../../src/server/seed/demo.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../src/server/seed/demo-plan.js';
import { generateDelegateInputs } from '../../src/server/seed/generate.js';
import { checkDelegate } from '../../src/server/modules/roster/record.js';
import { verifyAuditChain } from '../../src/server/audit/audit.js';
import { openTestDatabase, backendName } from '../support/db.js';
import { ApiClient } from '../support/client.js';

describe(`demo installation (${backendName()})`, () => {
  let ctx: AppContext;
  let app: FastifyInstance;
  const signIn = async (username: string) => {
    const c = new ApiClient(app);
    const res = await c.login(username, DEMO_PASSWORD);
    expect(res.status, `${username}: ${JSON.stringify(res.body)}`).toBe(200);
    return c;
  };

  beforeAll(async () => {
    const database = await openTestDatabase();
    ctx = { config: { ...loadConfig({}), sessionIdleMinutes: 30 }, database, cipher: createFieldCipher(crypto.randomBytes(16)), hub: new EventHub(), ...processState() };
    await seedDemo(ctx);
    app = await buildApp(ctx);
  });
  afterAll(async () => {
    await app.close();
    await ctx.database.close();
  });

  it('tells the login pages which demo accounts to try, and their password', async () => {
    const res = await new ApiClient(app).get('/api/demo');
    expect(res.status).toBe(200);
    expect(res.body.demo.password).toBe(DEMO_PASSWORD);
    expect(res.body.demo.accounts.map((a: { usernames: string }) => a.usernames)).toEqual(['county', 'qs-admin、bs-admin、hx-admin', 'qs-d001 至 qs-d100']);
    await signIn('qs-d100');
  });

  it('generates the same valid, varied delegates from the same seed', () => {
    const a = generateDelegateInputs(300, 11);
    expect(generateDelegateInputs(300, 11)).toEqual(a);
    expect(generateDelegateInputs(300, 12)).not.toEqual(a);
    for (const d of a) expect(checkDelegate(d).problems, d.name).toEqual([]);
    expect(new Set(a.map((d) => d.idNumber)).size).toBe(300);
    expect(new Set(a.map((d) => d.phone)).size).toBe(300);
    const women = a.filter((d) => d.gender === '女').length / a.length;
    expect(women).toBeGreaterThan(0.2);
    expect(women).toBeLessThan(0.4);
    expect(a.filter((d) => d.ethnicity !== '汉族').length).toBeGreaterThan(0);
    for (const d of a) expect(Number(d.partyJoinDate!.slice(0, 4)) - Number(d.birthDate!.slice(0, 4))).toBeGreaterThanOrEqual(19);
  });

  it('marks the county as a demo and shows three townships with their vacancies', async () => {
    const county = await signIn('county');
    const { body } = await county.get('/api/county/overview');
    expect(body.county).toMatchObject({ isDemo: true });
    expect(body.county.name).toMatch(/演示/);
    expect(body.townships.map((t: any) => [t.code, t.name])).toEqual([
      ['BS', '白沙乡'],
      ['HX', '河西镇'],
      ['QS', '青山镇'],
    ]);
    for (const t of body.townships) expect(t).toMatchObject({ active: 95, suspended: 2, terminated: 3, vacancies: 2 });
  });

  it('gives each township a roster with groups, histories and vacancies', async () => {
    const admin = await signIn('qs-admin');
    const [t] = (await admin.get('/api/townships')).body.items;
    const base = `/api/townships/${t.id}`;
    const roster = (await admin.get(`${base}/delegates?pageSize=500`)).body;
    expect(roster.total).toBe(100);
    expect(roster.items.every((d: any) => /^1\d{2}\*{4}\d{4}$/.test(d.phoneMasked))).toBe(true);
    expect(roster.items.filter((d: any) => d.groups.length > 0).length).toBeGreaterThanOrEqual(97);
    const vacancies = (await admin.get(`${base}/vacancies`)).body.items;
    expect(vacancies).toHaveLength(2);
    expect(vacancies.every((v: any) => v.reasonLabel && v.electoralUnit)).toBe(true);
    const groups = (await admin.get(`${base}/groups`)).body.items;
    const region = groups.filter((g: any) => g.kind === 'region');
    expect(region.length).toBeGreaterThanOrEqual(4);
    expect(region[0].name).toMatch(/^第一代表小组/);
    for (const g of groups) {
      expect(g.warning, g.name).toBeNull();
      expect(g.leader).not.toBeNull();
      expect(g.deputyLeader).not.toBeNull();
    }
    expect(groups.some((g: any) => g.kind === 'topic')).toBe(true);
    const suspended = (await admin.get(`${base}/delegates?status=suspended`)).body.items[0];
    expect((await admin.get(`${base}/delegates/${suspended.id}`)).body.statusHistory.length).toBeGreaterThan(0);
  });

  it('has an account for every role and every delegate, all with the demo password', async () => {
    for (const s of DEMO_STAFF) await signIn(`hx-${s.suffix}`);
    const rows = await ctx.database.query<{ n: number; linked: number }>(
      `select count(*)::int as n, count(delegate_id)::int as linked from users where role = 'delegate'`,
    );
    expect(rows[0]).toEqual({ n: 300, linked: 300 });
    const me = await signIn('bs-d001');
    const { body } = await me.get('/api/me/delegate');
    expect(body.township.name).toBe('白沙乡');
    expect(body.term.number).toBe(13);
    expect(body.delegate.phone).toMatch(/^1\d{10}$/);
    expect(body.groups.length).toBeGreaterThan(0);
    expect(body.groups[0].members.length).toBeGreaterThanOrEqual(15);
  });

  it('records the seeding in an intact audit chain', async () => {
    const rows = await ctx.database.query(`select action from audit_log order by id`);
    expect(rows.map((r: any) => r.action)).toEqual(expect.arrayContaining(['installation.init', 'demo.seed']));
    expect((await verifyAuditChain(ctx.database.db)).ok).toBe(true);
  });
});
