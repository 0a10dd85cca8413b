import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, PASSWORD, type TestWorld } from '../support/app.js';
import { backendName } from '../support/db.js';
import { users } from '../../src/server/db/schema/index.js';
import { hashPassword } from '../../src/server/security/passwords.js';
import { FailureThrottle } from '../../src/server/modules/auth/throttle.js';

describe(`sign-in limits behind one address (${backendName()})`, () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await createTestWorld();
  });
  afterAll(() => w.close());

  it('lets 200 delegates sign in from one hall address without a refusal', async () => {
    const hash = await hashPassword(PASSWORD);
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

  it('slows an address only after many failures, and only for that address', () => {
    const t = new FailureThrottle(3, 60_000);
    for (let i = 0; i < 3; i++) t.fail('10.0.0.9', 1000);
    expect(t.waitSeconds('10.0.0.9', 2000)).toBe(59);
    expect(t.waitSeconds('10.0.0.8', 2000)).toBe(0);
    expect(t.waitSeconds('10.0.0.9', 61_001)).toBe(0);
  });
});
