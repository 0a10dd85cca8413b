import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from './password.js';

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
