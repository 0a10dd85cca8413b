import type { Role } from '../../../domain/accounts/roles.js';
import type { SessionUser } from '../../access/types.js';

interface Target {
  role: string;
  countyId: string;
  townshipId: string | null;
}

/**
 * A township administrator manages every account of their township except county ones; a county
 * administrator manages the county's administrators and its townships' administrators.
 */
export function mayCreateRole(actor: SessionUser, role: Role): boolean {
  if (actor.role === 'townshipAdmin') return role !== 'countyAdmin';
  if (actor.role === 'countyAdmin') return role === 'countyAdmin' || role === 'townshipAdmin';
  return false;
}

export function mayManage(actor: SessionUser, target: Target): boolean {
  if (target.countyId !== actor.countyId) return false;
  if (actor.role === 'townshipAdmin') return target.townshipId === actor.townshipId && target.role !== 'countyAdmin';
  if (actor.role === 'countyAdmin') return target.role === 'countyAdmin' || target.role === 'townshipAdmin';
  return false;
}

export const CANNOT_MANAGE = '无权管理该账户：乡镇管理员管理本乡镇的账户，县级管理员管理县级账户和乡镇管理员账户';
