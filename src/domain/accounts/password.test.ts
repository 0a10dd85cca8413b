import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, lockoutAfterFailure, LOCKOUT } from './password.js';

describe('password strength', () => {
  it.each([
    ['short', 'Ab1!', '密码至少 8 位'],
    ['two classes', 'abcdefgh1', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
    ['only letters', 'abcdEFGH', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
  ])('refuses %s', (_n, pw, msg) => expect(checkPasswordStrength(pw)).toBe(msg));

  it.each(['Abcdefg1', 'abcdefg1!', 'ABCDEFG1!', 'Nianhui@2026'])('accepts %s', (pw) => {
    expect(checkPasswordStrength(pw)).toBeNull();
  });

  it('refuses a password containing the user name', () => {
    expect(checkPasswordStrength('Zhangsan@1', 'zhangsan')).toBe('密码不能包含用户名');
  });
});

describe('lock-out', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('counts failures below the limit without locking', () => {
    expect(lockoutAfterFailure(0, now)).toEqual({ failedLogins: 1, lockedUntil: null });
    expect(lockoutAfterFailure(LOCKOUT.maxFailures - 2, now).lockedUntil).toBeNull();
  });
  it('locks on the fifth consecutive failure for 15 minutes', () => {
    const r = lockoutAfterFailure(LOCKOUT.maxFailures - 1, now);
    expect(r.lockedUntil?.toISOString()).toBe('2026-01-01T00:15:00.000Z');
    expect(r.failedLogins).toBe(0);
  });
});
