import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessions } from '../../src/server/db/schema/index.js';
import { chinaDate } from '../../src/server/modules/attendance/policy.js';
import { sm3 } from '../../src/server/security/crypto.js';
import { createTestWorld, type TestWorld } from '../support/app.js';
import { ApiClient } from '../support/client.js';
import { backendName } from '../support/db.js';
import { clientOf, createMeeting, delegateLogins, type DelegateLogin, type MeetingFixture } from './vote-fixtures.js';

/**
 * A ballot comes only from the delegate's own phone, the one checked in at the hall desk
 * (issue 6: an administrator could reset a delegate's password, sign in with the issued one,
 * change it and vote). And that phone stays signed in while it waits for the vote.
 */
describe(`ballots only from the phone checked in at the hall (${backendName()})`, () => {
  let w: TestWorld;
  let admin: ApiClient;
  let f: MeetingFixture;
  let logins: DelegateLogin[];
  let url: string;
  let pollId: string;
  const MINUTE = 60_000;
  // The phones idle past every session's deadline in the last test; the meeting's day is then.
  const t0 = Date.now();
  const later = t0 + 61 * MINUTE;

  beforeAll(async () => {
    w = await createTestWorld();
    admin = await w.as('townshipAdmin');
    f = await createMeeting(w.ctx.database.db, w, { delegates: 6, startsOn: chinaDate(new Date(later)) });
    logins = await delegateLogins(w.ctx.database.db, w, 'a', f.delegateIds);
    url = `/api/townships/${f.townshipId}/meetings/${f.meetingId}`;
  });
  afterAll(() => w.close());
  afterEach(() => vi.useRealTimers());

  const phone = (i: number) => clientOf(w.app, logins[i]!);
  const code = async (c: ApiClient) => (await c.get(`/api/me/meetings/${f.meetingId}/checkin-code`)).body;
  const scan = async (c: ApiClient) => admin.post(`${url}/checkins`, { token: (await code(c)).token });
  const vote = (c: ApiClient) => c.post(`/api/me/polls/${pollId}/vote`, { choice: 'yes' });
  const voted = async () => (await admin.get(`/api/townships/${f.townshipId}/polls/${pollId}`)).body.voted as number;

  it('checks in by the scanned code of a phone and by hand; the poll opens', async () => {
    for (const i of [0, 1, 2, 3]) expect((await scan(phone(i))).body).toMatchObject({ method: 'qr', phoneConfirmed: true });
    const byHand = await admin.post(`${url}/checkins`, { delegateId: f.delegateIds[4] });
    expect(byHand.body).toMatchObject({ method: 'manual', phoneConfirmed: false });
    expect(await code(phone(0))).toMatchObject({ checkedIn: true, phone: 'bound', phoneNote: null });
    expect(await code(phone(4))).toMatchObject({ checkedIn: true, phone: 'unconfirmed', phoneNote: '工作人员已为您手工签到，请在签到处出示本机签到码确认后再投票' });
    pollId = (await admin.post(`${url}/polls`, { title: '关于党委工作报告的决议', method: 'secret' })).body.id;
    expect((await admin.post(`/api/townships/${f.townshipId}/polls/${pollId}/open`)).status).toBe(200);
  });

  it('refuses the administrator who resets a delegate password, signs in as them, changes it and votes', async () => {
    const victim = logins[1]!;
    const reset = await admin.post(`/api/townships/${f.townshipId}/accounts/${victim.userId}/reset-password`);
    expect(reset.status).toBe(200);
    const impostor = new ApiClient(w.app);
    expect((await impostor.login(victim.username, reset.body.issuedPassword)).status).toBe(200);
    expect((await impostor.post('/api/auth/password', { currentPassword: reset.body.issuedPassword, newPassword: 'Qingshan#Hall2026' })).status).toBe(200);
    const res = await vote(impostor);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('您的密码已被重置，本机与签到的绑定已解除，请到签到处出示本机签到码重新确认后再投票');
    expect(await voted()).toBe(0);
    // The delegate's own phone was signed out by the reset, and once signed in again it says why.
    expect((await phone(1).get('/api/auth/me')).status).toBe(401);
    expect(await code(impostor)).toMatchObject({ phone: 'released', phoneNote: '您的密码已被重置，本机与签到的绑定已解除，请到签到处出示本机签到码重新确认后再投票' });
  });

  it('refuses another sign-in of a delegate whose phone is bound, and a hand check-in until the phone confirms it', async () => {
    // Delegate 0 signs in again elsewhere (the row a login writes): that session is not the phone scanned.
    const token = crypto.randomBytes(32).toString('base64url');
    const csrf = crypto.randomBytes(24).toString('base64url');
    await w.ctx.database.db.insert(sessions).values({ id: sm3(token), userId: logins[0]!.userId, csrfToken: csrf, expiresAt: new Date(Date.now() + 3600_000) });
    const elsewhere = clientOf(w.app, { ...logins[0]!, cookie: `nh_sid=${token}`, csrf });
    const res = await vote(elsewhere);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('您已用另一部手机（或另一次登录）签到，只能用签到时扫码的手机投票；如需更换手机，请到签到处出示本机签到码重新确认');
    const byHand = await vote(phone(4));
    expect(byHand.status).toBe(403);
    expect(byHand.body.error.message).toBe('工作人员已为您手工签到，请在签到处出示本机签到码确认后再投票');
    expect(await voted()).toBe(0);
  });

  it('counts the scanned phone, and the hand check-in once its phone is confirmed at the desk', async () => {
    expect((await vote(phone(0))).status).toBe(200);
    const confirmed = await scan(phone(4));
    expect(confirmed.body).toMatchObject({ alreadyCheckedIn: true, phoneConfirmed: true, method: 'manual' });
    expect((await vote(phone(4))).status).toBe(200);
    expect(await voted()).toBe(2);
    const audit = await admin.get(`/api/townships/${f.townshipId}/audit?action=attendance.confirmPhone`);
    expect(JSON.stringify(audit.body)).toContain(f.delegateIds[4]);
  });

  it('lets the delegate whose password was reset vote again once the phone is confirmed at the desk', async () => {
    const back = new ApiClient(w.app);
    const reset = await admin.post(`/api/townships/${f.townshipId}/accounts/${logins[1]!.userId}/reset-password`);
    expect((await back.login(logins[1]!.username, reset.body.issuedPassword)).status).toBe(200);
    expect((await back.post('/api/auth/password', { currentPassword: reset.body.issuedPassword, newPassword: 'Qingshan#Phone2026' })).status).toBe(200);
    expect((await vote(back)).status).toBe(403);
    expect((await scan(back)).body).toMatchObject({ alreadyCheckedIn: true, phoneConfirmed: true });
    expect((await vote(back)).status).toBe(200);
    expect(await voted()).toBe(3);
  });

  it('keeps a checked-in phone signed in past the idle limit on the meeting day; logout still ends it at once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(later);
    // Phone 2 was scanned at the desk; delegate 5 never checked in: both idled 61 minutes.
    expect((await phone(2).get('/api/auth/me')).status).toBe(200);
    expect((await phone(5).get('/api/auth/me')).status).toBe(401);
    expect((await vote(phone(2))).status).toBe(200);
    expect((await phone(3).post('/api/auth/logout')).status).toBeLessThan(300);
    expect((await phone(3).get('/api/auth/me')).status).toBe(401);
  });
});
