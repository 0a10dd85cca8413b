import type { Role } from '../../../domain/accounts/roles.js';
import type { SessionUser } from '../../access/types.js';

interface Target {
  role: string;
  countyId: string;
  townshipId: string | null;
}

/**
 * A township administrator manages every account of their township except county ones. A county
 * administrator creates only administrators (county and township) but manages (resets, disables,
 * enables, unlocks) every account of its county: the organization department steps in when a
 * township cannot, and could already do so through the township administrator's account, so doing
 * it directly leaves the true actor in the audit log.
 */
export function mayCreateRole(actor: SessionUser, role: Role): boolean {
  if (actor.role === 'townshipAdmin') return role !== 'countyAdmin';
  if (actor.role === 'countyAdmin') return role === 'countyAdmin' || role === 'townshipAdmin';
  return false;
}

export function mayManage(actor: SessionUser, target: Target): boolean {
  if (target.countyId !== actor.countyId) return false;
  if (actor.role === 'townshipAdmin') return target.townshipId === actor.townshipId && target.role !== 'countyAdmin';
  if (actor.role === 'countyAdmin') return true;
  return false;
}

export const CANNOT_MANAGE = '无权管理该账户：乡镇管理员管理本乡镇的账户，县级管理员管理全县的账户';
