import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from '../../../domain/accounts/password.js';
import { issuePassword } from './password.js';

describe('issued passwords', () => {
  it('always pass the strength rule, avoid look-alike characters and differ each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = issuePassword('wang.li');
      expect(checkPasswordStrength(p, 'wang.li')).toBeNull();
      expect(p).toHaveLength(12);
      expect(p).not.toMatch(/[IOl01]/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
