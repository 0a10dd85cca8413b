/**
 * The delegate's phone at the meeting (issue 6): a ballot comes only from the phone whose
 * check-in code was scanned at the hall desk. These rules say what the phone is told, and how
 * long it stays signed in.
 */

export type PhoneState =
  /** Not checked in yet: show the code at the desk. */
  | 'notCheckedIn'
  /** Checked in with this phone: it may vote. */
  | 'bound'
  /** Checked in by hand: the phone's code must be scanned at the desk to confirm it. */
  | 'unconfirmed'
  /** The delegate's password was reset: the binding ended, confirm again at the desk. */
  | 'released'
  /** Checked in with another phone (or another sign-in on this one). */
  | 'otherPhone';

export function phoneState(row: { checkedInAt: Date | null; deviceKey: string | null; deviceReleased: string | null }, deviceKey: string): PhoneState {
  if (!row.checkedInAt) return 'notCheckedIn';
  if (row.deviceKey === deviceKey) return 'bound';
  if (row.deviceKey) return 'otherPhone';
  return row.deviceReleased ? 'released' : 'unconfirmed';
}

/** What the phone says in each state, and why a ballot from it is refused. */
export const PHONE_STATE_TEXT: Record<Exclude<PhoneState, 'bound'>, string> = {
  notCheckedIn: '您尚未签到，请在会场入口向工作人员出示签到码',
  unconfirmed: '工作人员已为您手工签到，请在签到处出示本机签到码确认后再投票',
  released: '您的密码已被重置，本机与签到的绑定已解除，请到签到处出示本机签到码重新确认后再投票',
  otherPhone: '您已用另一部手机（或另一次登录）签到，只能用签到时扫码的手机投票；如需更换手机，请到签到处出示本机签到码重新确认',
};

const DAY_MS = 86_400_000;

/** The last day of a meeting of `durationDays` (0.5, 1, 1.5 …) starting on `startsOn`, 'YYYY-MM-DD'. */
export function lastMeetingDay(startsOn: string, durationDays: number): string {
  const days = Math.max(1, Math.ceil(durationDays));
  return new Date(Date.parse(`${startsOn}T00:00:00Z`) + (days - 1) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Whether a bound phone stays signed in however long it idles: on the meeting's days, while
 * the meeting is not closed. `today` is the China date, 'YYYY-MM-DD'.
 */
export function keepsPhoneSignedIn(m: { status: string; startsOn: string; durationDays: number }, today: string): boolean {
  if (m.status !== 'notified' && m.status !== 'inProgress') return false;
  return m.startsOn <= today && today <= lastMeetingDay(m.startsOn, m.durationDays);
}
