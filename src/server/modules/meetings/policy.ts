import type { Role } from '../../../domain/accounts/roles.js';
import { checkActivity, checkTransition, type MeetingActivity, type MeetingStatus, type MeetingTransition, type TransitionFacts } from '../../../domain/meeting/state.js';
import { conflict, forbidden } from '../../errors.js';
import type { SessionUser } from '../../access/types.js';

/** Everyone of the township (and the county) may read a meeting: its name and date are not secret. */
export const MEETING_READERS: readonly Role[] = ['countyAdmin', 'townshipAdmin', 'committeeMember', 'reviewer', 'delegate', 'scrutineer', 'teller', 'observer'];
/** The committee's staff who prepare and run the meeting. */
export const MEETING_MANAGERS: readonly Role[] = ['townshipAdmin'];
/** Who reads what delegates wrote back (comments, replies, applications). */
export const MEETING_STAFF: readonly Role[] = ['countyAdmin', 'townshipAdmin', 'committeeMember'];

export function assertActivity(status: string, activity: MeetingActivity) {
  const msg = checkActivity(status as MeetingStatus, activity);
  if (msg) throw conflict(msg);
}

export function assertTransition(status: string, action: MeetingTransition, facts?: TransitionFacts) {
  const msg = checkTransition(status as MeetingStatus, action, facts);
  if (msg) throw conflict(msg);
}

/** The delegate behind a signed-in delegate account, or a refusal that says why. */
export function delegateOf(user: SessionUser): { delegateId: string; townshipId: string } {
  if (user.role !== 'delegate') throw forbidden('仅党代表账户可以使用此功能');
  if (!user.delegateId || !user.townshipId) throw forbidden('本账户尚未关联党代表，请联系乡镇管理员');
  return { delegateId: user.delegateId, townshipId: user.townshipId };
}
