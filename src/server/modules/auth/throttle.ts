/**
 * Failed sign-ins per client address. Only failures count: a hall full of delegates' phones
 * behind one NAT address must sign in as fast as password verification allows, so good logins
 * are never limited; a stranger guessing from that address is slowed once failures pile up.
 * Kept in memory per process: losing it on restart only resets the count.
 */
export const FAILURES_PER_ADDRESS = 60;
const WINDOW_MS = 60_000;

export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = FAILURES_PER_ADDRESS,
    private readonly windowMs = WINDOW_MS,
  ) {}

  private recent(key: string, now: number) {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until the next attempt may be tried, or 0 when it may be tried now. */
  waitSeconds(key: string, now = Date.now()): number {
    const list = this.recent(key, now);
    if (list.length < this.limit) return 0;
    return Math.ceil((list[0]! + this.windowMs - now) / 1000);
  }

  fail(key: string, now = Date.now()) {
    this.failures.set(key, [...this.recent(key, now), now]);
  }
}
