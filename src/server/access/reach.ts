import { isCountyRole } from '../../domain/accounts/roles.js';
import type { SessionUser } from './types.js';

/**
 * The tenancy rule: a township user reaches only their own township, a county user only the
 * townships of their county. Anything else answers 404, as if it did not exist.
 */
export function inReach(user: SessionUser, township: { id: string; countyId: string } | undefined): boolean {
  if (!township || township.countyId !== user.countyId) return false;
  return isCountyRole(user.role) || user.townshipId === township.id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a township id is worth looking up for this user: anything else is out of reach. */
export function mightReach(user: SessionUser, townshipId: string): boolean {
  return UUID.test(townshipId) && (isCountyRole(user.role) || user.townshipId === townshipId);
}
