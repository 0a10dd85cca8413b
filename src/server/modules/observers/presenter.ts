import { maskPhone } from '../../../domain/roster/idcard.js';
import type { FieldCipher } from '../../security/crypto.js';
import type { ObserverRow } from './repository.js';

export const OBSERVER_KINDS = { disciplineCommission: '纪委委员', committeeDecided: '党委确定列席', publicApplicant: '党员群众申请列席' } as const;
export const OBSERVER_STATUSES = { approved: '同意列席', pending: '待决定', declined: '不同意列席' } as const;

/** Phones stay masked in lists: the committee calls applicants from the roster office, not from here. */
export function presentObserver(cipher: FieldCipher, o: ObserverRow) {
  let phone: string | null = null;
  if (o.phoneEnc) {
    try {
      phone = maskPhone(cipher.decrypt(o.phoneEnc));
    } catch {
      phone = '（无法解密）';
    }
  }
  return {
    id: o.id,
    meetingId: o.meetingId,
    name: o.name,
    kind: o.kind,
    kindLabel: OBSERVER_KINDS[o.kind as keyof typeof OBSERVER_KINDS] ?? o.kind,
    organisation: o.organisation,
    phone,
    status: o.status,
    statusLabel: OBSERVER_STATUSES[o.status as keyof typeof OBSERVER_STATUSES] ?? o.status,
    reason: o.reason,
    decisionReason: o.decisionReason,
    decidedAt: o.decidedAt,
    createdAt: o.createdAt,
  };
}
