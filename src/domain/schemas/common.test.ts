import { describe, expect, it } from 'vitest';
import { IsoDate } from './common.js';

describe('IsoDate', () => {
  it.each(['2026-02-28', '2024-02-29', '2026-12-31', '2000-01-01'])('accepts %s', (d) => {
    expect(IsoDate.safeParse(d).success).toBe(true);
  });
  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-04-31', '2026-1-1', '20260101', ''])('refuses %s', (d) => {
    expect(IsoDate.safeParse(d).success).toBe(false);
  });
});
