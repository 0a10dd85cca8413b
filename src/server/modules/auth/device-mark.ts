import crypto from 'node:crypto';
import type { FieldCipher } from '../../security/crypto.js';
import { randomToken } from '../../security/crypto.js';

/**
 * A device mark: a cookie given to a browser that signed in to an account, `<nonce>.<tag>` where
 * the tag is a keyed digest of the account name and nonce. An attempt that carries the mark of
 * the account it names counts only against that device, so strangers' failures (from other
 * addresses or from the same hall NAT address) never hold the delegate's own phone.
 */
export const DEVICE_COOKIE = 'nh_device';
export const DEVICE_COOKIE_DAYS = 400;

const tagOf = (cipher: FieldCipher, username: string, nonce: string) => cipher.digest(`device|${username}|${nonce}`).slice(0, 32);

export function issueDeviceMark(cipher: FieldCipher, username: string): string {
  const nonce = randomToken(12);
  return `${nonce}.${tagOf(cipher, username, nonce)}`;
}

/** The mark's nonce when it was issued for this account name, else null. */
export function deviceOf(cipher: FieldCipher, username: string, mark: string | undefined): string | null {
  const m = mark ? /^([A-Za-z0-9_-]{8,64})\.([0-9a-f]{32})$/.exec(mark) : null;
  if (!m) return null;
  const expected = Buffer.from(tagOf(cipher, username, m[1]!));
  const given = Buffer.from(m[2]!);
  return crypto.timingSafeEqual(given, expected) ? m[1]! : null;
}
