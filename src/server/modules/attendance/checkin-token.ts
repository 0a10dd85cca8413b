import crypto from 'node:crypto';
import { sm3 } from '../../security/crypto.js';
import type { FieldCipher } from '../../security/crypto.js';

/**
 * A delegate's check-in QR code for one meeting, shown by one phone:
 * `<delegate id>.<keyed SM3 tag>.<device key>` (base64url). The device key names the session
 * showing the code, and the tag (under the server key, ctx.cipher.digest) covers meeting,
 * delegate and device, so no table holds the codes, a code of one meeting or delegate is
 * worthless for another, and nobody can put another session's key into a code. Scanning it
 * binds that phone: ballots come only from it. The same kind of derived token lets the hall
 * screen follow one meeting without a login.
 */

const b64 = (buf: Buffer) => buf.toString('base64url');

function tag(cipher: FieldCipher, purpose: string, ...parts: string[]): Buffer {
  return Buffer.from(cipher.digest([purpose, ...parts].join('|')), 'hex').subarray(0, 12);
}

function uuidBytes(id: string): Buffer {
  return Buffer.from(id.replace(/-/g, ''), 'hex');
}

function uuidOf(buf: Buffer): string {
  const h = buf.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The phone a session is: derived from the session id, so the cookie never leaves the phone. */
export const deviceKeyOf = (sessionId: string) => b64(Buffer.from(sm3(`device|${sessionId}`), 'hex').subarray(0, 16));

export function checkInToken(cipher: FieldCipher, meetingId: string, delegateId: string, deviceKey: string): string {
  return `${b64(uuidBytes(delegateId))}.${b64(tag(cipher, 'checkin', meetingId, delegateId, deviceKey))}.${deviceKey}`;
}

/** The delegate and phone a token names, or null when it is not a code of this meeting. */
export function verifyCheckInToken(cipher: FieldCipher, meetingId: string, token: string): { delegateId: string; deviceKey: string } | null {
  const m = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22})$/.exec(token.trim());
  if (!m) return null;
  const idBytes = Buffer.from(m[1]!, 'base64url');
  if (idBytes.length !== 16) return null;
  const delegateId = uuidOf(idBytes);
  const deviceKey = m[3]!;
  const expected = tag(cipher, 'checkin', meetingId, delegateId, deviceKey);
  const given = Buffer.from(m[2]!, 'base64url');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? { delegateId, deviceKey } : null;
}

/** The hall-screen token of a meeting's link generation (raised by 更换大屏链接). */
export function screenToken(cipher: FieldCipher, meetingId: string, generation: number): string {
  const subject = generation === 0 ? `screen|${meetingId}` : `screen|${meetingId}|${generation}`;
  return b64(Buffer.from(cipher.digest(subject), 'hex').subarray(0, 18));
}

export function verifyScreenToken(cipher: FieldCipher, meetingId: string, generation: number, token: string): boolean {
  const expected = Buffer.from(screenToken(cipher, meetingId, generation));
  const given = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
