import crypto from 'node:crypto';
import type { FieldCipher } from '../../security/crypto.js';

/**
 * A delegate's check-in QR code for one meeting: `<delegate id, base64url>.<keyed SM3 tag>`.
 * The tag is derived from the server key (ctx.cipher.digest), so no table holds the codes and
 * a code of one meeting or delegate is worthless for another. The same kind of derived token
 * lets the hall screen follow one meeting without a login.
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

export function checkInToken(cipher: FieldCipher, meetingId: string, delegateId: string): string {
  return `${b64(uuidBytes(delegateId))}.${b64(tag(cipher, 'checkin', meetingId, delegateId))}`;
}

/** The delegate id a token names, or null when it is not a code of this meeting. */
export function verifyCheckInToken(cipher: FieldCipher, meetingId: string, token: string): string | null {
  const m = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{16})$/.exec(token.trim());
  if (!m) return null;
  const idBytes = Buffer.from(m[1]!, 'base64url');
  if (idBytes.length !== 16) return null;
  const delegateId = uuidOf(idBytes);
  const expected = tag(cipher, 'checkin', meetingId, delegateId);
  const given = Buffer.from(m[2]!, 'base64url');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? delegateId : null;
}

export function screenToken(cipher: FieldCipher, meetingId: string): string {
  return b64(Buffer.from(cipher.digest(`screen|${meetingId}`), 'hex').subarray(0, 18));
}

export function verifyScreenToken(cipher: FieldCipher, meetingId: string, token: string): boolean {
  const expected = Buffer.from(screenToken(cipher, meetingId));
  const given = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
