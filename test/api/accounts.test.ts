import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { checkPasswordStrength } from '../../src/domain/accounts/password.js';
import { auditLog, delegates, users } from '../../src/server/db/schema/index.js';
import { createTestWorld, type TestWorld } from '../support/app.js';
import { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';

const usersByName = (username: string) => eq(users.username, username);

describe(`accounts (${backendName()})`, () => {
  let w: TestWorld;
  let adminA: ApiClient;
  let adminB: ApiClient;
  let county: ApiClient;
  const issued: string[] = [];
  const accountsA = () => `/api/townships/${w.townships.a.id}/accounts`;

  /** Signs in from its own address so that the login rate limit of one address is not reached. */
  let nextIp = 1;
  async function signIn(username: string, password: string, ip = `10.1.0.${nextIp++}`) {
    const c = new ApiClient(w.app);
    const res = await c.request('POST', '/api/auth/login', { username, password }, { remoteAddress: ip });
    if (res.status === 200) c.csrf = res.body.csrfToken;
    return { c, res };
  }

  async function issue(body: object, url = accountsA(), by = adminA) {
    const res = await by.post(url, body);
    if (res.body?.issuedPassword) issued.push(res.body.issuedPassword);
    return res;
  }

  async function insertDelegate(where: 'a' | 'b', name: string) {
    const t = w.townships[where];
    const [d] = await w.ctx.database.db
      .insert(delegates)
      .values({ townshipId: t.id, termId: t.termId, name, nameSortKey: name, gender: '男' })
      .returning();
    return d!.id;
  }

  beforeAll(async () => {
    w = await createTestWorld();
    adminA = await w.as('townshipAdmin', 'a');
    adminB = await w.as('townshipAdmin', 'b');
    county = await w.as('countyAdmin');
  });
  afterAll(() => w.close());

  it('issues an account with a strong one-time password that must be changed at first login', async () => {
    const res = await issue({ username: 'wang.li', displayName: '王丽', role: 'reviewer' });
    expect(res.status).toBe(201);
    expect(res.body.account).toMatchObject({ username: 'wang.li', role: 'reviewer', roleName: '提案审查小组成员', mustChangePassword: true, disabled: false, locked: false });
    expect(checkPasswordStrength(res.body.issuedPassword, 'wang.li')).toBeNull();
    const list = (await adminA.get(accountsA())).body.items;
    const row = list.find((a: any) => a.username === 'wang.li');
    expect(row).toBeDefined();
    expect(JSON.stringify(list)).not.toMatch(/argon2|password_hash|passwordHash/i);
    const { c, res: login } = await signIn('wang.li', res.body.issuedPassword);
    expect(login.body.mustChangePassword).toBe(true);
    expect((await c.get(`/api/townships/${w.townships.a.id}/terms`)).status).toBe(403);
    const [stored] = await w.ctx.database.db.select().from(users).where(usersByName('wang.li'));
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it.each([
    ['too short', 'ab'],
    ['upper case', 'ZhangSan'],
    ['a space', 'zhang san'],
    ['Chinese', '张三'],
    ['too long', 'a'.repeat(33)],
  ])('refuses a user name with %s in Chinese', async (_l, username) => {
    const res = await issue({ username, displayName: '张三', role: 'reviewer' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('用户名须为 3–32 位');
  });

  it('refuses a user name already taken, in any township', async () => {
    await issue({ username: 'li.na', displayName: '李娜', role: 'committeeMember' });
    const res = await issue({ username: 'li.na', displayName: '李娜', role: 'committeeMember' }, `/api/townships/${w.townships.b.id}/accounts`, adminB);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('用户名 li.na 已被使用');
  });

  it('keeps role rules: township admins never create county accounts, county admins only administrators', async () => {
    expect((await issue({ username: 'sneaky', displayName: 'x', role: 'countyAdmin' })).status).toBe(403);
    expect((await issue({ username: 'cty.rev', displayName: 'x', role: 'reviewer' }, accountsA(), county)).status).toBe(403);
    const viaTownship = await issue({ username: 'admin.a2', displayName: '组织委员乙', role: 'townshipAdmin' }, accountsA(), county);
    expect(viaTownship.status).toBe(201);
    const countyAdmin2 = await issue({ username: 'county2', displayName: '联络办', role: 'countyAdmin' }, '/api/county/accounts', county);
    expect(countyAdmin2.status).toBe(201);
    expect(countyAdmin2.body.account.townshipId).toBeNull();
    const tAdmin = await issue({ username: 'admin.b2', displayName: '白水乡组织委员', role: 'townshipAdmin', townshipId: w.townships.b.id }, '/api/county/accounts', county);
    expect(tAdmin.body.account.townshipId).toBe(w.townships.b.id);
    const noTownship = await issue({ username: 'admin.x', displayName: 'x', role: 'townshipAdmin' }, '/api/county/accounts', county);
    expect(noTownship.status).toBe(400);
    expect(noTownship.body.error.message).toContain('乡镇管理员账户须选择所属乡镇');
    expect((await issue({ username: 'dd.x', displayName: 'x', role: 'delegate' }, '/api/county/accounts', county)).status).toBe(400);
    expect((await adminA.get('/api/county/accounts')).status).toBe(403);
    const all = (await county.get('/api/county/accounts')).body.items.map((a: any) => a.username);
    expect(all).toEqual(expect.arrayContaining(['county', 'county2', 'wang.li', 'admin.b2', 'townshipAdmin-b']));
  });

  it('hides another township: its accounts answer 404', async () => {
    expect((await adminB.get(accountsA())).status).toBe(404);
    const wang = await idOf('wang.li');
    expect((await adminB.post(`/api/townships/${w.townships.b.id}/accounts/${wang}/disable`)).status).toBe(404);
    expect((await adminB.post(`/api/townships/${w.townships.a.id}/accounts/${wang}/reset-password`)).status).toBe(404);
    const reviewer = await w.as('reviewer', 'a');
    expect((await reviewer.get(accountsA())).status).toBe(403);
  });

  it('resets a password: the old one stops working, sessions end, the lock is lifted', async () => {
    const res = await issue({ username: 'zhao.qiang', displayName: '赵强', role: 'committeeMember' });
    const id = res.body.account.id;
    const { c: session } = await signIn('zhao.qiang', res.body.issuedPassword);
    expect((await session.get('/api/auth/me')).status).toBe(200);
    await w.ctx.database.db.update(users).set({ lockedUntil: new Date(Date.now() + 600_000) }).where(usersByName('zhao.qiang'));
    const reset = await adminA.post(`${accountsA()}/${id}/reset-password`);
    expect(reset.status).toBe(200);
    issued.push(reset.body.issuedPassword);
    expect(checkPasswordStrength(reset.body.issuedPassword, 'zhao.qiang')).toBeNull();
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await signIn('zhao.qiang', res.body.issuedPassword)).res.status).toBe(401);
    const fresh = await signIn('zhao.qiang', reset.body.issuedPassword);
    expect(fresh.res.status).toBe(200);
    expect(fresh.res.body.mustChangePassword).toBe(true);
  });

  it('disables and enables an account, but never one’s own', async () => {
    const res = await issue({ username: 'sun.mei', displayName: '孙梅', role: 'handlingUnit' });
    const id = res.body.account.id;
    const { c: session } = await signIn('sun.mei', res.body.issuedPassword);
    const off = await adminA.post(`${accountsA()}/${id}/disable`);
    expect(off.body.disabled).toBe(true);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    const refused = await signIn('sun.mei', res.body.issuedPassword);
    expect(refused.res.status).toBe(403);
    expect(refused.res.body.error.message).toContain('已停用');
    expect((await adminA.post(`${accountsA()}/${id}/enable`)).body.disabled).toBe(false);
    expect((await signIn('sun.mei', res.body.issuedPassword)).res.status).toBe(200);
    const self = (await adminA.get('/api/auth/me')).body.id;
    const mine = await adminA.post(`${accountsA()}/${self}/disable`);
    expect(mine.status).toBe(400);
    expect(mine.body.error.message).toBe('不能停用自己的账户');
  });

  it('shows an account whose sign-in is held by failures, and lifts the limit', async () => {
    const res = await issue({ username: 'zhou.jie', displayName: '周杰', role: 'teller' });
    for (let i = 0; i < 5; i++) await signIn('zhou.jie', 'Wrong@pass1', '10.2.0.1');
    const locked = await signIn('zhou.jie', res.body.issuedPassword, '10.2.0.1');
    expect(locked.res.status).toBe(429);
    const list = (await adminA.get(accountsA())).body.items;
    expect(list.find((a: any) => a.username === 'zhou.jie').locked).toBe(true);
    const unlocked = await adminA.post(`${accountsA()}/${res.body.account.id}/unlock`);
    expect(unlocked.body.locked).toBe(false);
    expect((await signIn('zhou.jie', res.body.issuedPassword, '10.2.0.1')).res.status).toBe(200);
  });

  it("lets the county reset, disable and enable every township account, each audited as the county's act", async () => {
    const b2 = await idOf('admin.b2');
    const reset = await county.post(`/api/county/accounts/${b2}/reset-password`);
    expect(reset.status).toBe(200);
    issued.push(reset.body.issuedPassword);
    const wang = await idOf('wang.li');
    const disabled = await county.post(`/api/county/accounts/${wang}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await county.post(`/api/county/accounts/${wang}/enable`)).body.disabled).toBe(false);
    const wangReset = await county.post(`/api/county/accounts/${wang}/reset-password`);
    expect(wangReset.status).toBe(200);
    expect((await signIn('wang.li', wangReset.body.issuedPassword)).res.status).toBe(200);
    const trail = (await county.get(`/api/county/audit?townshipId=${w.townships.a.id}&action=account.disable`)).body.items;
    expect(trail.find((e: any) => e.entityId === wang)?.actorName).toMatch(/county/);
    const countyId = await idOf('county');
    expect((await adminA.post(`${accountsA()}/${countyId}/disable`)).status).toBe(404);
    expect((await county.post(`/api/county/accounts/${countyId}/disable`)).status).toBe(400);
  });

  it('links a delegate account to one delegate of the township', async () => {
    const mine = await insertDelegate('a', '钱进');
    const theirs = await insertDelegate('b', '吴芳');
    const ok = await issue({ username: 'qian.jin', displayName: '钱进', role: 'delegate', delegateId: mine });
    expect(ok.status).toBe(201);
    expect(ok.body.account.delegateId).toBe(mine);
    const twice = await issue({ username: 'qian.jin2', displayName: '钱进', role: 'delegate', delegateId: mine });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('代表“钱进”已有账户（qian.jin）');
    const other = await issue({ username: 'wu.fang', displayName: '吴芳', role: 'delegate', delegateId: theirs });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toBe('所选代表不是本乡镇的代表');
    const unlinked = await issue({ username: 'nobody', displayName: '某代表', role: 'delegate' });
    expect(unlinked.status).toBe(400);
    expect(unlinked.body.error.message).toContain('党代表账户须关联一名代表');
    const wrongRole = await issue({ username: 'rev.x', displayName: 'x', role: 'reviewer', delegateId: mine });
    expect(wrongRole.status).toBe(400);
  });

  it('audits every change without ever recording a password', async () => {
    const res = await adminA.get(`/api/townships/${w.townships.a.id}/audit?action=account.*&pageSize=100`);
    expect(res.status).toBe(200);
    const actions = new Set(res.body.items.map((e: any) => e.action));
    for (const a of ['account.create', 'account.resetPassword', 'account.disable', 'account.enable', 'account.unlock']) expect(actions).toContain(a);
    const labels = new Set(res.body.items.map((e: any) => e.actionLabel));
    expect(labels).toContain('重置密码');
    const countyLevel = (await county.get('/api/county/audit?townshipId=county&action=account.create')).body.items;
    expect(countyLevel.map((e: any) => e.after.username)).toContain('county2');
    const everything = JSON.stringify(await w.ctx.database.db.select().from(auditLog));
    expect(issued.length).toBeGreaterThan(8);
    for (const p of issued) expect(everything).not.toContain(p);
    expect(everything).not.toMatch(/argon2/);
  });

  async function idOf(username: string) {
    const [u] = await w.ctx.database.db.select().from(users).where(usersByName(username));
    return u!.id;
  }
});
