import { describe, expect, it } from 'vitest';
import { meetingDuration } from './duration.js';

describe('meetingDuration (会期)', () => {
  it('writes half and whole days in Chinese numerals, 两 for two', () => {
    expect([0.5, 1, 1.5, 2, 2.5, 3, 10, 12.5].map(meetingDuration)).toEqual(['半天', '一天', '一天半', '两天', '两天半', '三天', '十天', '十二天半']);
  });

  it('refuses lengths that are not half days', () => {
    for (const d of [0, -1, 0.25, 1.3, Number.NaN, Infinity]) expect(() => meetingDuration(d)).toThrow(RangeError);
  });
});
