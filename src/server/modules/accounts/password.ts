import crypto from 'node:crypto';
import { checkPasswordStrength } from '../../../domain/accounts/password.js';

// Letters and digits that cannot be mistaken for one another when read aloud or copied by hand.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '@#%+=!?';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

const pick = (set: string) => set[crypto.randomInt(set.length)]!;

/** A random 12-character password with every character class, passing the strength rule. */
export function issuePassword(username: string): string {
  for (;;) {
    const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < 12) chars.push(pick(ALL));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = crypto.randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join('');
    if (!checkPasswordStrength(password, username)) return password;
  }
}
