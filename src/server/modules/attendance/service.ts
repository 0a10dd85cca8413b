import QRCode from 'qrcode';
import type { z } from 'zod';
import type { CheckInBody } from '../../../domain/schemas/polls.js';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { writeAudit } from '../../audit/audit.js';
import { PHONE_STATE_TEXT, phoneState } from '../../../domain/meeting/phone-binding.js';
import { actorOf, type SessionUser, type TownshipScope } from '../../access/types.js';
import { meetingChannel } from '../../realtime/events.js';
import { checkInToken, deviceKeyOf } from './checkin-token.js';
import { checkInDeskOf } from './checkin-desk.js';
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

const statusOf = (r: { checkedInAt: Date | null; reply: string }): 'present' | 'onLeave' | 'absent' => (r.checkedInAt ? 'present' : r.reply === 'leave' ? 'onLeave' : 'absent');

export async function getAttendance(ctx: AppContext, s: TownshipScope, meetingId: string) {
  const m = await requireMeeting(ctx, s.township.id, meetingId);
  const db = ctx.database.db;
  const summary = await attendanceSummary(db, s.township.id, m);
  const rows = await repo.attendanceList(db, s.township.id, m.id);
  return { ...summary, rows: rows.map((r) => ({ ...r, status: statusOf(r) })) };
}

/**
 * Check-in at the hall desk, in the meeting's desk batch (checkin-desk.ts): one transaction on
 * the locked meeting and attendance rows (the meeting cannot close under it). A scanned code
 * checks in and binds the phone showing it; scanning the code of a delegate already checked in
 * confirms that phone (after a check-in by hand, a password reset, or on a new phone). A
 * check-in by hand binds no phone.
 */
export async function checkIn(ctx: AppContext, s: TownshipScope, meetingId: string, body: z.infer<typeof CheckInBody>) {
  const townshipId = s.township.id;
  const { answer, m, attendance } = await checkInDeskOf(ctx, townshipId, meetingId).submit(actorOf(s.user), body);
  if (!answer.alreadyCheckedIn) announceAttendance(ctx, townshipId, m);
  return { ...answer, attendance };
}

export async function undoCheckIn(ctx: AppContext, s: TownshipScope, meetingId: string, delegateId: string) {
  const m = await requireMeeting(ctx, s.township.id, meetingId);
  assertCheckInOpen(m);
  await ctx.database.db.transaction(async (tx) => {
    const row = await repo.lockAttendance(tx, s.township.id, m.id, delegateId);
    if (!row) throw new AppError('NOT_FOUND', '该代表不在本次会议的应到会代表名单中');
    if (!row.checkedInAt) throw new AppError('CONFLICT', `${row.name}尚未签到，无需撤销`);
    await repo.setCheckIn(tx, s.township.id, m.id, delegateId, null, null, null);
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

/**
 * The delegate's own QR code for a meeting they are due to attend, made for this phone, and
 * what this phone may do: vote (bound), or confirm at the desk first, and why.
 */
export async function myCheckInCode(ctx: AppContext, user: SessionUser, meetingId: string) {
  const { delegateId, townshipId } = requireDelegate(user);
  const m = await requireMeeting(ctx, townshipId, meetingId);
  const row = await repo.findAttendance(ctx.database.db, townshipId, m.id, delegateId);
  if (!row) throw new AppError('NOT_FOUND', '您不在本次会议的应到会代表名单中');
  const deviceKey = deviceKeyOf(user.sessionId);
  const token = checkInToken(ctx.cipher, m.id, delegateId, deviceKey);
  const qrSvg = await QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const phone = phoneState(row, deviceKey);
  return {
    meetingId: m.id,
    meetingName: m.name,
    token,
    qrSvg,
    checkedIn: !!row.checkedInAt,
    checkedInAt: row.checkedInAt,
    phone,
    phoneNote: phone === 'bound' ? null : PHONE_STATE_TEXT[phone],
  };
}

/** The signed-in delegate, or 403: only a delegate acts for themself on /api/me routes. */
export function requireDelegate(user: SessionUser): { delegateId: string; townshipId: string } {
  if (user.role !== 'delegate' || !user.delegateId || !user.townshipId) throw new AppError('FORBIDDEN', '仅党代表本人可以使用此功能');
  return { delegateId: user.delegateId, townshipId: user.townshipId };
}
