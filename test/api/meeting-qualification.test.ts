import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { auditLog, delegateStatusChanges, delegates } from '../../src/server/db/schema/index.js';
import { addDelegates, createMeeting, inDays, setDelegateStatus } from './meeting-fixtures.js';

describe(`qualification review (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let tid: string;
  let first: any;
  let second: any;
  let ids: Record<string, string>;
  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    tid = w.townships.a.id;
    const ds = await addDelegates(w, 'a', 6);
    const db = w.ctx.database.db;
    const change = async (d: { id: string }, from: string, to: string, reason: string, decidedOn: string) => {
      await setDelegateStatus(w, d.id, to);
      await db.update(delegates).set({ statusSince: decidedOn }).where(eq(delegates.id, d.id));
      await db.insert(delegateStatusChanges).values({ townshipId: tid, delegateId: d.id, fromStatus: from, toStatus: to, reason, decidedBy: '镇党委', decidedOn });
    };
    await change(ds[0]!, 'active', 'terminated', 'resignationAccepted', '2025-06-01');
    await change(ds[1]!, 'active', 'terminated', 'sanction', '2025-07-01');
    await change(ds[2]!, 'active', 'suspended', 'transferredOut', '2026-03-01');
    // ds[1]'s seat was filled by a by-election; ds[0]'s is still vacant.
    const [byElected] = await addDelegates(w, 'a', 1);
    await db.update(delegates).set({ replacesDelegateId: ds[1]!.id }).where(eq(delegates.id, byElected!.id));
    ids = { vacant: ds[0]!.id, filled: ds[1]!.id, suspended: ds[2]!.id, active: ds[3]!.id };
    first = await createMeeting(admin, tid, { startsOn: '2025-12-01' });
    second = await createMeeting(admin, tid, { startsOn: inDays(40) });
  });
  afterAll(() => w.close());
  const url = (m: any) => `/api/townships/${tid}/meetings/${m.id}/qualification-review`;

  it('counts the roster and lists the changes since the previous meeting of the term, with reasons', async () => {
    const r = (await admin.get(url(second))).body;
    expect(r.since).toMatchObject({ basis: 'previousMeeting', date: '2025-12-01', previousMeeting: { id: first.id } });
    expect(r.counts).toEqual({ total: 7, active: 4, suspended: 1, terminated: 2 });
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatchObject({ delegateId: ids.suspended, toStatus: 'suspended', toStatusLabel: '停止执行职务', reasonLabel: '调离本行政区域', decidedOn: '2026-03-01' });
    expect(r.vacancies).toMatchObject({ count: 1, delegates: [{ id: ids.vacant }] });
    expect(r.due).toMatchObject({ basis: 'activeDelegates', count: 4 });
    expect(r.adopted).toBeNull();
  });

  it('counts from the start of the term for the first meeting', async () => {
    const r = (await admin.get(url(first))).body;
    expect(r.since).toMatchObject({ basis: 'termStart', date: '2021-09-01', previousMeeting: null });
    expect(r.changes.map((c: any) => c.reasonLabel)).toEqual(['辞去代表职务被接受', '受留党察看以上党纪处分', '调离本行政区域']);
  });

  it('is received by the meeting once, frozen as it was received', async () => {
    const early = await admin.post(`${url(second)}/adopt`);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('会议筹备中，不能审议代表资格审查报告');
    await admin.post(`/api/townships/${tid}/meetings/${second.id}/notice`);
    const adopted = await admin.post(`${url(second)}/adopt`);
    expect(adopted.status).toBe(200);
    expect(adopted.body.adopted.adoptedAt).toBeTruthy();
    expect(adopted.body.due).toMatchObject({ basis: 'attendance', count: 4 });

    await setDelegateStatus(w, ids.active, 'suspended');
    const later = (await admin.get(url(second))).body;
    expect(later.counts.active).toBe(4);
    const again = await admin.post(`${url(second)}/adopt`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('本次会议已听取并通过代表资格审查报告');
    const audit = await w.ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'qualificationReview.adopt'));
    expect(audit).toHaveLength(1);
  });

  it('is for the committee, not for delegates or other townships', async () => {
    expect((await (await w.as('delegate')).get(url(second))).status).toBe(403);
    expect((await (await w.as('committeeMember')).get(url(second))).status).toBe(200);
    expect((await (await w.as('committeeMember')).post(`${url(first)}/adopt`)).status).toBe(403);
    expect((await (await w.as('townshipAdmin', 'b')).get(url(second))).status).toBe(404);
  });
});
