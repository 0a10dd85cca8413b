import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { processState, type AppContext } from '../../src/server/context.js';
import { openDatabase } from '../../src/server/db/client.js';
import { EventHub } from '../../src/server/realtime/hub.js';
import { startPgBridge, type PgBridge } from '../../src/server/realtime/pg-bridge.js';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { createMeeting, delegateLogins, markPresent, type DelegateLogin, type MeetingFixture } from './vote-fixtures.js';
import { SseWatcher } from './vote-sse.js';

const origin = (app: FastifyInstance) => `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

function vote(base: string, l: DelegateLogin, pollId: string, choice: string) {
  return fetch(`${base}/api/me/polls/${pollId}/vote`, {
    method: 'POST',
    headers: { cookie: l.cookie, 'x-csrf-token': l.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({ choice }),
  });
}

async function setup(w: TestWorld, admin: ApiClient, n: number, method = 'secret') {
  const f = await createMeeting(w.ctx.database.db, w, { delegates: n });
  const logins = await delegateLogins(w.ctx.database.db, w, 'a', f.delegateIds);
  await markPresent(w.ctx.database.db, f, f.delegateIds);
  const poll = await admin.post(`/api/townships/${f.townshipId}/meetings/${f.meetingId}/polls`, { title: '关于大会决议的表决', method });
  expect((await admin.post(`/api/townships/${f.townshipId}/polls/${poll.body.id}/open`)).status).toBe(200);
  const link = await admin.get(`/api/townships/${f.townshipId}/meetings/${f.meetingId}/screen-link`);
  return { f, logins, pollId: poll.body.id as string, screen: link.body as { url: string; token: string } };
}

describe(`live events over real HTTP (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let base: string;
  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    await w.app.listen({ port: 0, host: '127.0.0.1' });
    base = origin(w.app);
  });
  afterAll(() => w.close());

  it('the hall screen, a phone and the console see progress and the result', async () => {
    const { f, logins, pollId, screen } = await setup(w, admin, 5);
    const screenW = new SseWatcher(`${base}/api/screen/${f.meetingId}/stream?token=${screen.token}`);
    const phoneW = new SseWatcher(`${base}/api/me/meetings/${f.meetingId}/stream`, { cookie: logins[0]!.cookie });
    const consoleW = new SseWatcher(`${base}/api/townships/${f.townshipId}/meetings/${f.meetingId}/stream`, { cookie: admin.cookie });
    expect(await Promise.all([screenW.open(), phoneW.open(), consoleW.open()])).toEqual([200, 200, 200]);
    const first = await screenW.waitFor(() => true);
    expect(first.type).toBe('state');
    expect(first.data).toMatchObject({ township: { name: '青山镇' }, attendance: { due: 5, present: 5, quorum: { meeting: { reached: true } } }, poll: { id: pollId, voted: 0 } });

    for (const [i, c] of ['yes', 'yes', 'yes', 'no'].entries()) expect((await vote(base, logins[i]!, pollId, c)).status).toBe(200);
    const progress = await screenW.waitFor((e) => e.type === 'poll' && e.data.voted === 4);
    expect(progress.data).toMatchObject({ id: pollId, status: 'open', presentSnapshot: 5 });
    // While a secret poll is open nobody learns the counts, not even the console.
    for (const w2 of [screenW, phoneW, consoleW]) expect(JSON.stringify(w2.events)).not.toMatch(/"yes":/);

    expect((await admin.post(`/api/townships/${f.townshipId}/polls/${pollId}/close`)).status).toBe(200);
    for (const watcher of [screenW, phoneW, consoleW]) {
      const r = await watcher.waitFor((e) => e.type === 'pollResult');
      expect(r.data).toMatchObject({ id: pollId, yes: 3, no: 1, abstain: 0, notVoted: 1, passed: true, rule: '赞成票超过实到会代表的1/2' });
    }
    const state = await fetch(`${base}/api/screen/${f.meetingId}/state?token=${screen.token}`).then((r) => r.json());
    expect(state).toMatchObject({ poll: null, lastResult: { id: pollId, passed: true } });
    for (const x of [screenW, phoneW, consoleW]) x.close();
  });

  it('refuses a screen without the right token and a stream of another township', async () => {
    const { f } = await setup(w, admin, 1);
    const wrong = await fetch(`${base}/api/screen/${f.meetingId}/stream?token=AAAAAAAAAAAAAAAAAAAAAAAA`);
    expect(wrong.status).toBe(404);
    expect((await wrong.json()).error.message).toBe('大屏链接已更换或无效，请向会务管理员索取新的链接');
    expect((await fetch(`${base}/api/screen/${f.meetingId}/state`)).status).toBe(400);
    const outsider = await w.as('townshipAdmin', 'b');
    const res = await fetch(`${base}/api/townships/${f.townshipId}/meetings/${f.meetingId}/stream`, { headers: { cookie: outsider.cookie } });
    expect(res.status).toBe(404);
    expect((await fetch(`${base}/api/me/meetings/${f.meetingId}/stream`)).status).toBe(401);
  });

  it('shows check-ins live on the console', async () => {
    const f: MeetingFixture = await createMeeting(w.ctx.database.db, w, { delegates: 3 });
    const consoleW = new SseWatcher(`${base}/api/townships/${f.townshipId}/meetings/${f.meetingId}/stream`, { cookie: admin.cookie });
    await consoleW.open();
    await consoleW.waitFor((e) => e.type === 'state');
    await admin.post(`/api/townships/${f.townshipId}/meetings/${f.meetingId}/checkins`, { delegateId: f.delegateIds[0] });
    await admin.post(`/api/townships/${f.townshipId}/meetings/${f.meetingId}/checkins`, { delegateId: f.delegateIds[1] });
    const e = await consoleW.waitFor((x) => x.type === 'attendance' && x.data.present === 2);
    expect(e.data).toMatchObject({ due: 3, present: 2, absent: 1, quorum: { meeting: { reached: false, required: 3 } } });
    consoleW.close();
  });
});

