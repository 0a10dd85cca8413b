import type { Role } from '../../../domain/accounts/roles.js';
import { checkResolutionAction, type ResolutionAction, type ResolutionStatus } from '../../../domain/meeting/resolution.js';
import { conflict } from '../../errors.js';

/** The committee's staff and the county read every resolution, drafts included. */
export const RESOLUTION_STAFF: readonly Role[] = ['countyAdmin', 'townshipAdmin', 'committeeMember'];
/** Delegates read too, but only what the meeting adopted (see `visibleStatuses`). */
export const RESOLUTION_READERS: readonly Role[] = [...RESOLUTION_STAFF, 'delegate'];
/** Who drafts, records decisions, changes and follows up resolutions. */
export const RESOLUTION_MANAGERS: readonly Role[] = ['townshipAdmin'];

/** Statuses a role may see; undefined = all. A delegate never sees a draft or a rejected text. */
export function visibleStatuses(role: Role): readonly ResolutionStatus[] | undefined {
  return RESOLUTION_STAFF.includes(role) ? undefined : ['adopted', 'superseded'];
}

export function canSee(role: Role, status: string): boolean {
  const v = visibleStatuses(role);
  return !v || (v as readonly string[]).includes(status);
}

export function assertAction(status: string, action: ResolutionAction) {
  const msg = checkResolutionAction(status as ResolutionStatus, action);
  if (msg) throw conflict(msg);
}
