import { maskIdNumber, maskPhone } from '../../../domain/roster/idcard.js';
import { STATUS_REASONS, type DelegateStatus, type StatusReason } from '../../../domain/roster/status.js';
import type { DelegateSummary, GroupRef } from '../../../domain/schemas/roster-views.js';
import type { FieldCipher } from '../../security/crypto.js';
import type { StatusChangeRow } from './repository.js';
import type { DelegateRow, DelegateWithUnit } from './repository.js';

export type { DelegateSummary, GroupRef } from '../../../domain/schemas/roster-views.js';

/** A stored field that no longer decrypts (wrong key, tampered row) must not break a whole list. */
const UNREADABLE = '（无法解密）';

export function decryptField(cipher: FieldCipher, stored: string | null): string | null {
  if (!stored) return null;
  try {
    return cipher.decrypt(stored);
  } catch {
    return UNREADABLE;
  }
}

/** A personal number as lists show it: masked, or the unreadable marker as it is. */
export function maskedField(cipher: FieldCipher, stored: string | null, mask: (v: string) => string): string | null {
  const plain = decryptField(cipher, stored);
  return plain === null || plain === UNREADABLE ? plain : mask(plain);
}

/** The plain profile fields that every view of a delegate (list, audit, export) shares. */
export function profileOf(d: DelegateRow) {
  return {
    name: d.name,
    gender: d.gender,
    ethnicity: d.ethnicity,
    birthDate: d.birthDate,
    partyJoinDate: d.partyJoinDate,
    education: d.education,
    workplace: d.workplace,
    category: d.category,
  };
}

export function presentDelegate(cipher: FieldCipher, { delegate: d, unit }: DelegateWithUnit, groups: GroupRef[]): DelegateSummary {
  return {
    id: d.id,
    ...profileOf(d),
    electoralUnit: unit?.id ? { id: unit.id, name: unit.name } : null,
    phoneMasked: maskedField(cipher, d.phoneEnc, maskPhone),
    idNumberMasked: maskedField(cipher, d.idNumberEnc, maskIdNumber),
    status: d.status as DelegateStatus,
    statusSince: d.statusSince,
    groups,
  };
}

/** Groups rows of `groupsOfDelegates` by delegate. */
export function groupsByDelegate(rows: (GroupRef & { delegateId: string })[]): Map<string, GroupRef[]> {
  const map = new Map<string, GroupRef[]>();
  for (const { delegateId, ...g } of rows) {
    const list = map.get(delegateId);
    if (list) list.push(g);
    else map.set(delegateId, [g]);
  }
  return map;
}

export const reasonLabel = (reason: string) => STATUS_REASONS[reason as StatusReason]?.label ?? reason;

export function presentStatusChange(r: StatusChangeRow) {
  return {
    id: r.id,
    fromStatus: r.fromStatus as DelegateStatus,
    toStatus: r.toStatus as DelegateStatus,
    reason: r.reason,
    reasonLabel: reasonLabel(r.reason),
    note: r.note,
    decidedBy: r.decidedBy,
    decidedOn: r.decidedOn,
    filedWithCountyOn: r.filedWithCountyOn,
    createdAt: r.createdAt,
  };
}

/** What the audit log keeps of a delegate: everything but the personal numbers in clear. */
export function auditView(cipher: FieldCipher, d: DelegateRow) {
  return {
    ...profileOf(d),
    electoralUnitId: d.electoralUnitId,
    phoneMasked: maskedField(cipher, d.phoneEnc, maskPhone),
    idNumberMasked: maskedField(cipher, d.idNumberEnc, maskIdNumber),
    status: d.status,
    statusSince: d.statusSince,
    replacesDelegateId: d.replacesDelegateId,
  };
}
