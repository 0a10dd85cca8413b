import { maskPhone } from '../../../domain/roster/idcard.js';
import { OBSERVER_KINDS, OBSERVER_STATUSES, type ObserverKind, type ObserverStatus } from '../../../domain/meeting/observer.js';
import type { FieldCipher } from '../../security/crypto.js';
import type { ObserverRow } from './repository.js';


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
    kindLabel: OBSERVER_KINDS[o.kind as ObserverKind] ?? o.kind,
    organisation: o.organisation,
    phone,
    status: o.status as ObserverStatus,
    statusLabel: OBSERVER_STATUSES[o.status as ObserverStatus] ?? o.status,
    reason: o.reason,
    decisionReason: o.decisionReason,
    decidedAt: o.decidedAt,
    createdAt: o.createdAt,
  };
}
