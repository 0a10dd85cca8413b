import { eq } from 'drizzle-orm';
import { delegateGroups, delegates, groupMembers, users } from '../../src/server/db/schema/index.js';
import { hashPassword } from '../../src/server/security/passwords.js';
import { addCalendarDays } from '../../src/domain/calendar/workdays.js';
import { chinaToday } from '../../src/domain/meeting/deadlines.js';
import { ApiClient } from '../support/client.js';
import { PASSWORD, type TestWorld } from '../support/app.js';

/** Shared set-up of the meeting tests: delegates in the roster, delegates' accounts, meetings. */

let seq = 0;
let hash: string | undefined;

export const today = () => chinaToday();
/** A date `n` calendar days from today (China time). */
export const inDays = (n: number) => addCalendarDays(today(), n);

export async function addDelegates(w: TestWorld, where: 'a' | 'b', n: number, opts: { status?: string; phone?: boolean } = {}) {
  const t = w.townships[where];
  const rows = Array.from({ length: n }, () => {
    seq++;
    const phone = `139${String(10000000 + seq).slice(-8)}`;
    return {
      townshipId: t.id,
      termId: t.termId,
      name: `代表${seq}`,
      nameSortKey: `k${String(seq).padStart(6, '0')}`,
      gender: seq % 2 ? '男' : '女',
      status: opts.status ?? 'active',
      phoneEnc: opts.phone === false ? null : w.ctx.cipher.encrypt(phone),
      phoneHash: opts.phone === false ? null : w.ctx.cipher.digest(phone),
    };
  });
  return w.ctx.database.db.insert(delegates).values(rows).returning();
}

export async function setDelegateStatus(w: TestWorld, delegateId: string, status: string) {
  await w.ctx.database.db.update(delegates).set({ status }).where(eq(delegates.id, delegateId));
}

/** Signs in as the delegate's own account (created on first use). */
export async function asDelegate(w: TestWorld, where: 'a' | 'b', delegateId: string): Promise<ApiClient> {
  const username = `d-${delegateId.slice(0, 8)}`;
  const [existing] = await w.ctx.database.db.select().from(users).where(eq(users.username, username));
  if (!existing) {
    hash ??= await hashPassword(PASSWORD);
    await w.ctx.database.db.insert(users).values({
      username,
      displayName: username,
      passwordHash: hash,
      role: 'delegate',
      countyId: w.countyId,
      townshipId: w.townships[where].id,
      delegateId,
      mustChangePassword: false,
    });
  }
  const c = new ApiClient(w.app);
  const res = await c.login(username, PASSWORD);
  if (res.status !== 200) throw new Error(`login ${username}: ${JSON.stringify(res.body)}`);
  return c;
}

export async function addGroup(w: TestWorld, where: 'a' | 'b', memberIds: string[], leaderId: string | null) {
  const t = w.townships[where];
  seq++;
  const [g] = await w.ctx.database.db
    .insert(delegateGroups)
    .values({ townshipId: t.id, termId: t.termId, name: `第${seq}代表小组`, kind: 'region', leaderId })
    .returning();
  await w.ctx.database.db.insert(groupMembers).values(memberIds.map((delegateId) => ({ groupId: g!.id, delegateId, townshipId: t.id, kind: 'region' })));
  return g!;
}

export async function createMeeting(admin: ApiClient, townshipId: string, body: Record<string, unknown> = {}) {
  const res = await admin.post(`/api/townships/${townshipId}/meetings`, { startsOn: inDays(60), durationDays: 1, hasElection: false, ...body });
  if (res.status !== 201) throw new Error(`create meeting: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
