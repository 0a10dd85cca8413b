import { keepsPhoneSignedIn, phoneState, type PhoneState } from '../../../domain/meeting/phone-binding.js';
import type { Executor } from '../../db/client.js';
import { deviceKeyOf } from './checkin-token.js';
import { chinaDate } from './policy.js';
import { findMeeting } from '../meetings/index.js';
import * as repo from './repository.js';

/** The attendance module's public face: a meeting's attendance rows and figures, and the delegate's phone at the hall. */
export { attendanceCounts, attendanceRows, deleteAttendance, insertAttendance, presentDelegateIds } from './repository.js';

export { deviceKeyOf } from './checkin-token.js';

/** A password reset ends the delegate's phone bindings: their phone must be confirmed again at the desk. */
export const releasePhones = (tx: Executor, townshipId: string, delegateId: string) => repo.releaseDevices(tx, townshipId, delegateId, 'passwordReset');

/** Whether this session is the delegate's bound phone on a day of its meeting: it stays signed in. */
export async function phoneKeptSignedIn(db: Executor, townshipId: string, delegateId: string, sessionId: string, now = new Date()) {
  const today = chinaDate(now);
  for (const id of await repo.meetingsOfDevice(db, townshipId, delegateId, deviceKeyOf(sessionId))) {
    const m = await findMeeting(db, townshipId, id);
    if (m && keepsPhoneSignedIn({ ...m, durationDays: Number(m.durationDays) }, today)) return true;
  }
  return false;
}

/** This session's standing at a meeting: may it vote (bound), or why not. */
export async function phoneStateAt(db: Executor, townshipId: string, meetingId: string, delegateId: string, sessionId: string): Promise<PhoneState | null> {
  const row = await repo.findAttendance(db, townshipId, meetingId, delegateId);
  return row ? phoneState(row, deviceKeyOf(sessionId)) : null;
}

export { requireScreenToken, rotateScreenLink, screenLink, SCREEN_LINK_EVENT } from './screen-link.js';
