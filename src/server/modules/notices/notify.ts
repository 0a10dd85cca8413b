import type { Executor } from '../../db/client.js';
import * as repo from './repository.js';

export interface DelegateRecipient {
  id: string;
  /** The delegate's phone as stored (SM4 under the same key): copied, never decrypted here. */
  phoneEnc: string | null;
}

export interface Message {
  townshipId: string;
  meetingId?: string | null;
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  /** When set, a text message is queued to every recipient with a phone. */
  sms?: string | null;
}

/**
 * Writes in-app notifications and queues text messages inside the caller's transaction; the
 * outbox is drained after the transaction commits (drainSmsOutbox). Used by the meeting notice
 * and by anything else that must reach every delegate (e.g. an urgent change to a resolution).
 */
export async function notifyDelegates(tx: Executor, recipients: DelegateRecipient[], m: Message) {
  if (recipients.length === 0) return { notifications: 0, sms: 0 };
  const CHUNK = 500;
  for (let i = 0; i < recipients.length; i += CHUNK) {
    await repo.insertNotifications(
      tx,
      recipients.slice(i, i + CHUNK).map((r) => ({ townshipId: m.townshipId, delegateId: r.id, kind: m.kind, title: m.title, body: m.body, link: m.link ?? null })),
    );
  }
  const withPhone = m.sms ? recipients.filter((r) => r.phoneEnc) : [];
  for (let i = 0; i < withPhone.length; i += CHUNK) {
    await repo.queueSms(
      tx,
      withPhone.slice(i, i + CHUNK).map((r) => ({ townshipId: m.townshipId, meetingId: m.meetingId ?? null, phoneEnc: r.phoneEnc!, text: m.sms! })),
    );
  }
  return { notifications: recipients.length, sms: withPhone.length };
}

/** One notification to one user account (staff), e.g. a topic submitted for decision. */
export async function notifyUser(tx: Executor, userId: string, m: Omit<Message, 'sms'>) {
  await repo.insertNotifications(tx, [{ townshipId: m.townshipId, userId, kind: m.kind, title: m.title, body: m.body, link: m.link ?? null }]);
}
