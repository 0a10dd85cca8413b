import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from './coalesce.js';

describe('coalescing a burst of changes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once, then once per window while touched, and always after the last touch', async () => {
    const c = new Coalescer(100);
    let value = 0;
    const seen: number[] = [];
    const run = async () => {
      seen.push(value);
    };
    value = 1;
    c.touch('poll', run);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([1]);
    for (let i = 2; i <= 2000; i++) {
      value = i;
      c.touch('poll', run);
      if (i % 400 === 0) await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(1000);
    // 2,000 touches over ~250 ms: a handful of runs, the last one seeing the final value.
    expect(seen.at(-1)).toBe(2000);
    expect(seen.length).toBeLessThanOrEqual(5);
  });

  it('keeps keys apart and stops after close', async () => {
    const c = new Coalescer(100);
    const seen: string[] = [];
    c.touch('a', async () => void seen.push('a'));
    c.touch('b', async () => void seen.push('b'));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen.sort()).toEqual(['a', 'b']);
    c.close();
    c.touch('a', async () => void seen.push('late'));
    await vi.advanceTimersByTimeAsync(500);
    expect(seen).not.toContain('late');
  });
});
