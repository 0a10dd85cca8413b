/**
 * Sign-in limits. Failures are counted per counter (an account from one address, an account
 * from one recognised device, an account over every unrecognised source, one address over
 * every account, guesses of the current password when changing it). Each counter lets a few
 * failures through, then makes the next attempt wait, doubling up to a cap; its window starts
 * at its first failure and ends after `windowSeconds`, and a success clears it. Nothing locks
 * an account: a counter only ever makes its own source wait.
 */
export interface LimitRule {
  /** Failures allowed in a window before attempts must wait. */
  free: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  windowSeconds: number;
}

export interface FailureCount {
  failures: number;
  windowStartedAt: Date;
  lastFailedAt: Date;
}

export const SIGN_IN_LIMITS = {
  /** One account from one address (or one recognised device): five tries, then 5 s, 10 s, … 5 min. */
  pair: { free: 5, firstDelaySeconds: 5, maxDelaySeconds: 300, windowSeconds: 3600 },
  /**
   * One account over every source it has not been signed in from: high enough that strangers
   * spread over many addresses need hours to make it bite; a device the account signed in from
   * before is never held by it.
   */
  account: { free: 100, firstDelaySeconds: 2, maxDelaySeconds: 300, windowSeconds: 86_400 },
  /** One address over every account: a hall of phones behind NAT mistypes, a scanner does not stop. */
  address: { free: 60, firstDelaySeconds: 10, maxDelaySeconds: 60, windowSeconds: 60 },
  /** Wrong current passwords when changing it, per account. */
  passwordChange: { free: 5, firstDelaySeconds: 5, maxDelaySeconds: 300, windowSeconds: 3600 },
} as const satisfies Record<string, LimitRule>;

const windowOver = (rule: LimitRule, c: FailureCount, now: Date) => now.getTime() - c.windowStartedAt.getTime() >= rule.windowSeconds * 1000;

/** The delay that the `failures`-th failure imposes on the next attempt, in seconds. */
export function delayAfter(rule: LimitRule, failures: number): number {
  if (failures < rule.free) return 0;
  const doublings = Math.min(failures - rule.free, 30);
  return Math.min(rule.firstDelaySeconds * 2 ** doublings, rule.maxDelaySeconds);
}

/** Whole seconds until the next attempt may be tried; 0 when it may be tried now. */
export function waitSeconds(rule: LimitRule, c: FailureCount | undefined, now: Date): number {
  const delay = c && !windowOver(rule, c, now) ? delayAfter(rule, c.failures) : 0;
  if (delay === 0) return 0;
  const until = c!.lastFailedAt.getTime() + delay * 1000;
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

/** The count after one more failure at `now` (a window that is over starts again). */
export function afterFailure(rule: LimitRule, c: FailureCount | undefined, now: Date): FailureCount {
  if (!c || c.failures === 0 || windowOver(rule, c, now)) return { failures: 1, windowStartedAt: now, lastFailedAt: now };
  return { failures: c.failures + 1, windowStartedAt: c.windowStartedAt, lastFailedAt: now };
}

/** The Chinese answer to an attempt that must wait: the same for every account name, known or not. */
export function waitMessage(seconds: number): string {
  const when = seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`;
  return `登录失败次数过多，请 ${when}后再试`;
}
