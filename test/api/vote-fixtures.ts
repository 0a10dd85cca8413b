import crypto from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_RULES } from '../../src/domain/meeting/rules.js';
import type { Db } from '../../src/server/db/client.js';
import { delegates, meetingAttendance, meetings, sessions, users } from '../../src/server/db/schema/index.js';
import { chinaDate } from '../../src/server/modules/attendance/policy.js';
import { deviceKeyOf } from '../../src/server/modules/attendance/checkin-token.js';
import { sm3 } from '../../src/server/security/crypto.js';
import { ApiClient } from '../support/client.js';
import type { TestWorld } from '../support/app.js';

/**
 * Fixtures for the check-in and voting tests: delegates, a meeting with its attendance rows
 * (what the notice creates), and signed-in delegates. Sessions are written straight into the
 * sessions table — the same row a login writes — to spare hundreds of argon2 hashes.
 */

let session = 100;

export interface MeetingFixture {
  townshipId: string;
  meetingId: string;
  delegateIds: string[];
}

export async function createMeeting(
  db: Db,
  w: Pick<TestWorld, 'townships'>,
  opts: { where?: 'a' | 'b'; delegates: number; status?: string; startsOn?: string; rules?: object; name?: string },
): Promise<MeetingFixture> {
  const t = w.townships[opts.where ?? 'a'];
  const rows = Array.from({ length: opts.delegates }, (_, i) => ({
    townshipId: t.id,
    termId: t.termId,
    name: `代表${String(i + 1).padStart(4, '0')}`,
    nameSortKey: `k${String(i + 1).padStart(6, '0')}`,
    gender: i % 2 ? '女' : '男',
  }));
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const got = await db.insert(delegates).values(rows.slice(i, i + 1000)).returning({ id: delegates.id });
    ids.push(...got.map((g) => g.id));
  }
  const [m] = await db
    .insert(meetings)
    .values({
      townshipId: t.id,
      termId: t.termId,
      sessionNumber: session++,
      name: opts.name ?? `中国共产党测试镇第十二届代表大会第${session}次会议`,
      startsOn: opts.startsOn ?? chinaDate(),
      status: opts.status ?? 'inProgress',
      rules: opts.rules ?? DEFAULT_RULES,
    })
    .returning();
  for (let i = 0; i < ids.length; i += 1000) {
    await db.insert(meetingAttendance).values(ids.slice(i, i + 1000).map((delegateId) => ({ meetingId: m!.id, delegateId, townshipId: t.id, reply: 'confirmed', notifiedAt: new Date() })));
  }
  return { townshipId: t.id, meetingId: m!.id, delegateIds: ids };
}

/**
 * Marks delegates present directly (the check-in API has its own tests), each with the phone of
 * their signed-in session bound, as scanning its code at the desk would: call after
 * `delegateLogins`. A delegate with no session is checked in by hand, with no phone bound.
 */
export async function markPresent(db: Db, f: MeetingFixture, delegateIds: string[]) {
  const phones = await db
    .select({ delegateId: users.delegateId, sessionId: sessions.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(inArray(users.delegateId, delegateIds));
  const keys = JSON.stringify(phones.map((p) => ({ d: p.delegateId, k: deviceKeyOf(p.sessionId) })));
  await db
    .update(meetingAttendance)
    .set({ checkedInAt: new Date(), checkInMethod: 'manual', deviceKey: null })
    .where(and(eq(meetingAttendance.meetingId, f.meetingId), inArray(meetingAttendance.delegateId, delegateIds)));
  await db.execute(sql`
    update meeting_attendance ma set device_key = i.k, device_bound_at = now(), check_in_method = 'qr'
    from jsonb_to_recordset(${keys}::jsonb) as i(d uuid, k text)
    where ma.meeting_id = ${f.meetingId} and ma.delegate_id = i.d`);
}

export interface DelegateLogin {
  userId: string;
  username: string;
  token: string;
  csrf: string;
  cookie: string;
}

/** Delegate accounts with a live session each, as a login would leave them. */
export async function delegateLogins(db: Db, w: Pick<TestWorld, 'countyId' | 'townships'>, where: 'a' | 'b', delegateIds: string[]): Promise<DelegateLogin[]> {
  const t = w.townships[where];
  const out: DelegateLogin[] = [];
  for (let i = 0; i < delegateIds.length; i += 1000) {
    const chunk = delegateIds.slice(i, i + 1000);
    const made = await db
      .insert(users)
      .values(chunk.map((d) => ({ username: `d-${d}`, displayName: `代表 ${d.slice(0, 4)}`, passwordHash: 'x', role: 'delegate', countyId: w.countyId, townshipId: t.id, delegateId: d, mustChangePassword: false })))
      .returning({ id: users.id, username: users.username });
    const logins = made.map((u) => ({ userId: u.id, username: u.username, token: crypto.randomBytes(32).toString('base64url'), csrf: crypto.randomBytes(24).toString('base64url') }));
    await db.insert(sessions).values(logins.map((l) => ({ id: sm3(l.token), userId: l.userId, csrfToken: l.csrf, expiresAt: new Date(Date.now() + 3600_000) })));
    out.push(...logins.map((l) => ({ ...l, cookie: `nh_sid=${l.token}` })));
  }
  return out;
}

/** An `app.inject` client already signed in as that delegate. */
export function clientOf(app: FastifyInstance, l: DelegateLogin): ApiClient {
  const c = new ApiClient(app);
  c.cookie = l.cookie;
  c.csrf = l.csrf;
  return c;
}

/** Every row of the voting tables plus the audit count: to show a refusal changed nothing. */
export async function votingSnapshot(db: Db) {
  const rows = async (text: string) => ((await db.execute(sql.raw(text))) as unknown as { rows: unknown[] }).rows;
  const q = (table: string) => rows(`select * from ${table} order by 1, 2`);
  return {
    polls: await q('polls'),
    eligible: await q('poll_eligible'),
    named: await q('poll_named_votes'),
    secret: await q('poll_secret_tally'),
    attendance: await q('meeting_attendance'),
    audit: await rows('select count(*)::int as n from audit_log'),
  };
}
