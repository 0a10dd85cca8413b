import { describe, expect, it } from 'vitest';
import { guessabilityProblem } from './guessability.js';

describe('password guessability', () => {
  it.each([
    ['Password1', /常用密码/],
    ['P@ssw0rd2026', /常用密码/],
    ['Aa123456!', /太容易被猜中/],
    ['Qwerty@123', /键盘|常用密码/],
    ['Nianhui@2026', /常用密码|年份/],
  ])('refuses %s with a Chinese reason', (pw, reason) => {
    expect(guessabilityProblem(pw)).toMatch(reason);
  });

  it('names the user name when the password is built from it', () => {
    expect(guessabilityProblem('Wangli@1990', ['wangli', '王丽'])).toMatch(/用户名或姓名/);
  });

  it.each(['Xq7!mR2#vL9p', 'Test@2026pass', 'Lotus-Harbor-42!', '青山镇代表2026#'])('accepts %s', (pw) => {
    expect(guessabilityProblem(pw)).toBeNull();
  });

  it('refuses a long password that only repeats, and accepts the longest irregular one a form takes', () => {
    expect(guessabilityProblem('aB3$'.repeat(32))).toMatch(/重复/);
    const irregular = Array.from({ length: 128 }, (_, i) => 'Xq7!mR2#vL9pKd4&Tz8*Hw3%Nc6^Bs5@'[(i * 7 + (i >> 3)) % 32]).join('');
    expect(guessabilityProblem(irregular)).toBeNull();
  });
});
