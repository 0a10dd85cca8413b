import { describe, expect, it } from 'vitest';
import { afterFailure, delayAfter, SIGN_IN_LIMITS, waitMessage, waitSeconds, type FailureCount, type LimitRule } from './sign-in-limits.js';

const rule: LimitRule = { free: 5, firstDelaySeconds: 2, maxDelaySeconds: 300, windowSeconds: 3600 };
const t0 = new Date('2026-12-03T08:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

function failTimes(n: number, every = 0): FailureCount | undefined {
  let c: FailureCount | undefined;
  for (let i = 0; i < n; i++) c = afterFailure(rule, c, at(i * every));
  return c;
}

describe('sign-in limits', () => {
  it('lets the free failures through, then doubles the delay up to the cap', () => {
    expect([0, 1, 4].map((n) => delayAfter(rule, n))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 12].map((n) => delayAfter(rule, n))).toEqual([2, 4, 8, 16, 256]);
    expect([13, 14, 40, 1_000_000].map((n) => delayAfter(rule, n))).toEqual([300, 300, 300, 300]);
  });

  it('makes nobody wait before a failure or within the free ones', () => {
    expect(waitSeconds(rule, undefined, t0)).toBe(0);
    expect(waitSeconds(rule, failTimes(4), t0)).toBe(0);
    // An empty counter stamped by a clock a little ahead of ours holds nobody either.
    expect(waitSeconds(rule, { failures: 0, windowStartedAt: at(2), lastFailedAt: at(2) }, t0)).toBe(0);
  });

  it('counts the wait from the last failure, in whole seconds rounded up', () => {
    const c = failTimes(6); // 6th failure: 4 s
    expect(waitSeconds(rule, c, t0)).toBe(4);
    expect(waitSeconds(rule, c, new Date(t0.getTime() + 500))).toBe(4);
    expect(waitSeconds(rule, c, at(3))).toBe(1);
    expect(waitSeconds(rule, c, at(4))).toBe(0);
  });

  it('starts a new window once the old one is over, forgetting its failures', () => {
    const c = failTimes(20, 1);
    expect(waitSeconds(rule, c, at(100))).toBeGreaterThan(0);
    expect(waitSeconds(rule, c, at(3600))).toBe(0);
    expect(afterFailure(rule, c, at(3600))).toEqual({ failures: 1, windowStartedAt: at(3600), lastFailedAt: at(3600) });
  });

  it('keeps the window start while counting within it, and treats an empty counter as new', () => {
    expect(afterFailure(rule, failTimes(2, 10), at(30))).toEqual({ failures: 3, windowStartedAt: t0, lastFailedAt: at(30) });
    expect(afterFailure(rule, { failures: 0, windowStartedAt: at(-9999), lastFailedAt: at(-9999) }, t0)).toEqual({ failures: 1, windowStartedAt: t0, lastFailedAt: t0 });
  });

  it('lets a stranger spread over many addresses make the account ceiling bite only after 100 failures', () => {
    expect(delayAfter(SIGN_IN_LIMITS.account, 99)).toBe(0);
    expect(delayAfter(SIGN_IN_LIMITS.account, 100)).toBe(2);
    expect(delayAfter(SIGN_IN_LIMITS.pair, 4)).toBe(0);
    expect(delayAfter(SIGN_IN_LIMITS.pair, 5)).toBe(5);
    expect(delayAfter(SIGN_IN_LIMITS.address, 60)).toBe(10);
    expect(delayAfter(SIGN_IN_LIMITS.address, 100)).toBe(60);
  });

  it('says how long to wait in Chinese, in minutes from one minute on', () => {
    expect(waitMessage(4)).toBe('登录失败次数过多，请 4 秒后再试');
    expect(waitMessage(60)).toBe('登录失败次数过多，请 1 分钟后再试');
    expect(waitMessage(61)).toBe('登录失败次数过多，请 2 分钟后再试');
  });
});
