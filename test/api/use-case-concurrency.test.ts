import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { generateDelegateInputs } from '../../src/server/seed/generate.js';
import { createMeeting, markPresent } from './vote-fixtures.js';

/**
 * Checks made inside the transaction on locked rows (runUseCase): two requests that are each
 * valid alone but not together, fired at once, leave one change and one audit entry. On
 * PostgreSQL they really overlap; on PGlite they run one after another and must agree.
 */
describe(`conflicting writes at the same moment (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let base: string;

  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    base = `/api/townships/${w.townships.a.id}`;
  });
  afterAll(() => w.close());

  const auditOf = (action: string, entityId: string) =>
    w.ctx.database.query<{ id: number }>(`select id from audit_log where action = $1 and entity_id = $2 order by id`, [action, entityId]);

  it('suspends a delegate once when two suspensions arrive together', async () => {
    const [person] = generateDelegateInputs(1, 4711);
    const d = (await admin.post(`${base}/delegates`, person)).body as { id: string };
    const body = (reason: string) => ({ reason, decidedBy: '中共青山镇委员会', decidedOn: '2025-03-01' });
    const res = await Promise.all(['membershipMovedOut', 'transferredOut'].map((reason) => admin.post(`${base}/delegates/${d.id}/status`, body(reason))));
    expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(res.find((r) => r.status === 409)!.body.error.message).toBe('代表当前已是“停止执行职务”状态');
    const detail = (await admin.get(`${base}/delegates/${d.id}`)).body;
    expect(detail.statusHistory).toHaveLength(1);
    expect(await auditOf('delegate.status', d.id)).toHaveLength(1);
  });

  it('adds no poll to a meeting that closed while the polls were being created', async () => {
    const m = { id: (await createMeeting(w.ctx.database.db, w, { delegates: 2 })).meetingId };
    const create = (i: number) => admin.post(`${base}/meetings/${m.id}/polls`, { title: `表决${i}`, method: 'showOfHands' });
    const res = await Promise.all([...Array.from({ length: 6 }, (_, i) => create(i)), admin.post(`${base}/meetings/${m.id}/close`), create(6), create(7)]);
    const closing = res[6]!;
    expect(closing.status).toBe(200);
    const created = res.filter((r, i) => i !== 6 && r.status === 201);
    const refused = res.filter((r, i) => i !== 6 && r.status !== 201);
    expect(refused.map((r) => [r.status, r.body.error.message])).toEqual(refused.map(() => [409, '会议已闭幕，不能再安排表决']));
    const polls = (await admin.get(`${base}/meetings/${m.id}/polls`)).body.items;
    expect(polls).toHaveLength(created.length);
    // Every poll of the closed meeting was recorded before the meeting closed.
    const [closed] = await auditOf('meeting.close', m.id);
    const creations = await w.ctx.database.query<{ id: number }>(`select id from audit_log where action = 'poll.create' and after->>'meetingId' = $1`, [m.id]);
    expect(creations).toHaveLength(created.length);
    expect(creations.every((c) => Number(c.id) < Number(closed!.id))).toBe(true);
  });

  it('opens one of two polls of a meeting opened at the same moment', async () => {
    const f = await createMeeting(w.ctx.database.db, w, { delegates: 3 });
    await markPresent(w.ctx.database.db, f, f.delegateIds);
    const ids = await Promise.all([0, 1].map(async (i) => (await admin.post(`${base}/meetings/${f.meetingId}/polls`, { title: `同时开始${i}`, method: 'showOfHands' })).body.id as string));
    const res = await Promise.all(ids.map((id) => admin.post(`${base}/polls/${id}/open`)));
    expect(res.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(res.find((r) => r.status === 409)!.body.error.message).toBe('本次会议已有一项表决正在进行，请先结束该表决');
    const opened = await Promise.all(ids.map((id) => auditOf('poll.open', id)));
    expect(opened.flat()).toHaveLength(1);
  });
});