describe.runIf(!!process.env.TEST_DATABASE_URL)('two server processes share one PostgreSQL (needs TEST_DATABASE_URL)', () => {
  let w: TestWorld;
  let admin: ApiClient;
  let second: { app: FastifyInstance; ctx: AppContext };
  const bridges: PgBridge[] = [];
  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    const url = (w.ctx.database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const ctx2: AppContext = { ...w.ctx, database: await openDatabase({ url, migrate: false, poolSize: 5 }), hub: new EventHub(), ...processState() };
    second = { ctx: ctx2, app: await buildApp(ctx2) };
    bridges.push(await startPgBridge(w.ctx), await startPgBridge(ctx2));
    await w.app.listen({ port: 0, host: '127.0.0.1' });
    await second.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await second.app.close();
    for (const b of bridges) await b.stop();
    await second.ctx.database.close();
    await w.close();
  });

  it('a ballot cast through one appears on a watcher of the other, and so does the result', async () => {
    const { f, logins, pollId, screen } = await setup(w, admin, 3);
    const watcher = new SseWatcher(`${origin(second.app)}/api/screen/${f.meetingId}/stream?token=${screen.token}`);
    expect(await watcher.open()).toBe(200);
    await watcher.waitFor((e) => e.type === 'state');
    expect((await vote(origin(w.app), logins[0]!, pollId, 'yes')).status).toBe(200);
    expect((await watcher.waitFor((e) => e.type === 'poll' && e.data.voted === 1)).data.id).toBe(pollId);
    // And the other way round: a ballot through the second, seen by a watcher of the first.
    const back = new SseWatcher(`${origin(w.app)}/api/screen/${f.meetingId}/stream?token=${screen.token}`);
    await back.open();
    expect((await vote(origin(second.app), logins[1]!, pollId, 'no')).status).toBe(200);
    expect((await back.waitFor((e) => e.type === 'poll' && e.data.voted === 2)).data.id).toBe(pollId);
    // One delegate through both at once still counts once.
    const both = await Promise.all([vote(origin(w.app), logins[2]!, pollId, 'yes'), vote(origin(second.app), logins[2]!, pollId, 'no')]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    await admin.post(`/api/townships/${f.townshipId}/polls/${pollId}/close`);
    const r = await watcher.waitFor((e) => e.type === 'pollResult');
    expect(r.data.yes + r.data.no).toBe(3);
    expect(r.data.notVoted).toBe(0);
    watcher.close();
    back.close();
  });
});
