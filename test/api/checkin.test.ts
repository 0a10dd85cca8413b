import { verifyAuditChain } from '../../src/server/audit/audit.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../support/app.js';
import type { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { clientOf, createMeeting, delegateLogins, votingSnapshot, type MeetingFixture } from './vote-fixtures.js';

describe(`check-in and attendance (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let f: MeetingFixture;
  let url: string;
  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    f = await createMeeting(w.ctx.database.db, w, { delegates: 9 });
    url = `/api/townships/${f.townshipId}/meetings/${f.meetingId}`;
  });
  afterAll(() => w.close());

  it("checks a delegate in by the QR code on the delegate's phone", async () => {
    const [login] = await delegateLogins(w.ctx.database.db, w, 'a', [f.delegateIds[0]!]);
    const phone = clientOf(w.app, login!);
    const code = await phone.get(`/api/me/meetings/${f.meetingId}/checkin-code`);
    expect(code.status).toBe(200);
    expect(code.body.qrSvg).toMatch(/^<svg/);
    expect(code.body.checkedIn).toBe(false);
    const res = await admin.post(`${url}/checkins`, { token: code.body.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ delegateId: f.delegateIds[0], name: '代表0001', method: 'qr', alreadyCheckedIn: false });
    expect(res.body.attendance).toMatchObject({ due: 9, present: 1, onLeave: 0, absent: 8 });
    expect((await phone.get(`/api/me/meetings/${f.meetingId}/checkin-code`)).body.checkedIn).toBe(true);
  });

  it('checks in by hand, records the method, and a second scan changes nothing', async () => {
    const res = await admin.post(`${url}/checkins`, { delegateId: f.delegateIds[1] });
    expect(res.body).toMatchObject({ method: 'manual', alreadyCheckedIn: false });
    const before = await votingSnapshot(w.ctx.database.db);
    const again = await admin.post(`${url}/checkins`, { delegateId: f.delegateIds[1] });
    expect(again.status).toBe(200);
    expect(again.body.alreadyCheckedIn).toBe(true);
    expect(await votingSnapshot(w.ctx.database.db)).toEqual(before);
  });

  it('shows live counts with both quorum indicators and the rows in name order', async () => {
    const res = await admin.get(`${url}/attendance`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      due: 9,
      present: 2,
      onLeave: 0,
      absent: 7,
      quorum: { meeting: { reached: false, required: 7, rule: '超过2/3' }, election: { reached: false, required: 8, rule: '超过4/5' } },
    });
    expect(res.body.rows.map((r: any) => r.name)).toEqual([...Array(9)].map((_, i) => `代表000${i + 1}`));
    expect(res.body.rows.slice(0, 3).map((r: any) => r.status)).toEqual(['present', 'present', 'absent']);
  });

  it('reaches the meeting quorum at 7 of 9 (more than 2/3) and not at 6', async () => {
    for (const d of f.delegateIds.slice(2, 6)) await admin.post(`${url}/checkins`, { delegateId: d });
    expect((await admin.get(`${url}/attendance`)).body.quorum.meeting).toMatchObject({ reached: false, required: 7 });
    await admin.post(`${url}/checkins`, { delegateId: f.delegateIds[6] });
    expect((await admin.get(`${url}/attendance`)).body.quorum.meeting).toMatchObject({ reached: true, required: 7 });
  });

  it('undoes a check-in', async () => {
    const res = await admin.delete(`${url}/checkins/${f.delegateIds[6]}`);
    expect(res.status).toBe(200);
    expect(res.body.attendance.present).toBe(6);
    const again = await admin.delete(`${url}/checkins/${f.delegateIds[6]}`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('代表0007尚未签到，无需撤销');
  });

  it('refuses forged, foreign and unknown codes in Chinese, changing nothing', async () => {
    const other = await createMeeting(w.ctx.database.db, w, { delegates: 1 });
    const [login] = await delegateLogins(w.ctx.database.db, w, 'a', other.delegateIds);
    const foreignCode = (await clientOf(w.app, login!).get(`/api/me/meetings/${other.meetingId}/checkin-code`)).body.token as string;
    const before = await votingSnapshot(w.ctx.database.db);
    const cases: [unknown, number, RegExp][] = [
      [{ token: foreignCode }, 400, /签到码无效，或不是本次会议的签到码/],
      [{ token: `${foreignCode.split('.')[0]}.AAAAAAAAAAAAAAAA` }, 400, /签到码无效/],
      [{ token: 'garbage' }, 400, /签到码无效/],
      [{ delegateId: other.delegateIds[0] }, 404, /不在本次会议的应到会代表名单中/],
      [{}, 400, /请扫描签到码或选择代表/],
      [{ token: 'x', delegateId: f.delegateIds[0] }, 400, /二者选一/],
    ];
    for (const [body, status, msg] of cases) {
      const res = await admin.post(`${url}/checkins`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.message).toMatch(msg);
    }
    expect(await votingSnapshot(w.ctx.database.db)).toEqual(before);
  });

  it('opens check-in on the meeting day once notified, and not in draft, before the day, or after closing', async () => {
    const db = w.ctx.database.db;
    const cases: [object, number, string | null][] = [
      [{ status: 'notified' }, 200, null],
      [{ status: 'notified', startsOn: '2099-01-01' }, 409, '会议尚未到举行日期（2099-01-01），暂不能签到'],
      [{ status: 'draft' }, 409, '会议通知尚未发出，不能签到'],
      [{ status: 'closed' }, 409, '会议已闭幕，不能再签到或撤销签到'],
    ];
    for (const [opts, status, msg] of cases) {
      const m = await createMeeting(db, w, { delegates: 1, ...opts });
      const res = await admin.post(`/api/townships/${m.townshipId}/meetings/${m.meetingId}/checkins`, { delegateId: m.delegateIds[0] });
      expect(res.status, JSON.stringify(opts)).toBe(status);
      if (msg) expect(res.body.error.message).toBe(msg);
    }
  });

  it("hides another township's meeting and refuses delegates and anonymous callers", async () => {
    const outsider = await w.as('townshipAdmin', 'b');
    expect((await outsider.get(`${url}/attendance`)).status).toBe(404);
    expect((await outsider.post(`${url}/checkins`, { delegateId: f.delegateIds[7] })).status).toBe(404);
    const delegate = await w.as('delegate');
    expect((await delegate.post(`${url}/checkins`, { delegateId: f.delegateIds[7] })).status).toBe(403);
    expect((await w.anonymous().get(`${url}/attendance`)).status).toBe(401);
    const bOwn = await createMeeting(w.ctx.database.db, w, { where: 'b', delegates: 1 });
    const [login] = await delegateLogins(w.ctx.database.db, w, 'a', [f.delegateIds[8]!]);
    const code = await clientOf(w.app, login!).get(`/api/me/meetings/${bOwn.meetingId}/checkin-code`);
    expect(code.status).toBe(404);
    expect(code.body.error.message).toBe('会议不存在或无权访问');
  });

  it('checks in every scanned phone once, answers a bad code and a repeat alone, and keeps the audit chain exact', async () => {
    // A hall desk's burst: scans sent at once go in batches (checkin-desk.ts); each is answered as if alone.
    const f = await createMeeting(w.ctx.database.db, w, { delegates: 40 });
    const url = `/api/townships/${f.townshipId}/meetings/${f.meetingId}`;
    const logins = await delegateLogins(w.ctx.database.db, w, 'a', f.delegateIds);
    const tokens = await Promise.all(logins.map(async (l) => (await clientOf(w.app, l).get(`/api/me/meetings/${f.meetingId}/checkin-code`)).body.token as string));
    const sent = [...tokens.map((token) => ({ token })), { token: tokens[0]! }, { token: `${tokens[1]!.slice(0, -2)}AA` }];
    const answers = await Promise.all(sent.map((b) => admin.post(`${url}/checkins`, b)));
    const ok = answers.filter((r) => r.status === 200);
    expect(ok).toHaveLength(41);
    expect(answers.at(-1)!.status).toBe(400);
    expect(answers.at(-1)!.body.error.message).toContain('签到码无效');
    // Each delegate is newly checked in exactly once; the repeated scan says so.
    const fresh = ok.filter((r) => !r.body.alreadyCheckedIn).map((r) => r.body.delegateId);
    expect(new Set(fresh).size).toBe(40);
    expect(fresh).toHaveLength(40);
    expect(ok.filter((r) => r.body.alreadyCheckedIn).map((r) => r.body.delegateId)).toEqual([f.delegateIds[0]]);
    expect((await admin.get(`${url}/attendance`)).body).toMatchObject({ due: 40, present: 40, absent: 0 });
    // One audit entry per check-in, chained without a gap.
    const entries = await w.ctx.database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'attendance.checkIn' and entity_id = $1`, [f.meetingId]);
    expect(entries[0]!.n).toBe(40);
    expect(await verifyAuditChain(w.ctx.database.db)).toMatchObject({ ok: true });
  });
});
