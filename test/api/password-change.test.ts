import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, PASSWORD, type TestWorld } from '../support/app.js';
import { backendName } from '../support/db.js';
import { ApiClient } from '../support/client.js';

describe(`password change (${backendName()})`, () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await createTestWorld();
  });
  afterAll(() => w.close());

  const signIn = async (username: string, password: string) => {
    const c = new ApiClient(w.app);
    const res = await c.login(username, password);
    return { c, res };
  };

  it('limits guesses of the current password: after five wrong ones the next wait, even the right one', async () => {
    const c = await w.as('reviewer');
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await c.post('/api/auth/password', { currentPassword: `guess-${i}`, newPassword: 'Lotus-Harbor-42!' })).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
    const held = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Lotus-Harbor-42!' });
    expect(held.status).toBe(429);
    expect(held.body.error.message).toMatch(/^当前密码输错次数过多，请 \d+ 秒后再试$/);
    expect(held.headers['retry-after']).toBeDefined();
    expect((await signIn('reviewer-a', PASSWORD)).res.status).toBe(200);
  });

  it('refuses Password1 and other easily guessed passwords with the reason in Chinese', async () => {
    const c = await w.as('teller');
    for (const pw of ['Password1', 'P@ssw0rd2026', 'Aa123456!']) {
      const res = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: pw });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^密码太容易被猜中/);
    }
    expect((await signIn('teller-a', PASSWORD)).res.status).toBe(200);
  });

  it('refuses the current password again', async () => {
    const c = await w.as('scrutineer');
    const res = await c.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('新密码不能与当前密码相同');
  });

  it('ends the user’s other sessions and keeps the one that changed it', async () => {
    const phone = await w.as('committeeMember');
    const office = await w.as('committeeMember');
    const res = await office.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Lotus-Harbor-42!' });
    expect(res.status).toBe(200);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await office.get('/api/auth/me')).status).toBe(200);
    expect((await signIn('committeeMember-a', PASSWORD)).res.status).toBe(401);
    expect((await signIn('committeeMember-a', 'Lotus-Harbor-42!')).res.status).toBe(200);
  });

  it('applies the same rules to the first change after a reset', async () => {
    const admin = await w.as('townshipAdmin');
    const list = (await admin.get(`/api/townships/${w.townships.a.id}/accounts`)).body.items;
    const target = list.find((a: any) => a.username === 'reviewer-a');
    const reset = await admin.post(`/api/townships/${w.townships.a.id}/accounts/${target.id}/reset-password`);
    expect(reset.status).toBe(200);
    const { c, res } = await signIn('reviewer-a', reset.body.issuedPassword);
    expect(res.body.mustChangePassword).toBe(true);
    const weak = await c.post('/api/auth/password', { currentPassword: reset.body.issuedPassword, newPassword: 'Password1' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.message).toMatch(/^密码太容易被猜中/);
    const same = await c.post('/api/auth/password', { currentPassword: reset.body.issuedPassword, newPassword: reset.body.issuedPassword });
    expect(same.body.error.message).toBe('新密码不能与当前密码相同');
    expect((await c.post('/api/auth/password', { currentPassword: reset.body.issuedPassword, newPassword: 'Lotus-Harbor-42!' })).status).toBe(200);
  });
});
