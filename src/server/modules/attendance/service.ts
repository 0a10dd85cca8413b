import QRCode from 'qrcode';
import type { z } from 'zod';
import type { CheckInBody } from '../../../domain/schemas/polls.js';
import type { AppContext } from '../../context.js';
import { AppError, invalid, notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { actorOf, type SessionUser, type TownshipScope } from '../../access/types.js';
import { meetingChannel } from '../../realtime/events.js';
import { checkInToken, verifyCheckInToken } from './checkin-token.js';
import { assertCheckInOpen } from './policy.js';
import { attendanceSummary } from './summary.js';
import { findMeeting } from '../meetings/index.js';
import * as repo from './repository.js';

export async function requireMeeting(ctx: AppContext, townshipId: string, meetingId: string) {
  const m = await findMeeting(ctx.database.db, townshipId, meetingId);
  if (!m) throw notFound('会议');
  return m;
}

/** Publishes fresh counts after a commit; bursts of check-ins make at most ten events a second. */
export function announceAttendance(ctx: AppContext, townshipId: string, m: { id: string; rules: unknown }) {
  ctx.live.coalescer.touch(`attendance:${m.id}`, async () => {
    const data = await attendanceSummary(ctx.database.db, townshipId, m);
    ctx.hub.publish({ channel: meetingChannel(m.id), type: 'attendance', data });
  });
}

const statusOf = (r: { checkedInAt: Date | null; reply: string }) => (r.checkedInAt ? 'present' : r.reply === 'leave' ? 'onLeave' : 'absent');

export async function getAttendance(ctx: AppContext, s: TownshipScope, meetingId: string) {
  const m = await requireMeeting(ctx, s.township.id, meetingId);
  const db = ctx.database.db;
  const summary = await attendanceSummary(db, s.township.id, m);
  const rows = await repo.attendanceList(db, s.township.id, m.id);
  return { ...summary, rows: rows.map((r) => ({ ...r, status: statusOf(r) })) };
}

export async function checkIn(ctx: AppContext, s: TownshipScope, meetingId: string, body: z.infer<typeof CheckInBody>) {
  const m = await requireMeeting(ctx, s.township.id, meetingId);
  assertCheckInOpen(m);
  const method = body.token !== undefined ? 'qr' : 'manual';
  const delegateId = body.token !== undefined ? verifyCheckInToken(ctx.cipher, m.id, body.token) : body.delegateId!;
  if (!delegateId) throw invalid('签到码无效，或不是本次会议的签到码');
  const result = await ctx.database.db.transaction(async (tx) => {
    const row = await repo.lockAttendance(tx, s.township.id, m.id, delegateId);
    if (!row) throw new AppError('NOT_FOUND', '该代表不在本次会议的应到会代表名单中');
    if (row.checkedInAt) return { delegateId, name: row.name, checkedInAt: row.checkedInAt, method: row.checkInMethod, alreadyCheckedIn: true };
    const at = new Date();
    await repo.setCheckIn(tx, s.township.id, m.id, delegateId, at, method);
    await writeAudit(tx, actorOf(s.user), { townshipId: s.township.id, action: 'attendance.checkIn', entity: 'meeting', entityId: m.id, after: { delegateId, name: row.name, method } });
    return { delegateId, name: row.name, checkedInAt: at, method, alreadyCheckedIn: false };
  });
  if (!result.alreadyCheckedIn) announceAttendance(ctx, s.township.id, m);
  return { ...result, attendance: await attendanceSummary(ctx.database.db, s.township.id, m) };
}

export async function undoCheckIn(ctx: AppContext, s: TownshipScope, meetingId: string, delegateId: string) {
  const m = await requireMeeting(ctx, s.township.id, meetingId);
  assertCheckInOpen(m);
  await ctx.database.db.transaction(async (tx) => {
    const row = await repo.lockAttendance(tx, s.township.id, m.id, delegateId);
    if (!row) throw new AppError('NOT_FOUND', '该代表不在本次会议的应到会代表名单中');
    if (!row.checkedInAt) throw new AppError('CONFLICT', `${row.name}尚未签到，无需撤销`);
    await repo.setCheckIn(tx, s.township.id, m.id, delegateId, null, null);
    await writeAudit(tx, actorOf(s.user), {
      townshipId: s.township.id,
      action: 'attendance.undoCheckIn',
      entity: 'meeting',
      entityId: m.id,
      before: { delegateId, name: row.name, checkedInAt: row.checkedInAt, method: row.checkInMethod },
    });
  });
  announceAttendance(ctx, s.township.id, m);
  return { delegateId, attendance: await attendanceSummary(ctx.database.db, s.township.id, m) };
}

/** The delegate's own QR code for a meeting they are due to attend. */
export async function myCheckInCode(ctx: AppContext, user: SessionUser, meetingId: string) {
  const { delegateId, townshipId } = requireDelegate(user);
  const m = await requireMeeting(ctx, townshipId, meetingId);
  const row = await repo.findAttendance(ctx.database.db, townshipId, m.id, delegateId);
  if (!row) throw new AppError('NOT_FOUND', '您不在本次会议的应到会代表名单中');
  const token = checkInToken(ctx.cipher, m.id, delegateId);
  const qrSvg = await QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { meetingId: m.id, meetingName: m.name, token, qrSvg, checkedIn: !!row.checkedInAt, checkedInAt: row.checkedInAt };
}

/** The signed-in delegate, or 403: only a delegate acts for themself on /api/me routes. */
export function requireDelegate(user: SessionUser): { delegateId: string; townshipId: string } {
  if (user.role !== 'delegate' || !user.delegateId || !user.townshipId) throw new AppError('FORBIDDEN', '仅党代表本人可以使用此功能');
  return { delegateId: user.delegateId, townshipId: user.townshipId };
}
