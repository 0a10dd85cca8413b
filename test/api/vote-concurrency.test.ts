import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { createMeeting, delegateLogins, markPresent } from './vote-fixtures.js';

describe(`one delegate, one vote under concurrency (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let base: string;
  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    await w.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(w.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => w.close());

  it.each(['secret', 'named'])('counts 500 simultaneous submissions by one delegate once (%s)', async (method) => {
    const db = w.ctx.database.db;
    const f = await createMeeting(db, w, { delegates: 3 });
    const [login] = await delegateLogins(db, w, 'a', [f.delegateIds[0]!]);
    await markPresent(db, f, f.delegateIds);
    const poll = await admin.post(`/api/townships/${f.townshipId}/meetings/${f.meetingId}/polls`, { title: `并发测试 ${method}`, method });
    await admin.post(`/api/townships/${f.townshipId}/polls/${poll.body.id}/open`);
    const auditBefore = (await w.ctx.database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'poll.vote'`))[0]!.n;

    const choices = ['yes', 'no', 'abstain'];
    const responses = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        fetch(`${base}/api/me/polls/${poll.body.id}/vote`, {
          method: 'POST',
          headers: { cookie: login!.cookie, 'x-csrf-token': login!.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ choice: choices[i % 3] }),
        }).then(async (r) => ({ status: r.status, body: await r.json() })),
      ),
    );
    const byStatus = responses.reduce((o, r) => ({ ...o, [r.status]: (o[r.status] ?? 0) + 1 }), {} as Record<number, number>);
    expect(byStatus).toEqual({ 200: 1, 409: 499 });
    expect(new Set(responses.filter((r) => r.status === 409).map((r) => r.body.error.message))).toEqual(new Set(['您已经投过票，每人只能投一票']));

    const closed = await admin.post(`/api/townships/${f.townshipId}/polls/${poll.body.id}/close`);
    const r = closed.body.result;
    expect(r.yes + r.no + r.abstain).toBe(1);
    expect(r.notVoted).toBe(2);
    const auditAfter = (await w.ctx.database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'poll.vote'`))[0]!.n;
    expect(auditAfter - auditBefore).toBe(method === 'named' ? 1 : 0);
  });
});
