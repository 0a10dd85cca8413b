import type { FastifyInstance } from 'fastify';
import crypto from 'node:crypto';
import { buildApp } from '../../src/server/app.js';
import { processState, type AppContext } from '../../src/server/context.js';
import { loadConfig } from '../../src/server/config.js';
import { EventHub } from '../../src/server/realtime/hub.js';
import { createFieldCipher } from '../../src/server/security/crypto.js';
import { initInstallation } from '../../src/server/modules/setup/service.js';
import { users, terms } from '../../src/server/db/schema/index.js';
import { hashPassword } from '../../src/server/security/passwords.js';
import type { Role } from '../../src/domain/accounts/roles.js';
import { openTestDatabase } from './db.js';
import { ApiClient } from './client.js';

export const PASSWORD = 'Test@2026pass';

export interface TestWorld {
  app: FastifyInstance;
  ctx: AppContext;
  countyId: string;
  /** Two townships: `a` and `b`, each with a current term. */
  townships: { a: { id: string; termId: string }; b: { id: string; termId: string } };
  /** Creates (once) and signs in a user of `role` in township `a`/`b` (ignored for countyAdmin). */
  as(role: Role, where?: 'a' | 'b'): Promise<ApiClient>;
  anonymous(): ApiClient;
  close(): Promise<void>;
}

export async function createTestWorld(): Promise<TestWorld> {
  const database = await openTestDatabase();
  const ctx: AppContext = {
    config: { ...loadConfig({}), sessionIdleMinutes: 30 },
    database,
    cipher: createFieldCipher(crypto.randomBytes(16)),
    hub: new EventHub(),
    ...processState(),
  };
  const init = await initInstallation(database.db, {
    county: '测试县',
    townships: [
      { code: 'A01', name: '青山镇' },
      { code: 'B02', name: '白水乡' },
    ],
    admin: { username: 'county', password: PASSWORD },
  });
  const [ta, tb] = init.townships;
  const [termA] = await database.db.insert(terms).values({ townshipId: ta!.id, number: 12, startsOn: '2021-09-01', endsOn: '2026-08-31', isCurrent: true }).returning();
  const [termB] = await database.db.insert(terms).values({ townshipId: tb!.id, number: 8, startsOn: '2021-10-01', endsOn: '2026-09-30', isCurrent: true }).returning();
  const app = await buildApp(ctx);
  const hash = await hashPassword(PASSWORD);
  const created = new Set<string>(['county']);
  const townships = { a: { id: ta!.id, termId: termA!.id }, b: { id: tb!.id, termId: termB!.id } };

  return {
    app,
    ctx,
    countyId: init.county.id,
    townships,
    async as(role, where = 'a') {
      const username = role === 'countyAdmin' ? 'county' : `${role}-${where}`;
      if (!created.has(username)) {
        await database.db.insert(users).values({
          username,
          displayName: `${role}@${where}`,
          passwordHash: hash,
          role,
          countyId: init.county.id,
          townshipId: townships[where].id,
          mustChangePassword: false,
        });
        created.add(username);
      }
      const c = new ApiClient(app);
      const res = await c.login(username, PASSWORD);
      if (res.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(res.body)}`);
      return c;
    },
    anonymous: () => new ApiClient(app),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
