import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client.js';
import { backendName } from '../support/db.js';
import { freePort, freshPostgres, killHard, seedVotingWorld, startServer, type VotingWorld } from './voting-world.js';

const N = 400;
const KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

describe(`killing the server during a vote loses no acknowledged ballot (${backendName()})`, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nianhui-kill-'));
  let pgdb: Awaited<ReturnType<typeof freshPostgres>>;
  let env: Record<string, string>;
  let world: VotingWorld;
  let server: ChildProcess | null = null;
  let port: number;
  let pollId: string;
  const origin = () => `http://127.0.0.1:${port}`;
  const asAdmin = (method: string, url: string) =>
    fetch(`${origin()}${url}`, { method, headers: { cookie: world.admin.cookie, 'x-csrf-token': world.admin.csrf } }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const vote = (i: number, choice: string) =>
    fetch(`${origin()}/api/me/polls/${pollId}/vote`, {
      method: 'POST',
      headers: { cookie: world.delegates[i]!.cookie, 'x-csrf-token': world.delegates[i]!.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ choice }),
    });

  beforeAll(async () => {
    pgdb = await freshPostgres('nh_kill');
    env = { DATA_DIR: dataDir, NIANHUI_KEY: KEY, ...(pgdb ? { DATABASE_URL: pgdb.url } : {}) };
    const database = await openDatabase({ url: pgdb?.url, dataDir });
    world = await seedVotingWorld(database, N);
    await database.close();
    port = await freePort();
    server = (await startServer(env, port)).child;
    const { townshipId, meetingId } = world.meeting;
    const res = await fetch(`${origin()}/api/townships/${townshipId}/meetings/${meetingId}/polls`, {
      method: 'POST',
      headers: { cookie: world.admin.cookie, 'x-csrf-token': world.admin.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ title: '关于年度工作报告的决议', method: 'secret' }),
    });
    pollId = (await res.json()).id;
    expect((await asAdmin('POST', `/api/townships/${townshipId}/polls/${pollId}/open`)).status).toBe(200);
  });
  afterAll(async () => {
    if (server) await killHard(server);
    await pgdb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts every acknowledged ballot after SIGKILL and a restart, and the vote continues', async () => {
    // Delegates vote a few at a time without pause; the server is killed once 60 are acknowledged.
    const acked = new Set<number>();
    const tried = new Set<number>();
    let next = 0;
    let killed: Promise<void> | null = null;
    const lane = async () => {
      while (next < N - 10 && !killed) {
        const i = next++;
        tried.add(i);
        try {
          const r = await vote(i, i % 3 === 0 ? 'no' : 'yes');
          if (r.status === 200) acked.add(i);
        } catch {
          /* connection cut by the kill: not acknowledged */
        }
        if (acked.size >= 60 && !killed) killed = killHard(server!);
      }
    };
    await Promise.all(Array.from({ length: 12 }, lane));
    await killed;
    expect(acked.size).toBeGreaterThanOrEqual(60);
    expect(tried.size).toBeLessThan(N - 10);

    server = (await startServer(env, port)).child;
    // Every acknowledged delegate has voted: a second ballot is refused.
    for (const i of acked) {
      const r = await vote(i, 'yes');
      expect(r.status, `delegate ${i}`).toBe(409);
    }
    // A delegate who never voted still can: the poll is open and continues.
    expect((await vote(N - 1, 'abstain')).status).toBe(200);
    const { townshipId } = world.meeting;
    const closed = await asAdmin('POST', `/api/townships/${townshipId}/polls/${pollId}/close`);
    expect(closed.status).toBe(200);
    const r = closed.body.result;
    // Every acknowledged ballot counted, and no half-written ballot: counts equal voters exactly.
    expect(r.yes + r.no + r.abstain).toBeGreaterThanOrEqual(acked.size + 1);
    expect(r.yes + r.no + r.abstain).toBe(closed.body.voted);
    expect(r.yes + r.no + r.abstain + r.notVoted).toBe(N);
    expect(r.abstain).toBe(1);
  });
});
